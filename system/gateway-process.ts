import type { GatewayRule } from '../gateway/authorize';
import { createGateway } from '../gateway/server';
import { SecurityEventLog } from '../lib/audit/security-events';
import { GrantRepository } from '../lib/authz/grants';
import { listen } from '../lib/http';
import { rootLogger } from '../lib/logger';
import { startTelemetry } from '../lib/telemetry/sdk';
import { sharedSecrets, type Settings } from './config';
import { checkPortsFree } from './preflight';
import { openEvents } from './events';
import { openStores } from './stores';

/**
 * Runs our gateway as a process of its own over `graph`, configured by `settings` (see
 * scripts/gateway.ts); prints one "listening" line with its URL. SIGTERM or SIGINT drains it:
 * no new connections, the requests in flight finish (SSM_DRAIN_TIMEOUT_MS at most), the stores
 * and telemetry close, exit 0. A port in use or a store that does not answer is a ConfigError
 * naming its variable, before anything starts.
 */
export async function runGatewayProcess(
  settings: Settings,
  graph: { supergraphSdl: string; subgraphUrls: Record<string, string>; rules?: Record<string, GatewayRule> },
): Promise<void> {
  const { contextSecret, tokenSecret } = sharedSecrets(settings);
  const { host, port } = settings.server;
  await checkPortsFree(host, [{ port, what: 'the gateway', variable: 'PORT' }]);
  const telemetry = startTelemetry(settings.telemetry, 'gateway');
  const { store, db } = await openStores(settings.stores);
  const events = openEvents(store, db);
  const gateway = await createGateway({
    ...graph,
    contextSecret,
    tokenSecret,
    store,
    database: db,
    grants: new GrantRepository(db),
    audit: new SecurityEventLog(db, rootLogger.child({ component: 'gateway' }), store),
    // The same policies as `npm start` gives its gateway (scripts/start.ts), from the same settings.
    responseCache: settings.cache.response,
    publicResponses: { maxAgeMs: settings.cache.publicCopyMs },
    sessionOutagePolicy: settings.sessionOutage,
    limits: settings.limits,
    rateLimits: settings.rateLimits,
    trustProxy: settings.trustProxy,
    trustedDocuments: settings.trustedDocuments,
    cors: settings.cors,
    explorer: settings.explorer,
    bus: events.bus,
  });
  await listen(gateway.server, port, host);
  const log = rootLogger.child({ component: 'gateway' });
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    // A second signal does not wait for the drain.
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ event: 'shutdown.drain', signal, timeoutMs: settings.drainTimeoutMs }, 'draining');
    const cut = await gateway.drain(settings.drainTimeoutMs);
    await gateway.stop();
    await events.close();
    await store.close();
    await db.close();
    await telemetry.shutdown();
    log.info(
      { event: 'shutdown.done', cut },
      cut ? `stopped; ${cut} requests cut by the drain timeout` : 'stopped',
    );
    process.exit(0);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
  // Announced once the signal handlers are in place (a supervisor may signal as soon as it reads it).
  console.log(`gateway listening on http://${host}:${port}/graphql`);
}
