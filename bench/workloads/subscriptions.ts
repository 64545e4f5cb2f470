import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { createClient as createSseClient, type Client as SseClient } from 'graphql-sse';
import WebSocket from 'ws';
import { createEventBus } from '../../lib/events/create';
import { domainEvent } from '../../lib/events/event';
import { EventOutbox } from '../../lib/events/outbox';
import { RedisStore } from '../../lib/kv';
import { openDatabase } from '../../lib/store/database';
import type { Fleet } from '../fleet';
import { outputDir, progress } from '../settings';
import type { Callers } from './callers';

/**
 * The subscription workload (issue 13): N subscriptions open on our gateway at once, WebSocket
 * (graphql-ws) and SSE (graphql-sse, distinct connections) alternating, spread over every
 * signed-in manager; each follows a trouble ticket of its own (troubleTicketUpdated, made on one
 * of the manager's services in the fault simulator beforehand). Events `ticket.updated` go through
 * the outbox (SSM store) and the Redis Streams bus at a steady rate, round robin over the tickets,
 * so each event is for exactly one subscription, which the gateway re-resolves as the subscriber.
 *
 *   npm run bench -- --subscriptions                 alone, full size (10,000 at 1,000 events/s)
 *   npm run bench -- --smoke --subscriptions         alone, quick size on demo data
 *   ... --subs <N> --event-rate <per s> --event-seconds <s>   another size
 *   ... --direct-bus      events straight onto the bus (without the outbox's share of the latency)
 *
 * Reports events/s delivered, p50/p99 from publish (the outbox call) to the client, the gateway
 * process's resident memory per open subscription, and lost / misdelivered / error (by code) /
 * unexpected counts.
 */
/** A client's failure as text: graphql-ws and graphql-sse report GraphQL errors, close events or Errors. */
function describeFailure(failure: unknown): string {
  if (failure instanceof Error)
    return failure.cause === undefined ? failure.message : `${failure.message}: ${causeOf(failure)}`;
  if (failure && typeof failure === 'object' && 'code' in failure && 'reason' in failure)
    return `closed ${String(failure.code)} ${String(failure.reason)}`;
  try {
    return JSON.stringify(failure).slice(0, 500);
  } catch {
    return String(failure);
  }
}

/** An Error's cause as `code message` (undici puts the socket's error there; AggregateError's message is empty). */
function causeOf(error: Error): string {
  const cause = error.cause;
  if (!(cause instanceof Error)) return cause === undefined ? '' : String(cause);
  const code = 'code' in cause ? `${String(cause.code)} ` : '';
  const inner = cause instanceof AggregateError ? cause.errors.map((e) => String(e)).join('; ') : '';
  return `${code}${cause.message}${inner ? ` [${inner}]` : ''}`;
}

/**
 * fetch for graphql-sse: its NetworkError keeps only the message of what fetch threw ("fetch
 * failed"), not the cause, which says why (refused, reset, connect timeout...); this puts it in.
 */
const fetchWithCause: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch (error) {
    if (!(error instanceof Error) || error.name === 'AbortError' || !error.cause) throw error;
    throw new Error(`${error.message}: ${causeOf(error)}`, { cause: error.cause });
  }
};

export interface SubscriptionSize {
  subscriptions: number;
  eventsPerSecond: number;
  seconds: number;
  /** Publish straight to the bus, not through the outbox: the gateway's share of the latency alone. */
  directBus?: boolean;
}

const FULL: SubscriptionSize = { subscriptions: 10_000, eventsPerSecond: 1_000, seconds: 20 };
const QUICK: SubscriptionSize = { subscriptions: 300, eventsPerSecond: 100, seconds: 3 };
/** WebSocket subscriptions per connection (the gateway allows 20). */
const PER_CONNECTION = 10;
const SUBSCRIBE = `subscription($id: ID!) { troubleTicketUpdated(id: $id) { id state } }`;

/** `--subscriptions` runs this workload alone; its size from the flags (quick with --smoke). */
export function subscriptionFlags(argv: string[]): { only: boolean; size: SubscriptionSize } {
  const number = (flag: string, fallback: number) =>
    argv.includes(flag) ? Number(argv[argv.indexOf(flag) + 1]) : fallback;
  const base = argv.includes('--smoke') || argv.includes('--quick') ? QUICK : FULL;
  return {
    only: argv.includes('--subscriptions'),
    size: {
      subscriptions: number('--subs', base.subscriptions),
      eventsPerSecond: number('--event-rate', base.eventsPerSecond),
      seconds: number('--event-seconds', base.seconds),
      directBus: argv.includes('--direct-bus'),
    },
  };
}

export interface SubscriptionResults {
  size: SubscriptionSize;
  actors: number;
  websocket: number;
  sse: number;
  published: number;
  /** Events published per second, as achieved (the outbox may not keep up with the asked rate). */
  publishedPerSecond: number;
  delivered: number;
  deliveredPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Published, never delivered to its subscription. */
  lost: number;
  /** Delivered on a subscription of another ticket. */
  misdelivered: number;
  /** An error instead of the ticket (e.g. a subgraph deadline under overload), by error code. */
  errors: Record<string, number>;
  /** A payload for the right ticket with no event outstanding (a second delivery). */
  unexpected: number;
  gatewayRssBeforeMb: number;
  gatewayRssOpenMb: number;
  bytesPerSubscription: number;
  /**
   * Events each consumer group of the bus (the notifier, the webhook dispatcher) had not yet
   * handled when publishing ended, and when the bench stopped waiting: the system's other work
   * on the same events, which shares the cores with the gateway.
   */
  backlog: { whenPublished: Record<string, number>; atEnd: Record<string, number> };
  /**
   * Where the time went, from the gateway's own histogram (ssm_gateway_subscription_event_delay_seconds):
   * per stage, how many of this run's events took longer than 100 ms and 250 ms.
   */
  stages: Record<string, { events: number; over100Ms: number; over250Ms: number }>;
}

/** The gateway's event-delay histogram: count, and count within 0.1 s and 0.25 s, per stage. */
async function delayHistogram(
  url: string,
): Promise<Record<string, { count: number; le100: number; le250: number }>> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  const stages: Record<string, { count: number; le100: number; le250: number }> = {};
  for (const line of text.split('\n')) {
    const match = /^ssm_gateway_subscription_event_delay_seconds_(count|bucket)\{(.*)\} (\S+)$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const stage = (stages[labels.stage] ??= { count: 0, le100: 0, le250: 0 });
    const value = Number(match[3]);
    if (match[1] === 'count') stage.count = value;
    else if (labels.le === '0.1') stage.le100 = value;
    else if (labels.le === '0.25') stage.le250 = value;
  }
  return stages;
}

/** Per consumer group of the bus's stream: entries not yet read (lag) plus read but not acknowledged. */
async function groupBacklog(store: RedisStore): Promise<Record<string, number>> {
  const groups = (await store.redis.xinfo('GROUPS', 'events')) as unknown[][];
  const backlog: Record<string, number> = {};
  for (const fields of groups) {
    const field = (name: string) => fields[fields.indexOf(name) + 1];
    backlog[String(field('name'))] = Number(field('lag') ?? 0) + Number(field('pending') ?? 0);
  }
  return backlog;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssOf = (pid: number | undefined): number => {
  if (!pid) return 0;
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.split(/\s+/)[1]) * 1024 : 0;
};
const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;

/** Runs `work` over `items`, `width` at a time. */
async function pooled<T>(
  items: T[],
  width: number,
  work: (item: T, i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

async function openSubscriptions(url: string): Promise<number> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('ssm_gateway_subscriptions_open{'))
    .reduce((n, l) => n + Number(l.split(' ').pop()), 0);
}

export async function runSubscriptionWorkload(
  fleet: Fleet,
  callers: Callers,
  size: SubscriptionSize,
): Promise<SubscriptionResults> {
  const url = fleet.urls.ours;
  const run = Date.now().toString(36);
  // Managers with a service to report a fault on; tokens are in the same order as the managers.
  const actors = callers.world.managers
    .map((m, i) => ({ manager: m, token: callers.many.tokens[i] }))
    .filter((a) => a.manager.services.length > 0 && a.token);
  if (actors.length === 0) throw new Error('no signed-in manager has a service');

  progress(`subscriptions: making ${size.subscriptions} tickets...`);
  const tickets: string[] = new Array<string>(size.subscriptions);
  const owner = (k: number) => actors[k % actors.length];
  await pooled([...tickets.keys()], 32, async (k) => {
    const { manager } = owner(k);
    const response = await fetch(`${fleet.simulatorUrls.faults}/fm/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        requestId: `bench-subscriptions-${run}-${k}`,
        customerId: manager.customerId,
        serviceId: manager.services[k % manager.services.length],
        description: 'subscription bench',
        category: 'other',
      }),
    });
    if (!response.ok) throw new Error(`ticket ${k}: ${response.status} ${await response.text()}`);
    tickets[k] = ((await response.json()) as { id: string }).id;
  });

  const rssBefore = rssOf(fleet.pids.ours);
  const outstanding = tickets.map(() => [] as number[]);
  const latencies: number[] = [];
  let misdelivered = 0;
  const errors: Record<string, number> = {};
  let unexpected = 0;
  let lastDelivery = 0;
  const received = (k: number, payload: { data?: unknown; errors?: unknown }) => {
    const ticket = (payload.data as { troubleTicketUpdated?: { id?: string } } | undefined)
      ?.troubleTicketUpdated;
    if (payload.errors) {
      const [first] = payload.errors as { extensions?: { code?: string } }[];
      const code = first?.extensions?.code ?? 'no code';
      errors[code] = (errors[code] ?? 0) + 1;
      return;
    }
    if (ticket?.id !== tickets[k]) return void misdelivered++;
    const sent = outstanding[k].shift();
    if (sent === undefined) return void unexpected++;
    lastDelivery = performance.now();
    latencies.push(lastDelivery - sent);
  };
  // When each failed, in seconds from the start of opening (a timeout shows as a fixed delay).
  const failures: { at: number; error: unknown }[] = [];
  let openingStarted = performance.now();
  const sink = (k: number) => ({
    next: (payload: { data?: unknown; errors?: unknown }) => received(k, payload),
    error: (error: unknown) => failures.push({ at: (performance.now() - openingStarted) / 1000, error }),
    complete: () => undefined,
  });

  progress(`subscriptions: opening ${size.subscriptions} (WebSocket and SSE)...`);
  openingStarted = performance.now();
  const wsClients: WsClient[] = [];
  const sseClients: SseClient[] = [];
  const disposers: (() => void)[] = [];
  let websocket = 0;
  let sse = 0;
  // Per actor: its WebSocket subscriptions in connections of PER_CONNECTION, one SSE client.
  const byActor = new Map<number, number[]>();
  for (let k = 0; k < size.subscriptions; k++)
    byActor.set(k % actors.length, [...(byActor.get(k % actors.length) ?? []), k]);
  await pooled([...byActor.entries()], 16, async ([a, ks]) => {
    const authorization = `Bearer ${actors[a].token}`;
    const sseClient = createSseClient({
      url,
      headers: { authorization },
      retryAttempts: 0,
      fetchFn: fetchWithCause,
    });
    sseClients.push(sseClient);
    const wsKs = ks.filter((k) => k % 2 === 0);
    for (let i = 0; i < wsKs.length; i += PER_CONNECTION) {
      const client = createWsClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization },
        retryAttempts: 0,
      });
      wsClients.push(client);
      for (const k of wsKs.slice(i, i + PER_CONNECTION)) {
        disposers.push(client.subscribe({ query: SUBSCRIBE, variables: { id: tickets[k] } }, sink(k)));
        websocket++;
      }
    }
    for (const k of ks.filter((k) => k % 2 === 1)) {
      disposers.push(sseClient.subscribe({ query: SUBSCRIBE, variables: { id: tickets[k] } }, sink(k)));
      sse++;
    }
    // `subscribe` does not wait for the subscription to open: all of them are asked for within
    // about a second, as in a reconnect storm (clients coming back after a gateway restart).
    await sleep(5);
  });
  for (let waited = 0, open = 0; (open = await openSubscriptions(url)) < size.subscriptions; waited += 250) {
    const seconds = (performance.now() - openingStarted) / 1000;
    progress(`subscriptions: ${open} of ${size.subscriptions} open after ${seconds.toFixed(0)} s...`);
    if (waited > 180_000 || failures.length > 0)
      throw new Error(
        `only ${await openSubscriptions(url)} of ${size.subscriptions} subscriptions opened; ${failures.length} failed, the first after ${failures[0]?.at.toFixed(1)} s: ${describeFailure(failures[0]?.error)}`,
      );
    await sleep(250);
  }
  await sleep(1000);
  const rssOpen = rssOf(fleet.pids.ours);

  progress(`subscriptions: publishing ${size.eventsPerSecond} events/s for ${size.seconds} s...`);
  const store = RedisStore.connect(fleet.stores.redisUrl, fleet.stores.keyPrefix);
  const db = await openDatabase({
    url: fleet.stores.databaseUrl,
    schema: fleet.stores.schema,
    maxConnections: 4,
  });
  const bus = createEventBus(store);
  const outbox = new EventOutbox(db, bus);
  const total = Math.round(size.eventsPerSecond * size.seconds);
  const delaysBefore = await delayHistogram(url);
  let published = 0;
  const started = performance.now();
  while (published < total) {
    const due = Math.min(
      total,
      Math.floor(((performance.now() - started) / 1000) * size.eventsPerSecond) + 1,
    );
    const batch = [];
    for (; published < due; published++) {
      const k = published % tickets.length;
      const { manager } = owner(k);
      outstanding[k].push(performance.now());
      batch.push(
        domainEvent({
          id: `bench:${run}:${published}`,
          type: 'ticket.updated',
          source: 'bench',
          customerId: manager.customerId,
          subjectId: tickets[k],
          data: { state: 'acknowledged', change: 'note' },
        }),
      );
    }
    if (batch.length) await (size.directBus ? bus.publish(batch) : outbox.emit(batch));
    await sleep(5);
  }
  const publishSeconds = (performance.now() - started) / 1000;
  const whenPublished = await groupBacklog(store);
  const pending = () => outstanding.reduce((n, q) => n + q.length, 0);
  // Until all arrived, or nothing more arrived for 10 s.
  for (let last = pending(), quiet = 0; pending() > 0 && quiet < 10_000; quiet += 100) {
    await sleep(100);
    if (pending() !== last) [last, quiet] = [pending(), 0];
  }
  const atEnd = await groupBacklog(store);
  const delaysAfter = await delayHistogram(url);
  const stages = Object.fromEntries(
    Object.entries(delaysAfter).map(([stage, after]) => {
      const before = delaysBefore[stage] ?? { count: 0, le100: 0, le250: 0 };
      const events = after.count - before.count;
      return [
        stage,
        {
          events,
          over100Ms: events - (after.le100 - before.le100),
          over250Ms: events - (after.le250 - before.le250),
        },
      ];
    }),
  );

  for (const dispose of disposers) dispose();
  await Promise.all(wsClients.map((c) => c.dispose()));
  for (const c of sseClients) c.dispose();
  await outbox.stop();
  await bus.close();
  await store.close();
  await db.close();

  const sorted = [...latencies].sort((a, b) => a - b);
  const deliveredSeconds = Math.max(0.001, (lastDelivery - started) / 1000);
  return {
    size,
    actors: actors.length,
    websocket,
    sse,
    published,
    publishedPerSecond: Math.round(published / publishSeconds),
    delivered: latencies.length,
    deliveredPerSecond: Math.round(latencies.length / deliveredSeconds),
    p50Ms: Math.round(quantile(sorted, 0.5) * 10) / 10,
    p99Ms: Math.round(quantile(sorted, 0.99) * 10) / 10,
    maxMs: Math.round((sorted[sorted.length - 1] ?? 0) * 10) / 10,
    lost: pending(),
    misdelivered,
    errors,
    unexpected,
    gatewayRssBeforeMb: Math.round(rssBefore / 2 ** 20),
    gatewayRssOpenMb: Math.round(rssOpen / 2 ** 20),
    bytesPerSubscription: Math.round((rssOpen - rssBefore) / size.subscriptions),
    backlog: { whenPublished, atEnd },
    stages,
  };
}

/** "0", or the total and each code's count: "12 (UPSTREAM_TIMEOUT 10, UNAUTHENTICATED 2)". */
function errorSummary(errors: Record<string, number>): string {
  const entries = Object.entries(errors).sort((a, b) => b[1] - a[1]);
  const total = entries.reduce((n, [, count]) => n + count, 0);
  return total ? `${total} (${entries.map(([code, count]) => `${code} ${count}`).join(', ')})` : '0';
}

const backlogText = (backlog: Record<string, number>): string =>
  Object.entries(backlog)
    .map(([group, n]) => `${group} ${n}`)
    .join(', ') || 'no group';

/** Prints the workload's figures and writes them to .bench/subscriptions[-smoke].json. */
export function reportSubscriptions(results: SubscriptionResults, smoke: boolean): void {
  const r = results;
  process.stderr.write('\n');
  console.log(
    [
      `Subscriptions (issue 13): ${r.size.subscriptions} open (${r.websocket} WebSocket, ${r.sse} SSE) across ${r.actors} actors`,
      `  published ${r.published} events ${r.size.directBus ? 'on the bus' : 'through the outbox'} at ${r.publishedPerSecond}/s (asked ${r.size.eventsPerSecond}/s for ${r.size.seconds} s)`,
      `  delivered ${r.delivered} at ${r.deliveredPerSecond}/s; publish -> client p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms`,
      `  lost ${r.lost}, misdelivered (another ticket) ${r.misdelivered}, errors ${errorSummary(r.errors)}, unexpected ${r.unexpected}`,
      `  bus consumer groups' backlog when publishing ended: ${backlogText(r.backlog.whenPublished)}; when the bench stopped waiting: ${backlogText(r.backlog.atEnd)}`,
      `  where the time went (the gateway's histogram): ${
        Object.entries(r.stages)
          .map(
            ([stage, d]) =>
              `${stage} stage: ${d.over100Ms} of ${d.events} events over 100 ms, ${d.over250Ms} over 250 ms`,
          )
          .join('; ') || 'no figures'
      }`,
      `  gateway RSS ${r.gatewayRssBeforeMb} MB -> ${r.gatewayRssOpenMb} MB with them open: ${Math.round(r.bytesPerSubscription / 102.4) / 10} KB per subscription`,
    ].join('\n'),
  );
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(
    path.join(outputDir, smoke ? 'subscriptions-smoke.json' : 'subscriptions.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
}
