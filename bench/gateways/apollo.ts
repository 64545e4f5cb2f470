/**
 * Baseline for `npm run bench`: plain @apollo/gateway + @apollo/server with default settings
 * (standalone server, default data source), over the graph bench/gateways/graph.ts names. The one
 * addition: it forwards each subgraph's pre-signed actor header (`x-ssm-actor-<subgraph>` from the
 * client), without which our subgraphs refuse every request. No authentication or authorization.
 */
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { settingsOrExit } from '../../system/config';
import { benchGraph } from './graph';

interface Context extends BaseContext {
  headers: Record<string, string | string[] | undefined>;
}

class ForwardActor extends RemoteGraphQLDataSource<Context> {
  constructor(
    private readonly subgraph: string,
    url: string,
  ) {
    super({ url });
  }
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): void {
    const headers = 'headers' in context ? context.headers : {};
    const token = headers[`x-ssm-actor-${this.subgraph}`];
    if (typeof token === 'string') request.http?.headers.set('x-ssm-actor', token);
  }
}

async function main(): Promise<void> {
  const { supergraphSdl, subgraphUrls } = benchGraph(settingsOrExit());
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new ForwardActor(name, subgraphUrls[name] || url || ''),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT ?? 4100), host: '127.0.0.1' },
    context: async ({ req }) => ({ headers: req.headers }),
  });
  console.log(`apollo gateway listening on ${url}`);
}

void main();

process.once('SIGTERM', () => process.exit(0));
