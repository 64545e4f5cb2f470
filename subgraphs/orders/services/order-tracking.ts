import { assertCanOrNotFound, assertOwned, requireUser } from '../../../lib/authz/assertions';
import { notFound } from '../../../lib/errors';
import { connection, pageRequest, type PageWindow } from '../../../lib/pagination';
import type { OrderModel } from '../../../legacy/ibss/models';
import type { OrdersContext } from '../context';
import { queuedOrder } from './outbox';

/** What following orders needs from the request. */
export type TrackingDeps = Pick<OrdersContext, 'actor' | 'ibss' | 'outbox' | 'loaders'>;

/** An order by id: the IBSS's, or one still (or once) waiting in the outbox (`QO-...`). */
async function findOrder(deps: TrackingDeps, id: string): Promise<OrderModel | null> {
  if (!id.startsWith('QO-')) return deps.loaders.order.load(id);
  const row = await deps.outbox.byQueuedId(id);
  if (!row) return null;
  if (row.state === 'submitted' && row.orderId)
    return (await deps.loaders.order.load(row.orderId)) ?? queuedOrder(row);
  return queuedOrder(row);
}

/** Query.productOrder: an order the actor may follow (`service.order` on its account), else NOT_FOUND. */
export async function orderForActor(deps: TrackingDeps, id: string): Promise<OrderModel | null> {
  requireUser(deps.actor);
  const order = await findOrder(deps, id);
  assertCanOrNotFound(
    deps.actor,
    'service.order',
    order ? { customerId: order.customerId, accountId: order.accountId } : undefined,
    'Order',
    id,
  );
  return order;
}

/** An order reached through `_entities`: it must exist and belong to the actor's customer. */
export async function orderByReference(deps: TrackingDeps, id: string): Promise<OrderModel> {
  const order = await findOrder(deps, id);
  if (!order) throw notFound('Order', id);
  assertOwned(deps.actor, order.customerId);
  return order;
}

/** A customer's orders, newest first as the IBSS lists them, one page. */
export async function customerOrders(
  deps: TrackingDeps,
  customerId: string,
  state: string | undefined,
  window: PageWindow,
) {
  assertOwned(deps.actor, customerId);
  const page = pageRequest(window.first, window.after, 50);
  const result = await deps.ibss.listOrders(customerId, state, page.offset, page.limit);
  return connection(result.items, result.total, page);
}
