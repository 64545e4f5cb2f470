import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The SSM store's SQL connection: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise.
 * Both run the same SQL and the same migrations; callers cannot tell them apart.
 */
export interface Database {
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn in one transaction on one connection; rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type Queryable = Pick<Database, 'query'>;

class PostgresDatabase implements Database {
  constructor(private readonly pool: pg.Pool) {}

  async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
          (await client.query<R>(sql, params)).rows,
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

class EmbeddedDatabase implements Database {
  constructor(private readonly db: PGlite) {}

  async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query<T>(sql, params)).rows;
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) =>
      fn({
        query: async <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
          (await tx.query<R>(sql, params)).rows,
      }),
    );
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

export interface DatabaseOptions {
  /** postgres://... ; unset = embedded PGlite in memory (or in `dataDir`). */
  url?: string;
  /** Schema to work in (tests use one per run); created when missing. */
  schema?: string;
  dataDir?: string;
  maxConnections?: number;
}

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const schema = options.schema ?? 'ssm';
  if (!SCHEMA.test(schema)) throw new Error(`Invalid schema name ${schema}`);
  if (options.url) {
    const setup = new pg.Client({ connectionString: options.url });
    await setup.connect();
    await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await setup.end();
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      options: `-c search_path=${schema}`,
      connectionTimeoutMillis: 5000,
      statement_timeout: 5000,
    });
    return new PostgresDatabase(pool);
  }
  const db = new PGlite(options.dataDir);
  await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema};`);
  return new EmbeddedDatabase(db);
}
