import { openDatabase, type Database } from '../../lib/store/database';

export interface ScratchDatabase {
  db: Database;
  /** The server's URL (undefined: the embedded database, which no other process can open). */
  url: string | undefined;
  schema: string;
  /** Drops the schema (on a PostgreSQL server) and closes the connections. */
  drop(): Promise<void>;
}

/**
 * A schema of its own for one run (a test file, the bench, a report), so runs side by side never
 * see each other's grants, sessions or audit rows. Without a URL the database is the embedded one,
 * gone with the process: drop() only closes it.
 */
export async function scratchDatabase(options: {
  url: string | undefined;
  schema: string;
  maxConnections?: number;
}): Promise<ScratchDatabase> {
  const db = await openDatabase(options);
  return {
    db,
    url: options.url,
    schema: options.schema,
    drop: async () => {
      try {
        if (options.url) await db.query(`DROP SCHEMA ${options.schema} CASCADE`);
      } finally {
        await db.close();
      }
    },
  };
}
