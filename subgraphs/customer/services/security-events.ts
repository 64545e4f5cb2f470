import type { Actor } from '../../../lib/actor';
import type {
  SecurityAlarm,
  SecurityEvent,
  SecurityEventKind,
  SecurityEventLog,
} from '../../../lib/audit/security-events';
import { requireUser } from '../../../lib/authz/assertions';
import { notFound } from '../../../lib/errors';

export interface SecurityEventDeps {
  actor: Actor;
  audit: SecurityEventLog;
}

/**
 * Whose security events a caller may read (S4): operator staff any customer's (null = all);
 * a manager their own customer's only, and another customer's id answers like a missing one.
 */
function auditScope(actor: Actor, customerId: string | null | undefined): string | null {
  if (actor.kind === 'staff') return customerId ?? null;
  const user = requireUser(actor);
  if (customerId && customerId !== user.customerId) throw notFound('Customer', customerId);
  return user.customerId;
}

/** S4: one page of recorded events, newest first, optionally of one kind. */
export async function securityEvents(
  deps: SecurityEventDeps,
  filter: { customerId?: string | null; kind?: SecurityEventKind | null },
  page: { offset: number; limit: number },
): Promise<{ items: SecurityEvent[]; total: number }> {
  return deps.audit.eventsOfCustomer(
    auditScope(deps.actor, filter.customerId),
    filter.kind ?? null,
    page.offset,
    page.limit,
  );
}

/** S4: suspicious patterns detected in the events the caller may read. */
export async function securityAlarms(
  deps: SecurityEventDeps,
  customerId: string | null | undefined,
): Promise<SecurityAlarm[]> {
  return deps.audit.alarmsOfCustomer(auditScope(deps.actor, customerId));
}
