import http from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchemaModule } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, parse } from 'graphql';
import { ANONYMOUS, InvalidTokenError, verifyActorContext, type Actor } from './actor';
import { handleGraphQL } from './apollo-http';
import { AuditUnavailableError } from './audit/security-events';
import { protect, type Rules } from './authz/shield';
import { LegacyError } from './errors';
import type { Resilience } from './resilience';
import { sendJson } from './http';
import { rootLogger, type Logger } from './logger';

/** Header carrying the gateway-signed actor context to a subgraph. */
export const ACTOR_HEADER = 'x-ssm-actor';

export interface SubgraphBaseContext extends BaseContext {
  actor: Actor;
  logger: Logger;
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
      message: 'The security log is unavailable; nothing was changed.',
      path: formatted.path,
      extensions: { code: 'UPSTREAM_UNAVAILABLE', system: 'audit' },
    };
  }
  if (original instanceof LegacyError) {
    return {
      ...formatted,
      message: original.message,
      extensions: { code: original.code, system: original.system },
    };
  }
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    return {
      message: 'Internal server error.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return formatted;
}

export function buildApollo<TContext extends SubgraphBaseContext>(
  def: SubgraphDefinition<TContext>,
): ApolloServer<TContext> {
  return new ApolloServer<TContext>({
    schema: protect(
      buildSubgraphSchema([{ typeDefs: parse(def.typeDefs), resolvers: def.resolvers }]),
      def.permissions,
    ),
    includeStacktraceInErrorResponses: false,
    formatError: formatSubgraphError,
    // Traces are for Apollo's hosted studio, which this deployment does not report to.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
}

export interface SubgraphHttpOptions {
  contextSecret: string;
  /** The breakers of the legacy clients this subgraph was built with, reported by /healthz. */
  resilience: Pick<Resilience, 'health'>;
}

/**
 * HTTP server for a subgraph: `/graphql` accepts only requests carrying a valid, unexpired actor
 * context signed by the gateway for this subgraph; `/healthz` for probes. Opens no port itself.
 */
export async function createSubgraphHttpServer<TContext extends SubgraphBaseContext>(
  def: SubgraphDefinition<TContext>,
  options: SubgraphHttpOptions,
): Promise<{ server: http.Server; apollo: ApolloServer<TContext> }> {
  const apollo = buildApollo(def);
  await apollo.start();
  const logger = rootLogger.child({ subgraph: def.name });
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = req.url ?? '/';
      // Also says how the legacy systems behind this subgraph are doing (circuit breakers).
      if (url === '/healthz')
        return sendJson(res, 200, { status: 'ok', legacy: options.resilience.health() });
      if (def.routes && (await def.routes(req, res))) return;
      if (!url.startsWith('/graphql')) return sendJson(res, 404, { error: 'not found' });
      const token = req.headers[ACTOR_HEADER];
      let actor: Actor = ANONYMOUS;
      try {
        if (typeof token !== 'string') throw new InvalidTokenError('invalid');
        actor = await verifyActorContext(token, def.name, options.contextSecret);
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
      await handleGraphQL(apollo, req, res, async () => def.createContext({ actor, logger }));
    })().catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
    });
  });
  server.keepAliveTimeout = 65_000;
  return { server, apollo };
}
