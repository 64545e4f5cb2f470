/**
 * `npm run cache:report`: what the caches save, measured through the gateway. Starts the system
 * twice (caching on, then off) with the same added latency on every legacy simulator and, for the
 * catalogue page and the 50-number manager dashboard, prints legacy calls and latency:
 * uncached, cold (first request), warm from the legacy caches only (the response cache missed),
 * and warm from the response cache. Not a benchmark of throughput (that is `npm run bench`).
 */
import { randomUUID } from 'node:crypto';
import { createStore } from '../lib/kv';
import { settingsOrExit } from '../system/config';
import { startSystem, type RunningSystem } from '../system/system';
import { SYSTEMS } from '../mocks';
import { DEMO_SIZE } from '../mocks/seed/generate';
import { post } from '../system/kit/client';
import { scratchDatabase } from '../system/kit/scratch-database';
import { login } from '../system/kit/sign-in';

// The stores as every process reads them (in-process and embedded without REDIS_URL / DATABASE_URL);
// logging as LOG_LEVEL says (warnings by default in `npm run cache:report`), since the whole
// system runs in this process.
const { stores } = settingsOrExit();
const LATENCY_MS = Number(process.env.SSM_LEGACY_LATENCY_MS ?? 20);
const REPEATS = Number(process.env.SSM_REPEATS ?? 20);

const CATALOGUE = `{ offerings(first: 10) { totalCount edges { node { id name prices { price { amount } } provider { partner { name } } bundledOfferings { id } } } } }`;
const DASHBOARD = `{ me { customer { services(first: 50, filter: { type: MOBILE }) { totalCount edges { node {
  id identifier state
  currentCharges { total { amount } }
  lastBillCharges { amount { amount } bill { id } }
  troubleTickets(openOnly: true) { totalCount }
} } } } } }`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function boot(caching: boolean): Promise<{ system: RunningSystem; stop(): Promise<void> }> {
  const store = createStore({ redisUrl: stores.redisUrl, keyPrefix: `cache-report:${randomUUID()}:` });
  const { db, drop } = await scratchDatabase({
    url: stores.databaseUrl,
    schema: `cache_report_${Date.now()}`,
  });
  const system = await startSystem({
    db,
    store,
    seedDemoGrants: true,
    simulators: { seed: DEMO_SIZE, provisioningDelayMs: 50 },
    caching: { response: caching, legacy: caching },
  });
  for (const name of SYSTEMS) system.sims.sims[name].setFaults({ latencyMs: LATENCY_MS });
  return {
    system,
    stop: async () => {
      await system.stop();
      await store.close();
      await drop();
    },
  };
}

async function timed(
  system: RunningSystem,
  query: string,
  token?: string,
): Promise<{ ms: number; calls: number; cache: string | null }> {
  for (const name of SYSTEMS) system.sims.sims[name].resetCalls();
  const t0 = performance.now();
  const r = await post(system.gatewayUrl, query, {}, token);
  const ms = performance.now() - t0;
  if (r.status !== 200 || r.errors) throw new Error(`request failed: ${JSON.stringify(r.errors)}`);
  const calls = SYSTEMS.reduce((n, name) => n + system.sims.sims[name].callCount(), 0);
  return { ms, calls, cache: r.cache };
}

async function series(system: RunningSystem, make: (i: number) => string, token?: string) {
  const runs = [];
  for (let i = 0; i < REPEATS; i++) runs.push(await timed(system, make(i), token));
  return { ms: median(runs.map((r) => r.ms)), calls: Math.max(...runs.map((r) => r.calls)) };
}

async function main(): Promise<void> {
  const rows: string[][] = [];
  const uncached = await boot(false);
  const off = {
    catalogue: await series(uncached.system, () => CATALOGUE),
    dashboard: await series(
      uncached.system,
      () => DASHBOARD,
      (await login(uncached.system, 'nw.manager')).accessToken,
    ),
  };
  await uncached.stop();

  const cached = await boot(true);
  const token = (await login(cached.system, 'nw.manager')).accessToken;
  for (const [name, query, who] of [
    ['catalogue page (anonymous)', CATALOGUE, undefined],
    ['dashboard, 50 numbers (SS manager)', DASHBOARD, token],
  ] as const) {
    const cold = await timed(cached.system, query, who);
    // A distinct query text each time: the response cache misses, the legacy caches answer.
    const legacyOnly = await series(cached.system, (i) => query.replace('{', `{ r${i}: __typename `), who);
    const hit = await series(cached.system, () => query, who);
    const base = name.startsWith('catalogue') ? off.catalogue : off.dashboard;
    rows.push(
      [name, 'uncached (SSM_CACHE=off)', base.ms.toFixed(1), String(base.calls)],
      [name, 'cold', cold.ms.toFixed(1), String(cold.calls)],
      [name, 'warm, legacy caches only', legacyOnly.ms.toFixed(1), String(legacyOnly.calls)],
      [name, 'warm, response cache hit', hit.ms.toFixed(1), String(hit.calls)],
    );
  }
  await cached.stop();

  const header = ['query', 'state', 'median ms', 'legacy calls'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(
    `\nLegacy latency ${LATENCY_MS} ms per call, ${REPEATS} requests per warm row, store ${stores.redisUrl ?? 'in-process'}`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
