/**
 * Our gateway over workload (d)'s graph (bench/guild), with everything on as for the SSM graph:
 * authentication (token and session), authorization, rate limits, request limits, input checks,
 * response cache (the Guild schema has no cache hints, so nothing is stored). Its root fields
 * need a signed-in actor; nested fields pass, as the subgraphs have no object-level rules.
 */
import type { GatewayRule } from '../../gateway/authorize';
import { rootLogger } from '../../lib/logger';
import { settingsOrExit } from '../../system/config';
import { runGatewayProcess } from '../../system/gateway-process';
import { benchGraph } from './graph';

const GUILD_RULES: Record<string, GatewayRule> = {
  'Query.me': 'signedIn',
  'Query.user': 'signedIn',
  'Query.users': 'signedIn',
  'Query.topProducts': 'signedIn',
};

// Configured like scripts/gateway.ts (secrets, stores, policies); the graph is the Guild's.
const settings = settingsOrExit({ require: ['SSM_CONTEXT_SECRET', 'SSM_TOKEN_SECRET'] });
const { supergraphSdl, subgraphUrls } = benchGraph(settings);
runGatewayProcess(settings, { supergraphSdl, subgraphUrls, rules: GUILD_RULES }).catch((error: unknown) => {
  rootLogger.error({ err: error }, 'gateway failed to start');
  process.exit(1);
});
