import type { Actor } from '../../lib/actor';
import type { OrderSubmission } from '../../legacy/ibss/client';
import {
  cancelProductOrder,
  type CancellationDeps,
} from '../../subgraphs/orders/services/order-cancellation';
import type { OutboxRow } from '../../subgraphs/orders/services/outbox';
import { anonymous, auditLog, loader, manager, order, outboxRow, userWith } from '../support/orders-fakes';

const submission: OrderSubmission = {
  requestId: 'C-1:U-1:key-0001',
  customerId: 'C-1',
  accountId: 'A-1',
  requestedBy: 'U-1',
  callbackUrl: null,
  note: null,
  items: [{ action: 'suspend', serviceId: 'S-1' }],
};

/** `ibssAnswer` is what the IBSS says to a cancel request; `queued` the outbox's row after cancelling. */
function cancellation(
  options: { actor?: Actor; ibssAnswer?: 'cancelled' | 'refused' | null; queued?: OutboxRow | null } = {},
) {
  const asked: string[] = [];
  const cancels: unknown[][] = [];
  const dequeued: string[] = [];
  const { audit, events } = auditLog();
  const row = options.queued === undefined ? outboxRow(submission) : options.queued;
  const orders = loader('order', { 'O-1': order('O-1'), 'O-9': order('O-9', 'C-2', 'A-9') }, asked);
  const deps = {
    actor: options.actor ?? manager,
    loaders: { order: orders },
    outbox: {
      byQueuedId: async (id: string) => (id === 'QO-1' ? outboxRow(submission) : null),
      cancelQueued: async (id: string) => {
        dequeued.push(id);
        return row;
      },
    },
    audit,
    ibss: {
      cancel: async (...args: unknown[]) => {
        cancels.push(args);
        const answer = options.ibssAnswer === undefined ? 'cancelled' : options.ibssAnswer;
        if (answer === 'cancelled')
          return { kind: 'cancelled', order: order(String(args[0]), 'C-1', 'A-1', 'cancelled') };
        if (answer === 'refused') return { kind: 'refused', reason: 'Work has started.' };
        return null;
      },
    },
  } as unknown as CancellationDeps;
  return { deps, asked, cancels, dequeued, events, cleared: orders.cleared };
}

describe('F4: cancelling orders (services/order-cancellation)', () => {
  it('F4/S4: an IBSS order is cancelled there with the caller’s request id and reason, audited, its cache cleared', async () => {
    const c = cancellation();
    const outcome = await cancelProductOrder(c.deps, {
      orderId: 'O-1',
      idempotencyKey: 'key-0001',
      reason: 'Changed my mind',
    });
    expect(outcome).toMatchObject({ kind: 'cancelled', order: { id: 'O-1', state: 'cancelled' } });
    expect(c.cancels).toEqual([['O-1', 'C-1:U-1:key-0001', 'Changed my mind']]);
    expect(c.events).toEqual([
      {
        event: { kind: 'CANCELLATION', customerId: 'C-1', actorId: 'U-1', target: 'O-1' },
        outcome: 'SUCCESS',
      },
    ]);
    expect(c.cleared).toEqual(['O-1']);
    expect(c.dequeued).toEqual([]);
  });

  it('F4/S4: the IBSS’s refusal is returned with its reason and audited as a failure', async () => {
    const c = cancellation({ ibssAnswer: 'refused' });
    const outcome = await cancelProductOrder(c.deps, { orderId: 'O-1', idempotencyKey: 'key-0002' });
    expect(outcome).toEqual({ kind: 'refused', reason: 'Work has started.' });
    expect(c.cancels).toEqual([['O-1', 'C-1:U-1:key-0002', null]]);
    expect(c.events.map((e) => e.outcome)).toEqual(['FAILURE']);
  });

  it('F4: an order the IBSS no longer knows is NOT_FOUND', async () => {
    await expect(
      cancelProductOrder(cancellation({ ibssAnswer: null }).deps, {
        orderId: 'O-1',
        idempotencyKey: 'key-0003',
      }),
    ).rejects.toMatchObject({ message: 'Order O-1 was not found.', extensions: { code: 'NOT_FOUND' } });
  });

  it('S3: others’ orders, unknown orders and actors without service.order get NOT_FOUND; nothing is cancelled', async () => {
    const cases: [Actor, string][] = [
      [manager, 'O-9'],
      [manager, 'O-0'],
      [userWith('service.configure', 'S-1'), 'O-1'],
    ];
    for (const [actor, orderId] of cases) {
      const c = cancellation({ actor });
      await expect(cancelProductOrder(c.deps, { orderId, idempotencyKey: 'key-0004' })).rejects.toMatchObject(
        {
          message: `Order ${orderId} was not found.`,
          extensions: { code: 'NOT_FOUND' },
        },
      );
      expect(c.cancels).toEqual([]);
      expect(c.events).toEqual([]);
    }
    const anon = cancellation({ actor: anonymous });
    await expect(
      cancelProductOrder(anon.deps, { orderId: 'O-1', idempotencyKey: 'key-0004' }),
    ).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(anon.asked).toEqual([]);
  });

  it('F4: a reason over 500 characters is BAD_USER_INPUT on reason, before the order is read', async () => {
    const c = cancellation();
    await expect(
      cancelProductOrder(c.deps, { orderId: 'O-1', idempotencyKey: 'key-0005', reason: 'x'.repeat(501) }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
    expect(c.asked).toEqual([]);
  });

  it('F4: a still-queued order leaves the outbox and is never sent', async () => {
    const c = cancellation({ queued: outboxRow(submission, { state: 'cancelled' }) });
    const outcome = await cancelProductOrder(c.deps, { orderId: 'QO-1', idempotencyKey: 'key-0006' });
    expect(outcome).toMatchObject({ kind: 'cancelled', order: { id: 'QO-1', state: 'cancelled' } });
    expect(c.dequeued).toEqual(['QO-1']);
    expect(c.cancels).toEqual([]);
    expect(c.events.map((e) => e.outcome)).toEqual(['SUCCESS']);
    expect(c.cleared).toEqual(['QO-1']);
  });

  it('F4: a queued order sent meanwhile is cancelled in the IBSS by its IBSS id', async () => {
    const c = cancellation({ queued: outboxRow(submission, { state: 'submitted', orderId: 'O-7' }) });
    const outcome = await cancelProductOrder(c.deps, {
      orderId: 'QO-1',
      idempotencyKey: 'key-0007',
      reason: 'r',
    });
    expect(outcome).toMatchObject({ kind: 'cancelled', order: { id: 'O-7' } });
    expect(c.cancels).toEqual([['O-7', 'C-1:U-1:key-0007', 'r']]);
    const gone = cancellation({
      ibssAnswer: null,
      queued: outboxRow(submission, { state: 'submitted', orderId: 'O-7' }),
    });
    await expect(
      cancelProductOrder(gone.deps, { orderId: 'QO-1', idempotencyKey: 'key-0007' }),
    ).rejects.toMatchObject({
      message: 'Order QO-1 was not found.',
    });
  });

  it('F4: a queued order being sent, or already rejected, is refused with the reason; a vanished one is NOT_FOUND', async () => {
    const pending = cancellation({ queued: outboxRow(submission, { state: 'pending' }) });
    expect(await cancelProductOrder(pending.deps, { orderId: 'QO-1', idempotencyKey: 'key-0008' })).toEqual({
      kind: 'refused',
      reason: 'The order is being sent to the order system; try again shortly.',
    });
    expect(pending.events.map((e) => e.outcome)).toEqual(['FAILURE']);
    const noId = cancellation({ queued: outboxRow(submission, { state: 'submitted' }) });
    expect(await cancelProductOrder(noId.deps, { orderId: 'QO-1', idempotencyKey: 'key-0008' })).toEqual({
      kind: 'refused',
      reason: 'The order was submitted and cannot be cancelled.',
    });
    expect(noId.cancels).toEqual([]);
    // Refused by its state, even if the row holds an IBSS order id.
    const rejected = cancellation({ queued: outboxRow(submission, { state: 'rejected', orderId: 'O-7' }) });
    expect(await cancelProductOrder(rejected.deps, { orderId: 'QO-1', idempotencyKey: 'key-0008' })).toEqual({
      kind: 'refused',
      reason: 'The order was rejected and cannot be cancelled.',
    });
    expect(rejected.cancels).toEqual([]);
    await expect(
      cancelProductOrder(cancellation({ queued: null }).deps, {
        orderId: 'QO-1',
        idempotencyKey: 'key-0008',
      }),
    ).rejects.toMatchObject({ message: 'Order QO-1 was not found.', extensions: { code: 'NOT_FOUND' } });
  });
});
