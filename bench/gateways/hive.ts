/**
 * Comparison for `npm run bench`: Hive Gateway (@graphql-hive/gateway) with its defaults over the
 * same supergraph, forwarding each subgraph's pre-signed actor header like the Apollo baseline.
 * SSM_HIVE_DEDUPE=false turns off its in-flight deduplication of identical subgraph requests;
 * SSM_HIVE_PLANNER=rust plans with its Rust query planner (@graphql-hive/router-runtime) instead of
 * the default JavaScript one.
 */
import http from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { settingsOrExit } from '../../system/config';
import { benchGraph } from './graph';

const dedupe = process.env.SSM_HIVE_DEDUPE !== 'false';
const rust = process.env.SSM_HIVE_PLANNER === 'rust';
const { supergraphSdl, subgraphUrls } = benchGraph(settingsOrExit());
const gateway = createGatewayRuntime({
  supergraph: supergraphSdl,
  logging: 'error',
  ...(rust ? { unifiedGraphHandler } : {}),
  propagateHeaders: {
    fromClientToSubgraphs: ({ request, subgraphName }) => {
      const token = request.headers.get(`x-ssm-actor-${subgraphName}`);
      return token ? { 'x-ssm-actor': token } : {};
    },
  },
  transportEntries: Object.fromEntries(
    Object.entries(subgraphUrls).map(([name, location]) => [
      name,
      {
        location,
        options: { deduplicateInflightRequests: dedupe },
      },
    ]),
  ),
});

const server = http.createServer(gateway);
server.listen(Number(process.env.PORT ?? 4200), '127.0.0.1', () => {
  console.log(
    `hive gateway listening on http://127.0.0.1:${process.env.PORT ?? 4200}/graphql (dedupe ${dedupe}, ${rust ? 'rust' : 'default'} planner)`,
  );
});

// The runtime waits for open handles on SIGTERM; a benchmark stops it at once.
process.once('SIGTERM', () => process.exit(0));
