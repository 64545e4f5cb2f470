import { createHash } from 'node:crypto';
import { LegacyError } from '../../lib/errors';
import type { OrderSubmission } from '../../legacy/ibss/client';
import type { Database } from '../../lib/store/database';
import {
  fingerprintOf,
  isUnreachable,
  OrderOutbox,
  queuedOrder,
} from '../../subgraphs/orders/services/outbox';
import { outboxRow } from '../support/orders-fakes';

const submission: OrderSubmission = {
  requestId: 'C-1:U-1:key-0001',
  customerId: 'C-1',
  accountId: 'A-1',
  requestedBy: 'U-1',
  callbackUrl: 'http://orders/callback',
  note: 'Please hurry',
  items: [
    { action: 'add', offeringId: 'MOB', parameters: { roaming: 'on' } },
    { action: 'suspend', serviceId: 'S-1' },
  ],
};

describe('issue 6: what makes two requests the same order (services/outbox)', () => {
  it('F4: the fingerprint is the SHA-256 of the account, the note and the items', () => {
    const expected = createHash('sha256')
      .update(JSON.stringify(['A-1', 'Please hurry', submission.items]))
      .digest('hex');
    expect(fingerprintOf(submission)).toBe(expected);
  });

  it('F4: who sent it, under which request id and with which callback do not change it', () => {
    expect(
      fingerprintOf({
        ...submission,
        requestId: 'other',
        customerId: 'C-2',
        requestedBy: 'U-2',
        callbackUrl: null,
      }),
    ).toBe(fingerprintOf(submission));
  });

  it('F4: another account, note or item list is another order', () => {
    const base = fingerprintOf(submission);
    expect(fingerprintOf({ ...submission, accountId: 'A-2' })).not.toBe(base);
    expect(fingerprintOf({ ...submission, note: null })).not.toBe(base);
    expect(fingerprintOf({ ...submission, items: [submission.items[0]] })).not.toBe(base);
  });
});

describe('issue 6: an IBSS that cannot be reached (services/outbox)', () => {
  it.each(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT'] as const)(
    'F4: an IBSS %s leaves the order queued',
    (code) => {
      expect(isUnreachable(new LegacyError('ibss', code, 'x'))).toBe(true);
    },
  );

  it('F4: an IBSS that answered with an error, another system, or any other error is not "unreachable"', () => {
    expect(isUnreachable(new LegacyError('ibss', 'UPSTREAM_ERROR', 'x'))).toBe(false);
    expect(isUnreachable(new LegacyError('ibss', 'NOT_FOUND', 'x'))).toBe(false);
    expect(isUnreachable(new LegacyError('crm', 'UPSTREAM_UNAVAILABLE', 'x'))).toBe(false);
    expect(isUnreachable(new LegacyError('crm', 'UPSTREAM_TIMEOUT', 'x'))).toBe(false);
    expect(isUnreachable(Object.assign(new Error('x'), { system: 'ibss', code: 'UPSTREAM_TIMEOUT' }))).toBe(
      false,
    );
    expect(isUnreachable(null)).toBe(false);
  });
});

describe('issue 6: a queued order as the client sees it (services/outbox)', () => {
  it('F9: a queued order is acknowledged, under its queued id, item by item, with the order’s note', () => {
    expect(queuedOrder(outboxRow(submission, { queuedId: 'QO-7' }))).toEqual({
      id: 'QO-7',
      customerId: 'C-1',
      accountId: 'A-1',
      state: 'acknowledged',
      note: 'Please hurry',
      requestedBy: 'U-1',
      createdAt: '2026-11-30T10:00:00Z',
      completedAt: null,
      items: [
        {
          id: 'QO-7-1',
          action: 'add',
          offeringId: 'MOB',
          serviceId: null,
          state: 'acknowledged',
          workOrderId: 'not yet issued',
          failureReason: null,
        },
        {
          id: 'QO-7-2',
          action: 'suspend',
          offeringId: null,
          serviceId: 'S-1',
          state: 'acknowledged',
          workOrderId: 'not yet issued',
          failureReason: null,
        },
      ],
    });
  });

  it('F9: a rejected queued order shows the reason as its note and each item’s failure', () => {
    const order = queuedOrder(outboxRow(submission, { state: 'rejected', reason: 'No such offering' }));
    expect(order).toMatchObject({ state: 'rejected', note: 'No such offering' });
    expect(order.items.map((i) => [i.state, i.failureReason])).toEqual([
      ['rejected', 'No such offering'],
      ['rejected', 'No such offering'],
    ]);
  });

  it('F4: a cancelled queued order is cancelled, item by item, and keeps its note', () => {
    const order = queuedOrder(outboxRow(submission, { state: 'cancelled', reason: 'ignored' }));
    expect(order).toMatchObject({ state: 'cancelled', note: 'Please hurry' });
    expect(order.items.map((i) => [i.state, i.failureReason])).toEqual([
      ['cancelled', null],
      ['cancelled', null],
    ]);
  });

  it.each(['submitted', 'conflict'] as const)(
    'F9: a %s row not yet read from the IBSS shows as acknowledged',
    (state) => {
      const order = queuedOrder(outboxRow(submission, { state, reason: 'r' }));
      expect(order).toMatchObject({ state: 'acknowledged', note: 'Please hurry' });
      expect(order.items.map((i) => [i.state, i.failureReason])).toEqual([
        ['acknowledged', null],
        ['acknowledged', null],
      ]);
    },
  );
});

/** A row as a driver that returns JSON and times as texts gives it. */
const rowOf = (s: OrderSubmission) => ({
  request_id: s.requestId,
  queued_id: 'QO-7',
  customer_id: 'C-1',
  account_id: 'A-1',
  requested_by: 'U-1',
  submission: JSON.stringify(s),
  fingerprint: 'f',
  state: 'pending',
  order_id: null,
  reason: null,
  attempts: 2,
  created_at: '2026-11-30 10:00:00+02',
});

describe('issue 6: rows from a driver that returns JSON as text (services/outbox)', () => {
  it('F9: a submission read back as a JSON text and a time read back as a text are parsed', async () => {
    const asked: unknown[][] = [];
    const db = {
      query: async (...args: unknown[]) => {
        asked.push(args);
        return [rowOf(submission)];
      },
    } as unknown as Database;
    const outbox = new OrderOutbox(db, { record: async () => undefined, publishSoon: () => undefined });
    expect(await outbox.byRequestId(submission.requestId)).toEqual({
      requestId: submission.requestId,
      queuedId: 'QO-7',
      customerId: 'C-1',
      accountId: 'A-1',
      requestedBy: 'U-1',
      submission,
      fingerprint: 'f',
      state: 'pending',
      orderId: null,
      reason: null,
      attempts: 2,
      createdAt: '2026-11-30T08:00:00.000Z',
    });
    expect(asked).toEqual([[expect.stringContaining('WHERE request_id = $1'), [submission.requestId]]]);
  });

  it('F4: a new order takes one round trip: the insert answers the row itself', async () => {
    const statements: string[] = [];
    const db = {
      query: async (sql: string) => {
        statements.push(sql);
        return [rowOf(submission)];
      },
    } as unknown as Database;
    const outbox = new OrderOutbox(db, { record: async () => undefined, publishSoon: () => undefined });
    expect(await outbox.record(submission)).toMatchObject({
      requestId: submission.requestId,
      queuedId: 'QO-7',
    });
    expect(statements).toEqual([expect.stringContaining('INSERT INTO order_outbox')]);
  });
});
