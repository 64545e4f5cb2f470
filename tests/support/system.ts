import { randomUUID } from 'node:crypto';
import { MemoryStore, RedisStore, type KeyValueStore } from '../../lib/kv';
import type { RequestLimits } from '../../gateway/limits';
import type { RateLimits } from '../../gateway/rate-limit';
import type { TrustedDocumentsOptions } from '../../gateway/trusted-documents';
import type { SessionOutagePolicy } from '../../lib/sessions';
import { openDatabase, type Database } from '../../lib/store/database';
import { startSystem, type RunningSystem } from '../../system/system';
import { DEMO_PASSWORD, DEMO_SIZE } from '../../mocks/seed/generate';

/** Real Redis when available (CI and dev machines run one on 6379), each test file in its own prefix. */
export function testStore(): KeyValueStore {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  return process.env.SSM_TEST_MEMORY_STORE
    ? new MemoryStore()
    : RedisStore.connect(url, `ssm-test:${randomUUID()}:`);
}

/** Real PostgreSQL (trust auth on 127.0.0.1:5432), each test file in a schema of its own, dropped after. */
export async function testDatabase(): Promise<{ db: Database; schema: string; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `ssm_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const db = await openDatabase({ url, schema, maxConnections: 4 });
  return {
    db,
    schema,
    drop: async () => {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}

export interface TestSystem extends RunningSystem {
  store: KeyValueStore;
  db: Database;
}

/** Starts the whole system in this test process on free ports, with fast provisioning. */
export async function startTestSystem(
  overrides: {
    legacyTimeoutMs?: number;
    provisioningDelayMs?: number;
    subgraphTimeoutMs?: number;
    store?: KeyValueStore;
    caching?: { response?: boolean; legacy?: boolean; maxTtlSeconds?: number; publicCopyMs?: number };
    sessionOutagePolicy?: SessionOutagePolicy;
    limits?: Partial<RequestLimits>;
    rateLimits?: Partial<RateLimits>;
    trustProxy?: boolean;
    trustedDocuments?: Partial<TrustedDocumentsOptions>;
  } = {},
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
    subgraphTimeoutMs: overrides.subgraphTimeoutMs,
    caching: overrides.caching,
    sessionOutagePolicy: overrides.sessionOutagePolicy,
    limits: overrides.limits,
    trustProxy: overrides.trustProxy,
    trustedDocuments: overrides.trustedDocuments,
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

export interface GraphQLResponseBody<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; [k: string]: unknown };
  }[];
}

/** Sends one GraphQL request over HTTP, as a client app would. */
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponseBody<T> & { status: number; cache: string | null }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLResponseBody<T>;
  // x-ssm-cache: what the gateway's response cache did (HIT, MISS, PASS; absent for mutations).
  return { ...body, status: res.status, cache: res.headers.get('x-ssm-cache') };
}

/** Reads the latest one-time code sent to a destination from the message gateway simulator. */
export function lastCode(system: RunningSystem, to: string): string {
  const message = [...system.sims.outbox].reverse().find((m) => m.to === to);
  const match = message && /\b(\d{6})\b/.exec(message.text);
  if (!match) throw new Error(`no code was sent to ${to}`);
  return match[1];
}

export const START_LOGIN = `mutation($actorId: String!, $password: String!, $channel: NotificationChannel!) {
  startLogin(input: { actorId: $actorId, password: $password, channel: $channel }) {
    __typename
    ... on LoginChallenge { challengeId sentTo channel expiresAt }
    ... on LoginFailure { reason message retryAfterSeconds }
  }
}`;

export const COMPLETE_LOGIN = `mutation($challengeId: ID!, $code: String!) {
  completeLogin(input: { challengeId: $challengeId, code: $code }) {
    __typename
    ... on AuthSession { accessToken refreshToken accessTokenExpiresAt user { id role } }
    ... on LoginFailure { reason message }
  }
}`;

/** Full S1 login through the gateway: password, one-time code read from the SMS simulator. */
export async function login(
  system: RunningSystem,
  actorId: string,
  password = DEMO_PASSWORD,
  phone?: string,
): Promise<{ accessToken: string; refreshToken: string }> {
  const started = await gql(system.gatewayUrl, START_LOGIN, { actorId, password, channel: 'SMS' });
  if (started.data?.startLogin.__typename !== 'LoginChallenge')
    throw new Error(`login of ${actorId} failed: ${JSON.stringify(started)}`);
  const user = system.sims.world.users.find((u) => u.id === actorId);
  const code = lastCode(system, phone ?? user?.phone ?? '');
  const completed = await gql(system.gatewayUrl, COMPLETE_LOGIN, {
    challengeId: started.data.startLogin.challengeId,
    code,
  });
  if (completed.data?.completeLogin.__typename !== 'AuthSession')
    throw new Error(`code for ${actorId} refused: ${JSON.stringify(completed)}`);
  return {
    accessToken: completed.data.completeLogin.accessToken,
    refreshToken: completed.data.completeLogin.refreshToken,
  };
}
