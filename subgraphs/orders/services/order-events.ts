import { domainEvent, type DomainEvent } from '../../../lib/events/event';
import type { EventOutbox } from '../../../lib/events/outbox';
import type { CachedIbssAdapter } from '../../../legacy/ibss/cached-client';
import { orderState, type OrderModel, type OrderState } from '../../../legacy/ibss/models';
import { announceCompletion, type CompletionNotificationDeps } from './completion-notification';
import type { OutboxRow } from './outbox';

/** What recording an IBSS callback needs: the adapter that re-reads orders, the event outbox. */
export interface OrderCallbackDeps extends CompletionNotificationDeps {
  ibss: Pick<CachedIbssAdapter, 'completedOrder' | 'changedOrder'>;
  events: Pick<EventOutbox, 'emit'>;
}

/** What a signed IBSS callback says: which order, which state it entered, and from which. */
export interface OrderCallback {
  orderId: string;
  state: OrderState;
  previousState: OrderState | null;
}

/** States the requesting user is told of (F9): the order is done, one way or another. */
const ANNOUNCED: ReadonlySet<OrderState> = new Set(['completed', 'failed', 'partial']);
/** States an order never leaves: a callback about one must agree with the order as it now is. */
const TERMINAL: ReadonlySet<OrderState> = new Set([
  'completed',
  'failed',
  'partial',
  'cancelled',
  'rejected',
]);

/** Reads a callback body; null when it is not one (the route answers 400). */
export function parseOrderCallback(raw: string): OrderCallback | null {
  try {
    const body = JSON.parse(raw) as { orderId?: unknown; state?: unknown; previousState?: unknown };
    const state = orderState.safeParse(body.state);
    if (typeof body.orderId !== 'string' || !state.success) return null;
    const previous = orderState.safeParse(body.previousState);
    return {
      orderId: body.orderId,
      state: state.data,
      previousState: previous.success ? previous.data : null,
    };
  } catch {
    return null;
  }
}

/** The partners whose offerings the order's items are, first one first. */
const partnersOf = (order: OrderModel): string[] => [
  ...new Set(order.items.flatMap((i) => (i.partnerId ? [i.partnerId] : []))),
];

/**
 * `order.state-changed` for an IBSS order entering `state`. The id is derived from what the IBSS
 * reported, so a retried callback (or two processes receiving it) records one event. `partnerId`
 * is the partner of the order's offerings (the first, when several are in one order: all are in
 * `data.partnerIds`).
 */
export function orderStateChanged(
  order: OrderModel,
  state: OrderState,
  previousState: OrderState | null,
): DomainEvent {
  const partnerIds = partnersOf(order);
  return domainEvent({
    id: `ibss:${order.id}:${state}`,
    type: 'order.state-changed',
    source: 'orders',
    customerId: order.customerId,
    accountId: order.accountId,
    subjectId: order.id,
    partnerId: partnerIds[0] ?? null,
    recipients: order.requestedBy ? [order.requestedBy] : [],
    data: {
      state,
      ...(previousState ? { previousState } : {}),
      serviceIds: [...new Set(order.items.flatMap((i) => (i.serviceId ? [i.serviceId] : [])))],
      partnerIds,
    },
  });
}

/**
 * A queued order (`QO-...`, never sent to the IBSS) was cancelled: recorded in the cancellation's
 * own transaction. Its offerings' partners are not known without the catalogue, and no partner
 * ever saw the order, so it names none.
 */
export function queuedOrderCancelled(row: OutboxRow): DomainEvent {
  return domainEvent({
    id: `queued:${row.queuedId}:cancelled`,
    type: 'order.state-changed',
    source: 'orders',
    customerId: row.customerId,
    accountId: row.accountId,
    subjectId: row.queuedId,
    recipients: [row.requestedBy],
    data: {
      state: 'cancelled',
      previousState: 'acknowledged',
      serviceIds: [...new Set(row.submission.items.flatMap((i) => (i.serviceId ? [i.serviceId] : [])))],
      partnerIds: [],
    },
  });
}

/**
 * One signed callback (F9, issue 13): re-reads the order from the IBSS (retiring what is cached
 * of it, so the next read shows the new state), records `order.state-changed`, and for a finished
 * order announces it to the requesting user (once, however often the IBSS retries). `unknown` for
 * an order the IBSS does not know; `disagrees` for a final state the order is not in (the IBSS
 * will retry, and by then its own data may agree).
 */
export async function recordOrderCallback(
  deps: OrderCallbackDeps,
  callback: OrderCallback,
): Promise<'recorded' | 'unknown' | 'disagrees'> {
  const order = await deps.ibss.changedOrder(callback.orderId);
  if (!order) return 'unknown';
  // A progress state may already be behind the order (the callbacks come after the fact); a final
  // state cannot be, so a final state the order is not in is not believed.
  if (TERMINAL.has(callback.state) && order.state !== callback.state) return 'disagrees';
  await deps.events.emit([orderStateChanged(order, callback.state, callback.previousState)]);
  if (ANNOUNCED.has(callback.state)) {
    // The order was just read afresh: the announcement uses that read, not another.
    await announceCompletion({ ...deps, ibss: { completedOrder: () => Promise.resolve(order) } }, order.id);
  }
  return 'recorded';
}
