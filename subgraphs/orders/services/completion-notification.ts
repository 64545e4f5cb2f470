import type { KeyValueStore } from '../../../lib/kv';
import type { Logger } from '../../../lib/logger';
import type { CrmAdapter } from '../../../legacy/crm/client';
import type { CachedIbssAdapter } from '../../../legacy/ibss/cached-client';
import type { MessageGateway } from '../../../legacy/messages/client';

/** What announcing a finished order needs; built once per process, holds no user's data. */
export interface CompletionNotificationDeps {
  ibss: Pick<CachedIbssAdapter, 'completedOrder'>;
  crm: Pick<CrmAdapter, 'getUser' | 'getNotificationPreferences'>;
  messages: Pick<MessageGateway, 'send'>;
  store: Pick<KeyValueStore, 'setIfAbsent' | 'del'>;
  logger: Logger;
}

const FINAL = new Set(['completed', 'failed', 'partial', 'cancelled']);
/** The IBSS stops retrying callbacks long before this; the marker only has to outlive them. */
const MARKER_TTL_SECONDS = 7 * 86_400;

/** F8: the requesting user hears about the order on the channels they chose for ORDER_COMPLETED. */
async function notify(
  deps: CompletionNotificationDeps,
  orderId: string,
  state: string,
  userId: string,
): Promise<void> {
  const [user, prefs] = await Promise.all([
    deps.crm.getUser(userId),
    deps.crm.getNotificationPreferences(userId),
  ]);
  if (!user) {
    deps.logger.warn({ event: 'order.notify.noUser', orderId }, 'requesting user no longer exists');
    return;
  }
  const channels = prefs.find((p) => p.event === 'ORDER_COMPLETED')?.channels ?? [];
  const text =
    `Your order ${orderId} is ${state}.` +
    (state === 'partial' ? ' Some items could not be provisioned; see the order for details.' : '');
  for (const channel of channels) {
    if (channel === 'SMS') await deps.messages.send('SMS', user.phone, text);
    if (channel === 'EMAIL') await deps.messages.send('EMAIL', user.email, text, `Order ${orderId} ${state}`);
  }
  deps.logger.info({ event: 'order.notified', orderId, state, channels }, 'order completion notified');
}

/**
 * F9: announces one finished order, once. The IBSS retries callbacks, so a marker in the store
 * makes sure each order is announced once; a failed announcement removes the marker and throws,
 * so the next callback attempt tries again. `unfinished` when the IBSS does not know the order
 * as finished.
 */
export async function announceCompletion(
  deps: CompletionNotificationDeps,
  orderId: string,
): Promise<'announced' | 'unfinished'> {
  // Trust the order system, not the callback body: read the order back (afresh), which also
  // retires the cached services and customer data the order changed.
  const order = await deps.ibss.completedOrder(orderId);
  if (!order || !FINAL.has(order.state)) return 'unfinished';
  const marker = `order-notified:${order.id}`;
  if (order.requestedBy && (await deps.store.setIfAbsent(marker, '1', MARKER_TTL_SECONDS))) {
    try {
      await notify(deps, order.id, order.state, order.requestedBy);
    } catch (error) {
      await deps.store.del(marker);
      throw error;
    }
  }
  return 'announced';
}
