import http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { handleGraphQL } from '../lib/apollo-http';
import { sendJson } from '../lib/http';
import type { SecurityEventLog } from '../lib/audit/security-events';
import type { GrantRepository } from '../lib/authz/grants';
import type { KeyValueStore } from '../lib/kv';
import { rootLogger } from '../lib/logger';
import { registry } from '../lib/metrics';
import type { LegacyHealth } from '../lib/resilience';
import { SessionChecker, type SessionOutagePolicy } from '../lib/sessions';
import { AuthenticationError, authenticate } from './authenticate';
import { gatewayAuthorization, type GatewayRule } from './authorize';
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
import { StoreKeyValueCache, responseCaching } from './response-cache';
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
}

export interface Gateway {
  server: http.Server;
  /** Requests sent to each subgraph since start. */
  subgraphRequests(): Record<string, number>;
  apollo: ApolloServer<GatewayContext>;
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
  const publicResponses =
    options.responseCache === false ||
    options.publicResponses === false ||
    options.publicResponses?.maxAgeMs === 0
      ? null
      : new PublicResponses({ ...DEFAULT_PUBLIC_RESPONSE_OPTIONS, ...options.publicResponses });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
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
      ...protection.plugins,
      signInRateLimit(rateLimiter),
      inputValidation(),
      trustedDocuments(documents, {
        mode: options.trustedDocuments?.mode ?? 'off',
        firstPartyClients: options.trustedDocuments?.firstPartyClients ?? ['selfcare-web', 'selfcare-mobile'],
        production: options.trustedDocuments?.production ?? false,
      }),
      gatewayAuthorization(options.audit, logger, options.rules),
      ...(options.responseCache === false
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
          message: 'Internal server error.',
          path: formatted.path,
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        };
      }
      const { serviceName: _serviceName, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    },
  });
  await apollo.start();

  const server = http.createServer((req, res) => {
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
        const { subgraphs, legacy } = await readiness(options.subgraphUrls);
        const ready = Object.values(subgraphs).every((v) => v === 'ok');
        // A legacy system that is down is not a reason to take the gateway out of rotation: its
        // fields answer with typed errors and everything else works. It is reported, though.
        const degraded = Object.values(legacy).some((v) => v !== 'ok');
        return sendJson(res, ready ? 200 : 503, {
          status: !ready ? 'unavailable' : degraded ? 'degraded' : 'ready',
          subgraphs,
          legacy,
        });
      }
      if (pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found. The API is at /graphql.' });
      let actor;
      try {
        actor = await authenticate(req, options.tokenSecret, sessions, options.grants);
      } catch (error) {
        if (error instanceof AuthenticationError) {
          return sendJson(
            res,
            401,
            { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] },
            { 'www-authenticate': 'Bearer' },
          );
        }
        // The SSM store (grants) is down, or the session store is and the policy is `refuse`:
        // the actor's rights cannot be checked, so the request is refused (fail closed) with a
        // code the client can retry on.
        logger.error({ err: error }, 'sessions or grants unavailable');
        return sendJson(
          res,
          503,
          {
            errors: [
              {
                message: 'Sign-in state cannot be checked right now; retry shortly.',
                extensions: { code: 'UPSTREAM_UNAVAILABLE' },
              },
            ],
          },
          { 'retry-after': '2' },
        );
      }
      const clientAddress = addressOf(req, options.trustProxy ?? false);
      try {
        const budget = await rateLimiter.forRequest(actor, clientAddress);
        for (const [k, v] of Object.entries(budgetHeaders(budget))) res.setHeader(k, v);
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        return sendJson(res, 429, rateLimitedBody(error.budget, 'requests'), {
          'retry-after': String(error.budget.resetSeconds),
          ...budgetHeaders(error.budget),
        });
      }
      // Anonymous public answers may come from this process's copies (after the rate limit).
      const copies = publicResponses && actor.kind === 'anonymous' && PublicResponses.eligible(req);
      await handleGraphQL(apollo, req, res, async () => ({ actor, clientAddress }), {
        bodyLimitBytes: limits.bodyBytes,
        prepareBody: (body) => resolveDocumentReference(body, documents),
        ...(copies
          ? {
              answerRaw: (raw) => publicResponses.answer(raw, res),
              answered: (raw, status, headers, text) => publicResponses.remember(raw, status, headers, text),
            }
          : {}),
      });
    })().catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
    });
  });
  server.keepAliveTimeout = 65_000;

  /**
   * Ready when every subgraph answers its health probe. Each probe also reports the circuit
   * breakers of the legacy systems behind that subgraph; the worst state per system wins.
   */
  async function readiness(urls: Record<string, string>): Promise<{
    subgraphs: Record<string, string>;
    legacy: Record<string, LegacyHealth>;
  }> {
    const rank: Record<LegacyHealth, number> = { ok: 0, degraded: 1, down: 2 };
    const legacy: Record<string, LegacyHealth> = {};
    const checks = await Promise.all(
      Object.keys(urls).map(async (name) => {
        try {
          const r = await fetch(new URL('/healthz', urls[name]), { signal: AbortSignal.timeout(2000) });
          if (!r.ok) return [name, `HTTP ${r.status}`] as const;
          const body = (await r.json()) as { legacy?: Record<string, LegacyHealth> };
          for (const [system, state] of Object.entries(body.legacy ?? {}))
            if (!(system in legacy) || rank[state] > rank[legacy[system]]) legacy[system] = state;
          return [name, 'ok'] as const;
        } catch {
          return [name, 'unreachable'] as const;
        }
      }),
    );
    return { subgraphs: Object.fromEntries(checks), legacy };
  }

  return {
    server,
    apollo,
    subgraphRequests: () => Object.fromEntries(clients.map((c) => [c.name, c.requests])),
    stop: async () => {
      await sessions.stop();
      await apollo.stop();
      await Promise.all(clients.map((c) => c.close()));
    },
  };
}
