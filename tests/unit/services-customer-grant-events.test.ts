import type { Grant } from '../../lib/authz/grants';
import type { DomainEvent } from '../../lib/events/event';
import type { Queryable } from '../../lib/store/database';
import { grantEvents } from '../../subgraphs/customer/services/grant-events';
import { grant as sharedGrant } from '../support/customer-grants-fakes';

/** An outbox in memory: what was recorded in which transaction, and how often publishing was asked. */
function memoryOutbox() {
  const recorded: { tx: Queryable; events: readonly DomainEvent[] }[] = [];
  let published = 0;
  return {
    recorded,
    published: () => published,
    record: async (tx: Queryable, events: readonly DomainEvent[]) => void recorded.push({ tx, events }),
    publishSoon: () => void (published += 1),
  };
}

/** The shared grant fake (tests/support), held by U-2 unless said otherwise. */
const grant = (over: Partial<Grant>): Grant => sharedGrant({ granteeId: 'U-2', ...over });

const tx = { query: async () => [] } as unknown as Queryable;

describe('grant.changed events (R1/R2, issue 13)', () => {
  it('R2: each grant written is one grant.changed event for its grantee, in the same transaction', async () => {
    const outbox = memoryOutbox();
    await grantEvents(outbox).written(tx, 'revoked', [
      grant({ id: 'G-1', granteeId: 'U-2', customerId: 'C-1' }),
      grant({ id: 'G-2', granteeId: 'U-3', customerId: 'C-1', scopeKind: 'ACCOUNT', scopeIds: ['A-9'] }),
    ]);
    expect(outbox.recorded).toHaveLength(1);
    expect(outbox.recorded[0].tx).toBe(tx);
    expect(outbox.recorded[0].events).toEqual([
      expect.objectContaining({
        id: 'grant:G-1:revoked',
        type: 'grant.changed',
        source: 'customer',
        customerId: 'C-1',
        accountId: null,
        partnerId: null,
        subjectId: 'G-1',
        recipients: ['U-2'],
        data: { change: 'revoked' },
      }),
      expect.objectContaining({
        id: 'grant:G-2:revoked',
        accountId: 'A-9',
        subjectId: 'G-2',
        recipients: ['U-3'],
        data: { change: 'revoked' },
      }),
    ]);
    expect(outbox.published()).toBe(0);
  });

  it('R1: a grant given is a "granted" event whose id differs from its revocation', async () => {
    const outbox = memoryOutbox();
    await grantEvents(outbox).written(tx, 'granted', [grant({ id: 'G-5' })]);
    expect(outbox.recorded[0].events).toEqual([
      expect.objectContaining({ id: 'grant:G-5:granted', data: { change: 'granted' } }),
    ]);
  });

  it('an account grant without a scope id names no account (null, never undefined)', async () => {
    const outbox = memoryOutbox();
    await grantEvents(outbox).written(tx, 'granted', [grant({ scopeKind: 'ACCOUNT', scopeIds: [] })]);
    expect(outbox.recorded[0].events[0].accountId).toBeNull();
  });

  it('publishes only once the transaction committed', () => {
    const outbox = memoryOutbox();
    grantEvents(outbox).committed();
    expect(outbox.published()).toBe(1);
    expect(outbox.recorded).toHaveLength(0);
  });
});
