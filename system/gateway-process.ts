import { limitsFromEnv } from '../gateway/limits';
import { rateLimitsFromEnv } from '../gateway/rate-limit';
import type { GatewayRule } from '../gateway/authorize';
import { createGateway } from '../gateway/server';
import { SecurityEventLog } from '../lib/audit/security-events';
import { GrantRepository } from '../lib/authz/grants';
import { listen } from '../lib/http';
import { rootLogger } from '../lib/logger';
import { requiredEnv, storesFromEnv } from './stores';

/**
 * Runs our gateway as a process of its own over `graph`, configured from the environment (see
 * scripts/gateway.ts); prints one "listening" line with its URL; SIGTERM or SIGINT stops it.
 */
export async function runGatewayProcess(graph: {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  rules?: Record<string, GatewayRule>;
}): Promise<void> {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? 4000);
  const { store, db } = await storesFromEnv();
  const gateway = await createGateway({
    ...graph,
    contextSecret: requiredEnv('SSM_CONTEXT_SECRET'),
    tokenSecret: requiredEnv('SSM_TOKEN_SECRET'),
    store,
    grants: new GrantRepository(db),
    audit: new SecurityEventLog(db, rootLogger.child({ component: 'gateway' }), store),
    responseCache: !['off', 'legacy-only'].includes(process.env.SSM_CACHE ?? ''),
    limits: limitsFromEnv(),
    rateLimits: rateLimitsFromEnv(),
    trustProxy: process.env.SSM_TRUST_PROXY === 'true',
    publicResponses: process.env.SSM_PUBLIC_COPY_MS
      ? { maxAgeMs: Number(process.env.SSM_PUBLIC_COPY_MS) }
      : undefined,
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
