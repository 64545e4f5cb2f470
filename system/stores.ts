import { createStore, type KeyValueStore } from '../lib/kv';
import { openDatabase, type Database } from '../lib/store/database';
import { migrate } from '../lib/store/migrations';

/** A setting a process cannot run without. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

/**
 * The shared stores of a gateway or subgraph process, from the environment: Redis (REDIS_URL or
 * REDIS_CLUSTER_NODES, SSM_KEY_PREFIX; in-process without either) and the SSM store (DATABASE_URL,
 * SSM_DB_SCHEMA; embedded PGlite without a URL), migrated.
 */
export async function storesFromEnv(): Promise<{ store: KeyValueStore; db: Database }> {
  const store = createStore({
    redisUrl: process.env.REDIS_URL,
    clusterNodes: process.env.REDIS_CLUSTER_NODES,
    keyPrefix: process.env.SSM_KEY_PREFIX ?? 'ssm:',
  });
  const db = await openDatabase({
    url: process.env.DATABASE_URL,
    schema: process.env.SSM_DB_SCHEMA ?? 'ssm',
  });
  await migrate(db);
  return { store, db };
}
