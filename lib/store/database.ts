import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { ConnectionState, reasonOf } from '../connection-state';
import { rootLogger, type Logger } from '../logger';

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
  /** Connected, unreachable or reconnected: logged once per change, never per query. */
  private readonly connection: ConnectionState;

  constructor(
    private readonly pool: pg.Pool,
    logger: Logger,
  ) {
    this.connection = new ConnectionState('postgres', logger);
    // An idle pooled connection that breaks (server restarted) is reported here; without a
    // listener the pool's 'error' event would end the process.
    pool.on('error', (error) => this.connection.down(error));
  }

  async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.observed(async () => (await this.pool.query<T>(sql, params)).rows);
  }

  /** Runs a query or transaction, noting whether the server answered (errors still propagate). */
  private async observed<T>(run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      this.connection.up();
      return result;
    } catch (error) {
      if (isConnectionError(error)) this.connection.down(error);
      throw error;
    }
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.observed(() => this.inTransaction(fn));
  }

  private async inTransaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
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
      // On a broken connection the rollback fails too; the first error is the one that matters.
      await client.query('ROLLBACK').catch(() => undefined);
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
  /** Where connection state changes are logged (default: the root logger). */
  logger?: Logger;
}

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/** PostgreSQL could not be reached at start; `reason` is the driver's (code and address). */
export class DatabaseUnreachableError extends Error {
  constructor(readonly reason: string) {
    super(`PostgreSQL cannot be reached: ${reason}`);
    this.name = 'DatabaseUnreachableError';
  }
}

/** Errors that say the server is not there (as opposed to a query it refused). */
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    // SQLSTATE class 08 (connection exception), 57P01-57P03 (server shutting down or starting).
    if (/^08|^57P0[123]$/.test(code)) return true;
    if (/^E[A-Z]+$/.test(code)) return true; // ECONNREFUSED, ECONNRESET, ETIMEDOUT, ENOTFOUND...
  }
  return (
    error instanceof Error &&
    /connection terminated|timeout exceeded when trying to connect/i.test(error.message)
  );
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const schema = options.schema ?? 'ssm';
  if (!SCHEMA.test(schema)) throw new Error(`Invalid schema name ${schema}`);
  if (options.url) {
    const setup = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5000 });
    // The error listener keeps a connection lost during setup from ending the process.
    setup.on('error', () => undefined);
    try {
      await setup.connect();
    } catch (error) {
      throw new DatabaseUnreachableError(reasonOf(error));
    }
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end().catch(() => undefined);
    }
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      options: `-c search_path=${schema}`,
      connectionTimeoutMillis: 5000,
      statement_timeout: 5000,
    });
    return new PostgresDatabase(pool, options.logger ?? rootLogger.child({ component: 'postgres' }));
  }
  const db = new PGlite(options.dataDir);
  await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema};`);
  return new EmbeddedDatabase(db);
}
