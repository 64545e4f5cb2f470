import type { KeyValueStore } from '../lib/kv';
import type { Database } from '../lib/store/database';
import { migrate } from '../lib/store/migrations';
import type { Settings } from './config';
import { openReachableStores } from './preflight';

/**
 * The shared stores of a gateway or subgraph process: Redis (a cluster, one server, or in-process
 * without either) and the SSM store (PostgreSQL, or embedded PGlite without a URL), migrated. A
 * store that does not answer at start is a ConfigError naming its variable (system/preflight.ts).
 */
export async function openStores(
  stores: Settings['stores'],
): Promise<{ store: KeyValueStore; db: Database }> {
  const { store, db } = await openReachableStores(stores);
  await migrate(db);
  return { store, db };
}
