import type http from 'node:http';
import { readBody, sendJson } from '../../lib/http';
import { announceCompletion, type CompletionNotificationDeps } from './services/completion-notification';

export const CALLBACK_PATH = '/callbacks/ibss';

/**
 * The route the IBSS posts each finished order to (F9). Only reads the order id and answers in
 * HTTP terms: 404 for an order the IBSS does not know as finished, 503 so the IBSS retries.
 */
export function callbackRoute(deps: CompletionNotificationDeps) {
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
