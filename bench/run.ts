/**
 * `npm run bench`: our gateway next to plain Apollo Gateway and Hive Gateway over the same
 * supergraph, subgraphs and simulators (benchmark-size data), driven in one run, alternating,
 * after a warm-up, with autocannon. Prints a table (requests/s, p50, p99, errors, ratios to plain
 * Apollo Gateway) and writes JSON to .bench/. See docs/performance.md.
 *
 *   npm run bench                 full run (benchmark data, 3 rounds x 10 s per cell)
 *   npm run bench -- --smoke      seconds-long run on demo data (npm test keeps it working)
 *   npm run bench -- --soak       10 minutes on our gateway at 80% of its highest rate
 *
 * Needs Redis (REDIS_URL, default redis://127.0.0.1:6379) and PostgreSQL (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test): our gateway runs in its own process and shares
 * sessions and grants with the subgraphs through them.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { signActorContext, type Actor } from '../lib/actor';
import { freePort } from '../lib/http';
import { RedisStore } from '../lib/kv';
import { openDatabase } from '../lib/store/database';
import { SUBGRAPHS, type SubgraphName } from '../lib/subgraphs';
import { startSystem } from '../system/system';
import { BENCH_SIZE, DEMO_SIZE } from '../mocks/seed/generate';
import { signIn } from '../system/kit/client';
import { startScript, stopChild } from '../system/kit/processes';
import { GUILD_QUERY } from './guild/data';
import { startGuildSubgraphs } from './guild/subgraphs';
import { checkMutations, mutationMix, type MutationLog } from './mutations';

const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
const soak = argv.includes('--soak');
// --only "<workload prefix>|<gateway name>[|<gateway name>...]": some cells of one workload (e.g.
// to profile one with SSM_BENCH_PROFILE).
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
// --one-connection: only the gateway-added latency at one connection (e.g. to profile it).
const oneConnection = argv.includes('--one-connection');
// The smoke run counts requests, not seconds: on a loaded 2-core machine (other test files
// running) a 1-second window can pass before a slow cell answers anything, so each smoke cell
// sends a fixed number of requests and waits for all of them, however long that takes.
const settings = smoke
  ? {
      seed: { ...DEMO_SIZE, customers: 60 },
      warmup: 1,
      duration: 1,
      rounds: 1,
      connections: 4,
      requestsPerCell: 20,
      mutationsPerCell: 3,
    }
  : {
      seed: BENCH_SIZE,
      warmup: 3,
      duration: 10,
      rounds: oneConnection ? 0 : 3,
      connections: 50,
      requestsPerCell: 0,
      mutationsPerCell: 0,
    };

const root = path.join(__dirname, '..');
const progress = (text: string) => process.stderr.write(`\r\x1b[2K${text}`);

/** Starts one gateway as its own process (one process each: the same CPU budget for all). */
async function startProcess(name: string, script: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  // SSM_BENCH_PROFILE=<name prefix>: that gateway writes a V8 CPU profile to .bench/profiles.
  const profile = process.env.SSM_BENCH_PROFILE && name.startsWith(process.env.SSM_BENCH_PROFILE);
  const nodeFlags = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(root, '.bench', 'profiles')}`] : [];
  return startScript(path.join(root, script), { ...process.env, LOG_LEVEL: 'error', ...env }, { nodeFlags });
}

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
}

interface Cell {
  workload: string;
  target: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  /** One request before the warm-up: same data as the workload's first gateway, or not. */
  answer?: 'same' | 'differs' | 'errors';
}

/** One autocannon run; GraphQL errors inside 200 answers count as errors. */
async function measure(
  target: Target,
  body: string,
  seconds: number,
): Promise<Omit<Cell, 'workload' | 'target'>> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: target.url,
    connections: settings.connections,
    ...(settings.requestsPerCell ? { amount: settings.requestsPerCell, timeout: 60 } : { duration: seconds }),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers },
        body,
        onResponse: (_status: number, text: string) => {
          if (text.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    requests: result.requests.total,
  };
}

/** One POST of a GraphQL body to a target, with the headers the load generator sends. */
function post(target: Pick<Target, 'url' | 'headers'>, body: string): Promise<Response> {
  return fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body,
  });
}

/** One request's `data`, serialised, or null when the answer has errors or is not 200. */
async function answerOf(target: Target, body: string): Promise<string | null> {
  const response = await post(target, body);
  const json = (await response.json()) as { data?: unknown; errors?: unknown };
  return response.ok && !json.errors ? JSON.stringify(json.data) : null;
}

/** Median latency (microseconds) of `n` requests sent one after another on a kept-alive socket. */
async function sequentialMedian(target: Target, body: string, n: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const req = http.request(
        target.url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', ...target.headers } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(Number(process.hrtime.bigint() - t0) / 1000));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  for (let i = 0; i < 20; i++) await one();
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await one());
  agent.destroy();
  return median(times);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const prefix = `bench:${randomUUID()}:`;
  const schema = `bench_${Date.now()}`;
  progress('starting simulators and subgraphs (benchmark data takes a few seconds)...');
  const store = RedisStore.connect(redisUrl, prefix);
  const db = await openDatabase({ url: databaseUrl, schema });
  const secrets = {
    contextSecret: randomBytes(32).toString('hex'),
    tokenSecret: randomBytes(32).toString('hex'),
  };
  const system = await startSystem({
    db,
    store,
    secrets,
    seedDemoGrants: true,
    simulators: { seed: settings.seed, provisioningDelayMs: 200 },
    startGateway: false,
  });
  // (d): The Guild's four subgraphs, in this process like ours.
  const guild = await startGuildSubgraphs();
  const children: ChildProcess[] = [];
  const stopAll = async () => {
    await Promise.all(children.map((c) => stopChild(c, 'SIGTERM')));
    await guild.stop();
    await system.stop();
    await store.close();
    await db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await db.close();
  };
  try {
    const subgraphEnv = Object.fromEntries(
      SUBGRAPHS.map((name) => [`SSM_SUBGRAPH_${name.toUpperCase()}_URL`, system.subgraphUrls[name]]),
    );
    const ours = {
      ...subgraphEnv,
      SSM_CONTEXT_SECRET: secrets.contextSecret,
      SSM_TOKEN_SECRET: secrets.tokenSecret,
      REDIS_URL: redisUrl,
      SSM_KEY_PREFIX: prefix,
      DATABASE_URL: databaseUrl,
      SSM_DB_SCHEMA: schema,
      // One user drives all the load: budgets are raised so the limiter counts but never refuses.
      SSM_RATE_PER_USER: '100000000',
      SSM_RATE_PER_ANONYMOUS: '100000000',
    };
    const ports = {
      oursCached: await freePort(),
      oursUncached: await freePort(),
      apollo: await freePort(),
      hive: await freePort(),
      hiveNoDedupe: await freePort(),
      guildOurs: await freePort(),
      guildApollo: await freePort(),
      guildHive: await freePort(),
      guildHiveNoDedupe: await freePort(),
    };
    const guildEnv = { SSM_GUILD_SUBGRAPH_URLS: JSON.stringify(guild.urls) };
    progress('starting the gateways...');
    children.push(
      await startProcess('ours', 'scripts/gateway.ts', { ...ours, PORT: String(ports.oursCached) }),
      await startProcess('ours (no response cache)', 'scripts/gateway.ts', {
        ...ours,
        PORT: String(ports.oursUncached),
        SSM_CACHE: 'legacy-only',
      }),
      await startProcess('apollo', 'bench/gateways/apollo.ts', {
        ...subgraphEnv,
        PORT: String(ports.apollo),
      }),
      await startProcess('hive', 'bench/gateways/hive.ts', { ...subgraphEnv, PORT: String(ports.hive) }),
      await startProcess('hive (no dedupe)', 'bench/gateways/hive.ts', {
        ...subgraphEnv,
        PORT: String(ports.hiveNoDedupe),
        SSM_HIVE_DEDUPE: 'false',
      }),
      await startProcess('ours (d)', 'bench/gateways/ours-guild.ts', {
        ...ours,
        ...guildEnv,
        PORT: String(ports.guildOurs),
      }),
      await startProcess('apollo (d)', 'bench/gateways/apollo.ts', {
        ...guildEnv,
        PORT: String(ports.guildApollo),
      }),
      await startProcess('hive (d)', 'bench/gateways/hive.ts', {
        ...guildEnv,
        PORT: String(ports.guildHive),
      }),
      await startProcess('hive (d, no dedupe)', 'bench/gateways/hive.ts', {
        ...guildEnv,
        PORT: String(ports.guildHiveNoDedupe),
        SSM_HIVE_DEDUPE: 'false',
      }),
    );

    // Who asks: the SS manager of the 50-number company (Northwind), and anonymous visitors.
    const oursUrl = `http://127.0.0.1:${ports.oursCached}/graphql`;
    const token = await signIn({ ...system, gatewayUrl: oursUrl }, 'nw.manager');
    const manager: Actor = {
      kind: 'customerUser',
      userId: 'nw.manager',
      customerId: 'CUST-000001',
      role: 'MANAGER',
      sessionId: 'bench',
      grants: [],
    };
    const forwarded = async (actor: Actor) =>
      Object.fromEntries(
        await Promise.all(
          SUBGRAPHS.map(async (name: SubgraphName) => [
            `x-ssm-actor-${name}`,
            await signActorContext(actor, name, secrets.contextSecret, 24 * 3600),
          ]),
        ),
      ) as Record<string, string>;
    const managerHeaders = await forwarded(manager);
    const anonymousHeaders = await forwarded({ kind: 'anonymous' });
    const url = (port: number) => `http://127.0.0.1:${port}/graphql`;

    const DASHBOARD = JSON.stringify({
      query: `{ me { customer { services(first: 50, filter: { type: MOBILE }) { totalCount edges { node {
        id identifier state currentCharges { total { amount } } lastBillCharges { amount { amount } bill { id } }
        troubleTickets(openOnly: true) { totalCount } } } } } } }`,
    });
    const GUILD = JSON.stringify({ query: GUILD_QUERY });
    const CATALOGUE = JSON.stringify({
      query: `{ offerings(first: 10) { totalCount edges { node { id name prices { price { amount } } provider { partner { name } } } } } }`,
    });

    // (e) the limit: the same response bytes from a bare node:http server, and the catalogue
    // query sent straight to its subgraph.
    const recorded = {
      dashboard: await (
        await post({ url: oursUrl, headers: { authorization: `Bearer ${token}` } }, DASHBOARD)
      ).text(),
      catalogue: await (await post({ url: oursUrl, headers: {} }, CATALOGUE)).text(),
      guild: await (await post({ url: url(ports.guildApollo), headers: {} }, GUILD)).text(),
    };
    // One process of its own, like each gateway: the same CPU budget.
    mkdirSync(path.join(root, '.bench'), { recursive: true });
    const responsesFile = path.join(root, '.bench', `bare-responses-${process.pid}.json`);
    writeFileSync(
      responsesFile,
      JSON.stringify([
        ['offerings', recorded.catalogue],
        ['topProducts', recorded.guild],
        ['services', recorded.dashboard],
      ]),
    );
    const barePort = await freePort();
    children.push(
      await startProcess('bare', 'bench/gateways/bare.ts', {
        SSM_BARE_RESPONSES: responsesFile,
        PORT: String(barePort),
      }),
    );
    rmSync(responsesFile);

    const BARE = 'bare node:http (limit)';
    const dashboardTargets: Target[] = [
      {
        name: 'ours, response cache off',
        url: url(ports.oursUncached),
        headers: { authorization: `Bearer ${token}` },
      },
      { name: 'ours, response cache on', url: oursUrl, headers: { authorization: `Bearer ${token}` } },
      { name: 'apollo gateway', url: url(ports.apollo), headers: managerHeaders },
      { name: 'hive gateway', url: url(ports.hive), headers: managerHeaders },
      { name: 'hive gateway, no dedupe', url: url(ports.hiveNoDedupe), headers: managerHeaders },
      { name: BARE, url: `http://127.0.0.1:${barePort}/`, headers: {} },
    ];
    const workloads: { name: string; body: string; targets: Target[] }[] = [
      { name: '(a) dashboard, 50 numbers', body: DASHBOARD, targets: dashboardTargets },
      {
        // (c): (a) again, with a steady mix of orders, parameter changes and payments sent
        // through the same gateway at 5/s, checked exactly once afterwards.
        name: '(c) dashboard + mutation mix',
        body: DASHBOARD,
        targets: dashboardTargets.filter((t) => !['hive gateway, no dedupe', BARE].includes(t.name)),
      },
      {
        name: '(b) catalogue page, anonymous',
        body: CATALOGUE,
        targets: [
          { name: 'ours, response cache on', url: oursUrl, headers: {} },
          { name: 'ours, response cache off', url: url(ports.oursUncached), headers: {} },
          { name: 'apollo gateway', url: url(ports.apollo), headers: anonymousHeaders },
          { name: 'hive gateway', url: url(ports.hive), headers: anonymousHeaders },
          { name: 'hive gateway, no dedupe', url: url(ports.hiveNoDedupe), headers: anonymousHeaders },
          {
            name: 'catalogue subgraph direct',
            url: system.subgraphUrls.catalogue,
            headers: { 'x-ssm-actor': anonymousHeaders['x-ssm-actor-catalogue'] },
          },
          { name: BARE, url: `http://127.0.0.1:${barePort}/`, headers: {} },
        ],
      },
      {
        // (d) The Guild's graphql-gateways-benchmark query over its four subgraphs (bench/guild).
        // Ours signs in as the manager: token, session and rate limit are checked per request.
        name: '(d) guild benchmark query',
        body: GUILD,
        targets: [
          {
            name: 'ours, everything on',
            url: url(ports.guildOurs),
            headers: { authorization: `Bearer ${token}` },
          },
          { name: 'apollo gateway', url: url(ports.guildApollo), headers: {} },
          { name: 'hive gateway', url: url(ports.guildHive), headers: {} },
          { name: 'hive gateway, no dedupe', url: url(ports.guildHiveNoDedupe), headers: {} },
          { name: BARE, url: `http://127.0.0.1:${barePort}/`, headers: {} },
        ],
      },
    ];

    if (soak) {
      await runSoak(oursUrl, token, { dashboard: DASHBOARD, catalogue: CATALOGUE });
      return;
    }

    if (only) {
      const [w, ...names] = only.split('|');
      for (const workload of workloads)
        workload.targets = workload.targets.filter((x) => names.includes(x.name));
      workloads.splice(
        0,
        workloads.length,
        ...workloads.filter((x) => x.name.startsWith(w) && x.targets.length),
      );
    }
    const samples = new Map<string, Omit<Cell, 'workload' | 'target'>[]>();
    let mutations: MutationLog | null = null;
    const total = workloads.reduce((n, w) => n + w.targets.length, 0) * settings.rounds;
    let done = 0;
    const answers = new Map<string, Cell['answer']>();
    for (const workload of workloads) {
      // Every gateway must answer the same data (the (c) mix changes it while it runs).
      if (!workload.name.startsWith('(c)')) {
        let reference: string | null = null;
        for (const target of workload.targets) {
          const answer = await answerOf(target, workload.body);
          reference ??= answer;
          answers.set(
            `${workload.name}|${target.name}`,
            answer === null ? 'errors' : answer === reference ? 'same' : 'differs',
          );
        }
      }
      for (const target of workload.targets) {
        progress(`warm-up: ${workload.name} · ${target.name}`);
        if (settings.rounds > 0 && !smoke) await measure(target, workload.body, settings.warmup);
      }
      for (let round = 1; round <= settings.rounds; round++) {
        for (const target of workload.targets) {
          done++;
          progress(
            `[${done}/${total}] ${workload.name} · ${target.name} · round ${round}/${settings.rounds}`,
          );
          const mix: Promise<MutationLog> | null = workload.name.startsWith('(c)')
            ? mutationMix(
                target.url,
                target.headers,
                system,
                {
                  perSecond: 5,
                  durationMs: settings.duration * 1000,
                  atLeast: settings.mutationsPerCell,
                },
                mutations,
              )
            : null;
          const sample = await measure(target, workload.body, settings.duration);
          if (mix) mutations = await mix;
          const key = `${workload.name}|${target.name}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
        }
      }
    }
    // Gateway-added latency at one connection: the same catalogue query, one request at a time,
    // through each gateway and straight to the catalogue subgraph; medians in microseconds.
    const addedLatency: Record<string, number> = {};
    const catalogueTargets = workloads.find((w) => w.name.startsWith('(b)'))?.targets ?? [];
    const direct = catalogueTargets.find((t) => t.name === 'catalogue subgraph direct');
    const directMedian = direct ? await sequentialMedian(direct, CATALOGUE, smoke ? 50 : 500) : 0;
    for (const target of direct ? catalogueTargets : []) {
      if (target.name.includes('direct') || target.name.includes('bare')) continue;
      progress(`one connection: ${target.name}`);
      addedLatency[target.name] =
        (await sequentialMedian(target, CATALOGUE, smoke ? 50 : 500)) - directMedian;
    }
    progress('');

    const cells: Cell[] = [...samples].map(([key, runs]) => {
      const [workload, target] = key.split('|');
      return {
        workload,
        target,
        requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
        p50: median(runs.map((r) => r.p50)),
        p99: median(runs.map((r) => r.p99)),
        errors: runs.reduce((n, r) => n + r.errors, 0),
        requests: runs.reduce((n, r) => n + r.requests, 0),
        answer: answers.get(key),
      };
    });
    const mutationCheck = mutations ? await checkMutations(mutations, system) : null;
    printTable(cells, mutationCheck);
    console.log(
      `\ngateway-added p50 at one connection, catalogue page (vs the subgraph direct, ${(directMedian / 1000).toFixed(2)} ms):`,
    );
    for (const [name, us] of Object.entries(addedLatency))
      console.log(`  ${name.padEnd(26)} ${(us / 1000).toFixed(2)} ms`);
    mkdirSync(path.join(root, '.bench'), { recursive: true });
    const file = path.join(root, '.bench', `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const json = JSON.stringify(
      {
        at: new Date().toISOString(),
        smoke,
        settings,
        cores: os.cpus().length,
        cells,
        mutations: mutationCheck,
        addedLatencyMs: Object.fromEntries(Object.entries(addedLatency).map(([k, v]) => [k, v / 1000])),
      },
      null,
      2,
    );
    writeFileSync(file, json);
    writeFileSync(path.join(root, '.bench', smoke ? 'smoke.json' : 'latest.json'), json);
    console.log(`\nresults: ${path.relative(root, file)}`);
  } finally {
    await stopAll();
  }
}

function printTable(cells: Cell[], mutations: Awaited<ReturnType<typeof checkMutations>> | null): void {
  const rows: string[][] = [];
  for (const workload of [...new Set(cells.map((c) => c.workload))]) {
    const group = cells.filter((c) => c.workload === workload);
    const base = group.find((c) => c.target === 'apollo gateway');
    for (const c of group) {
      const ratio = (v: number, b: number | undefined) => (b ? `${(v / b).toFixed(2)}x` : '-');
      rows.push([
        workload,
        c.target,
        c.requestsPerSecond.toFixed(0),
        ratio(c.requestsPerSecond, base?.requestsPerSecond),
        c.p50.toFixed(1),
        ratio(c.p50, base?.p50),
        c.p99.toFixed(1),
        ratio(c.p99, base?.p99),
        String(c.errors),
        c.answer ?? '-',
      ]);
    }
  }
  const header = [
    'workload',
    'gateway',
    'req/s',
    'vs apollo',
    'p50 ms',
    'vs apollo',
    'p99 ms',
    'vs apollo',
    'errors',
    'answer',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(
    `\n${settings.connections} connections, ${settings.duration} s x ${settings.rounds} rounds per cell (median), ${os.cpus().length} cores`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  if (mutations)
    console.log(
      `\n(c) mutations through every gateway: ${mutations.acknowledged} acknowledged, ${mutations.missing} missing, ${mutations.duplicated} duplicated`,
    );
}

/**
 * Ten minutes on our gateway (everything on) at 80% of the highest rate it sustained, with a mix
 * of a private cached dashboard, the public catalogue page and a never-cached live balance read
 * (every layer: copies, shared cache, planning, subgraphs, the OCS), watching errors and memory.
 */
async function runSoak(
  url: string,
  token: string,
  bodies: { dashboard: string; catalogue: string },
): Promise<void> {
  const live = JSON.stringify({
    query: `{ me { customer { services(first: 5, filter: { type: MOBILE }) { edges { node { id state prepaidBalance { asOf } } } } } } }`,
  });
  const signedIn = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const requests = [
    { method: 'POST' as const, headers: signedIn, body: bodies.dashboard },
    { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: bodies.catalogue },
    { method: 'POST' as const, headers: signedIn, body: live },
  ];
  let graphqlErrors = 0;
  const run = (seconds: number, rate?: number) =>
    autocannon({
      url,
      connections: settings.connections,
      duration: seconds,
      ...(rate ? { overallRate: rate } : {}),
      requests: requests.map((r) => ({
        ...r,
        onResponse: (_status: number, text: string) => {
          if (text.includes('"errors"')) graphqlErrors++;
        },
      })),
    });
  const memory = async () => {
    const metrics = await (await fetch(url.replace('/graphql', '/metrics'))).text();
    const read = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(metrics)?.[1] ?? 0) / 1e6;
    return { rss: read('ssm_process_resident_memory_bytes'), heap: read('ssm_nodejs_heap_size_used_bytes') };
  };
  progress('soak: measuring the highest sustainable rate...');
  const peak = await run(10);
  graphqlErrors = 0;
  const rate = Math.floor(peak.requests.average * 0.8);
  const minutes = Number(process.env.SSM_SOAK_MINUTES ?? 10);
  const samples = [await memory()];
  let errors = 0;
  let total = 0;
  const latency: number[] = [];
  for (let m = 1; m <= minutes; m++) {
    progress(`soak: minute ${m}/${minutes} at ${rate} req/s`);
    const result = await run(60, rate);
    errors += result.errors + result.timeouts + result.non2xx;
    total += result.requests.total;
    latency.push(result.latency.p99);
    samples.push(await memory());
  }
  errors += graphqlErrors;
  progress('');
  // Flat: the last three minutes' mean within 10% of minutes 1-3's (the first sample is before load).
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const early = mean(samples.slice(1, 4).map((x) => x.rss));
  const late = mean(samples.slice(-3).map((x) => x.rss));
  const growth = early ? (late - early) / early : 0;
  console.log(
    `soak: ${minutes} min at ${rate} req/s (80% of ${peak.requests.average.toFixed(0)}), ${os.cpus().length} cores: ${total} requests, ${errors} errors (GraphQL errors included)`,
  );
  console.log(`gateway resident memory per minute (MB): ${samples.map((x) => x.rss.toFixed(0)).join(', ')}`);
  console.log(`gateway heap used per minute (MB):       ${samples.map((x) => x.heap.toFixed(0)).join(', ')}`);
  console.log(`p99 per minute (ms): ${latency.join(', ')}`);
  console.log(
    `memory ${Math.abs(growth) < 0.1 ? 'flat' : 'NOT flat'}: last three minutes ${(growth * 100).toFixed(1)}% vs the first three`,
  );
  mkdirSync(path.join(root, '.bench'), { recursive: true });
  writeFileSync(
    path.join(root, '.bench', `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify(
      { minutes, rate, peak: peak.requests.average, requests: total, errors, samples, p99: latency, growth },
      null,
      2,
    ),
  );
}

main()
  // Load-generator sockets and the store's reconnect timers would keep the process alive.
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
