import { randomUUID } from 'node:crypto';
import { MemoryStore, RedisStore, type KeyValueStore } from '../../lib/kv';
import type { Database } from '../../lib/store/database';
import { startSystem, type RunningSystem, type SystemOptions } from '../../system/system';
import { post, type GraphQLReply } from '../../system/kit/client';
import { scratchDatabase, type ScratchDatabase } from '../../system/kit/scratch-database';
import { DEMO_SIZE } from '../../mocks/seed/generate';

/** Real Redis when available (CI and dev machines run one on 6379), each test file in its own prefix. */
export function testStore(): KeyValueStore {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  return process.env.SSM_TEST_MEMORY_STORE
    ? new MemoryStore()
    : RedisStore.connect(url, `ssm-test:${randomUUID()}:`);
}

/** Real PostgreSQL (trust auth on 127.0.0.1:5432), each test file in a schema of its own, dropped after. */
export function testDatabase(): Promise<ScratchDatabase> {
  return scratchDatabase({
    url: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    schema: `ssm_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    maxConnections: 4,
  });
}

export interface TestSystem extends RunningSystem {
  store: KeyValueStore;
  db: Database;
}

/** Starts the whole system in this test process on free ports, with fast provisioning. */
export async function startTestSystem(
  overrides: Partial<
    Pick<
      SystemOptions,
      | 'store'
      | 'legacyTimeoutMs'
      | 'resilience'
      | 'subgraphTimeoutMs'
      | 'caching'
      | 'sessionOutagePolicy'
      | 'limits'
      | 'rateLimits'
      | 'trustProxy'
      | 'trustedDocuments'
      | 'cors'
      | 'explorer'
      | 'webhooks'
      | 'subscriptions'
    >
  > & { provisioningDelayMs?: number } = {},
): Promise<TestSystem> {
  const store = overrides.store ?? testStore();
  const database = await testDatabase();
  const system = await startSystem({
    db: database.db,
    seedDemoGrants: true,
    simulators: {
      seed: { ...DEMO_SIZE, customers: 60 },
      provisioningDelayMs: overrides.provisioningDelayMs ?? 50,
      testDurationMs: 50,
    },
    store,
    legacyTimeoutMs: overrides.legacyTimeoutMs ?? 2000,
    resilience: overrides.resilience,
    subgraphTimeoutMs: overrides.subgraphTimeoutMs,
    caching: overrides.caching,
    sessionOutagePolicy: overrides.sessionOutagePolicy,
    limits: overrides.limits,
    trustProxy: overrides.trustProxy,
    trustedDocuments: overrides.trustedDocuments,
    cors: overrides.cors,
    explorer: overrides.explorer,
    subscriptions: overrides.subscriptions,
    webhooks: overrides.webhooks,
    outboxIntervalMs: 200,
    // Every test request comes from 127.0.0.1: budgets are generous unless a test sets them.
    rateLimits: overrides.rateLimits ?? {
      perUser: 100_000,
      perPartnerClient: 100_000,
      perAnonymousAddress: 100_000,
      signInPerAddress: 100_000,
    },
  });
  return {
    ...system,
    store,
    db: database.db,
    stop: async () => {
      await system.stop();
      await store.close();
      await database.drop();
    },
  };
}

/**
 * The kit's GraphQL client, answering untyped data unless a test names its shape: tests read the
 * API's JSON as it comes (the one place `any` is allowed).
 */
export const gql: <T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  headers?: Record<string, string>,
) => Promise<GraphQLReply<T>> = post;
