import type http from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Actor } from '../lib/actor';
import { httpServerActiveRequests, httpServerDuration, secondsSince } from '../lib/metrics';
import { inSpan, tracedServer } from '../lib/telemetry/tracing';

const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);
const METHODS = new Set(['GET', 'POST', 'HEAD', 'OPTIONS']);

/** The route label: the gateway's own routes, everything else (scanners, typos) one value. */
function routeOf(req: http.IncomingMessage): string {
  const path = req.url === '/graphql' ? '/graphql' : new URL(req.url ?? '/', 'http://gateway').pathname;
  return ROUTES.has(path) ? path : 'other';
}

/**
 * The first step of every gateway request: its SERVER span (the root of the request's trace; a
 * caller's `traceparent` is not continued, see lib/telemetry/tracing.ts) and the HTTP metrics
 * (http_server_request_duration_seconds, http_server_active_requests), refusals before GraphQL
 * included. Probes and scrapes are measured but not traced.
 */
export function observeRequests(
  listener: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const traced = tracedServer(
    {
      service: 'gateway',
      continueTrace: false,
      routeOf: (req) => {
        const route = routeOf(req);
        return route === '/graphql' || route === 'other' ? route : null;
      },
    },
    listener,
  );
  return (req, res) => {
    const started = performance.now();
    const labels = {
      http_request_method: METHODS.has(req.method ?? '') ? (req.method as string) : 'OTHER',
      http_route: routeOf(req),
    };
    httpServerActiveRequests.inc(labels);
    res.once('close', () => {
      httpServerActiveRequests.dec(labels);
      httpServerDuration.observe(
        { ...labels, http_response_status_code: String(res.statusCode) },
        secondsSince(started),
      );
    });
    traced(req, res);
  };
}

/** The authentication step in a span, with the kind of actor it found (never who). */
export function authenticationSpan<A extends Actor>(authenticate: () => Promise<A>): Promise<A> {
  return inSpan('authenticate', {}, async (span) => {
    const actor = await authenticate();
    span?.setAttribute('ssm.actor.kind', actor.kind);
    return actor;
  });
}

/**
 * A gateway step (an Apollo Server plugin) whose decision, taken in didResolveOperation, runs in
 * a span of its own: `traced('authorize', gatewayAuthorization(...))`. A refusal marks the span
 * failed with its code (FORBIDDEN, ...).
 */
export function traced<T extends BaseContext>(
  name: string,
  step: ApolloServerPlugin<T>,
): ApolloServerPlugin<T> {
  const start = step.requestDidStart?.bind(step);
  if (!start) return step;
  return {
    ...step,
    async requestDidStart(requestContext) {
      const listener = await start(requestContext);
      const decide = listener?.didResolveOperation?.bind(listener);
      if (!listener || !decide) return listener;
      return { ...listener, didResolveOperation: (context) => inSpan(name, {}, () => decide(context)) };
    },
  };
}
