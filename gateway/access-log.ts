import type http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Actor } from '../lib/actor';
import type { Logger } from '../lib/logger';
import { activeTraceId } from '../lib/telemetry/tracing';
import type { GatewayContext } from './context';
import { CACHE_STATUS_HEADER } from './response-cache';

/**
 * What the gateway knows about one request, filled in by the steps that learn it (the request id
 * at once, the actor after authentication, the operation once Apollo has resolved it) and written
 * as one access-log line when the response is done.
 */
export interface RequestRecord {
  readonly id: string;
  traceId?: string;
  operation?: string;
  actorKind?: Actor['kind'];
}

/** W3C Trace Context: version-traceid-parentid-flags; an all-zero trace id is invalid. */
const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

/**
 * The trace this request belongs to: the gateway's own span when tracing is on (it starts every
 * trace itself, lib/telemetry/tracing.ts), otherwise the caller's `traceparent` if it sent one, so
 * the line can still be matched with the proxy's or the app's trace.
 */
function traceIdOf(req: http.IncomingMessage): string | undefined {
  const own = activeTraceId();
  if (own) return own;
  const header = req.headers.traceparent;
  const traceId = typeof header === 'string' ? TRACEPARENT.exec(header)?.[1] : undefined;
  return traceId && !/^0+$/.test(traceId) ? traceId : undefined;
}

/** Operation names come from the caller's document: kept short and to GraphQL's name alphabet. */
const operationLabel = (name: string): string => name.replace(/[^_0-9A-Za-z]/g, '').slice(0, 64);

/**
 * Step "access log": one line per request, written when the response is done (or the client went
 * away first): request id, trace id, operation, actor kind, HTTP status, duration and the cache
 * outcome. Never the body, variables, headers, tokens, actor ids or the client's address, which
 * may all be personal data or credentials.
 */
export function startAccessLog(
  logger: Logger,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  requestId: string,
): RequestRecord {
  const record: RequestRecord = { id: requestId, traceId: traceIdOf(req) };
  // Off at LOG_LEVEL=warn and above (the benchmarks): nothing is timed or written.
  if (!logger.isLevelEnabled('info')) return record;
  const started = performance.now();
  res.once('close', () => {
    const cache = res.getHeader(CACHE_STATUS_HEADER);
    logger.info(
      {
        event: 'http.access',
        requestId: record.id,
        traceId: record.traceId,
        method: req.method,
        // The path only: the query string of a GET may carry the operation's variables.
        path: (req.url ?? '/').split('?')[0].slice(0, 100),
        operation: record.operation,
        actorKind: record.actorKind,
        status: res.statusCode,
        // A client that hung up before the answer was complete.
        aborted: res.writableFinished ? undefined : true,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        cache: typeof cache === 'string' ? cache : undefined,
      },
      'request',
    );
  });
  return record;
}

/** Tells the request's record which operation Apollo resolved (named or not). */
export function recordOperation(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, operation, contextValue }) {
          contextValue.request.operation = operationName
            ? operationLabel(operationName)
            : `(anonymous ${operation?.operation ?? 'operation'})`;
        },
      };
    },
  };
}
