import { createHmac } from 'node:crypto';
import type { DeliveryJob } from '../../subgraphs/orders/services/webhooks/delivery-queue';
import { WebhookDispatcher } from '../../subgraphs/orders/services/webhooks/dispatcher';
import { WEBHOOK_DEFAULTS, type WebhookSettings } from '../../subgraphs/orders/services/webhooks/models';
import { batchQueue, levelLogger, startSink } from '../support/webhooks-fakes';

/**
 * R4: the webhook dispatcher sends claimed deliveries as signed CloudEvents to a real HTTP sink
 * and records the outcome (delivered, retried with backoff, or dead), polling while started.
 */
const settings: WebhookSettings = {
  ...WEBHOOK_DEFAULTS,
  maxAttempts: 4,
  backoffBaseMs: 1_000,
  backoffMaxMs: 5_000,
  timeoutMs: 2_000,
  pollIntervalMs: 60_000,
};

const job = (sink: string, extra: Partial<DeliveryJob> = {}): DeliveryJob => ({
  id: '11',
  subscriptionId: 'ES-1',
  eventId: 'E-1',
  payload: {
    specversion: '1.0',
    id: 'E-1',
    source: 'urn:ssm:orders',
    type: 'org.ssm.order.state-changed',
    time: '2026-11-30T10:00:00.000Z',
    datacontenttype: 'application/json',
    data: { orderId: 'O-1', state: 'completed' },
  },
  attempts: 1,
  sink,
  credential: null,
  secret: 'whsec_test',
  ...extra,
});

const sinks: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.stop()));
});
async function sink(...args: Parameters<typeof startSink>) {
  const started = await startSink(...args);
  sinks.push(started);
  return started;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('one delivery', () => {
  it('R4: POSTs the CloudEvent, signed with the subscription secret, with the bearer credential', async () => {
    const target = await sink();
    const { calls, queue } = batchQueue([[job(`${target.url}/hook?x=1`, { credential: 'tok-1' })]]);
    const { lines, logger } = levelLogger();
    expect(await new WebhookDispatcher(queue, settings, logger).runOnce()).toBe(1);
    const [request] = target.received;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/hook?x=1');
    expect(JSON.parse(request.body)).toEqual(job('').payload);
    expect(request.headers['content-type']).toBe('application/cloudevents+json');
    expect(request.headers['user-agent']).toBe('ssm-webhooks/1');
    expect(request.headers.authorization).toBe('Bearer tok-1');
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(request.headers['x-ssm-signature'])) ?? [];
    expect(v1).toBe(createHmac('sha256', 'whsec_test').update(`${t}.${request.body}`).digest('hex'));
    expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(10);
    expect(calls).toEqual([
      ['claimDue', 20, 12_000],
      ['delivered', '11'],
    ]);
    expect(lines).toEqual([
      [
        'info',
        { event: 'webhook.delivered', subscriptionId: 'ES-1', eventId: 'E-1', attempt: 1 },
        'webhook delivered',
      ],
    ]);
  });

  it('R4: sends no authorization header without a sink credential; any 2xx is delivered', async () => {
    const target = await sink((r) => ({ status: r.path === '/a' ? 204 : 299 }));
    const { calls, queue } = batchQueue([
      [job(`${target.url}/a`, { id: '1' }), job(`${target.url}/b`, { id: '2' })],
    ]);
    expect(await new WebhookDispatcher(queue, settings, levelLogger().logger).runOnce()).toBe(2);
    expect(target.received.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
    expect(calls.slice(1).sort()).toEqual([
      ['delivered', '1'],
      ['delivered', '2'],
    ]);
  });

  it('R4: a non-2xx answer is retried with doubling backoff, capped; the answer body is never shown', async () => {
    const target = await sink((r) => ({ status: r.path === '/busy' ? 503 : 300 }));
    const { calls, queue } = batchQueue([
      [
        job(`${target.url}/busy`, { id: '1', attempts: 1 }),
        job(`${target.url}/moved`, { id: '2', attempts: 2 }),
        job(`${target.url}/busy`, { id: '3', attempts: 3 }),
      ],
    ]);
    const { lines, logger } = levelLogger();
    await new WebhookDispatcher(queue, settings, logger).runOnce();
    expect(calls.slice(1).sort()).toEqual([
      ['failed', '1', 'HTTP 503', 1_000],
      ['failed', '2', 'HTTP 300', 2_000],
      ['failed', '3', 'HTTP 503', 4_000],
    ]);
    expect(lines).toContainEqual([
      'warn',
      {
        event: 'webhook.retry',
        subscriptionId: 'ES-1',
        eventId: 'E-1',
        attempt: 1,
        failure: 'HTTP 503',
        retryInMs: 1_000,
      },
      'webhook attempt failed',
    ]);
  });

  it('R4: the backoff never exceeds backoffMaxMs; the last attempt makes the delivery dead', async () => {
    const target = await sink(() => ({ status: 500 }));
    const { calls, queue } = batchQueue([
      [job(target.url, { id: '1', attempts: 3 })],
      [job(target.url, { id: '2', attempts: 4 })],
    ]);
    const { lines, logger } = levelLogger();
    const dispatcher = new WebhookDispatcher(queue, { ...settings, backoffMaxMs: 3_000 }, logger);
    await dispatcher.runOnce();
    await dispatcher.runOnce();
    expect(calls.filter((c) => c[0] === 'failed')).toEqual([
      ['failed', '1', 'HTTP 500', 3_000],
      ['failed', '2', 'HTTP 500', null],
    ]);
    expect(lines[1]).toEqual([
      'warn',
      {
        event: 'webhook.dead',
        subscriptionId: 'ES-1',
        eventId: 'E-1',
        attempt: 4,
        failure: 'HTTP 500',
        retryInMs: null,
      },
      'webhook given up after the last attempt',
    ]);
  });

  it('R4: a redirect is a failure and is not followed', async () => {
    const elsewhere = await sink();
    const target = await sink(() => ({ status: 307, headers: { location: `${elsewhere.url}/x` } }));
    const { calls, queue } = batchQueue([[job(target.url)]]);
    await new WebhookDispatcher(queue, settings, levelLogger().logger).runOnce();
    expect(calls[1]).toEqual(['failed', '11', 'HTTP 307', 1_000]);
    expect(elsewhere.received).toEqual([]);
  });

  it('R4: a sink that does not answer in time fails with the timeout, not its answer', async () => {
    const target = await sink(() => ({ status: 200, delayMs: 1_000 }));
    const { calls, queue } = batchQueue([[job(target.url)]]);
    await new WebhookDispatcher(queue, { ...settings, timeoutMs: 100 }, levelLogger().logger).runOnce();
    expect(calls).toEqual([
      ['claimDue', 20, 10_100],
      ['failed', '11', 'no answer within 100 ms', 1_000],
    ]);
  });

  it('R4: a sink nobody listens on fails as a network error with its code', async () => {
    const target = await sink();
    await target.stop();
    const { calls, queue } = batchQueue([[job(target.url)]]);
    await new WebhookDispatcher(queue, settings, levelLogger().logger).runOnce();
    expect(calls[1]).toEqual(['failed', '11', 'network error (ECONNREFUSED)', 1_000]);
  });

  it('names other failures without their details', async () => {
    const failures: unknown[] = [
      Object.assign(new Error('aborted'), { name: 'AbortError' }),
      new Error('boom'),
      null,
      Object.assign(new Error('odd'), { cause: { code: 42 } }),
    ];
    const send = (async () => {
      throw failures.shift();
    }) as typeof fetch;
    const jobs = [1, 2, 3, 4].map((n) => job('http://sink.invalid/', { id: String(n) }));
    const { calls, queue } = batchQueue([[jobs[0]], [jobs[1]], [jobs[2]], [jobs[3]]]);
    const dispatcher = new WebhookDispatcher(queue, settings, levelLogger().logger, send);
    for (let n = 0; n < 4; n++) await dispatcher.runOnce();
    expect(calls.filter((c) => c[0] === 'failed').map((c) => c[2])).toEqual([
      'no answer within 2000 ms',
      'network error',
      'network error',
      'network error',
    ]);
  });

  it('accepts an answer without a body', async () => {
    const send = (async () => new Response(null, { status: 200 })) as typeof fetch;
    const { calls, queue } = batchQueue([[job('http://sink.invalid/')]]);
    await new WebhookDispatcher(queue, settings, levelLogger().logger, send).runOnce();
    expect(calls[1]).toEqual(['delivered', '11']);
  });
});

describe('polling', () => {
  it('R4: a pass ends expired subscriptions, then claims until a claim comes back short of a batch', async () => {
    const full = Array.from({ length: 20 }, (_, n) => job('', { id: String(n) }));
    const send = (async () => new Response('ok')) as typeof fetch;
    const { calls, queue } = batchQueue([full, [job('', { id: 'last' })], [job('', { id: 'never' })]]);
    const dispatcher = new WebhookDispatcher(queue, settings, levelLogger().logger, send);
    dispatcher.start();
    await flush();
    await dispatcher.stop();
    expect(calls.filter((c) => c[0] !== 'delivered')).toEqual([
      ['endExpired'],
      ['claimDue', 20, 12_000],
      ['claimDue', 20, 12_000],
    ]);
    expect(calls.filter((c) => c[0] === 'delivered')).toHaveLength(21);
  });

  it('R4: polls every pollIntervalMs while started, and not after stop', async () => {
    const { calls, queue } = batchQueue();
    const dispatcher = new WebhookDispatcher(
      queue,
      { ...settings, pollIntervalMs: 20 },
      levelLogger().logger,
    );
    dispatcher.poke();
    await flush();
    expect(calls).toEqual([]);
    dispatcher.start();
    // Waits for three passes (with a deadline: the machine may be busy), then stops.
    const passesSoFar = () => calls.filter((c) => c[0] === 'endExpired').length;
    for (let waited = 0; passesSoFar() < 3 && waited < 3_000; waited += 10) await flush();
    await dispatcher.stop();
    const passes = calls.filter((c) => c[0] === 'endExpired').length;
    expect(passes).toBeGreaterThanOrEqual(3);
    dispatcher.poke();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls.filter((c) => c[0] === 'endExpired')).toHaveLength(passes);
  });

  it('R4: a poke during a pass runs one more pass after it; stop waits for the pass', async () => {
    const { calls, queue, fake } = batchQueue();
    let release = () => undefined as void;
    const first = fake.endExpired;
    fake.endExpired = async () => {
      fake.endExpired = first;
      await new Promise<void>((resolve) => (release = resolve));
      return first();
    };
    const dispatcher = new WebhookDispatcher(queue, settings, levelLogger().logger);
    dispatcher.start();
    dispatcher.poke();
    dispatcher.poke();
    let stopped = false;
    await flush();
    const stopping = dispatcher.stop().then(() => (stopped = true));
    await flush();
    expect(stopped).toBe(false);
    release();
    await stopping;
    // Stopped before the pass ended: no second pass.
    expect(calls.filter((c) => c[0] === 'endExpired')).toHaveLength(1);

    const again = batchQueue();
    const second = new WebhookDispatcher(again.queue, settings, levelLogger().logger);
    second.start();
    second.poke();
    second.poke();
    await flush();
    expect(again.calls.filter((c) => c[0] === 'endExpired')).toHaveLength(2);
    second.poke();
    await flush();
    expect(again.calls.filter((c) => c[0] === 'endExpired')).toHaveLength(3);
    await second.stop();
  });

  it('R4: a queue that fails is logged and tried again at the next poke', async () => {
    const { calls, queue, fake } = batchQueue();
    const failure = new Error('database down');
    fake.claimDue = async () => {
      calls.push(['claimDue']);
      throw failure;
    };
    const { lines, logger } = levelLogger();
    const dispatcher = new WebhookDispatcher(queue, settings, logger);
    dispatcher.start();
    await flush();
    expect(lines).toEqual([['warn', { err: failure }, 'webhook queue unavailable; will retry']]);
    dispatcher.poke();
    await flush();
    expect(calls.filter((c) => c[0] === 'claimDue')).toHaveLength(2);
    await dispatcher.stop();
  });
});
