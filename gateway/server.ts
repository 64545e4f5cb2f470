import http from 'node:http';
import type { Duplex } from 'node:stream';
import { localize } from '../lib/i18n/text';
import { withRequestLocale } from '../lib/i18n/request-locale';
import { headerLocale, localeForRequest, varyByLanguage } from './locale';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { handleGraphQL } from '../lib/apollo-http';
import { failRequest, sendJson } from '../lib/http';
import type { SecurityEventLog } from '../lib/audit/security-events';
import type { GrantRepository } from '../lib/authz/grants';
import type { EventBus } from '../lib/events/bus';
import type { KeyValueStore } from '../lib/kv';
import { rootLogger } from '../lib/logger';
import { registry } from '../lib/metrics';
import type { Queryable } from '../lib/store/database';
import { SessionChecker, type SessionOutagePolicy } from '../lib/sessions';
import { recordOperation, startAccessLog } from './access-log';
import {
  actorOf,
  AuthenticationError,
  cacheOwnerOfCredential,
  callerOf,
  verifyCredential,
  type Credential,
} from './authenticate';
import type { Actor } from '../lib/actor';
import { GATEWAY_RULES, gatewayAuthorization, type GatewayRule } from './authorize';
import { inputValidation } from './input-validation';
import { DEFAULT_LIMITS, armor, formatLimitError, type RequestLimits } from './limits';
import {
  DEFAULT_RATE_LIMITS,
  GatewayRateLimiter,
  RateLimitedError,
  budgetHeaders,
  addressOf,
  rateLimitedBody,
  signInRateLimit,
  type RateLimits,
} from './rate-limit';
import type { GatewayContext } from './context';
import { Drain } from '../lib/drain';
import { readiness, readinessStatusCode } from './health';
import { assignRequestId, requestIdInErrors, withRequestId } from './request-id';
import { cacheVersion, StoreKeyValueCache, responseCaching } from './response-cache';
import {
  DEFAULT_PUBLIC_RESPONSE_OPTIONS,
  PublicResponses,
  type PublicResponseOptions,
} from './public-responses';
import {
  TrustedDocumentStore,
  resolveDocumentReference,
  trustedDocuments,
  type TrustedDocumentsOptions,
} from './trusted-documents';
import { SubgraphClient } from './subgraph-client';
import { PartnerContract, partnerContract } from './partner-contract';
import { CorsPolicy, type CorsOptions } from './cors';
import { Explorer } from './explorer/serve';
import { operationMetrics } from './operation-metrics';
import { authenticationSpan, observeRequests, traced } from './request-telemetry';
import { Subscriptions } from './subscriptions/service';
import type { SubscriptionLimits } from './subscriptions/limits';

export interface GatewayOptions {
  supergraphSdl: string;
  /** GraphQL URL of every subgraph in the supergraph, by name. */
  subgraphUrls: Record<string, string>;
  /**
   * The gateway's authorization rules per field (default: the SSM graph's, gateway/authorize.ts).
   * Only the benchmark's other graph (bench/guild) brings its own.
   */
  rules?: Record<string, GatewayRule>;
  contextSecret: string;
  tokenSecret: string;
  store: KeyValueStore;
  grants: GrantRepository;
  audit: SecurityEventLog;
  /** The SSM store, which /readyz checks (`SELECT 1`); unset for a graph without one (bench). */
  database?: Queryable;
  subgraphTimeoutMs?: number;
  connectionsPerSubgraph?: number;
  /** Request limits (gateway/limits.ts); unset ones keep their defaults. */
  limits?: Partial<RequestLimits>;
  /** Full-response cache driven by the subgraphs' cache hints (default on). */
  responseCache?: boolean;
  /** What to do with unexpired tokens while the session store is unreachable (lib/sessions.ts). */
  sessionOutagePolicy?: SessionOutagePolicy;
  /** Trusted documents and introspection policy (gateway/trusted-documents.ts). */
  trustedDocuments?: Partial<TrustedDocumentsOptions>;
  /** Requests per window per caller (gateway/rate-limit.ts). */
  rateLimits?: Partial<RateLimits>;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** Caps the response cache's time-to-live (seconds). */
  responseCacheMaxTtlSeconds?: number;
  /** In-process copies of public cached answers (gateway/public-responses.ts); on with the cache. */
  publicResponses?: Partial<PublicResponseOptions> | false;
  /** Web pages on other origins that may call the API from a browser (gateway/cors.ts); default none. */
  cors?: CorsOptions;
  /** Serves the self-hosted explorer to browsers at GET /graphql (gateway/explorer); default off. */
  explorer?: boolean;
  /** Domain events feeding subscriptions (issue 13); without a bus no subscription receives events. */
  bus?: EventBus;
  /** Bounds on subscriptions (gateway/subscriptions/limits.ts); unset ones keep their defaults. */
  subscriptions?: Partial<SubscriptionLimits>;
}

export interface Gateway {
  server: http.Server;
  /** Requests sent to each subgraph since start. */
  subgraphRequests(): Record<string, number>;
  apollo: ApolloServer<GatewayContext>;
  /** Subscriptions over WebSocket and SSE on /graphql (issue 13). */
  subscriptions: Subscriptions;
  /**
   * Stops accepting connections and lets the requests in flight finish, for up to `timeoutMs`
   * (lib/drain.ts); resolves with how many the deadline cut. /readyz answers 503 meanwhile.
   */
  drain(timeoutMs: number): Promise<number>;
  stop(): Promise<void>;
}

/** Builds the gateway (Apollo Server + @apollo/gateway) and its HTTP server; opens no port. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = rootLogger.child({ component: 'gateway' });
  const clients: SubgraphClient[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const client = new SubgraphClient({
        name,
        url: options.subgraphUrls[name],
        contextSecret: options.contextSecret,
        timeoutMs: options.subgraphTimeoutMs ?? 10_000,
        connections: options.connectionsPerSubgraph ?? 64,
      });
      clients.push(client);
      return client;
    },
  });
  const sessions = new SessionChecker(
    options.store,
    options.sessionOutagePolicy ?? 'trust-unexpired',
    logger,
  );
  sessions.start();
  const apqCache = new StoreKeyValueCache(options.store, '', logger);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const documents = TrustedDocumentStore.load();
  const rateLimiter = new GatewayRateLimiter(options.store, {
    ...DEFAULT_RATE_LIMITS,
    ...options.rateLimits,
  });
  const protection = armor(limits);
  const cors = new CorsPolicy(options.cors ?? { origins: [] });
  const explorer = options.explorer ? new Explorer() : null;
  const cachingResponses = options.responseCache !== false;
  const publicResponses =
    !cachingResponses || options.publicResponses === false || options.publicResponses?.maxAgeMs === 0
      ? null
      : new PublicResponses({ ...DEFAULT_PUBLIC_RESPONSE_OPTIONS, ...options.publicResponses });
  const trusted: TrustedDocumentsOptions = {
    mode: options.trustedDocuments?.mode ?? 'off',
    firstPartyClients: options.trustedDocuments?.firstPartyClients ?? ['selfcare-web', 'selfcare-mobile'],
    production: options.trustedDocuments?.production ?? false,
  };
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // The process owns shutdown (drain first, lib/drain.ts): Apollo's own SIGTERM handler
    // would stop it at once and re-raise the signal, killing the requests in flight.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    // Introspection is decided per actor by the trusted-documents plugin, not for everyone.
    introspection: true,
    // One operation per HTTP request: a batch would multiply every per-request limit.
    allowBatchedHttpRequests: false,
    validationRules: protection.validationRules,
    parseOptions: protection.parseOptions,
    // Automatic persisted queries, shared by every gateway process through the store (Redis).
    persistedQueries: { cache: apqCache, ttl: 86_400 },
    plugins: [
      // Apollo's landing page loads from a CDN: browsers get our explorer (when on) or the API.
      ApolloServerPluginLandingPageDisabled(),
      operationMetrics(documents.names()),
      requestIdInErrors(),
      recordOperation(),
      ...protection.plugins,
      signInRateLimit(rateLimiter),
      inputValidation(),
      trustedDocuments(documents, trusted),
      // Partners see and use only their contract (before the rules: its refusal says why).
      partnerContract(PartnerContract.load()),
      traced('authorize', gatewayAuthorization(options.audit, logger, options.rules)),
      ...(!cachingResponses
        ? []
        : responseCaching(options.store, logger, options.responseCacheMaxTtlSeconds)),
    ],
    formatError: (formatted, error) => {
      const limit = formatLimitError(formatted);
      if (limit) return limit;
      const code = formatted.extensions?.code;
      // Apollo Server refuses some malformed requests (e.g. an unknown APQ version) with a 4xx
      // and no code: those are the client's mistake, worth saying, not internal errors.
      const status =
        error instanceof GraphQLError ? (error.extensions.http as { status?: number })?.status : 0;
      if ((code === undefined || code === 'INTERNAL_SERVER_ERROR') && status && status >= 400 && status < 500)
        return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
      if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
        return {
          message: localize('Internal server error.'),
          path: formatted.path,
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        };
      }
      const { serviceName: _serviceName, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    },
  });
  // Subscriptions are validated against the API schema the gateway serves.
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: schema }) => (apiSchema = schema));
  await apollo.start();
  if (!apiSchema) throw new Error('the gateway loaded no schema');
  const subscriptions = await Subscriptions.start({
    schema: apiSchema,
    apollo,
    bus: options.bus,
    tokenSecret: options.tokenSecret,
    sessions,
    grants: options.grants,
    rules: options.rules ?? GATEWAY_RULES,
    requestLimits: limits,
    limits: options.subscriptions,
    documents,
    trusted,
    rateLimiter,
    logger: logger.child({ component: 'subscriptions' }),
    store: options.store,
  });

  const drain = new Drain();
  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    drain.track(res);
    const requestId = assignRequestId(req, res);
    void (async () => {
      // The API's own path skips URL parsing: it is on every request's path.
      const pathname =
        req.url === '/graphql' ? '/graphql' : new URL(req.url ?? '/', 'http://gateway').pathname;
      if (pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (pathname === '/metrics') {
        res.writeHead(200, { 'content-type': registry.contentType });
        return res.end(await registry.metrics());
      }
      if (pathname === '/readyz') {
        const report = await readiness(
          {
            subgraphUrls: options.subgraphUrls,
            store: options.store,
            database: options.database,
            sessionOutagePolicy: options.sessionOutagePolicy ?? 'trust-unexpired',
          },
          drain.isDraining,
        );
        return sendJson(res, readinessStatusCode(report.status), report);
      }
      // Probes and scrapes above are not access-logged: they would drown the requests.
      const record = startAccessLog(logger, req, res, requestId);
      if (explorer?.wants(req, pathname)) return explorer.answer(req, res, pathname);
      if (pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found. The API is at /graphql.' });
      if (cors.handle(req, res)) return;
      // GraphQL over SSE: authenticated and checked by the subscription engine.
      if (subscriptions.wantsSse(req)) return subscriptions.handleSse(req, res);
      const refuseCredential = (error: AuthenticationError) =>
        sendJson(
          res,
          401,
          withRequestId(
            {
              errors: [
                {
                  message: localize(error.message, headerLocale(req)),
                  extensions: { code: 'UNAUTHENTICATED' },
                },
              ],
            },
            requestId,
          ),
          { 'www-authenticate': 'Bearer' },
        );
      let credential: Credential;
      try {
        credential = await verifyCredential(req.headers.authorization, options.tokenSecret);
      } catch (error) {
        if (error instanceof AuthenticationError) return refuseCredential(error);
        throw error;
      }
      // What the token names is enough to charge the caller's rate limit and read their language
      // choice: both go to the store together with the session check (ioredis auto-pipelines
      // commands issued in the same tick), one round trip instead of two in a row (issue 17
      // lever 12). A refused session is still charged: its token was validly signed for that user.
      const caller = callerOf(credential);
      const clientAddress = addressOf(req, options.trustProxy ?? false);
      const charging = rateLimiter.forRequest(caller, clientAddress);
      // Awaited below; settled here so that a refused credential leaves no unhandled rejection.
      charging.catch(() => undefined);
      const choosing = localeForRequest(caller, req, options.store, logger);
      // With the response cache on, the version of the caller's invalidation tag too (never rejects).
      const cacheVersioning = cachingResponses
        ? cacheVersion(options.store, cacheOwnerOfCredential(credential))
        : undefined;
      let actor: Actor;
      try {
        actor = await authenticationSpan(() => actorOf(credential, sessions, options.grants));
      } catch (error) {
        if (error instanceof AuthenticationError) return refuseCredential(error);
        // The SSM store (grants) is down, or the session store is and the policy is `refuse`:
        // the actor's rights cannot be checked, so the request is refused (fail closed) with a
        // code the client can retry on.
        logger.error({ err: error }, 'sessions or grants unavailable');
        return sendJson(
          res,
          503,
          withRequestId(
            {
              errors: [
                {
                  message: localize(
                    'Sign-in state cannot be checked right now; retry shortly.',
                    headerLocale(req),
                  ),
                  extensions: { code: 'UPSTREAM_UNAVAILABLE' },
                },
              ],
            },
            requestId,
          ),
          { 'retry-after': '2' },
        );
      }
      record.actorKind = actor.kind;
      varyByLanguage(res);
      try {
        const budget = await charging;
        for (const [k, v] of Object.entries(budgetHeaders(budget))) res.setHeader(k, v);
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        const limitedLocale = await choosing;
        const body = withRequestLocale(limitedLocale, () => rateLimitedBody(error.budget, 'requests'));
        return sendJson(res, 429, withRequestId(body, requestId), {
          'retry-after': String(error.budget.resetSeconds),
          ...budgetHeaders(error.budget),
        });
      }
      const locale = await choosing;
      // Anonymous public answers may come from this process's copies (after the rate limit).
      const copies = publicResponses && actor.kind === 'anonymous' && PublicResponses.eligible(req);
      // Errors raised anywhere in the request are rendered in its language (lib/i18n).
      await withRequestLocale(locale, () =>
        handleGraphQL(
          apollo,
          req,
          res,
          async () => ({ actor, clientAddress, request: record, locale, cacheVersion: cacheVersioning }),
          {
            bodyLimitBytes: limits.bodyBytes,
            errorExtensions: { requestId },
            prepareBody: (body) => resolveDocumentReference(body, documents),
            ...(copies
              ? {
                  answerRaw: (raw) => publicResponses.answer(raw, locale, res),
                  answered: (raw, status, headers, text) =>
                    publicResponses.remember(raw, locale, status, headers, text),
                }
              : {}),
          },
        ),
      );
    })().catch(failRequest(res, logger.child({ requestId }), { requestId }));
  };
  const server = http.createServer(observeRequests(handle));
  server.keepAliveTimeout = 65_000;
  // graphql-ws on the same path (issue 13).
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) =>
    subscriptions.upgrade(req, socket, head),
  );
  // Upgraded sockets are out of reach of closeAllConnections() and would hold server.close() until
  // their clients leave: closing the server ends the subscriptions' connections too.
  const closeServer = server.close.bind(server);
  server.close = ((callback?: (error?: Error) => void) => {
    void subscriptions.close();
    return closeServer(callback);
  }) as typeof server.close;

  return {
    server,
    apollo,
    subgraphRequests: () => Object.fromEntries(clients.map((c) => [c.name, c.requests])),
    subscriptions,
    drain: async (timeoutMs) => {
      // Streams never finish by themselves: end them first so the drain waits only for requests.
      await subscriptions.close();
      return drain.drain(server, timeoutMs);
    },
    stop: async () => {
      await subscriptions.close();
      await sessions.stop();
      await apollo.stop();
      await Promise.all(clients.map((c) => c.close()));
    },
  };
}
