import { GraphQLError } from 'graphql';
import type { Actor } from '../../lib/actor';
import { LegacyError } from '../../lib/errors';
import type { OrderSubmission, SubmitResult } from '../../legacy/ibss/client';
import type { OrderModel } from '../../legacy/ibss/models';
import {
  placeProductOrder,
  submitOrder,
  type OrderRequest,
  type SubmissionDeps,
} from '../../subgraphs/orders/services/order-submission';
import { queuedOrder, type OutboxRow } from '../../subgraphs/orders/services/outbox';
import { anonymous, auditLog, infoLog, manager, order, outboxRow, userWith } from '../support/orders-fakes';

/**
 * The outbox answers `record` with `row(submission)` (a fresh pending row by default); the IBSS
 * answers `submit` with `answer` (thrown when an Error) and knows the orders in `known`.
 */
function submission(
  options: {
    actor?: Actor;
    row?: (s: OrderSubmission) => OutboxRow;
    answer?: SubmitResult | Error;
    known?: OrderModel[];
    taken?: string[];
  } = {},
) {
  const calls: { method: string; args: unknown[] }[] = [];
  const call = (method: string, args: unknown[]) => void calls.push({ method, args });
  const { audit, events } = auditLog();
  const { logger, lines } = infoLog();
  const deps = {
    actor: options.actor ?? manager,
    callbackUrl: 'http://orders/callback',
    audit,
    logger,
    outbox: {
      record: async (s: OrderSubmission) => {
        call('record', [s]);
        return (options.row ?? ((x: OrderSubmission) => outboxRow(x)))(s);
      },
      settle: async (...args: unknown[]) => call('settle', args),
    },
    ibss: {
      submit: async (s: OrderSubmission) => {
        call('submit', [s]);
        const answer = options.answer ?? { kind: 'accepted', order: order('O-1') };
        if (answer instanceof Error) throw answer;
        return answer;
      },
      getOrders: async (ids: string[]) => {
        call('getOrders', [ids]);
        return (options.known ?? []).filter((o) => ids.includes(o.id));
      },
    },
    crm: {
      getAccounts: async (ids: string[]) =>
        ids.flatMap((id) =>
          id === 'A-1' ? [{ id, customerId: 'C-1' }] : id === 'A-9' ? [{ id, customerId: 'C-2' }] : [],
        ),
      getCustomers: async (ids: string[]) => ids.map((id) => ({ id, address: { postcode: '00210' } })),
    },
    catalogue: {
      getOfferings: async (ids: string[]) =>
        ids.map((id) => ({ id, name: id, serviceType: 'MOBILE', bundledOfferingIds: [] })),
      availability: async (postcode: string) => ({
        postcode,
        results: [{ serviceType: 'MOBILE', available: true, maxDownloadMbps: null, reason: null }],
      }),
      numberAvailable: async (n: string) => !(options.taken ?? []).includes(n),
    },
  };
  return {
    deps: deps as unknown as SubmissionDeps & Parameters<typeof placeProductOrder>[0],
    calls,
    events,
    lines,
  };
}

const request = (extra: Partial<OrderRequest> = {}): OrderRequest => ({
  idempotencyKey: 'key-0001',
  accountId: 'A-1',
  items: [{ action: 'suspend', serviceId: 'S-1' }],
  note: 'Holiday',
  ...extra,
});

/** What submitOrder sends for request(): scoped to C-1's user U-1. */
const sent: OrderSubmission = {
  requestId: 'C-1:U-1:key-0001',
  customerId: 'C-1',
  accountId: 'A-1',
  requestedBy: 'U-1',
  callbackUrl: 'http://orders/callback',
  note: 'Holiday',
  items: [{ action: 'suspend', serviceId: 'S-1' }],
};

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof GraphQLError ? e.extensions.code : String(e)),
  );

describe('F4: placing a product order (services/order-submission)', () => {
  it('F4: orders each offering as an item to add, with its parameters and chosen number', async () => {
    const s = submission();
    const outcome = await placeProductOrder(s.deps, {
      accountId: 'A-1',
      idempotencyKey: 'key-0001',
      note: 'Please',
      items: [
        { offeringId: 'MOB', number: '+358401234567', parameters: [{ name: 'roaming', value: 'on' }] },
        { offeringId: 'MOB2' },
      ],
    });
    expect(outcome).toEqual({ kind: 'ordered', order: order('O-1') });
    // Strict: an item without a chosen number carries no `number` key at all.
    expect(s.calls.find((c) => c.method === 'submit')?.args).toStrictEqual([
      {
        ...sent,
        note: 'Please',
        items: [
          { action: 'add', offeringId: 'MOB', parameters: { roaming: 'on' }, number: '+358401234567' },
          { action: 'add', offeringId: 'MOB2', parameters: {} },
        ],
      },
    ]);
    expect(s.events).toEqual([
      { event: { kind: 'ACTIVATION', customerId: 'C-1', actorId: 'U-1', target: 'A-1' }, outcome: 'SUCCESS' },
    ]);
  });

  it('F3: an order that does not qualify is rejected with the code and reason, and nothing is sent', async () => {
    const s = submission({ taken: ['+358401234567'] });
    const outcome = await placeProductOrder(s.deps, {
      accountId: 'A-1',
      idempotencyKey: 'key-0001',
      items: [{ offeringId: 'MOB', number: '+358401234567' }],
    });
    expect(outcome).toEqual({
      kind: 'rejected',
      code: 'NUMBER_TAKEN',
      reason: 'Number +358401234567 is not free; choose another one.',
    });
    expect(s.calls).toEqual([]);
    expect(s.events).toEqual([]);
  });

  it('S3: an account that does not exist or is another customer’s is NOT_FOUND', async () => {
    for (const accountId of ['A-404', 'A-9']) {
      const s = submission();
      const placing = placeProductOrder(s.deps, {
        accountId,
        idempotencyKey: 'key-0001',
        items: [{ offeringId: 'MOB' }],
      });
      await expect(placing).rejects.toThrow(`Account ${accountId} was not found.`);
      expect(await codeOf(placing)).toBe('NOT_FOUND');
      expect(s.calls).toEqual([]);
    }
  });

  it('S2/S3: an authorized user orders on an account only with service.order granted over it', async () => {
    const onAccount = (capability: string): Actor => ({
      kind: 'customerUser',
      userId: 'U/2',
      customerId: 'C-1',
      role: 'AUTHORIZED_USER',
      sessionId: 'S',
      grants: [
        { id: 'G-1', capabilities: [capability], scopeKind: 'ACCOUNT', scopeIds: ['A-1'], validUntil: null },
      ],
    });
    const allowed = submission({ actor: onAccount('service.order') });
    const items = [{ offeringId: 'MOB' }];
    expect(
      await placeProductOrder(allowed.deps, { accountId: 'A-1', idempotencyKey: 'key-0001', items }),
    ).toMatchObject({ kind: 'ordered' });
    const refused = submission({ actor: onAccount('service.configure') });
    const placing = placeProductOrder(refused.deps, { accountId: 'A-1', idempotencyKey: 'key-0001', items });
    expect(await codeOf(placing)).toBe('NOT_FOUND');
    expect(refused.calls).toEqual([]);
  });

  it('S2: nobody logged in cannot order', async () => {
    const s = submission({ actor: anonymous });
    const placing = placeProductOrder(s.deps, {
      accountId: 'A-1',
      idempotencyKey: 'key-0001',
      items: [{ offeringId: 'MOB' }],
    });
    expect(await codeOf(placing)).toBe('UNAUTHENTICATED');
  });

  it('F4: an order without items, or with too long a note, is refused before anything is read', async () => {
    const s = submission();
    const empty = placeProductOrder(s.deps, { accountId: 'A-1', idempotencyKey: 'key-0001', items: [] });
    await expect(empty).rejects.toThrow('items must hold 1 to 20 entries.');
    const long = placeProductOrder(s.deps, {
      accountId: 'A-1',
      idempotencyKey: 'key-0001',
      items: [{ offeringId: 'MOB' }],
      note: 'x'.repeat(501),
    });
    await expect(long).rejects.toThrow('note must be at most 500 characters.');
    expect(await codeOf(long)).toBe('BAD_USER_INPUT');
    expect(s.calls).toEqual([]);
  });
});

describe('issue 6: submitting an order through the outbox (services/order-submission)', () => {
  it('F4/S4: writes the order ahead, submits it, settles the answer, audits and logs success', async () => {
    const s = submission({ row: (x) => outboxRow(x, { attempts: 2 }) });
    expect(await submitOrder(s.deps, request())).toEqual({ kind: 'ordered', order: order('O-1') });
    expect(s.calls).toEqual([
      { method: 'record', args: [sent] },
      { method: 'submit', args: [sent] },
      { method: 'settle', args: ['C-1:U-1:key-0001', { kind: 'accepted', order: order('O-1') }, 2] },
    ]);
    expect(s.events).toEqual([
      { event: { kind: 'SUSPEND', customerId: 'C-1', actorId: 'U-1', target: 'S-1' }, outcome: 'SUCCESS' },
    ]);
    expect(s.lines).toEqual([[{ event: 'order.submitted', orderId: 'O-1' }, 'order submitted']]);
  });

  it.each([
    ['add', 'ACTIVATION'],
    ['modify', 'PARAMETER_CHANGE'],
    ['suspend', 'SUSPEND'],
    ['resume', 'RESUME'],
    ['terminate', 'TERMINATE'],
  ] as const)(
    'S4: an order to %s records the security event %s, on the account without a service',
    async (action, kind) => {
      const s = submission();
      await submitOrder(
        s.deps,
        request({
          items: [
            { action, offeringId: 'MOB' },
            { action: 'add', serviceId: 'S-2' },
          ],
        }),
      );
      expect(s.events.map((e) => e.event)).toEqual([
        { kind, customerId: 'C-1', actorId: 'U-1', target: 'A-1' },
      ]);
    },
  );

  it('S3: the request id is scoped to the sending user (encoded)', async () => {
    const s = submission({ actor: userWith('service.order', 'S-1') });
    await submitOrder(s.deps, request());
    expect(s.calls[0].args[0]).toMatchObject({ requestId: 'C-1:U%2F2:key-0001', requestedBy: 'U/2' });
  });

  it('F4: an IBSS that cannot be reached leaves the order queued, acknowledged to the client', async () => {
    let row: OutboxRow | undefined;
    const s = submission({
      row: (x) => (row = outboxRow(x, { attempts: 1 })),
      answer: new LegacyError('ibss', 'UPSTREAM_TIMEOUT', 'slow'),
    });
    const outcome = await submitOrder(s.deps, request());
    expect(outcome).toEqual({ kind: 'ordered', order: queuedOrder(row as OutboxRow) });
    expect(outcome).toMatchObject({ order: { id: 'QO-1', state: 'acknowledged' } });
    expect(s.calls.at(-1)).toEqual({ method: 'settle', args: ['C-1:U-1:key-0001', 'unreachable', 1] });
    expect(s.events.map((e) => e.outcome)).toEqual(['SUCCESS']);
    expect(s.lines).toEqual([[{ event: 'order.queued', orderId: 'QO-1' }, 'order queued: IBSS unreachable']]);
  });

  it('F4: any other IBSS failure is the caller’s error, and the row is not settled', async () => {
    const broken = new LegacyError('ibss', 'UPSTREAM_ERROR', 'HTTP 500');
    const s = submission({ answer: broken });
    await expect(submitOrder(s.deps, request())).rejects.toBe(broken);
    expect(s.calls.map((c) => c.method)).toEqual(['record', 'submit']);
  });

  it('F4/S4: an order the IBSS rejects is settled, returned with its reason, audited as a failure', async () => {
    const answer: SubmitResult = { kind: 'rejected', reason: 'No such offering' };
    const s = submission({ answer });
    expect(await submitOrder(s.deps, request())).toEqual({ kind: 'rejected', reason: 'No such offering' });
    expect(s.calls.at(-1)).toEqual({ method: 'settle', args: ['C-1:U-1:key-0001', answer, 0] });
    expect(s.events.map((e) => e.outcome)).toEqual(['FAILURE']);
    expect(s.lines).toEqual([]);
  });

  it('F4: a request id the IBSS knows for another order is a CONFLICT, settled and audited as a failure', async () => {
    const s = submission({ answer: { kind: 'conflict' } });
    const submitting = submitOrder(s.deps, request());
    await expect(submitting).rejects.toThrow('This idempotencyKey was already used for a different request.');
    expect(await codeOf(submitting)).toBe('CONFLICT');
    expect(s.calls.at(-1)).toEqual({ method: 'settle', args: ['C-1:U-1:key-0001', { kind: 'conflict' }, 0] });
    expect(s.events.map((e) => e.outcome)).toEqual(['FAILURE']);
  });

  it('F4: the same key for a different order is a CONFLICT, and nothing is sent', async () => {
    for (const row of [
      (x: OrderSubmission) => outboxRow({ ...x, note: 'something else' }),
      (x: OrderSubmission) => outboxRow(x, { state: 'conflict' }),
    ]) {
      const s = submission({ row });
      expect(await codeOf(submitOrder(s.deps, request()))).toBe('CONFLICT');
      expect(s.calls.map((c) => c.method)).toEqual(['record']);
      expect(s.events.map((e) => e.outcome)).toEqual(['FAILURE']);
    }
  });

  it('F4: a key whose order was rejected answers the first rejection again, without sending', async () => {
    const s = submission({ row: (x) => outboxRow(x, { state: 'rejected', reason: 'No such offering' }) });
    expect(await submitOrder(s.deps, request())).toEqual({ kind: 'rejected', reason: 'No such offering' });
    const t = submission({ row: (x) => outboxRow(x, { state: 'rejected' }) });
    expect(await submitOrder(t.deps, request())).toEqual({ kind: 'rejected', reason: 'Rejected.' });
    expect([...s.calls, ...t.calls].map((c) => c.method)).toEqual(['record', 'record']);
  });

  it('F4: a key whose queued order was cancelled answers the cancelled order and never sends it', async () => {
    const s = submission({ row: (x) => outboxRow(x, { state: 'cancelled' }) });
    const outcome = await submitOrder(s.deps, request());
    expect(outcome).toMatchObject({ kind: 'ordered', order: { id: 'QO-1', state: 'cancelled' } });
    expect(s.calls.map((c) => c.method)).toEqual(['record']);
    expect(s.events.map((e) => e.outcome)).toEqual(['SUCCESS']);
    expect(s.lines).toEqual([[{ event: 'order.queued', orderId: 'QO-1' }, 'order queued: IBSS unreachable']]);
  });

  it('F4: a key whose order was submitted answers that order as the IBSS has it now', async () => {
    const now = order('O-5', 'C-1', 'A-1', 'inProgress');
    const s = submission({ row: (x) => outboxRow(x, { state: 'submitted', orderId: 'O-5' }), known: [now] });
    expect(await submitOrder(s.deps, request())).toEqual({ kind: 'ordered', order: now });
    expect(s.calls.map((c) => c.method)).toEqual(['record', 'getOrders']);
    expect(s.calls[1].args).toEqual([['O-5']]);
    expect(s.lines).toEqual([[{ event: 'order.submitted', orderId: 'O-5' }, 'order submitted']]);
  });

  it('F4: a submitted order the IBSS no longer lists is answered as queued', async () => {
    const s = submission({ row: (x) => outboxRow(x, { state: 'submitted', orderId: 'O-5' }) });
    expect(await submitOrder(s.deps, request())).toMatchObject({ kind: 'ordered', order: { id: 'QO-1' } });
  });

  it('F4: a submitted row without an order id is submitted again: the IBSS is idempotent on its id', async () => {
    const s = submission({ row: (x) => outboxRow(x, { state: 'submitted', orderId: null }) });
    expect(await submitOrder(s.deps, request())).toEqual({ kind: 'ordered', order: order('O-1') });
    expect(s.calls.map((c) => c.method)).toEqual(['record', 'submit', 'settle']);
  });

  it('S2: nobody logged in cannot submit', async () => {
    const s = submission({ actor: anonymous });
    expect(await codeOf(submitOrder(s.deps, request()))).toBe('UNAUTHENTICATED');
    expect(s.calls).toEqual([]);
  });
});
