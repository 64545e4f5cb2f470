import type { GrantWriteHook } from '../../../lib/authz/grants';
import { domainEvent } from '../../../lib/events/event';
import type { EventOutbox } from '../../../lib/events/outbox';

/**
 * R1/R2, issue 13: every grant given and every grant a revocation ends (its own or a source's)
 * is a `grant.changed` event for its grantee, written in the same transaction as the grant
 * (GrantRepository calls this hook inside it), so no event exists for a write that rolled back
 * and none is missing for one that committed. The gateway ends a live subscription whose rights
 * went with a revoked grant when it hears of it.
 */
export function grantEvents(events: Pick<EventOutbox, 'record' | 'publishSoon'>): GrantWriteHook {
  return {
    written: (tx, change, grants) =>
      events.record(
        tx,
        grants.map((grant) =>
          domainEvent({
            // A grant is given once and revoked once: the id says which.
            id: `grant:${grant.id}:${change}`,
            type: 'grant.changed',
            source: 'customer',
            customerId: grant.customerId,
            accountId: grant.scopeKind === 'ACCOUNT' ? (grant.scopeIds[0] ?? null) : null,
            subjectId: grant.id,
            recipients: [grant.granteeId],
            data: { change },
          }),
        ),
      ),
    committed: () => events.publishSoon(),
  };
}
