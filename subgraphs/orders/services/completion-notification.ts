import type { Logger } from '../../../lib/logger';
import type { CachedIbssAdapter } from '../../../legacy/ibss/cached-client';

/** What confirming a finished order needs; built once per process, holds no user's data. */
export interface CompletionNotificationDeps {
  ibss: Pick<CachedIbssAdapter, 'completedOrder'>;
  logger: Logger;
}

const FINAL = new Set(['completed', 'failed', 'partial', 'cancelled']);

/**
 * F9: confirms that an order the IBSS called back about is finished. The orders subgraph no
 * longer sends anything itself: the `order.state-changed` event recorded for the callback reaches
 * the customer subgraph's notifier (subgraphs/customer/services/notifier.ts), which tells the
 * requesting user on the channels of their ORDER_COMPLETED setting (in-app inbox, SMS, e-mail),
 * once per event, user and channel however often the IBSS retries. `unfinished` when the IBSS
 * does not know the order as finished.
 */
export async function announceCompletion(
  deps: CompletionNotificationDeps,
  orderId: string,
): Promise<'announced' | 'unfinished'> {
  // Trust the order system, not the callback body: read the order back (afresh), which also
  // retires the cached services and customer data the order changed.
  const order = await deps.ibss.completedOrder(orderId);
  if (!order || !FINAL.has(order.state)) return 'unfinished';
  deps.logger.info({ event: 'order.finished', orderId: order.id, state: order.state }, 'order finished');
  return 'announced';
}
