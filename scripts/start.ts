/**
 * `npm start`: the whole system in one process — legacy simulators, the five subgraphs and the
 * gateway, each its own HTTP server on its own port — with embedded defaults (an in-process store
 * unless REDIS_URL is set), configured by the environment (README.md, "Configuration";
 * system/config). Ctrl-C stops everything.
 */
import { createStore } from '../lib/kv';
import { openDatabase } from '../lib/store/database';
import { rootLogger } from '../lib/logger';
import { SUBGRAPHS } from '../lib/subgraphs';
import { SIMULATOR_PORTS, sharedSecrets, settingsOrExit, type Settings } from '../system/config';
import { startSystem } from '../system/system';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../mocks/seed/demo';

async function main(settings: Settings): Promise<void> {
  const t0 = Date.now();
  const store = createStore(settings.stores);
  const db = await openDatabase({
    url: settings.stores.databaseUrl,
    schema: settings.stores.dbSchema,
    dataDir: settings.stores.dataDir,
  });
  const system = await startSystem({
    db,
    seedDemoGrants: settings.simulators.demoGrants,
    simulators: {
      seed: settings.simulators.seed,
      ports: SIMULATOR_PORTS,
      provisioningDelayMs: settings.simulators.provisioningDelayMs,
    },
    store,
    // Random per start unless set (then other processes can join: scripts/subgraph.ts, gateway.ts).
    secrets: settings.secrets.contextSecret ? sharedSecrets(settings) : undefined,
    resilience: settings.resilience,
    host: settings.server.host,
    gatewayPort: settings.server.port,
    subgraphPorts: Object.fromEntries(SUBGRAPHS.map((name, i) => [name, 4001 + i])),
    legacyTimeoutMs: settings.legacyTimeoutMs,
    outboxIntervalMs: settings.outboxIntervalMs,
    limits: settings.limits,
    rateLimits: settings.rateLimits,
    trustProxy: settings.trustProxy,
    trustedDocuments: settings.trustedDocuments,
    sessionOutagePolicy: settings.sessionOutage,
    caching: {
      response: settings.cache.response,
      legacy: settings.cache.legacy,
      publicCopyMs: settings.cache.publicCopyMs,
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
    `  store: ${storeName(settings.stores)}`,
    `  caching: ${settings.cache.mode} (SSM_CACHE=off|legacy-only); metrics at ${system.gatewayUrl.replace('/graphql', '/metrics')}`,
    `  SSM store: ${settings.stores.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite (set DATABASE_URL for PostgreSQL)'}`,
    `  production mode: ${settings.production ? 'on' : 'off'} (SSM_PRODUCTION); trusted documents ${settings.trustedDocuments.mode}`,
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

function storeName(stores: Settings['stores']): string {
  if (stores.clusterNodes) return `Redis Cluster ${stores.clusterNodes}`;
  return stores.redisUrl ? `Redis ${stores.redisUrl}` : 'in-process (set REDIS_URL for Redis)';
}

main(settingsOrExit()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
