import type http from 'node:http';
import { readBody, sendJson } from '../../lib/http';
import type { KeyValueStore } from '../../lib/kv';
import type { Logger } from '../../lib/logger';
import type { MessageGateway } from '../../legacy/messages/client';
import type { CrmAdapter } from '../../legacy/crm/client';
import type { CachedIbssAdapter } from '../../legacy/ibss/cached-client';

export const CALLBACK_PATH = '/callbacks/ibss';
const FINAL = new Set(['completed', 'failed', 'partial', 'cancelled']);

/**
 * F9 completion notification: the IBSS posts each finished order here; the requesting user is
 * told on the channels they chose for ORDER_COMPLETED (F8). The IBSS retries callbacks, so a
 * marker in the store makes sure each order is announced once.
 */
export function callbackRoute(deps: {
  ibss: CachedIbssAdapter;
  crm: CrmAdapter;
  messages: MessageGateway;
  store: KeyValueStore;
  logger: Logger;
}) {
  async function notify(orderId: string, state: string, userId: string): Promise<void> {
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
      if (channel === 'EMAIL')
        await deps.messages.send('EMAIL', user.email, text, `Order ${orderId} ${state}`);
    }
    deps.logger.info({ event: 'order.notified', orderId, state, channels }, 'order completion notified');
  }

  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> => {
    if (req.url !== CALLBACK_PATH || req.method !== 'POST') return false;
    let orderId: string;
    try {
      const body = JSON.parse(await readBody(req, 100_000)) as { orderId?: unknown };
      if (typeof body.orderId !== 'string') throw new Error('orderId missing');
      orderId = body.orderId;
    } catch {
      sendJson(res, 400, { error: 'expected {orderId, state}' });
      return true;
    }
    try {
      // Trust the order system, not the callback body: read the order back (afresh), which also
      // retires the cached services and customer data the order changed.
      const order = await deps.ibss.completedOrder(orderId);
      if (!order || !FINAL.has(order.state)) {
        sendJson(res, 404, { error: 'unknown or unfinished order' });
        return true;
      }
      const marker = `order-notified:${order.id}`;
      if (order.requestedBy && (await deps.store.setIfAbsent(marker, '1', 7 * 86_400))) {
        try {
          await notify(order.id, order.state, order.requestedBy);
        } catch (error) {
          // Not sent: let the IBSS's next callback attempt try again.
          await deps.store.del(marker);
          throw error;
        }
      }
      sendJson(res, 200, { ok: true });
    } catch (error) {
      deps.logger.error({ err: error, orderId }, 'order callback failed');
      sendJson(res, 503, { error: 'try again' });
    }
    return true;
  };
}
