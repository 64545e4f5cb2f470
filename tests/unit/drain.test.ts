import http from 'node:http';
import { Drain } from '../../lib/drain';
import { listen } from '../../lib/http';

/**
 * Issue 15, lifecycle: a draining server stops accepting, lets what it started finish, and is
 * bounded by its deadline (lib/drain.ts).
 */

/** A server answering each request after `delayMs`, with its requests counted by a Drain. */
async function slowServer(delayMs: number) {
  const drain = new Drain();
  // Resolves when the server has a request in hand: the test starts draining only then, never
  // after a fixed pause that a loaded machine may outlast before the request even arrives.
  let received: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (received = resolve));
  const server = http.createServer((_req, res) => {
    drain.track(res);
    received();
    setTimeout(() => res.end('done'), delayMs);
  });
  const port = await listen(server, 0);
  return { drain, server, url: `http://127.0.0.1:${port}/`, arrived };
}

const outcome = (p: Promise<Response>) =>
  p.then(
    async (r) => ({ status: r.status, body: await r.text(), close: r.headers.get('connection') }),
    (error: Error) => ({ error: error.message }),
  );

describe('drain', () => {
  it('lets requests in flight finish, then closes; a request after the start is refused', async () => {
    const { drain, server, url, arrived } = await slowServer(300);
    const inFlight = outcome(fetch(url));
    await arrived;
    const t0 = Date.now();
    const drained = drain.drain(server, 5000);
    expect(drain.isDraining).toBe(true);
    expect(await outcome(fetch(url))).toEqual({ error: 'fetch failed' });
    expect(await inFlight).toEqual({ status: 200, body: 'done', close: 'close' });
    expect(await drained).toBe(0);
    // Done when the request is: well before the 5 s deadline (bounds, not a speed measurement).
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('cuts what is still running at the deadline, so a stop never waits longer than the timeout', async () => {
    const { drain, server, url, arrived } = await slowServer(10_000);
    const inFlight = outcome(fetch(url));
    await arrived;
    const t0 = Date.now();
    expect(await drain.drain(server, 200)).toBe(1);
    // Cut at the deadline, not after the 10 s request.
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(await inFlight).toEqual({ error: 'fetch failed' });
  });

  it('closes at once when nothing is in flight, idle keep-alive connections included', async () => {
    const { drain, server, url } = await slowServer(0);
    await (await fetch(url)).text();
    const t0 = Date.now();
    expect(await drain.drain(server, 5000)).toBe(0);
    // Idle keep-alive sockets do not hold the stop until the 5 s deadline.
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
