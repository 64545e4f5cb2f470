import net from 'node:net';
import { RedisStore, createStore, type KeyValueStore } from '../lib/kv';
import { DatabaseUnreachableError, openDatabase, type Database } from '../lib/store/database';
import { SUBGRAPHS, type SubgraphName } from '../lib/subgraphs';
import { SYSTEMS, type SystemName } from '../mocks';
import { ConfigError, SIMULATOR_PORTS, type Settings, type Variable } from './config';

/**
 * Checks made before anything is seeded or started, so that a configuration that cannot work is
 * reported at once, naming the variable to change, instead of as a bare ECONNREFUSED or
 * EADDRINUSE after the simulators have spent seconds generating their data.
 */

/** A port this process is about to listen on, what for, and the variable that chose it. */
export interface PlannedPort {
  port: number;
  what: string;
  variable: Variable;
}

/** Where `npm start` puts its servers: the gateway on PORT, subgraphs on PORT+1..5, simulators on PORT+101..106. */
export interface SystemPorts {
  gateway: number;
  subgraphs: Record<SubgraphName, number>;
  simulators: Record<SystemName, number>;
}

/** Every port follows PORT (4000: 4001-4005 and 4101-4106), so one variable moves a whole system. */
export function systemPorts(port: number): SystemPorts {
  const ports: SystemPorts = {
    gateway: port,
    subgraphs: Object.fromEntries(
      SUBGRAPHS.map((name, i) => [name, port + 1 + i]),
    ) as SystemPorts['subgraphs'],
    simulators: Object.fromEntries(
      SYSTEMS.map((name) => [name, port + SIMULATOR_PORTS[name] - 4000]),
    ) as SystemPorts['simulators'],
  };
  const highest = Math.max(...Object.values(ports.simulators));
  if (highest > 65_535)
    throw new ConfigError([
      {
        variable: 'PORT',
        message: `PORT must be at most ${65_535 - (highest - port)} (npm start uses up to PORT+${highest - port})`,
      },
    ]);
  return ports;
}

export function plannedPorts(ports: SystemPorts): PlannedPort[] {
  return [
    { port: ports.gateway, what: 'the gateway', variable: 'PORT' },
    ...Object.entries(ports.subgraphs).map(([name, port]) => ({
      port,
      what: `the ${name} subgraph`,
      variable: 'PORT' as const,
    })),
    ...Object.entries(ports.simulators).map(([name, port]) => ({
      port,
      what: `the ${name} simulator`,
      variable: 'PORT' as const,
    })),
  ];
}

/** Fails, naming the variable, when a planned port cannot be listened on (in use, not allowed). */
export async function checkPortsFree(host: string, planned: PlannedPort[]): Promise<void> {
  const problems = (
    await Promise.all(
      planned.map(async ({ port, what, variable }) => {
        const code = await tryListen(host, port);
        if (code === null) return null;
        const why = code === 'EADDRINUSE' ? 'is in use' : `cannot be listened on (${code})`;
        return {
          variable,
          message: `${variable}: port ${port} on ${host} (${what}) ${why}; choose another ${variable}`,
        };
      }),
    )
  ).filter((p) => p !== null);
  if (problems.length > 0) throw new ConfigError(problems);
}

function tryListen(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(null)));
  });
}

/** How long a store may take to answer at start: it may be starting next to us (compose). */
const STORE_WAIT_MS = 3000;

/**
 * Opens the session store and the SSM database and checks that both answer. Redis that does not
 * answer within a few seconds at start is a configuration error (fail fast, naming REDIS_URL or
 * REDIS_CLUSTER_NODES); an outage later is not (the process stays up, reconnects, and /readyz
 * says so). docs/operations.md explains the choice.
 */
export async function openReachableStores(
  stores: Settings['stores'],
): Promise<{ store: KeyValueStore; db: Database }> {
  const store = createStore(stores);
  try {
    await waitForStore(store);
  } catch (error) {
    await store.close();
    const variable: Variable = stores.clusterNodes ? 'REDIS_CLUSTER_NODES' : 'REDIS_URL';
    const where = stores.clusterNodes ?? hostOf(stores.redisUrl);
    // The connection's own failure (ECONNREFUSED host:port) says more than the command's.
    const why =
      (store instanceof RedisStore && store.connection.lastFailure) || String((error as Error).message);
    throw new ConfigError([
      {
        variable,
        message: `${variable}: Redis at ${where} did not answer within ${STORE_WAIT_MS / 1000} s (${why})`,
      },
    ]);
  }
  try {
    const db = await openDatabase({
      url: stores.databaseUrl,
      schema: stores.dbSchema,
      dataDir: stores.dataDir,
    });
    return { store, db };
  } catch (error) {
    await store.close();
    if (!(error instanceof DatabaseUnreachableError)) throw error;
    throw new ConfigError([
      {
        variable: 'DATABASE_URL',
        message: `DATABASE_URL: PostgreSQL at ${hostOf(stores.databaseUrl)} cannot be reached (${error.reason})`,
      },
    ]);
  }
}

async function waitForStore(store: KeyValueStore): Promise<void> {
  const deadline = Date.now() + STORE_WAIT_MS;
  for (;;) {
    try {
      await store.get('preflight:probe');
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** host:port of a URL, without the user name or password it may carry. */
function hostOf(url: string | undefined): string {
  if (!url) return 'an unset address';
  try {
    return new URL(url).host;
  } catch {
    return 'an unparsable address';
  }
}
