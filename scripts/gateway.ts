/**
 * Runs the gateway as a process of its own, in front of subgraphs that run elsewhere
 * (scripts/subgraph.ts, or another machine). Configured like `npm start` (README.md,
 * "Configuration"; system/config), SSM_PRODUCTION and every other policy included, plus:
 *   PORT (HOST), SSM_CONTEXT_SECRET, SSM_TOKEN_SECRET   shared with the subgraphs (required)
 *   SSM_SUBGRAPH_<NAME>_URL                             GraphQL URL of each subgraph (required)
 *   REDIS_URL | REDIS_CLUSTER_NODES, SSM_KEY_PREFIX     the store the subgraphs use (sessions!)
 *   DATABASE_URL, SSM_DB_SCHEMA                         the SSM store (grants)
 * Prints one line with its URL once listening; SIGTERM stops it. A bad environment stops it
 * before anything starts, with a message naming each variable at fault.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rootLogger } from '../lib/logger';
import { SUBGRAPH_URL_VARIABLES, exitOnConfigError, settingsOrExit } from '../system/config';
import { runGatewayProcess } from '../system/gateway-process';

const settings = settingsOrExit({
  require: ['SSM_CONTEXT_SECRET', 'SSM_TOKEN_SECRET', ...SUBGRAPH_URL_VARIABLES],
});

runGatewayProcess(settings, {
  supergraphSdl: readFileSync(path.join(__dirname, '../schema/supergraph.graphql'), 'utf8'),
  subgraphUrls: settings.subgraphUrls,
}).catch((error: unknown) => {
  exitOnConfigError(error);
  rootLogger.error({ err: error }, 'gateway failed to start');
  process.exit(1);
});
