/**
 * Comparison for `npm run bench`: Hive Gateway (@graphql-hive/gateway) with its defaults over the
 * same supergraph, forwarding each subgraph's pre-signed actor header like the Apollo baseline.
 * SSM_HIVE_DEDUPE=false turns off its in-flight deduplication of identical subgraph requests.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { SUBGRAPHS } from '../../lib/subgraphs';

const dedupe = process.env.SSM_HIVE_DEDUPE !== 'false';
const gateway = createGatewayRuntime({
  supergraph: readFileSync(path.join(__dirname, '../../schema/supergraph.graphql'), 'utf8'),
  logging: 'error',
  propagateHeaders: {
    fromClientToSubgraphs: ({ request, subgraphName }) => {
      const token = request.headers.get(`x-ssm-actor-${subgraphName}`);
      return token ? { 'x-ssm-actor': token } : {};
    },
  },
  transportEntries: Object.fromEntries(
    SUBGRAPHS.map((name) => [
      name,
      {
        location: process.env[`SSM_SUBGRAPH_${name.toUpperCase()}_URL`],
        options: { deduplicateInflightRequests: dedupe },
      },
    ]),
  ),
});

const server = http.createServer(gateway);
server.listen(Number(process.env.PORT ?? 4200), '127.0.0.1', () => {
  console.log(
    `hive gateway listening on http://127.0.0.1:${process.env.PORT ?? 4200}/graphql (dedupe ${dedupe})`,
  );
});

// The runtime waits for open handles on SIGTERM; a benchmark stops it at once.
process.once('SIGTERM', () => process.exit(0));
