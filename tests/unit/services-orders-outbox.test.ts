import { createHash, randomUUID } from 'node:crypto';
import type { DomainEvent } from '../../lib/events/event';
import type { Queryable } from '../../lib/store/database';
import { migrate } from '../../lib/store/migrations';
import type { OrderSubmission } from '../../legacy/ibss/client';
import { queuedOrderCancelled } from '../../subgraphs/orders/services/order-events';
import { fingerprintOf, OrderOutbox } from '../../subgraphs/orders/services/outbox';
import { scratchDatabase, type ScratchDatabase } from '../../system/kit/scratch-database';
import { order } from '../support/orders-fakes';

/**
 * Issue 6: the order outbox's SQL, on a real PostgreSQL (a scratch schema for this file, migrated
 * once; every test starts from an empty table). Times are compared inside the database, where
 * `now()` is one value per statement, so the intervals are exact.
 */
let scratch: ScratchDatabase;
beforeAll(async () => {
  scratch = await scratchDatabase({
    url: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    schema: `ssm_outbox_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    maxConnections: 2,
  });
  await migrate(scratch.db);
});
afterAll(async () => {
  await scratch.drop();
});

let recorded: { tx: Queryable; events: readonly DomainEvent[] }[];
let published: number;
let outbox: OrderOutbox;
beforeEach(async () => {
  await scratch.db.query('DELETE FROM order_outbox');
  recorded = [];
  published = 0;
  outbox = new OrderOutbox(scratch.db, {
    record: async (tx, events) => void recorded.push({ tx, events }),
    publishSoon: () => void published++,
  });
});

const submission = (n: number, extra: Partial<OrderSubmission> = {}): OrderSubmission => ({
  requestId: `C-1:U-1:key-000${n}`,
  customerId: 'C-1',
  accountId: 'A-1',
  requestedBy: 'U-1',
  callbackUrl: null,
  note: `note ${n}`,
  items: [{ action: 'suspend', serviceId: `S-${n}` }],
  ...extra,
});

const queuedIdOf = (requestId: string) =>
  `QO-${createHash('sha256').update(requestId).digest('hex').slice(0, 20)}`;

/** Seconds from `updated_at` (the last write's now()) to `column`, for one row. */
async function secondsAfterUpdate(requestId: string, column: 'next_attempt_at' | 'lease_until') {
  const [row] = await scratch.db.query<{ s: string | null }>(
    `SELECT extract(epoch FROM ${column} - updated_at)::text AS s FROM order_outbox WHERE request_id = $1`,
    [requestId],
  );
  return row.s === null ? null : Number(row.s);
}

/** Makes rows due now, created in the order given (oldest first). */
async function due(...requestIds: string[]) {
  for (const [i, id] of requestIds.entries())
    await scratch.db.query(
      `UPDATE order_outbox SET next_attempt_at = now() - interval '1 second',
              created_at = now() - ($2 || ' minutes')::interval WHERE request_id = $1`,
      [id, String(requestIds.length - i)],
    );
}

describe('issue 6: writing orders ahead of submission (services/outbox)', () => {
  it('F4: a new order is written pending, with its queued id, fingerprint and submission', async () => {
    const s = submission(1);
    const row = await outbox.record(s);
    expect(row).toEqual({
      requestId: s.requestId,
      queuedId: queuedIdOf(s.requestId),
      customerId: 'C-1',
      accountId: 'A-1',
      requestedBy: 'U-1',
      submission: s,
      fingerprint: fingerprintOf(s),
      state: 'pending',
      orderId: null,
      reason: null,
      attempts: 0,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(Math.abs(Date.parse(row.createdAt) - Date.now())).toBeLessThan(60_000);
    expect(row.queuedId).toMatch(/^QO-[0-9a-f]{20}$/);
  });

  it('F4: the request has 15 seconds to submit it itself before a worker may', async () => {
    const s = submission(1);
    await outbox.record(s);
    expect(await secondsAfterUpdate(s.requestId, 'next_attempt_at')).toBe(15);
    expect(await outbox.claimDue(10)).toEqual([]);
  });

  it('F4: a key used before answers the first row, whatever the second request holds', async () => {
    const first = await outbox.record(submission(1));
    const again = await outbox.record(submission(1, { note: 'another note', accountId: 'A-2' }));
    expect(again).toEqual(first);
    expect(await outbox.pendingCount()).toBe(1);
  });

  it('F9: rows are found by queued id and by request id; unknown ids are null', async () => {
    const row = await outbox.record(submission(1));
    await outbox.record(submission(2));
    expect(await outbox.byQueuedId(row.queuedId)).toEqual(row);
    expect(await outbox.byRequestId(row.requestId)).toEqual(row);
    expect(await outbox.byQueuedId('QO-none')).toBeNull();
    expect(await outbox.byRequestId('none')).toBeNull();
  });
});

describe('issue 6: settling what the IBSS answered (services/outbox)', () => {
  it('F4: an accepted order is submitted, with the IBSS’s order id', async () => {
    const row = await outbox.record(submission(1));
    await outbox.settle(row.requestId, { kind: 'accepted', order: order('O-5') }, 1);
    expect(await outbox.byRequestId(row.requestId)).toMatchObject({
      state: 'submitted',
      orderId: 'O-5',
      reason: null,
    });
    expect(await outbox.pendingCount()).toBe(0);
  });

  it('F4: a rejected order keeps the reason; a conflicting one says why', async () => {
    const a = await outbox.record(submission(1));
    const b = await outbox.record(submission(2));
    await outbox.settle(a.requestId, { kind: 'rejected', reason: 'No such offering' }, 1);
    await outbox.settle(b.requestId, { kind: 'conflict' }, 1);
    expect(await outbox.byRequestId(a.requestId)).toMatchObject({
      state: 'rejected',
      orderId: null,
      reason: 'No such offering',
    });
    expect(await outbox.byRequestId(b.requestId)).toMatchObject({
      state: 'conflict',
      orderId: null,
      reason: 'The request id was used for a different order.',
    });
  });

  it('F4: a settled row gives up its lease', async () => {
    const row = await outbox.record(submission(1));
    await due(row.requestId);
    await outbox.claimDue(1);
    await outbox.settle(row.requestId, { kind: 'accepted', order: order('O-5') }, 1);
    expect(await secondsAfterUpdate(row.requestId, 'lease_until')).toBeNull();
  });

  it.each([
    [0, 0.5],
    [1, 1],
    [3, 4],
    [5, 16],
    [6, 30],
    [9, 30],
  ])(
    'F4: unreachable after %i attempts, the row waits %d s and gives up its lease',
    async (attempts, seconds) => {
      const row = await outbox.record(submission(1));
      await due(row.requestId);
      await outbox.claimDue(1);
      await outbox.settle(row.requestId, 'unreachable', attempts);
      expect(await secondsAfterUpdate(row.requestId, 'next_attempt_at')).toBe(seconds);
      expect(await secondsAfterUpdate(row.requestId, 'lease_until')).toBeNull();
      expect(await outbox.byRequestId(row.requestId)).toMatchObject({ state: 'pending' });
    },
  );

  it('F4: "unreachable" never reopens a row that is settled already', async () => {
    const row = await outbox.record(submission(1));
    await outbox.settle(row.requestId, { kind: 'accepted', order: order('O-5') }, 1);
    await scratch.db.query(`UPDATE order_outbox SET next_attempt_at = now() + interval '1 hour'`);
    await outbox.settle(row.requestId, 'unreachable', 0);
    expect(await outbox.byRequestId(row.requestId)).toMatchObject({ state: 'submitted', orderId: 'O-5' });
    expect(await secondsAfterUpdate(row.requestId, 'next_attempt_at')).toBeGreaterThan(3000);
  });
});

describe('issue 6: workers claiming due rows (services/outbox)', () => {
  it('F4: claims due pending rows, oldest first, up to the limit, each for 30 seconds and one attempt more', async () => {
    const rows = [];
    for (const n of [1, 2, 3]) rows.push(await outbox.record(submission(n)));
    await due(...rows.map((r) => r.requestId));
    const claimed = await outbox.claimDue(2);
    expect(claimed.map((r) => [r.requestId, r.attempts])).toEqual([
      [rows[0].requestId, 1],
      [rows[1].requestId, 1],
    ]);
    expect(claimed[0].submission).toEqual(submission(1));
    expect(await secondsAfterUpdate(rows[0].requestId, 'lease_until')).toBe(30);
    // The leased rows are another worker's for now: only the third one is left.
    expect((await outbox.claimDue(10)).map((r) => r.requestId)).toEqual([rows[2].requestId]);
    expect(await outbox.claimDue(10)).toEqual([]);
  });

  it('F4: a lease that ran out is claimed again', async () => {
    const row = await outbox.record(submission(1));
    await due(row.requestId);
    await outbox.claimDue(1);
    await scratch.db.query(`UPDATE order_outbox SET lease_until = now() - interval '1 second'`);
    expect((await outbox.claimDue(1)).map((r) => r.attempts)).toEqual([2]);
  });

  it('F4: rows not yet due, or no longer pending, are not claimed', async () => {
    const a = await outbox.record(submission(1));
    const b = await outbox.record(submission(2));
    await outbox.record(submission(3));
    await due(a.requestId, b.requestId);
    await outbox.settle(a.requestId, { kind: 'rejected', reason: 'No' }, 0);
    expect((await outbox.claimDue(10)).map((r) => r.requestId)).toEqual([b.requestId]);
  });

  it('F9: the pending count counts pending rows only', async () => {
    expect(await outbox.pendingCount()).toBe(0);
    const a = await outbox.record(submission(1));
    await outbox.record(submission(2));
    await outbox.record(submission(3));
    await outbox.settle(a.requestId, { kind: 'conflict' }, 0);
    expect(await outbox.pendingCount()).toBe(2);
  });
});

describe('F4: cancelling a queued order (services/outbox)', () => {
  it('F4: a pending order no worker holds is cancelled, its event recorded in the same transaction', async () => {
    const row = await outbox.record(submission(1));
    const cancelled = await outbox.cancelQueued(row.queuedId);
    expect(cancelled).toEqual({ ...row, state: 'cancelled' });
    expect(recorded).toHaveLength(1);
    expect(recorded[0].tx).not.toBe(scratch.db);
    expect(recorded[0].events).toEqual([{ ...queuedOrderCancelled(cancelled!), time: expect.any(String) }]);
    expect(published).toBe(1);
    expect(await outbox.pendingCount()).toBe(0);
    expect(await outbox.claimDue(10)).toEqual([]);
  });

  it('F4: an order a worker is sending right now is left to the IBSS: no event', async () => {
    const row = await outbox.record(submission(1));
    await due(row.requestId);
    await outbox.claimDue(1);
    expect(await outbox.cancelQueued(row.queuedId)).toMatchObject({ state: 'pending', attempts: 1 });
    expect(recorded).toEqual([]);
    expect(published).toBe(0);
  });

  it('F4: an order whose lease ran out can be cancelled', async () => {
    const row = await outbox.record(submission(1));
    await due(row.requestId);
    await outbox.claimDue(1);
    await scratch.db.query(`UPDATE order_outbox SET lease_until = now() - interval '1 second'`);
    expect(await outbox.cancelQueued(row.queuedId)).toMatchObject({ state: 'cancelled' });
    expect(published).toBe(1);
  });

  it('F4: an order already sent stays as it is; an unknown queued id is null', async () => {
    const row = await outbox.record(submission(1));
    await outbox.settle(row.requestId, { kind: 'accepted', order: order('O-5') }, 0);
    expect(await outbox.cancelQueued(row.queuedId)).toMatchObject({ state: 'submitted', orderId: 'O-5' });
    expect(await outbox.cancelQueued('QO-none')).toBeNull();
    expect(recorded).toEqual([]);
    expect(published).toBe(0);
  });

  it('F4: when the event cannot be written, the order is not cancelled either', async () => {
    const row = await outbox.record(submission(1));
    const failing = new OrderOutbox(scratch.db, {
      record: async () => {
        throw new Error('event store full');
      },
      publishSoon: () => void published++,
    });
    await expect(failing.cancelQueued(row.queuedId)).rejects.toThrow('event store full');
    expect(await outbox.byQueuedId(row.queuedId)).toMatchObject({ state: 'pending' });
    expect(published).toBe(0);
  });
});
