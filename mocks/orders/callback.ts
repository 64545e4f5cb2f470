import { request } from 'undici';
import { signCallback } from '../../lib/callback-signature';
import type { IbssOrder } from './server';

/** Tells the orders subgraph an order finished, signed and retried as the legacy IBSS does. */
export async function postCallback(order: IbssOrder, callbackSecret: string): Promise<void> {
  const payload = JSON.stringify({
    orderId: order.id,
    requestId: order.requestId,
    state: order.state,
    items: order.items.map((i) => ({
      id: i.id,
      state: i.state,
      serviceId: i.serviceId,
      failureReason: i.failureReason,
    })),
  });
  // Legacy systems retry callbacks a few times; the receiver must be idempotent.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await request(order.callbackUrl as string, {
        method: 'POST',
        body: payload,
        // Signed at each attempt, so a retry carries a fresh timestamp.
        headers: { 'content-type': 'application/json', ...signCallback(callbackSecret, payload) },
        headersTimeout: 2000,
        bodyTimeout: 2000,
      });
      await res.body.dump();
      if (res.statusCode < 300) return;
    } catch {
      // receiver down: try again
    }
    await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
  }
}
