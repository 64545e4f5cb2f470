import { randomUUID } from 'node:crypto';
import { migrate } from '../../lib/store/migrations';
import type { Database } from '../../lib/store/database';
import { scratchDatabase, type ScratchDatabase } from '../../system/kit/scratch-database';

/**
 * A migrated PostgreSQL scratch schema for the webhook store's unit tests
 * (tests/unit/services-orders-webhooks-*.test.ts). It opens the database through
 * system/kit/scratch-database rather than tests/support/system, which loads the whole system.
 */
export async function webhooksDatabase(): Promise<ScratchDatabase> {
  const scratch = await scratchDatabase({
    url: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    schema: `ssm_wh_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    maxConnections: 4,
  });
  await migrate(scratch.db);
  return scratch;
}

/** Empties the webhook tables between tests (one migration per file, not per test). */
export async function emptyWebhookTables(db: Database): Promise<void> {
  await db.query('TRUNCATE webhook_deliveries, event_subscriptions, domain_events RESTART IDENTITY CASCADE');
}

/** Writes a subscription row straight into the table (the store under test may be another). */
export async function insertSubscription(
  db: Database,
  id: string,
  extra: {
    partnerId?: string;
    types?: string[];
    sink?: string;
    credential?: string | null;
    expiresAt?: string | null;
    deletedAt?: string | null;
    createdAt?: string;
  } = {},
): Promise<void> {
  await db.query(
    `INSERT INTO event_subscriptions (id, partner_id, types, sink, credential, secret, expires_at, deleted_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9::timestamptz, now()))`,
    [
      id,
      extra.partnerId ?? 'P-1',
      extra.types ?? ['org.ssm.order.state-changed'],
      extra.sink ?? `https://sink.example/${id}`,
      extra.credential ?? null,
      `secret-${id}`,
      extra.expiresAt ?? null,
      extra.deletedAt ?? null,
      extra.createdAt ?? null,
    ],
  );
}
