/**
 * Runs the gateway as a process of its own, in front of subgraphs that run elsewhere
 * (scripts/subgraph.ts, or another machine). Environment:
 *   PORT (HOST), SSM_CONTEXT_SECRET, SSM_TOKEN_SECRET   shared with the subgraphs
 *   SSM_SUBGRAPH_<NAME>_URL                             GraphQL URL of each subgraph
 *   REDIS_URL | REDIS_CLUSTER_NODES, SSM_KEY_PREFIX     the store the subgraphs use (sessions!)
 *   DATABASE_URL, SSM_DB_SCHEMA                         the SSM store (grants)
 *   SSM_CACHE, SSM_LIMIT_*, SSM_RATE_*, SSM_PRODUCTION, ... as for `npm start` (README)
 * Prints one line with its URL once listening; SIGTERM stops it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { limitsFromEnv } from '../gateway/limits';
import { rateLimitsFromEnv } from '../gateway/rate-limit';
import { createGateway } from '../gateway/server';
import { SecurityEventLog } from '../lib/audit/security-events';
import { GrantRepository } from '../lib/authz/grants';
import { listen } from '../lib/http';
import { createStore } from '../lib/kv';
import { rootLogger } from '../lib/logger';
import { openDatabase } from '../lib/store/database';
import { migrate } from '../lib/store/migrations';
import { SUBGRAPHS, type SubgraphName } from '../lib/subgraphs';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
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
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map((name) => [name, required(`SSM_SUBGRAPH_${name.toUpperCase()}_URL`)]),
  ) as Record<SubgraphName, string>;
  const gateway = await createGateway({
    supergraphSdl: readFileSync(path.join(__dirname, '../schema/supergraph.graphql'), 'utf8'),
    subgraphUrls,
    contextSecret: required('SSM_CONTEXT_SECRET'),
    tokenSecret: required('SSM_TOKEN_SECRET'),
    store,
    grants: new GrantRepository(db),
    audit: new SecurityEventLog(db, rootLogger.child({ component: 'gateway' }), store),
    responseCache: !['off', 'legacy-only'].includes(process.env.SSM_CACHE ?? ''),
    limits: limitsFromEnv(),
    rateLimits: rateLimitsFromEnv(),
    trustProxy: process.env.SSM_TRUST_PROXY === 'true',
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

main().catch((error: unknown) => {
  rootLogger.error({ err: error }, 'gateway failed to start');
  process.exit(1);
});
