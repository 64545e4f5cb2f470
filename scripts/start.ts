/**
 * `npm start`: the whole system in one process — legacy simulators, the five subgraphs and the
 * gateway, each its own HTTP server on its own port — with embedded defaults (an in-process store
 * unless REDIS_URL is set). Ctrl-C stops everything.
 */
import { limitsFromEnv } from '../gateway/limits';
import { rateLimitsFromEnv } from '../gateway/rate-limit';
import { createStore } from '../lib/kv';
import { configureResilience, resilienceFromEnv } from '../lib/resilience';
import { openDatabase } from '../lib/store/database';
import { rootLogger } from '../lib/logger';
import { SUBGRAPHS } from '../lib/subgraphs';
import { startSystem } from '../system/system';
import { BENCH_SIZE, DEMO_LOGINS, DEMO_PASSWORD, DEMO_SIZE } from '../mocks/seed/generate';
import type { SystemName } from '../mocks';

async function main(): Promise<void> {
  const t0 = Date.now();
  configureResilience(resilienceFromEnv());
  const size =
    process.env.SSM_SEED_SIZE === 'bench'
      ? BENCH_SIZE
      : { ...DEMO_SIZE, customers: Number(process.env.SSM_CUSTOMERS ?? DEMO_SIZE.customers) };
  const store = createStore({
    redisUrl: process.env.REDIS_URL,
    clusterNodes: process.env.REDIS_CLUSTER_NODES,
    keyPrefix: process.env.SSM_KEY_PREFIX ?? 'ssm:',
  });
  const simPorts: Partial<Record<SystemName, number>> = {
    crm: 4101,
    catalogue: 4102,
    ibss: 4103,
    faults: 4104,
    billing: 4105,
    messages: 4106,
  };
  const db = await openDatabase({
    url: process.env.DATABASE_URL,
    schema: process.env.SSM_DB_SCHEMA ?? 'ssm',
    dataDir: process.env.SSM_DATA_DIR,
  });
  const system = await startSystem({
    db,
    seedDemoGrants: process.env.SSM_DEMO_GRANTS !== 'false',
    simulators: {
      seed: { ...size, seed: Number(process.env.SSM_SEED ?? size.seed) },
      ports: simPorts,
      provisioningDelayMs: Number(process.env.SSM_PROVISIONING_DELAY_MS ?? 2000),
    },
    store,
    host: process.env.HOST ?? '127.0.0.1',
    gatewayPort: Number(process.env.PORT ?? 4000),
    subgraphPorts: Object.fromEntries(SUBGRAPHS.map((name, i) => [name, 4001 + i])),
    limits: limitsFromEnv(),
    rateLimits: rateLimitsFromEnv(),
    trustProxy: process.env.SSM_TRUST_PROXY === 'true',
    // Production: first-party apps may send only their registered operations, and only
    // partners may introspect. Each can be set on its own.
    trustedDocuments: {
      production: process.env.SSM_PRODUCTION === 'true',
      mode:
        (process.env.SSM_TRUSTED_DOCUMENTS ?? (process.env.SSM_PRODUCTION === 'true' ? 'strict' : 'off')) ===
        'strict'
          ? 'strict'
          : 'off',
      firstPartyClients: (process.env.SSM_FIRST_PARTY_CLIENTS ?? 'selfcare-web,selfcare-mobile')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    },
    sessionOutagePolicy: process.env.SSM_SESSION_OUTAGE === 'refuse' ? 'refuse' : 'trust-unexpired',
    // SSM_CACHE=off: no response cache and no legacy caches; =legacy-only: no response cache.
    caching: {
      response: !['off', 'legacy-only'].includes(process.env.SSM_CACHE ?? ''),
      legacy: process.env.SSM_CACHE !== 'off',
      // SSM_PUBLIC_COPY_MS: how long a public answer may be served from the gateway's own memory.
      publicCopyMs: process.env.SSM_PUBLIC_COPY_MS ? Number(process.env.SSM_PUBLIC_COPY_MS) : undefined,
    },
  });
  const log = rootLogger.child({ component: 'start' });
  log.info(
    {
      customers: system.sims.world.customers.length,
      services: system.sims.world.services.length,
      usageRecords: system.sims.world.usageCount,
      ms: Date.now() - t0,
      heapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
      rssMb: Math.round(process.memoryUsage().rss / 1e6),
    },
    'system started',
  );
  const lines = [
    '',
    `ssm-gateway is up in ${((Date.now() - t0) / 1000).toFixed(1)} s: open ${system.gatewayUrl}`,
    `  store: ${process.env.REDIS_URL ? `Redis ${process.env.REDIS_URL}` : 'in-process (set REDIS_URL for Redis)'}`,
    `  caching: ${process.env.SSM_CACHE ?? 'on'} (SSM_CACHE=off|legacy-only); metrics at ${system.gatewayUrl.replace('/graphql', '/metrics')}`,
    `  SSM store: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite (set DATABASE_URL for PostgreSQL)'}`,
    `  simulators: ${Object.entries(system.sims.urls)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  one-time codes: ${system.sims.urls.messages}/outbox?to=<phone or e-mail>`,
    '',
    `Demo logins (password "${DEMO_PASSWORD}"):`,
    ...DEMO_LOGINS.map((l) => `  ${l.userId.padEnd(14)} ${l.role.padEnd(16)} ${l.description}`),
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
  const stop = async () => {
    process.stdout.write('\nstopping...\n');
    await system.stop();
    await store.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
