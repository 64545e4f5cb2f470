import type http from 'node:http';
import { verifyCallback } from '../../lib/callback-signature';
import { readBody, sendJson } from '../../lib/http';
import { parseOrderCallback, recordOrderCallback, type OrderCallbackDeps } from './services/order-events';

export const CALLBACK_PATH = '/callbacks/ibss';

/** What the callback route needs: recording and announcing, and the secret the IBSS signs with. */
export interface CallbackRouteDeps extends OrderCallbackDeps {
  callbackSecret: string;
}

/**
 * The route the IBSS posts each order state change to (F9, issue 13: pending, inProgress, the
 * final state, cancelled). Only a callback the IBSS signed (lib/callback-signature.ts) is acted
 * on; anything else is 401 before the order is read, so the route is neither an order-id oracle
 * nor a way to force re-reads and cache invalidation. Answers in HTTP terms: 200 once the change
 * is recorded (a retry of it too), 404 for an order the IBSS does not know, 409 for a final state
 * the order is not in, 503 so the IBSS retries.
 */
export function callbackRoute(deps: CallbackRouteDeps) {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> => {
    if (req.url !== CALLBACK_PATH || req.method !== 'POST') return false;
    let raw: string;
    try {
      raw = await readBody(req, 100_000);
    } catch {
      sendJson(res, 413, { error: 'body too large' }, { connection: 'close' });
      return true;
    }
    const verdict = verifyCallback(deps.callbackSecret, req.headers, raw);
    if (verdict !== 'ok') {
      // The sender learns only that it was refused; the log says why, without the body.
      deps.logger.warn({ event: 'order.callback.refused', verdict }, 'IBSS callback refused');
      sendJson(res, 401, { error: 'callbacks must be signed by the IBSS' });
      return true;
    }
    const callback = parseOrderCallback(raw);
    if (!callback) {
      sendJson(res, 400, { error: 'expected {orderId, state}' });
      return true;
    }
    try {
      const outcome = await recordOrderCallback(deps, callback);
      if (outcome === 'unknown') sendJson(res, 404, { error: 'unknown order' });
      else if (outcome === 'disagrees') sendJson(res, 409, { error: `the order is not ${callback.state}` });
      else sendJson(res, 200, { ok: true });
    } catch (error) {
      deps.logger.error({ err: error, orderId: callback.orderId }, 'order callback failed');
      sendJson(res, 503, { error: 'try again' });
    }
    return true;
  };
}
