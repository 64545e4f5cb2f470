import { createStore, type KeyValueStore } from '../lib/kv';
import { openDatabase, type Database } from '../lib/store/database';
import { migrate } from '../lib/store/migrations';
import type { Settings } from './config';

/**
 * The shared stores of a gateway or subgraph process: Redis (a cluster, one server, or in-process
 * without either) and the SSM store (PostgreSQL, or embedded PGlite without a URL), migrated.
 */
export async function openStores(
  stores: Settings['stores'],
): Promise<{ store: KeyValueStore; db: Database }> {
  const store = createStore(stores);
  const db = await openDatabase({
    url: stores.databaseUrl,
    schema: stores.dbSchema,
    dataDir: stores.dataDir,
  });
  await migrate(db);
  return { store, db };
}
