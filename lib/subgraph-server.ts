import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchemaModule } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, parse } from 'graphql';
import { ANONYMOUS, ActorContextVerifier, InvalidTokenError, type Actor } from './actor';
import { handleGraphQL } from './apollo-http';
import { AuditUnavailableError } from './audit/security-events';
import { protect, type Rules } from './authz/shield';
import { Drain } from './drain';
import { LegacyError } from './errors';
import { negotiateLocale, SOURCE_LOCALE, type Locale } from './i18n/locale';
import { withRequestLocale } from './i18n/request-locale';
import { localize } from './i18n/text';
import type { LegacyHealth, Resilience } from './resilience';
import { failRequest, sendJson } from './http';
import { rootLogger, type Logger } from './logger';
import { registry } from './metrics';
import { pathTemplate } from './telemetry/bounded-labels';
import { tracedServer } from './telemetry/tracing';

/** A request id the caller chose, if it is safe to log as it is; a new one otherwise. */
function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(given) ? given : randomUUID();
}

/** Header carrying the gateway-signed actor context to a subgraph. */
export const ACTOR_HEADER = 'x-ssm-actor';

export interface SubgraphBaseContext extends BaseContext {
  actor: Actor;
  logger: Logger;
  /** The language of the answer's texts: the gateway's choice, sent as Accept-Language. */
  locale: Locale;
}

export interface SubgraphDefinition<TContext extends SubgraphBaseContext> {
  name: string;
  typeDefs: string;
  resolvers: NonNullable<GraphQLSchemaModule['resolvers']>;
  /** Who may read or call what: every field not listed is denied (lib/authz/shield.ts). */
  permissions: Rules;
  /** Builds the per-request context: loaders and adapters bound to this request only. */
  createContext(base: SubgraphBaseContext): TContext;
  /** Background work started with the server and stopped before it (e.g. the order outbox). */
  start?: () => void;
  stop?: () => Promise<void>;
  /** Extra non-GraphQL routes (e.g. legacy callbacks); return true when handled. */
  routes?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
}

/** Keeps legacy and other unexpected failures from leaking internals while preserving codes. */
export function formatSubgraphError(
  formatted: import('graphql').GraphQLFormattedError,
  error: unknown,
): import('graphql').GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof AuditUnavailableError) {
    return {
      message: localize('The security log is unavailable; nothing was changed.'),
      path: formatted.path,
      extensions: { code: 'UPSTREAM_UNAVAILABLE', system: 'audit' },
    };
  }
  if (original instanceof LegacyError) {
    // The fixed text per system and code: what the legacy system said goes to the log only
    // (logLegacyErrors), never to the client.
    return {
      ...formatted,
      message: original.clientMessage,
      extensions: { code: original.code, system: original.system },
    };
  }
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    return {
      message: localize('Internal server error.'),
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return formatted;
}

/**
 * What a legacy system said when it failed (a SOAP fault string, an upstream status) is logged
 * here, with the request id the request's logger carries, since clients only get a fixed text.
 */
function logLegacyErrors<TContext extends SubgraphBaseContext>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: async () => ({
      didEncounterErrors: async ({ errors, contextValue }) => {
        for (const error of errors) {
          const original = error.originalError;
          if (!(original instanceof LegacyError)) continue;
          contextValue.logger.warn(
            {
              event: 'legacy.error',
              system: original.system,
              code: original.code,
              status: original.status,
              detail: original.message,
              path: error.path?.join('.'),
            },
            'legacy system failed',
          );
        }
      },
    }),
  };
}

export function buildApollo<TContext extends SubgraphBaseContext>(
  def: SubgraphDefinition<TContext>,
): ApolloServer<TContext> {
  return new ApolloServer<TContext>({
    // The process owns shutdown: Apollo's own SIGTERM handler would stop this server and
    // re-raise the signal, ending the process before the gateway has drained.
    stopOnTerminationSignals: false,
    schema: protect(
      buildSubgraphSchema([{ typeDefs: parse(def.typeDefs), resolvers: def.resolvers }]),
      def.permissions,
    ),
    includeStacktraceInErrorResponses: false,
    formatError: formatSubgraphError,
    // Traces are for Apollo's hosted studio, which this deployment does not report to.
    plugins: [ApolloServerPluginInlineTraceDisabled(), logLegacyErrors<TContext>()],
  });
}

export interface SubgraphHttpOptions {
  contextSecret: string;
  /** The breakers of the legacy clients this subgraph was built with, reported by /healthz. */
  resilience: Pick<Resilience, 'health'>;
  /**
   * The legacy systems behind this subgraph, probed for /readyz (lib/legacy-health.ts); unset:
   * /readyz reports the breakers only.
   */
  legacyHealth?: { health(): Promise<Record<string, LegacyHealth>> };
}

/**
 * HTTP server for a subgraph: `/graphql` accepts only requests carrying a valid, unexpired actor
 * context signed by the gateway for this subgraph; `/healthz` for probes. Opens no port itself.
 */
export async function createSubgraphHttpServer<TContext extends SubgraphBaseContext>(
  def: SubgraphDefinition<TContext>,
  options: SubgraphHttpOptions,
): Promise<{ server: http.Server; apollo: ApolloServer<TContext>; drain: Drain }> {
  const apollo = buildApollo(def);
  await apollo.start();
  const logger = rootLogger.child({ subgraph: def.name });
  const contexts = new ActorContextVerifier(def.name, options.contextSecret);
  // A subgraph run alone drains on SIGTERM like the gateway (scripts/subgraph.ts).
  const drain = new Drain();
  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    drain.track(res);
    void (async () => {
      const url = req.url ?? '/';
      // Also says how the legacy systems behind this subgraph are doing (circuit breakers).
      if (url === '/healthz')
        return sendJson(res, 200, { status: 'ok', legacy: options.resilience.health() });
      // Ready whatever the legacy systems do (their fields answer typed errors); the gateway's
      // /readyz reports them as degraded, probed here since a closed breaker only means "not
      // failed lately".
      if (url === '/readyz') {
        const legacy = await (options.legacyHealth?.health() ?? options.resilience.health());
        return sendJson(res, 200, { status: 'ready', legacy });
      }
      // This process's metrics (legacy calls, breakers, caches) for a subgraph run alone.
      if (url === '/metrics') {
        res.writeHead(200, { 'content-type': registry.contentType });
        return res.end(await registry.metrics());
      }
      if (def.routes && (await def.routes(req, res))) return;
      if (!url.startsWith('/graphql')) return sendJson(res, 404, { error: 'not found' });
      const token = req.headers[ACTOR_HEADER];
      let actor: Actor = ANONYMOUS;
      try {
        if (typeof token !== 'string') throw new InvalidTokenError('invalid');
        actor = await contexts.verify(token);
      } catch (error) {
        const reason = error instanceof InvalidTokenError ? error.reason : 'invalid';
        return sendJson(res, 401, {
          errors: [
            {
              message: `Missing or ${reason} actor context: subgraphs accept requests from the gateway only.`,
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ],
        });
      }
      // One id per request in every log line it causes (legacy failures included); a caller's
      // own id (a proxy's, the gateway's) is kept when it is a plain token.
      const requestLogger = logger.child({ requestId: requestIdOf(req) });
      // Errors raised anywhere below are rendered in it (lib/i18n/request-locale.ts).
      const locale = negotiateLocale(req.headers['accept-language']) ?? SOURCE_LOCALE;
      await withRequestLocale(locale, () =>
        handleGraphQL(apollo, req, res, async () =>
          def.createContext({ actor, logger: requestLogger, locale }),
        ),
      );
    })().catch(failRequest(res, logger));
  };
  // Continues the gateway's trace (traceparent); probes and scrapes are not traced.
  const server = http.createServer(
    tracedServer(
      {
        service: `subgraph-${def.name}`,
        continueTrace: true,
        routeOf: ({ url = '/' }) =>
          url.startsWith('/graphql')
            ? '/graphql'
            : url === '/healthz' || url === '/readyz' || url === '/metrics'
              ? null
              : pathTemplate(url),
      },
      handle,
    ),
  );
  server.keepAliveTimeout = 65_000;
  return { server, apollo, drain };
}
