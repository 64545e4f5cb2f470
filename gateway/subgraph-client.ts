import http from 'node:http';
import { localize, msg } from '../lib/i18n/text';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';
import { SpanKind } from '@opentelemetry/api';
import { GraphQLError } from 'graphql';
import { Agent, request } from 'undici';
import { signActorContext, type Actor } from '../lib/actor';
import { secondsSince, subgraphErrors, subgraphRequestDuration } from '../lib/metrics';
import { errorCodeLabel } from '../lib/telemetry/bounded-labels';
import { inSpan, withTraceContext } from '../lib/telemetry/tracing';
import { clientSource } from '../lib/client-source';
import { isTimeoutOrAbort } from '../lib/timeouts';
import { ACTOR_HEADER } from '../lib/subgraph-server';
import type { GatewayContext } from './context';
import { REQUEST_ID_HEADER } from './request-id';
import { BoundedMap } from '../lib/bounded';

export interface SubgraphClientOptions {
  name: string;
  url: string;
  contextSecret: string;
  timeoutMs: number;
  /** Sockets per subgraph: keep-alive is the single biggest speed lever (stack-notes.md). */
  connections: number;
}

class UpstreamError extends Error {}

interface Buffered {
  status: number;
  headers: [string, string][];
  body: string;
}

const isQuery = (body: unknown): boolean => {
  if (typeof body !== 'string') return false;
  try {
    const { query } = JSON.parse(body) as { query?: unknown };
    return typeof query === 'string' && !/^\s*mutation\b/.test(query);
  } catch {
    return false;
  }
};

/** A subgraph's answer, already read in full (shared answers are copied per caller). */
class BufferedResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly status: number;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: FetcherHeaders;
  constructor(
    readonly url: string,
    private readonly buffered: Buffered,
  ) {
    this.status = buffered.status;
    this.ok = buffered.status >= 200 && buffered.status < 300;
    this.statusText = http.STATUS_CODES[buffered.status] ?? '';
    this.headers = new Headers(buffered.headers);
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.buffered.body);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  async text(): Promise<string> {
    return this.buffered.body;
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.buffered.body) as unknown;
  }
  clone(): FetcherResponse {
    return new BufferedResponse(this.url, this.buffered);
  }
}

/**
 * A keep-alive fetcher with a deadline; failures become typed GraphQL errors. Identical queries
 * in flight to the same subgraph for the same actor (same URL, body and signed actor header) share
 * one request: each caller gets its own copy of the answer. Mutations are never shared.
 */
function createFetcher(name: string, agent: Agent, timeoutMs: number): Fetcher {
  const inflight = new Map<string, Promise<Buffered>>();
  // undici's request(), not its fetch(): no WHATWG Request, Response or web streams per call
  // (about a tenth of the gateway's time at one connection, docs/performance.md lever 10).
  const send = async (url: string, init: Parameters<Fetcher>[1]): Promise<Buffered> => {
    const response = await request(url, {
      method: (init?.method ?? 'POST') as 'POST',
      headers: init?.headers,
      body: init?.body,
      dispatcher: agent,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const headers: [string, string][] = [];
    for (const [key, value] of Object.entries(response.headers))
      if (value !== undefined) headers.push([key, Array.isArray(value) ? value.join(', ') : value]);
    return { status: response.statusCode, headers, body: await response.body.text() };
  };
  return async (url, init) => {
    try {
      let buffered: Buffered;
      const headers = init?.headers as Record<string, string> | undefined;
      if (isQuery(init?.body)) {
        // Same caller rights, same language (texts differ by it), same query: one fetch.
        const key = `${url}\n${headers?.[ACTOR_HEADER] ?? ''}\n${headers?.['accept-language'] ?? ''}\n${String(init?.body)}`;
        let shared = inflight.get(key);
        if (!shared) {
          shared = send(url, init).finally(() => inflight.delete(key));
          inflight.set(key, shared);
        }
        buffered = await shared;
      } else {
        buffered = await send(url, init);
      }
      return new BufferedResponse(url, buffered);
    } catch (error) {
      const timedOut = isTimeoutOrAbort(error);
      throw new GraphQLError(
        localize(
          timedOut
            ? msg`The ${name} service did not answer within ${timeoutMs} ms.`
            : msg`The ${name} service is unavailable.`,
        ),
        {
          extensions: { code: timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE', serviceName: name },
          originalError: new UpstreamError(String(error)),
        },
      );
    }
  };
}

type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

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

  /**
   * One fetch as operators see it: a CLIENT span (child of @apollo/gateway's gateway.fetch) whose
   * `traceparent` the request carries, its duration by outcome, and its errors by code: the
   * fetch's own (timeout, unreachable) or those the subgraph answered with.
   */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<SubgraphResponse> {
    const subgraph = this.options.name;
    const started = performance.now();
    return inSpan(
      `subgraph ${subgraph}`,
      { kind: SpanKind.CLIENT, attributes: { 'ssm.subgraph': subgraph } },
      async (span) => {
        try {
          const response = await super.process(options);
          const codes = (response.errors ?? []).map((e) => errorCodeLabel(e.extensions?.code));
          for (const code of codes) subgraphErrors.inc({ subgraph, code });
          if (codes.length) span?.setAttribute('ssm.error_codes', [...new Set(codes)]);
          subgraphRequestDuration.observe(
            { subgraph, outcome: codes.length ? 'error' : 'success' },
            secondsSince(started),
          );
          return response;
        } catch (error) {
          const code = errorCodeLabel(error instanceof GraphQLError ? error.extensions.code : undefined);
          subgraphErrors.inc({ subgraph, code });
          subgraphRequestDuration.observe({ subgraph, outcome: 'error' }, secondsSince(started));
          throw error;
        }
      },
    );
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    this.requests++;
    const actor = 'actor' in context && context.actor ? context.actor : { kind: 'anonymous' as const };
    // Mutations also carry the caller's network, hashed: sign-in lock-outs bind an actor at one
    // source (lib/lockouts.ts). Queries do not, so their contexts stay shared across callers.
    const source =
      'clientAddress' in context && /^\s*mutation\b/.test(request.query ?? '')
        ? clientSource(context.clientAddress, this.options.contextSecret)
        : undefined;
    request.http?.headers.set(ACTOR_HEADER, await this.actorToken(source ? { ...actor, source } : actor));
    // The subgraph answers in the request's language (gateway/locale.ts).
    if ('locale' in context && context.locale) request.http?.headers.set('accept-language', context.locale);
    // The subgraph logs under the gateway's request id (a shared fetch: the first caller's).
    if ('request' in context && context.request)
      request.http?.headers.set(REQUEST_ID_HEADER, context.request.id);
    // The trace continues in the subgraph (this runs inside process()'s span).
    for (const [name, value] of Object.entries(withTraceContext({}))) request.http?.headers.set(name, value);
  }

  /** Signed actor contexts are reused for half their 60 s life: less signing, shareable fetches. */
  // Cleared once it holds more than 10,000.
  private readonly tokens = new BoundedMap<string, { token: string; until: number }>(10_001);

  private async actorToken(actor: Actor): Promise<string> {
    const key = JSON.stringify(actor);
    const now = Date.now();
    const cached = this.tokens.get(key);
    if (cached && cached.until > now) return cached.token;
    const token = await signActorContext(actor, this.options.name, this.options.contextSecret);
    this.tokens.remember(key, { token, until: now + 30_000 });
    return token;
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
