/**
 * Runs one subgraph as a process of its own (deployments that scale subgraphs separately, and the
 * chaos tests that kill one). Configuration comes from the environment:
 *   SSM_SUBGRAPH      customer | catalogue | orders | faults | billing
 *   PORT              port to listen on (HOST, default 127.0.0.1)
 *   SSM_CONTEXT_SECRET, SSM_TOKEN_SECRET   shared with the gateway
 *   LEGACY_<SYSTEM>_URL                   the legacy systems (see lib/config.ts)
 *   REDIS_URL | REDIS_CLUSTER_NODES, SSM_KEY_PREFIX; DATABASE_URL, SSM_DB_SCHEMA
 *   SSM_SELF_URL      this process's public base URL (the IBSS posts order completions there)
 *   SSM_BREAKER_FAILURES, SSM_BREAKER_HALF_OPEN_MS   circuit breakers of the legacy systems
 * SIGTERM stops it gracefully; it prints one line with its URL once listening.
 */
import { listen } from '../lib/http';
import { legacyUrlsFromEnv, type SubgraphConfig } from '../lib/config';
import { rootLogger } from '../lib/logger';
import { configureResilience, resilienceFromEnv } from '../lib/resilience';
import { createSubgraphHttpServer } from '../lib/subgraph-server';
import { subgraphDefinitions } from '../system/subgraph-registry';
import { SUBGRAPHS, type SubgraphName } from '../lib/subgraphs';
import { requiredEnv, storesFromEnv } from '../system/stores';

async function main(): Promise<void> {
  const name = requiredEnv('SSM_SUBGRAPH') as SubgraphName;
  configureResilience(resilienceFromEnv());
  if (!SUBGRAPHS.includes(name)) throw new Error(`SSM_SUBGRAPH must be one of ${SUBGRAPHS.join(', ')}`);
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(requiredEnv('PORT'));
  const { store, db } = await storesFromEnv();
  const config: SubgraphConfig = {
    legacy: legacyUrlsFromEnv(),
    contextSecret: requiredEnv('SSM_CONTEXT_SECRET'),
    tokenSecret: requiredEnv('SSM_TOKEN_SECRET'),
    store,
    db,
    legacyTimeoutMs: Number(process.env.SSM_LEGACY_TIMEOUT_MS ?? 5000),
    legacyCache: process.env.SSM_CACHE !== 'off',
    outboxIntervalMs: Number(process.env.SSM_OUTBOX_INTERVAL_MS ?? 1000),
    selfUrl: process.env.SSM_SELF_URL ?? `http://${host}:${port}`,
  };
  const def = subgraphDefinitions[name](config);
  const built = await createSubgraphHttpServer(def, { contextSecret: config.contextSecret });
  await listen(built.server, port, host);
  def.start?.();
  console.log(`subgraph ${name} listening on http://${host}:${port}/graphql`);
  const stop = async () => {
    built.server.close();
    await def.stop?.();
    await built.apollo.stop();
    await store.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  rootLogger.error({ err: error }, 'subgraph failed to start');
  process.exit(1);
});
