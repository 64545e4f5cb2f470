/**
 * `npm start`: the whole system in one process — legacy simulators, the five subgraphs and the
 * gateway, each its own HTTP server on its own port — with embedded defaults (an in-process store
 * unless REDIS_URL is set), configured by the environment (README.md, "Configuration";
 * system/config). Ctrl-C stops everything.
 */
import { rootLogger } from '../lib/logger';
import { startTelemetry } from '../lib/telemetry/sdk';
import {
  exitOnConfigError,
  secretsFile,
  settingsOrExit,
  systemSecrets,
  type Settings,
} from '../system/config';
import { checkPortsFree, openReachableStores, plannedPorts, systemPorts } from '../system/preflight';
import { startSystem } from '../system/system';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../mocks/seed/demo';
import type { SeedWorld } from '../mocks/seed/types';

async function main(settings: Settings): Promise<void> {
  // Before any server: traces of every server in this process (docs/operations.md, "Tracing").
  const telemetry = startTelemetry(settings.telemetry, 'gateway');
  const t0 = Date.now();
  // Before any seeding: what would make the start fail, reported naming its variable.
  const ports = systemPorts(settings.server.port);
  await checkPortsFree(settings.server.host, plannedPorts(ports));
  const secrets = systemSecrets(settings);
  const { store, db } = await openReachableStores(settings.stores);
  const system = await startSystem({
    db,
    seedDemoGrants: settings.simulators.demoGrants,
    simulators: {
      seed: settings.simulators.seed,
      ports: ports.simulators,
      provisioningDelayMs: settings.simulators.provisioningDelayMs,
    },
    store,
    // Set, or kept in SSM_DATA_DIR in development so that a restart keeps the sessions.
    secrets,
    resilience: settings.resilience,
    host: settings.server.host,
    gatewayPort: settings.server.port,
    subgraphPorts: ports.subgraphs,
    legacyTimeoutMs: settings.legacyTimeoutMs,
    outboxIntervalMs: settings.outboxIntervalMs,
    webhooks: { httpsOnly: settings.production },
    limits: settings.limits,
    rateLimits: settings.rateLimits,
    signIn: settings.signIn,
    trustProxy: settings.trustProxy,
    trustedDocuments: settings.trustedDocuments,
    cors: settings.cors,
    explorer: settings.explorer,
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
    `  secrets: ${settings.production ? 'from the environment' : `kept in ${secretsFile(settings)} (SSM_DATA_DIR), so a restart keeps sessions`}`,
    `  simulators: ${Object.entries(system.sims.urls)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  explorer: ${settings.explorer ? `open ${system.gatewayUrl} in a browser` : 'off (SSM_EXPLORER=on)'}; browser apps from ${settings.cors.origins.join(', ') || 'no other origin'} (SSM_CORS_ORIGINS)`,
    `  one-time codes: ${system.sims.urls.messages}/outbox?login=<login id> (or ?to=<phone or e-mail>)`,
    '',
    `Demo logins (password "${DEMO_PASSWORD}"), each with where its one-time code arrives:`,
    ...DEMO_LOGINS.flatMap((l) => [
      `  ${l.userId.padEnd(14)} ${l.role.padEnd(16)} ${l.description}`,
      `  ${''.padEnd(14)} code: ${system.sims.urls.messages}/outbox?login=${l.userId}${codeDestination(system.sims.world, l.userId)}`,
    ]),
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  // SIGTERM (a supervisor, `npm start` stopped) or SIGINT (Ctrl-C): the gateway stops accepting
  // and finishes its requests in flight (SSM_DRAIN_TIMEOUT_MS at most), then every server, the
  // stores and telemetry are closed and the process exits 0. A second signal exits at once.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write(
      `\n${signal}: stopping (requests in flight may take ${settings.drainTimeoutMs} ms)...\n`,
    );
    await system.stop({ drainTimeoutMs: settings.drainTimeoutMs });
    await store.close();
    await db.close();
    await telemetry.shutdown();
    process.stdout.write('stopped\n');
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
  // Announced only once the handlers are in place: a supervisor that signals as soon as it reads
  // "is up" (a test under load did) would otherwise meet the default action and kill the process
  // with nothing stopped.
  process.stdout.write(lines.join('\n'));
}

/** " (SMS to +44..., e-mail to ...)": where startLogin sends a demo user's code. */
function codeDestination(world: SeedWorld, userId: string): string {
  const user = world.users.find((u) => u.id === userId);
  return user ? ` (SMS to ${user.phone}, or e-mail to ${user.email})` : '';
}

function storeName(stores: Settings['stores']): string {
  if (stores.clusterNodes) return `Redis Cluster ${stores.clusterNodes}`;
  return stores.redisUrl ? `Redis ${stores.redisUrl}` : 'in-process (set REDIS_URL for Redis)';
}

main(settingsOrExit()).catch((error: unknown) => {
  exitOnConfigError(error);
  console.error(error);
  process.exit(1);
});
