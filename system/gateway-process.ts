import type { GatewayRule } from '../gateway/authorize';
import { createGateway } from '../gateway/server';
import { SecurityEventLog } from '../lib/audit/security-events';
import { GrantRepository } from '../lib/authz/grants';
import { listen } from '../lib/http';
import { rootLogger } from '../lib/logger';
import { sharedSecrets, type Settings } from './config';
import { openStores } from './stores';

/**
 * Runs our gateway as a process of its own over `graph`, configured by `settings` (see
 * scripts/gateway.ts); prints one "listening" line with its URL; SIGTERM or SIGINT stops it.
 */
export async function runGatewayProcess(
  settings: Settings,
  graph: { supergraphSdl: string; subgraphUrls: Record<string, string>; rules?: Record<string, GatewayRule> },
): Promise<void> {
  const { contextSecret, tokenSecret } = sharedSecrets(settings);
  const { host, port } = settings.server;
  const { store, db } = await openStores(settings.stores);
  const gateway = await createGateway({
    ...graph,
    contextSecret,
    tokenSecret,
    store,
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
  });
  await listen(gateway.server, port, host);
  console.log(`gateway listening on http://${host}:${port}/graphql`);
  const stop = async () => {
    gateway.server.close();
    await gateway.stop();
    await store.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}
