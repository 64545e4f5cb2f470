import { requireUser } from '../../../lib/authz/assertions';
import { notFound } from '../../../lib/errors';
import { callerRequestId } from '../../../lib/input/caller-request-id';
import type { CancelResult } from '../../../legacy/ibss/client';
import type { OrderModel } from '../../../legacy/ibss/models';
import type { CancelProductOrderInput } from '../__generated__/resolvers-types';
import type { OrdersContext } from '../context';
import * as input from '../input';
import { queuedOrder } from './outbox';
import { orderForActor } from './order-tracking';
import { localize, msg } from '../../../lib/i18n/text';

/** What cancelling an order needs from the request. */
export type CancellationDeps = Pick<OrdersContext, 'actor' | 'ibss' | 'outbox' | 'audit' | 'loaders'>;

/** The cancelled order, or why the order system would not cancel it. */
export type CancellationOutcome =
  { kind: 'cancelled'; order: OrderModel } | { kind: 'refused'; reason: string };

/**
 * F4 (TMF622 cancellation): cancels an order that has not started yet. The actor needs
 * `service.order` on the order's account; any other order answers NOT_FOUND like an unknown id.
 * A still-queued order (`QO-...`) leaves the outbox and is never sent; an IBSS order is cancelled
 * there, exactly once per idempotency key and user.
 */
export async function cancelProductOrder(
  deps: CancellationDeps,
  request: CancelProductOrderInput,
): Promise<CancellationOutcome> {
  const user = requireUser(deps.actor);
  const reason = input.freeText(request.reason, 'reason');
  const order = await orderForActor(deps, request.orderId);
  if (!order) throw notFound('Order', request.orderId);
  const requestId = callerRequestId(user, request.idempotencyKey);
  // S4: the event is stored before anything else; no event, no cancellation.
  const outcome = await deps.audit.guard(
    { kind: 'CANCELLATION', customerId: user.customerId, actorId: user.userId, target: request.orderId },
    () => cancel(deps, request.orderId, requestId, reason),
    (r) => (r.kind === 'cancelled' ? 'SUCCESS' : 'FAILURE'),
  );
  deps.loaders.order.clear(request.orderId);
  return outcome;
}

async function cancel(
  deps: CancellationDeps,
  orderId: string,
  requestId: string,
  reason: string | null,
): Promise<CancelResult> {
  if (!orderId.startsWith('QO-')) return orThrow(await deps.ibss.cancel(orderId, requestId, reason), orderId);
  const row = await deps.outbox.cancelQueued(orderId);
  if (!row) throw notFound('Order', orderId);
  if (row.state === 'cancelled') return { kind: 'cancelled', order: queuedOrder(row) };
  // Sent meanwhile (or being sent): the IBSS order is the one to cancel.
  if (row.state === 'submitted' && row.orderId)
    return orThrow(await deps.ibss.cancel(row.orderId, requestId, reason), orderId);
  if (row.state === 'pending')
    return {
      kind: 'refused',
      reason: localize('The order is being sent to the order system; try again shortly.'),
    };
  return { kind: 'refused', reason: localize(msg`The order was ${row.state} and cannot be cancelled.`) };
}

function orThrow(result: CancelResult | null, orderId: string): CancelResult {
  if (!result) throw notFound('Order', orderId);
  return result;
}
