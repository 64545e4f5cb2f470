import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { freePort } from '../lib/http';
import { RedisStore } from '../lib/kv';
import { SUBGRAPHS } from '../lib/subgraphs';
import { startSystem, type RunningSystem } from '../system/system';
import { startScript, stopChild } from '../system/kit/processes';
import { scratchDatabase } from '../system/kit/scratch-database';
import { startGuildSubgraphs } from './guild/subgraphs';
import { outputDir, progress, root, type BenchEnvironment, type BenchSettings } from './settings';

/** The gateway processes, each on its own port; names ending in "Guild" serve workload (d). */
export const GATEWAYS = [
  'ours',
  'oursUncached',
  'apollo',
  'hive',
  'hiveNoDedupe',
  'oursGuild',
  'apolloGuild',
  'hiveGuild',
  'hiveGuildNoDedupe',
] as const;
export type GatewayName = (typeof GATEWAYS)[number];

export interface Fleet {
  /** Simulators and our subgraphs, in this process, gateway not started. */
  system: RunningSystem;
  secrets: { contextSecret: string; tokenSecret: string };
  /** The GraphQL URL of each gateway process. */
  urls: Record<GatewayName, string>;
  /** Starts one more process (the bare server), stopped with the rest. */
  startProcess(name: string, script: string, env: NodeJS.ProcessEnv): Promise<void>;
  stop(): Promise<void>;
}

const url = (port: number) => `http://127.0.0.1:${port}/graphql`;

/**
 * Everything the workloads run against: simulators and subgraphs (benchmark-size data) and The
 * Guild's four subgraphs in this process, then every gateway as a process of its own (one process
 * each: the same CPU budget for all), ours with its own Redis prefix and database schema.
 */
export async function startFleet(settings: BenchSettings, env: BenchEnvironment): Promise<Fleet> {
  const prefix = `bench:${randomUUID()}:`;
  const schema = `bench_${Date.now()}`;
  progress('starting simulators and subgraphs (benchmark data takes a few seconds)...');
  const store = RedisStore.connect(env.redisUrl, prefix);
  const database = await scratchDatabase({ url: env.databaseUrl, schema });
  const secrets = {
    contextSecret: randomBytes(32).toString('hex'),
    tokenSecret: randomBytes(32).toString('hex'),
  };
  const system = await startSystem({
    db: database.db,
    store,
    secrets,
    seedDemoGrants: true,
    simulators: { seed: settings.seed, provisioningDelayMs: 200 },
    startGateway: false,
  });
  // (d): The Guild's four subgraphs, in this process like ours.
  const guild = await startGuildSubgraphs();
  const children: ChildProcess[] = [];
  const startProcess = async (name: string, script: string, processEnv: NodeJS.ProcessEnv) => {
    const profile = env.profile && name.startsWith(env.profile);
    const nodeFlags = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(outputDir, 'profiles')}`] : [];
    children.push(
      await startScript(
        path.join(root, script),
        { ...process.env, LOG_LEVEL: 'error', ...processEnv },
        { nodeFlags },
      ),
    );
  };
  const stop = async () => {
    await Promise.all(children.map((c) => stopChild(c, 'SIGTERM')));
    await guild.stop();
    await system.stop();
    await store.close();
    await database.drop().catch(() => undefined);
  };

  const urls = {} as Record<GatewayName, string>;
  try {
    const ports: [GatewayName, number][] = [];
    for (const name of GATEWAYS) ports.push([name, await freePort()]);
    const port = Object.fromEntries(ports) as Record<GatewayName, number>;
    for (const [name, p] of ports) urls[name] = url(p);
    const subgraphEnv = Object.fromEntries(
      SUBGRAPHS.map((name) => [`SSM_SUBGRAPH_${name.toUpperCase()}_URL`, system.subgraphUrls[name]]),
    );
    const ours = {
      ...subgraphEnv,
      SSM_CONTEXT_SECRET: secrets.contextSecret,
      SSM_TOKEN_SECRET: secrets.tokenSecret,
      REDIS_URL: env.redisUrl,
      SSM_KEY_PREFIX: prefix,
      DATABASE_URL: env.databaseUrl,
      SSM_DB_SCHEMA: schema,
      // One user drives all the load: budgets are raised so the limiter counts but never refuses.
      SSM_RATE_PER_USER: '100000000',
      SSM_RATE_PER_ANONYMOUS: '100000000',
    };
    const guildEnv = { SSM_GUILD_SUBGRAPH_URLS: JSON.stringify(guild.urls) };
    progress('starting the gateways...');
    await startProcess('ours', 'scripts/gateway.ts', { ...ours, PORT: String(port.ours) });
    await startProcess('ours (no response cache)', 'scripts/gateway.ts', {
      ...ours,
      PORT: String(port.oursUncached),
      SSM_CACHE: 'legacy-only',
    });
    await startProcess('apollo', 'bench/gateways/apollo.ts', { ...subgraphEnv, PORT: String(port.apollo) });
    await startProcess('hive', 'bench/gateways/hive.ts', { ...subgraphEnv, PORT: String(port.hive) });
    await startProcess('hive (no dedupe)', 'bench/gateways/hive.ts', {
      ...subgraphEnv,
      PORT: String(port.hiveNoDedupe),
      SSM_HIVE_DEDUPE: 'false',
    });
    await startProcess('ours (d)', 'bench/gateways/ours-guild.ts', {
      ...ours,
      ...guildEnv,
      PORT: String(port.oursGuild),
    });
    await startProcess('apollo (d)', 'bench/gateways/apollo.ts', {
      ...guildEnv,
      PORT: String(port.apolloGuild),
    });
    await startProcess('hive (d)', 'bench/gateways/hive.ts', { ...guildEnv, PORT: String(port.hiveGuild) });
    await startProcess('hive (d, no dedupe)', 'bench/gateways/hive.ts', {
      ...guildEnv,
      PORT: String(port.hiveGuildNoDedupe),
      SSM_HIVE_DEDUPE: 'false',
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { system, secrets, urls, startProcess, stop };
}
