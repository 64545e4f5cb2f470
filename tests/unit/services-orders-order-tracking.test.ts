import type { OrderSubmission } from '../../legacy/ibss/client';
import type { OrderModel } from '../../legacy/ibss/models';
import { encodeCursor } from '../../lib/pagination';
import {
  customerOrders,
  orderByReference,
  orderForActor,
  type TrackingDeps,
} from '../../subgraphs/orders/services/order-tracking';
import type { OutboxRow } from '../../subgraphs/orders/services/outbox';
import { anonymous, loader, manager, order, outboxRow } from '../support/orders-fakes';
import type { Actor } from '../../lib/actor';

const submission = (customerId = 'C-1'): OrderSubmission => ({
  requestId: `${customerId}:U-1:key-0001`,
  customerId,
  accountId: 'A-1',
  requestedBy: 'U-1',
  callbackUrl: null,
  note: 'queued note',
  items: [{ action: 'suspend', serviceId: 'S-1' }],
});

/** A user of C-1 whose one grant covers the account `accountId` with `capability`. */
const accountUser = (capability: string, accountId: string): Actor =>
  ({
    ...manager,
    userId: 'U-2',
    role: 'AUTHORIZED_USER',
    grants: [
      {
        id: 'G-1',
        capabilities: [capability],
        scopeKind: 'ACCOUNT',
        scopeIds: [accountId],
        validUntil: null,
      },
    ],
  }) as Actor;

function tracking(actor: Actor = manager, rows: Record<string, OutboxRow> = {}) {
  const asked: string[] = [];
  const orders: Record<string, OrderModel> = {
    'O-1': order('O-1'),
    'O-2': order('O-2', 'C-1', 'A-2'),
    'O-9': order('O-9', 'C-2', 'A-9'),
  };
  const listed: unknown[][] = [];
  const deps = {
    actor,
    loaders: { order: loader('order', orders, asked) },
    outbox: { byQueuedId: loader('queued', rows, asked).load },
    ibss: {
      listOrders: async (...args: unknown[]) => {
        listed.push(args);
        return { items: [orders['O-1'], orders['O-2']], total: 7 };
      },
    },
  } as unknown as TrackingDeps;
  return { deps, asked, listed };
}

describe('F4: following orders (services/order-tracking)', () => {
  it('F4: an IBSS order on an account the actor may order on is returned', async () => {
    const { deps, asked } = tracking(accountUser('service.order', 'A-1'));
    expect((await orderForActor(deps, 'O-1'))?.id).toBe('O-1');
    expect(asked).toEqual(['order:O-1']);
  });

  it('S3: unknown orders, other accounts, other capabilities and other customers are NOT_FOUND', async () => {
    const cases: [Actor, string][] = [
      [manager, 'O-0'],
      [manager, 'O-9'],
      [accountUser('service.order', 'A-1'), 'O-2'],
      [accountUser('billing.view', 'A-1'), 'O-1'],
    ];
    for (const [actor, id] of cases)
      await expect(orderForActor(tracking(actor).deps, id)).rejects.toMatchObject({
        message: `Order ${id} was not found.`,
        extensions: { code: 'NOT_FOUND' },
      });
    const anon = tracking(anonymous);
    await expect(orderForActor(anon.deps, 'O-1')).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(anon.asked).toEqual([]);
  });

  it('F4: a queued order is read from the outbox, as acknowledged with its items', async () => {
    const { deps, asked } = tracking(manager, { 'QO-1': outboxRow(submission()) });
    const found = await orderForActor(deps, 'QO-1');
    expect(found).toMatchObject({ id: 'QO-1', state: 'acknowledged', note: 'queued note', accountId: 'A-1' });
    expect(asked).toEqual(['queued:QO-1']);
    await expect(orderForActor(tracking().deps, 'QO-0')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('F4: a queued order sent since is the IBSS order, or the queued one while the IBSS does not list it yet', async () => {
    const sent = tracking(manager, {
      'QO-1': outboxRow(submission(), { state: 'submitted', orderId: 'O-2' }),
    });
    expect((await orderForActor(sent.deps, 'QO-1'))?.id).toBe('O-2');
    expect(sent.asked).toEqual(['queued:QO-1', 'order:O-2']);
    const unlisted = tracking(manager, {
      'QO-1': outboxRow(submission(), { state: 'submitted', orderId: 'O-5' }),
    });
    expect((await orderForActor(unlisted.deps, 'QO-1'))?.id).toBe('QO-1');
    const noId = tracking(manager, { 'QO-1': outboxRow(submission(), { state: 'submitted' }) });
    expect((await orderForActor(noId.deps, 'QO-1'))?.id).toBe('QO-1');
    expect(noId.asked).toEqual(['queued:QO-1']);
    const cancelled = tracking(manager, {
      'QO-1': outboxRow(submission(), { state: 'cancelled', orderId: 'O-2' }),
    });
    expect(await orderForActor(cancelled.deps, 'QO-1')).toMatchObject({ id: 'QO-1', state: 'cancelled' });
  });

  it('F4: a reference must exist and be the own customer’s', async () => {
    expect((await orderByReference(tracking().deps, 'O-2')).id).toBe('O-2');
    await expect(orderByReference(tracking().deps, 'O-0')).rejects.toMatchObject({
      message: 'Order O-0 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(orderByReference(tracking().deps, 'O-9')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    const queued = tracking(manager, { 'QO-2': outboxRow(submission('C-2'), { queuedId: 'QO-2' }) });
    await expect(orderByReference(queued.deps, 'QO-2')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('F4: a customer’s orders are paged in the IBSS, at most 50 a page', async () => {
    const { deps, listed } = tracking();
    const page = await customerOrders(deps, 'C-1', 'completed', { first: 50, after: encodeCursor(4) });
    expect(listed).toEqual([['C-1', 'completed', 5, 50]]);
    expect(page.edges.map((e) => e.node.id)).toEqual(['O-1', 'O-2']);
    expect(page.totalCount).toBe(7);
    await expect(customerOrders(deps, 'C-1', undefined, { first: 51 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    await expect(customerOrders(deps, 'C-2', undefined, {})).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(listed).toHaveLength(1);
  });
});
