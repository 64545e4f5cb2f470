import type http from 'node:http';
import { verifyCallback } from '../../lib/callback-signature';
import { readBody, sendJson } from '../../lib/http';
import { announceCompletion, type CompletionNotificationDeps } from './services/completion-notification';

export const CALLBACK_PATH = '/callbacks/ibss';

/** What the callback route needs: announcing, and the secret the IBSS signs callbacks with. */
export interface CallbackRouteDeps extends CompletionNotificationDeps {
  callbackSecret: string;
}

/**
 * The route the IBSS posts each finished order to (F9). Only a callback the IBSS signed
 * (lib/callback-signature.ts) is acted on; anything else is 401 before the order is read, so the
 * route is neither an order-id oracle nor a way to force re-reads and cache invalidation. Answers
 * in HTTP terms: 404 for an order the IBSS does not know as finished, 503 so the IBSS retries.
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
    let orderId: string;
    try {
      const body = JSON.parse(raw) as { orderId?: unknown };
      if (typeof body.orderId !== 'string') throw new Error('orderId missing');
      orderId = body.orderId;
    } catch {
      sendJson(res, 400, { error: 'expected {orderId, state}' });
      return true;
    }
    try {
      if ((await announceCompletion(deps, orderId)) === 'unfinished')
        sendJson(res, 404, { error: 'unknown or unfinished order' });
      else sendJson(res, 200, { ok: true });
    } catch (error) {
      deps.logger.error({ err: error, orderId }, 'order callback failed');
      sendJson(res, 503, { error: 'try again' });
    }
    return true;
  };
}
