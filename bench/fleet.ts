import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePortForChild } from '../lib/http';
import { SUBGRAPHS, type SubgraphName } from '../lib/subgraphs';
import { startScript, startServerScript, stopChild } from '../system/kit/processes';
import { scratchDatabase } from '../system/kit/scratch-database';
import { startLoadGenerator, type LoadGenerator } from './rig/load-client';
import type { RigWorld } from './rig/world';
import { outputDir, progress, root, type BenchEnvironment, type BenchSettings } from './settings';

/** The gateway processes, each on its own port; names ending in "Guild" serve workload (d). */
export const GATEWAYS = [
  'ours',
  'oursUncached',
  'apollo',
  'hive',
  'hiveNoDedupe',
  'hiveRust',
  'oursGuild',
  'apolloGuild',
  'hiveGuild',
  'hiveGuildNoDedupe',
] as const;
export type GatewayName = (typeof GATEWAYS)[number];

/** What the simulators process counts: business calls per system and handler time per operation. */
export interface SimulatorCounters {
  calls: Record<string, number>;
  timings: Record<string, { calls: number; ms: number }>;
}

export interface Fleet {
  secrets: { contextSecret: string; tokenSecret: string };
  /** The GraphQL URL of each gateway process. */
  urls: Record<GatewayName, string>;
  /** The GraphQL URL of each SSM subgraph process (shared by every gateway). */
  subgraphUrls: Record<SubgraphName, string>;
  /** Where each legacy simulator listens (all in the simulators process). */
  simulatorUrls: Record<string, string>;
  /** The simulators process's answers (bench/rig/simulators.ts). */
  simulators: {
    world(): Promise<RigWorld>;
    counters(): Promise<SimulatorCounters>;
    /** The last one-time code sent to a phone number. */
    code(to: string): Promise<string | null>;
    /** Client keys of the orders and accepted payments the simulators hold, once provisioning is idle. */
    mutations(): Promise<{ orders: string[]; payments: string[] }>;
  };
  /** GraphQL requests the SSM subgraph processes have received so far, all together. */
  subgraphRequests(): Promise<number>;
  /** The load generator, a process of its own. */
  load: LoadGenerator;
  /** Process id of each process by name: gateways by GatewayName, the rig by its role. */
  pids: Record<string, number | undefined>;
  /** The names in `pids` that are the rig (simulators, subgraphs, load generator, this process). */
  rig: string[];
  /** Starts one more process (the bare server), stopped with the rest. */
  startProcess(name: string, script: string, env: NodeJS.ProcessEnv): Promise<void>;
  /** The Redis prefix and database schema ours shares with the subgraphs (the subscription workload publishes there). */
  stores: { redisUrl: string; keyPrefix: string; databaseUrl: string; schema: string };
  stop(): Promise<void>;
}

/** Eighteen processes start on what may be a loaded 2-core machine (tsx compiles each). */
const STARTUP_TIMEOUT_MS = 600_000;

const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
const getJson = async <T>(at: string): Promise<T> => {
  const response = await fetch(at);
  if (!response.ok) throw new Error(`${at}: ${response.status}`);
  return (await response.json()) as T;
};

/**
 * A rig shaped like production (issue 17): the simulators in a process of their own (benchmark
 * data), each SSM subgraph in its own (scripts/subgraph.ts, as deployed), The Guild's subgraphs in
 * one more, the load generator in its own, and every gateway in its own (the same CPU budget for
 * all); every gateway calls the same subgraph processes. Ours has its own Redis prefix and
 * database schema, shared with the subgraphs (sessions, grants).
 */
export async function startFleet(
  settings: BenchSettings,
  env: BenchEnvironment,
  /** Only these gateways (the subscription workload measures ours alone: idle gateways would still follow the bus). */
  only: readonly GatewayName[] = GATEWAYS,
): Promise<Fleet> {
  const prefix = `bench:${randomUUID()}:`;
  const schema = `bench_${Date.now()}`;
  const database = await scratchDatabase({ url: env.databaseUrl, schema });
  const secrets = {
    contextSecret: randomBytes(32).toString('hex'),
    tokenSecret: randomBytes(32).toString('hex'),
  };
  const ibssCallbackSecret = randomBytes(32).toString('hex');
  const children: ChildProcess[] = [];
  const pids: Record<string, number | undefined> = { bench: process.pid };
  const rig = ['bench'];
  let load: LoadGenerator | null = null;
  const profileFlags = (name: string) =>
    env.profile.some((prefix) => name.startsWith(prefix))
      ? ['--cpu-prof', `--cpu-prof-dir=${path.join(outputDir, 'profiles')}`]
      : [];
  const startProcess = async (name: string, script: string, processEnv: NodeJS.ProcessEnv) => {
    const nodeFlags = profileFlags(name);
    const child = await startScript(
      path.join(root, script),
      { ...process.env, LOG_LEVEL: 'error', ...processEnv },
      { nodeFlags, timeoutMs: STARTUP_TIMEOUT_MS },
    );
    children.push(child);
    pids[name] = child.pid;
  };
  const stop = async () => {
    load?.stop();
    await Promise.all(children.map((c) => stopChild(c, 'SIGTERM')));
    await database.drop().catch(() => undefined);
  };

  try {
    const stores = {
      REDIS_URL: env.redisUrl,
      SSM_KEY_PREFIX: prefix,
      DATABASE_URL: env.databaseUrl,
      SSM_DB_SCHEMA: schema,
    };
    progress('starting the simulators (benchmark data takes a few seconds)...');
    const control = `http://127.0.0.1:${await freePortForChild()}`;
    await startProcess('simulators', 'bench/rig/simulators.ts', {
      ...stores,
      PORT: control.split(':')[2],
      SSM_BENCH_SEED: JSON.stringify(settings.seed),
      SSM_IBSS_CALLBACK_SECRET: ibssCallbackSecret,
    });
    rig.push('simulators');
    const simulatorUrls = await getJson<Record<string, string>>(`${control}/urls`);
    const legacy = Object.fromEntries(
      Object.entries(simulatorUrls).map(([name, at]) => [`LEGACY_${name.toUpperCase()}_URL`, at]),
    );
    progress('starting the subgraphs, one process each...');
    const subgraphUrls = {} as Record<SubgraphName, string>;
    const subgraphs = await Promise.allSettled(
      SUBGRAPHS.map(async (name) => {
        const port = await freePortForChild();
        const child = await startServerScript(
          'subgraph.ts',
          {
            ...process.env,
            LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
            ...stores,
            ...legacy,
            // Counts the GraphQL requests each subgraph receives (bench/rig/probe.mjs).
            NODE_OPTIONS:
              `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(path.join(__dirname, 'rig/probe.mjs')).href}`.trim(),
            SSM_SUBGRAPH: name,
            PORT: String(port),
            SSM_SELF_URL: `http://127.0.0.1:${port}`,
            SSM_CONTEXT_SECRET: secrets.contextSecret,
            SSM_TOKEN_SECRET: secrets.tokenSecret,
            SSM_IBSS_CALLBACK_SECRET: ibssCallbackSecret,
          },
          { timeoutMs: STARTUP_TIMEOUT_MS, nodeFlags: profileFlags(`subgraph ${name}`) },
        );
        children.push(child);
        pids[`subgraph ${name}`] = child.pid;
        rig.push(`subgraph ${name}`);
        subgraphUrls[name] = url(port);
      }),
    );
    const subgraphFailed = subgraphs.find((r) => r.status === 'rejected');
    if (subgraphFailed) throw subgraphFailed.reason;
    const guildControl = `http://127.0.0.1:${await freePortForChild()}`;
    await startProcess('guild subgraphs', 'bench/rig/guild.ts', { PORT: guildControl.split(':')[2] });
    rig.push('guild subgraphs');
    const guildUrls = await getJson<Record<string, string>>(`${guildControl}/urls`);
    load = await startLoadGenerator({ ...process.env, SSM_CONTEXT_SECRET: secrets.contextSecret });
    pids['load generator'] = load.pid;
    rig.push('load generator');

    const urls = {} as Record<GatewayName, string>;
    const ports: [GatewayName, number][] = [];
    for (const name of GATEWAYS) ports.push([name, await freePortForChild()]);
    const port = Object.fromEntries(ports) as Record<GatewayName, number>;
    for (const [name, p] of ports) urls[name] = url(p);
    const subgraphEnv = Object.fromEntries(
      SUBGRAPHS.map((name) => [`SSM_SUBGRAPH_${name.toUpperCase()}_URL`, subgraphUrls[name]]),
    );
    const ours = {
      ...subgraphEnv,
      ...stores,
      SSM_CONTEXT_SECRET: secrets.contextSecret,
      SSM_TOKEN_SECRET: secrets.tokenSecret,
      // The one-actor rows send all the load as one user: budgets are raised so the limiter
      // counts every request but never refuses.
      SSM_RATE_PER_USER: '100000000',
      SSM_RATE_PER_ANONYMOUS: '100000000',
      // The bench signs in hundreds of managers from one address.
      SSM_RATE_SIGN_IN: '100000',
    };
    const guildEnv = { SSM_GUILD_SUBGRAPH_URLS: JSON.stringify(guildUrls) };
    const gateways: [GatewayName, string, NodeJS.ProcessEnv][] = [
      ['ours', 'scripts/gateway.ts', ours],
      ['oursUncached', 'scripts/gateway.ts', { ...ours, SSM_CACHE: 'legacy-only' }],
      ['apollo', 'bench/gateways/apollo.ts', subgraphEnv],
      ['hive', 'bench/gateways/hive.ts', subgraphEnv],
      ['hiveNoDedupe', 'bench/gateways/hive.ts', { ...subgraphEnv, SSM_HIVE_DEDUPE: 'false' }],
      ['hiveRust', 'bench/gateways/hive.ts', { ...subgraphEnv, SSM_HIVE_PLANNER: 'rust' }],
      ['oursGuild', 'bench/gateways/ours-guild.ts', { ...ours, ...guildEnv }],
      ['apolloGuild', 'bench/gateways/apollo.ts', guildEnv],
      ['hiveGuild', 'bench/gateways/hive.ts', guildEnv],
      ['hiveGuildNoDedupe', 'bench/gateways/hive.ts', { ...guildEnv, SSM_HIVE_DEDUPE: 'false' }],
    ];
    progress('starting the gateways, one process each...');
    // All settled before a failure is thrown, so that stop() has every started child to stop.
    const started = await Promise.allSettled(
      gateways
        .filter(([name]) => only.includes(name))
        .map(([name, script, gatewayEnv]) =>
          startProcess(name, script, { ...gatewayEnv, PORT: String(port[name]) }),
        ),
    );
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    return {
      secrets,
      urls,
      subgraphUrls,
      simulatorUrls,
      simulators: {
        world: () => getJson<RigWorld>(`${control}/world`),
        counters: () => getJson<SimulatorCounters>(`${control}/counters`),
        code: async (to) =>
          (await getJson<{ code: string | null }>(`${control}/code?to=${encodeURIComponent(to)}`)).code,
        mutations: () => getJson<{ orders: string[]; payments: string[] }>(`${control}/mutations`),
      },
      subgraphRequests: async () => {
        const counts = await Promise.all(
          SUBGRAPHS.map((name) =>
            getJson<{ graphql: number }>(subgraphUrls[name].replace('/graphql', '/_bench/requests')),
          ),
        );
        return counts.reduce((n, c) => n + c.graphql, 0);
      },
      load,
      pids,
      rig,
      startProcess,
      stores: { redisUrl: env.redisUrl, keyPrefix: prefix, databaseUrl: env.databaseUrl, schema },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
