import { request } from 'undici';
import { signCallback } from '../../lib/callback-signature';
import type { IbssOrder, OrderState } from './server';

/** How often the IBSS tries one callback before giving up on it. */
const ATTEMPTS = 3;

/** Tells the orders subgraph about one state change, signed and retried as the legacy IBSS does. */
async function postCallback(url: string, payload: string, callbackSecret: string): Promise<void> {
  // Legacy systems retry callbacks a few times; the receiver must be idempotent.
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      const res = await request(url, {
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

/**
 * The IBSS's callback sender: one signed callback per order state change (pending, inProgress,
 * the final state, cancelled), delivered strictly in order per order. Each order has its own
 * chain, so a callback being retried holds back that order's next state (never overtaken by it)
 * while other orders' callbacks go on. The payload is taken when the state changes, not when it
 * is sent: a late callback still tells the state it is about.
 */
export class CallbackSender {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly callbackSecret: string) {}

  /** Queues the callback for the order's current state; a no-op for an order without a callback URL. */
  stateChanged(order: IbssOrder, previousState: OrderState | null): void {
    const url = order.callbackUrl;
    if (!url) return;
    const payload = JSON.stringify({
      orderId: order.id,
      requestId: order.requestId,
      state: order.state,
      previousState,
      items: order.items.map((i) => ({
        id: i.id,
        state: i.state,
        serviceId: i.serviceId,
        failureReason: i.failureReason,
      })),
    });
    const before = this.chains.get(order.id) ?? Promise.resolve();
    const next = before.then(() => postCallback(url, payload, this.callbackSecret));
    this.chains.set(order.id, next);
    void next.finally(() => {
      if (this.chains.get(order.id) === next) this.chains.delete(order.id);
    });
  }

  /** Resolves once every queued callback was delivered or given up. */
  async idle(): Promise<void> {
    while (this.chains.size) await Promise.all([...this.chains.values()]);
  }
}
