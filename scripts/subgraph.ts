/**
 * Runs one subgraph as a process of its own (deployments that scale subgraphs separately, and the
 * chaos tests that kill one). Configured like `npm start` (README.md, "Configuration";
 * system/config), plus:
 *   SSM_SUBGRAPH      customer | catalogue | orders | faults | billing (required)
 *   PORT              port to listen on (required; HOST, default 127.0.0.1)
 *   SSM_CONTEXT_SECRET, SSM_TOKEN_SECRET   shared with the gateway (required)
 *   SSM_IBSS_CALLBACK_SECRET              shared with the IBSS (required for orders)
 *   LEGACY_<SYSTEM>_URL                   the legacy systems
 *   REDIS_URL | REDIS_CLUSTER_NODES, SSM_KEY_PREFIX; DATABASE_URL, SSM_DB_SCHEMA
 *   SSM_SELF_URL      this process's public base URL (the IBSS posts order completions there)
 *   SSM_BREAKER_FAILURES, SSM_BREAKER_HALF_OPEN_MS   circuit breakers of the legacy systems
 * SIGTERM stops it gracefully; it prints one line with its URL once listening. A bad environment
 * stops it before anything starts, with a message naming each variable at fault.
 */
import { listen } from '../lib/http';
import type { SubgraphConfig } from '../lib/config';
import { rootLogger } from '../lib/logger';
import { startTelemetry } from '../lib/telemetry/sdk';
import { Resilience } from '../lib/resilience';
import { createSubgraphHttpServer } from '../lib/subgraph-server';
import {
  exitOnConfigError,
  ibssCallbackSecret,
  sharedSecrets,
  settingsOrExit,
  type Settings,
} from '../system/config';
import { legacyHealthOf } from '../system/legacy-health';
import { openEvents } from '../system/events';
import { openStores } from '../system/stores';
import { subgraphDefinitions } from '../system/subgraph-registry';

async function main(settings: Settings): Promise<void> {
  const name = settings.subgraph.name;
  if (!name) throw new Error('SSM_SUBGRAPH is required');
  const telemetry = startTelemetry(settings.telemetry, `subgraph-${name}`);
  const { host, port } = settings.server;
  const { store, db } = await openStores(settings.stores);
  const events = openEvents(store, db);
  const config: SubgraphConfig = {
    legacy: settings.legacy,
    ...sharedSecrets(settings),
    // Only the orders subgraph receives IBSS callbacks; the IBSS must know the same secret.
    ...(name === 'orders' ? { ibssCallbackSecret: ibssCallbackSecret(settings, { alone: true }) } : {}),
    store,
    db,
    legacyTimeoutMs: settings.legacyTimeoutMs,
    resilience: new Resilience(settings.resilience),
    legacyCache: settings.cache.legacy,
    outboxIntervalMs: settings.outboxIntervalMs,
    signIn: settings.signIn,
    selfUrl: settings.subgraph.selfUrl ?? `http://${host}:${port}`,
    events: events.outbox,
    bus: events.bus,
    webhooks: { httpsOnly: settings.production },
  };
  const def = subgraphDefinitions[name](config);
  const built = await createSubgraphHttpServer(def, {
    contextSecret: config.contextSecret,
    resilience: config.resilience,
    legacyHealth: legacyHealthOf(name, settings.legacy, config.resilience),
  });
  await listen(built.server, port, host);
  def.start?.();
  const stop = async () => {
    // Requests in flight finish (up to SSM_DRAIN_TIMEOUT_MS) before their stores close under them.
    const cut = await built.drain.drain(built.server, settings.drainTimeoutMs);
    if (cut > 0) rootLogger.warn({ event: 'drain.cut', cut }, 'requests cut by the drain deadline');
    await def.stop?.();
    await built.apollo.stop();
    await events.close();
    await store.close();
    await db.close();
    await telemetry.shutdown();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  // Announced once the signal handlers are in place (a supervisor may signal as soon as it reads it).
  console.log(`subgraph ${name} listening on http://${host}:${port}/graphql`);
}

// A subgraph has no default port of its own (4000 is the gateway's): PORT must be set.
main(settingsOrExit({ require: ['SSM_SUBGRAPH', 'PORT', 'SSM_CONTEXT_SECRET', 'SSM_TOKEN_SECRET'] })).catch(
  (error: unknown) => {
    exitOnConfigError(error);
    rootLogger.error({ err: error }, 'subgraph failed to start');
    process.exit(1);
  },
);
