import { randomUUID } from 'node:crypto';
import type { NewGrant } from '../../lib/authz/grants';
import { migrate } from '../../lib/store/migrations';
import { scratchDatabase, type ScratchDatabase } from '../../system/kit/scratch-database';

/**
 * A migrated PostgreSQL scratch schema for the grant store's unit tests
 * (tests/unit/authz-grants*.test.ts): one per test file, migrated once, dropped in afterAll.
 */
export async function grantsDatabase(): Promise<ScratchDatabase> {
  const scratch = await scratchDatabase({
    url: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    schema: `ssm_gr_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    maxConnections: 2,
  });
  await migrate(scratch.db);
  return scratch;
}

/** A fixed instant, so validity boundaries are exact and independent of the clock. */
export const T = (iso: string): Date => new Date(iso);

/** Milliseconds after (or, negative, before) `at`. */
export const plus = (at: Date, ms: number): Date => new Date(at.getTime() + ms);

/** A manager's grant to U-2 over one service, valid from 2026-01-01 with no end; override any field. */
export const newGrant = (extra: Partial<NewGrant> = {}): NewGrant => ({
  customerId: 'C-1',
  granteeId: 'U-2',
  grantedBy: 'U-1',
  capabilities: ['service.check'],
  scopeKind: 'SERVICES',
  scopeIds: ['S-1'],
  validFrom: T('2026-01-01T00:00:00.000Z'),
  validUntil: null,
  derivedFrom: null,
  ...extra,
});
