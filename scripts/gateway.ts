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
import { rootLogger } from '../lib/logger';
import { SUBGRAPHS } from '../lib/subgraphs';
import { requiredEnv } from '../system/stores';
import { runGatewayProcess } from '../system/gateway-process';

runGatewayProcess({
  supergraphSdl: readFileSync(path.join(__dirname, '../schema/supergraph.graphql'), 'utf8'),
  subgraphUrls: Object.fromEntries(
    SUBGRAPHS.map((name) => [name, requiredEnv(`SSM_SUBGRAPH_${name.toUpperCase()}_URL`)]),
  ),
}).catch((error: unknown) => {
  rootLogger.error({ err: error }, 'gateway failed to start');
  process.exit(1);
});
