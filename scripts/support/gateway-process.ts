import { limitsFromEnv } from '../../gateway/limits';
import { rateLimitsFromEnv } from '../../gateway/rate-limit';
import type { GatewayRule } from '../../gateway/authorize';
import { createGateway } from '../../gateway/server';
import { SecurityEventLog } from '../../lib/audit/security-events';
import { GrantRepository } from '../../lib/authz/grants';
import { listen } from '../../lib/http';
import { createStore } from '../../lib/kv';
import { rootLogger } from '../../lib/logger';
import { openDatabase } from '../../lib/store/database';
import { migrate } from '../../lib/store/migrations';

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

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
  const store = createStore({
    redisUrl: process.env.REDIS_URL,
    clusterNodes: process.env.REDIS_CLUSTER_NODES,
    keyPrefix: process.env.SSM_KEY_PREFIX ?? 'ssm:',
  });
  const db = await openDatabase({
    url: process.env.DATABASE_URL,
    schema: process.env.SSM_DB_SCHEMA ?? 'ssm',
  });
  await migrate(db);
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
