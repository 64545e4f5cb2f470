import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { Agent, fetch as undiciFetch } from 'undici';
import { signActorContext } from '../lib/actor';
import { isTimeoutOrAbort } from '../lib/timeouts';
import { ACTOR_HEADER } from '../lib/subgraph-server';
import type { GatewayContext } from './context';

export interface SubgraphClientOptions {
  name: string;
  url: string;
  contextSecret: string;
  timeoutMs: number;
  /** Sockets per subgraph: keep-alive is the single biggest speed lever (stack-notes.md). */
  connections: number;
}

class UpstreamError extends Error {}

/** A keep-alive fetcher with a deadline; failures become typed GraphQL errors. */
function createFetcher(name: string, agent: Agent, timeoutMs: number): Fetcher {
  return async (url, init) => {
    try {
      const response = await undiciFetch(url, {
        method: init?.method,
        headers: init?.headers,
        body: init?.body,
        dispatcher: agent,
        signal: AbortSignal.timeout(timeoutMs),
      });
      return response as unknown as FetcherResponse;
    } catch (error) {
      const timedOut = isTimeoutOrAbort(error);
      throw new GraphQLError(
        timedOut
          ? `The ${name} service did not answer within ${timeoutMs} ms.`
          : `The ${name} service is unavailable.`,
        {
          extensions: { code: timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE', serviceName: name },
          originalError: new UpstreamError(String(error)),
        },
      );
    }
  };
}

/**
 * Data source for one subgraph: forwards the request's actor as a context token signed for this
 * subgraph only. Never retries: a retried mutation could run twice.
 */
export class SubgraphClient extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly agent: Agent;

  constructor(private readonly options: SubgraphClientOptions) {
    const agent = new Agent({ connections: options.connections, keepAliveTimeout: 30_000, pipelining: 1 });
    super({ url: options.url, fetcher: createFetcher(options.name, agent, options.timeoutMs) });
    this.agent = agent;
  }

  get name(): string {
    return this.options.name;
  }

  /** Requests sent to this subgraph since start (metrics and tests). */
  requests = 0;

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const actor = 'actor' in context && context.actor ? context.actor : { kind: 'anonymous' as const };
    request.http?.headers.set(
      ACTOR_HEADER,
      await signActorContext(actor, this.options.name, this.options.contextSecret),
    );
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
