import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyCallback } from '../../lib/callback-signature';
import { CallbackSender } from '../../mocks/orders/callback';
import type { IbssOrder, OrderState } from '../../mocks/orders/server';

/**
 * F9, issue 13: the IBSS simulator reports every order state change by signed callback, in order
 * per order, even when the receiver refuses one and the IBSS retries it.
 */
const SECRET = 'ibss-callback-test-secret';
let server: http.Server;
let url: string;
/** What the receiver accepted, in arrival order; the first post of each listed state is refused. */
const accepted: { orderId: string; state: string; previousState: string | null; signed: boolean }[] = [];
const refuseOnce = new Set<string>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as { orderId: string; state: string; previousState: string | null };
      const key = `${body.orderId}:${body.state}`;
      if (refuseOnce.delete(key)) {
        res.writeHead(503).end();
        return;
      }
      accepted.push({ ...body, signed: verifyCallback(SECRET, req.headers, raw) === 'ok' });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callbacks/ibss`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const order = (id: string): IbssOrder => ({
  id,
  requestId: `req-${id}`,
  customerId: 'CUST-1',
  accountId: 'ACC-1',
  state: 'acknowledged',
  note: null,
  requestedBy: 'user-1',
  createdAt: new Date().toISOString(),
  completedAt: null,
  callbackUrl: url,
  items: [],
  fingerprint: '',
});

function advance(sender: CallbackSender, o: IbssOrder, state: OrderState): void {
  const previous = o.state;
  o.state = state;
  sender.stateChanged(o, previous);
}

describe('F9: IBSS callbacks', () => {
  it('F9: every state change is posted, signed, in order per order, a retried one never overtaken', async () => {
    const sender = new CallbackSender(SECRET);
    const a = order('PO-A');
    const b = order('PO-B');
    // The receiver refuses A's pending once: the IBSS retries it before A's next states.
    refuseOnce.add('PO-A:pending');
    for (const state of ['pending', 'inProgress', 'completed'] as const) {
      advance(sender, a, state);
      advance(sender, b, state);
    }
    await sender.idle();
    const of = (id: string) =>
      accepted.filter((c) => c.orderId === id).map((c) => [c.previousState, c.state, c.signed]);
    expect(of('PO-A')).toEqual([
      ['acknowledged', 'pending', true],
      ['pending', 'inProgress', true],
      ['inProgress', 'completed', true],
    ]);
    expect(of('PO-B')).toEqual(of('PO-A'));
    expect(refuseOnce.size).toBe(0);
  });
});
