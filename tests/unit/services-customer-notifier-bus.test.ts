import { NOTIFIER_GROUP, Notifier } from '../../subgraphs/customer/services/notifier';
import { billIssued, notifierDeps, user } from '../support/notifier-fakes';

/**
 * F8/F9: the notifier on the bus (services/notifier.ts): it joins the work queue, rejoins a bus it
 * could not reach, and on stop leaves it and lets the events being handled finish.
 */

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('F8/F9 notifier on the event bus', () => {
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('F8: joins the notifier group with redelivery after a second, and handles what it is given', async () => {
    const { deps, bus, filed } = notifierDeps([user('U-2')]);
    const notifier = new Notifier(deps);
    notifier.start();
    await flush();
    expect(NOTIFIER_GROUP).toBe('notifier');
    expect(bus.consumed.map((c) => [c.group, c.retryAfterMs])).toEqual([['notifier', 1000]]);
    await bus.consumed[0].handler(billIssued({ recipients: ['U-2'] }));
    expect(filed.map((n) => n.userId)).toEqual(['U-2']);
    await notifier.stop();
    expect(bus.unsubscribed).toBe(1);
    // Stopping again leaves nothing more to leave.
    await notifier.stop();
    expect(bus.unsubscribed).toBe(1);
  });

  it('F8: a failed delivery rejects the handler the bus called, so the bus delivers it again', async () => {
    const { deps, bus, hooks } = notifierDeps([user('U-2')]);
    const error = new Error('inbox down');
    hooks.failAdd = () => error;
    const notifier = new Notifier(deps);
    notifier.start();
    await flush();
    await expect(bus.consumed[0].handler(billIssued({ recipients: ['U-2'] }))).rejects.toBe(error);
    await notifier.stop();
  });

  it('F8: stop waits for the events being handled', async () => {
    const { deps, bus, filed, hooks } = notifierDeps([user('U-2')]);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    hooks.onAdd = () => held;
    const notifier = new Notifier(deps);
    notifier.start();
    await flush();
    const handling = bus.consumed[0].handler(billIssued({ recipients: ['U-2'] }));
    let stopped = false;
    const stopping = notifier.stop().then(() => (stopped = true));
    await flush();
    expect(bus.unsubscribed).toBe(1);
    expect(stopped).toBe(false);
    release();
    await stopping;
    await handling;
    expect(filed).toHaveLength(1);
  });

  it('F8: a long-running notifier forgets each event once handled, failed or not', async () => {
    const { deps, bus, hooks } = notifierDeps([user('U-2')]);
    hooks.failAdd = (n) => (n.eventId === 'EV-bad' ? new Error('inbox down') : null);
    const notifier = new Notifier(deps);
    notifier.start();
    await flush();
    await bus.consumed[0].handler(billIssued({ recipients: ['U-2'] }));
    await bus.consumed[0].handler(billIssued({ id: 'EV-bad', recipients: ['U-2'] })).catch(() => undefined);
    await flush();
    // What stop() would wait for: nothing, rather than every event handled since start.
    expect((notifier as unknown as { running: Set<Promise<void>> }).running.size).toBe(0);
    await notifier.stop();
  });

  it('F8: a bus it cannot reach is logged and joined again five seconds later', async () => {
    jest.useFakeTimers();
    const { deps, bus, lines } = notifierDeps([]);
    const down = new Error('ECONNREFUSED');
    bus.failure = down;
    const notifier = new Notifier(deps);
    notifier.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(lines).toEqual([['error', { err: down }, 'notifier could not join the event bus; retrying']]);
    bus.failure = null;
    await jest.advanceTimersByTimeAsync(4999);
    expect(bus.consumed).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(bus.consumed.map((c) => c.group)).toEqual(['notifier']);
    await notifier.stop();
    expect(bus.unsubscribed).toBe(1);
  });

  it('F8: the rejoin timer does not keep the process alive', async () => {
    const timeouts = jest.spyOn(global, 'setTimeout');
    const { deps, bus } = notifierDeps([]);
    bus.failure = new Error('ECONNREFUSED');
    const notifier = new Notifier(deps);
    notifier.start();
    await flush();
    const rejoin = timeouts.mock.results
      .map((r) => r.value as NodeJS.Timeout)
      .find((t) => (t as unknown as { _idleTimeout: number })._idleTimeout === 5000);
    expect(rejoin?.hasRef()).toBe(false);
    await notifier.stop();
  });

  it('F8: a stopped notifier does not rejoin, whether stopped before or after the bus failed', async () => {
    jest.useFakeTimers();
    const { deps, bus, lines } = notifierDeps([]);
    bus.failure = new Error('ECONNREFUSED');
    const notifier = new Notifier(deps);

    notifier.start();
    await jest.advanceTimersByTimeAsync(0);
    await notifier.stop();
    bus.failure = null;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(bus.consumed).toHaveLength(0);

    bus.failure = new Error('ECONNREFUSED');
    notifier.start();
    const stopping = notifier.stop();
    await jest.advanceTimersByTimeAsync(0);
    await stopping;
    bus.failure = null;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(bus.consumed).toHaveLength(0);
    expect(lines.map((l) => l[0])).toEqual(['error', 'error']);
  });
});
