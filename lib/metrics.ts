import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Operator metrics in the Prometheus text format (GET /metrics on the gateway and on every
 * subgraph). One registry per process: when every server runs in one process (npm start) the
 * gateway's /metrics shows them all. Names the OpenTelemetry semantic conventions define
 * (http.server.request.duration, ...) are theirs translated to Prometheus (dots to underscores,
 * unit suffix); names of our own live under `ssm_`. No label ever carries personal data (actor
 * ids, numbers) or a value a caller chooses freely: operation names and legacy operations are
 * bounded (lib/telemetry/bounded-labels.ts), everything else comes from code.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'ssm_' });

/** OpenTelemetry's advisory buckets for HTTP durations (seconds). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

// The gateway's HTTP server (OpenTelemetry http.server.*).

export const httpServerDuration = new Histogram({
  name: 'http_server_request_duration_seconds',
  help: 'Gateway HTTP requests by method, route and status, refusals before GraphQL (401, 429, 503) included.',
  labelNames: ['http_request_method', 'http_route', 'http_response_status_code'] as const,
  buckets: DURATION_BUCKETS,
  registers: [registry],
});

export const httpServerActiveRequests = new Gauge({
  name: 'http_server_active_requests',
  help: 'Gateway HTTP requests in flight.',
  labelNames: ['http_request_method', 'http_route'] as const,
  registers: [registry],
});

// GraphQL operations at the gateway (graphql.operation.name / .type).

export const graphqlRequestDuration = new Histogram({
  name: 'graphql_server_request_duration_seconds',
  help: 'Gateway GraphQL operations by (bounded) operation name, type and outcome (success, partial = data with errors, error).',
  labelNames: ['operation_name', 'operation_type', 'outcome'] as const,
  buckets: DURATION_BUCKETS,
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: 'graphql_server_errors_total',
  help: 'Errors in gateway GraphQL responses by extensions.code and (bounded) operation name.',
  labelNames: ['operation_name', 'code'] as const,
  registers: [registry],
});

// The gateway's calls to subgraphs.

export const subgraphRequestDuration = new Histogram({
  name: 'ssm_subgraph_request_duration_seconds',
  help: 'Gateway fetches to each subgraph by outcome (success, error = failed or answered with errors).',
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: DURATION_BUCKETS,
  registers: [registry],
});

export const subgraphErrors = new Counter({
  name: 'ssm_subgraph_errors_total',
  help: 'Errors of gateway fetches to each subgraph by code (UPSTREAM_TIMEOUT, UPSTREAM_UNAVAILABLE for the fetch itself, else the errors the subgraph answered with).',
  labelNames: ['subgraph', 'code'] as const,
  registers: [registry],
});

// The subgraphs' calls to legacy systems (legacy/base-client.ts, lib/resilience.ts).

export const legacyCallDuration = new Histogram({
  name: 'ssm_legacy_call_duration_seconds',
  help: 'Legacy calls by system, operation and outcome (success, refused = 4xx, error), retries and breaker waits included.',
  labelNames: ['system', 'operation', 'outcome'] as const,
  buckets: DURATION_BUCKETS,
  registers: [registry],
});

export const legacyCallErrors = new Counter({
  name: 'ssm_legacy_call_errors_total',
  help: 'Failed legacy calls by system and code (UPSTREAM_TIMEOUT, UPSTREAM_UNAVAILABLE, UPSTREAM_ERROR; CIRCUIT_OPEN = refused by the breaker without a call).',
  labelNames: ['system', 'code'] as const,
  registers: [registry],
});

export const legacyRetries = new Counter({
  name: 'ssm_legacy_call_retries_total',
  help: 'Retries of idempotent legacy calls by system.',
  labelNames: ['system'] as const,
  registers: [registry],
});

export const legacyBreakerState = new Gauge({
  name: 'ssm_legacy_circuit_breaker_state',
  help: 'Circuit breaker of each legacy system: 0 closed, 1 half-open (probing), 2 open (calls refused).',
  labelNames: ['system'] as const,
  registers: [registry],
});

// Refusals by the gateway's protections.

export const rateLimitRefusals = new Counter({
  name: 'ssm_rate_limit_refusals_total',
  help: 'Requests refused with 429 by bucket (user, partner, anonymous, signIn).',
  labelNames: ['bucket'] as const,
  registers: [registry],
});

export const trustedDocumentRefusals = new Counter({
  name: 'ssm_trusted_document_refusals_total',
  help: 'Operations refused by the trusted-documents policy by reason (unregistered, unknown_document_id, introspection).',
  labelNames: ['reason'] as const,
  registers: [registry],
});

// Caches.

export const responseCacheRequests = new Counter({
  name: 'ssm_response_cache_requests_total',
  help: 'Gateway GraphQL operations by full-response cache outcome (hit, miss = stored, pass = not cacheable).',
  labelNames: ['result'] as const,
  registers: [registry],
});

export const readThroughRequests = new Counter({
  name: 'ssm_legacy_cache_requests_total',
  help: 'Subgraph read-through cache look-ups of legacy data by cache (system), outcome (hit, miss) and kind of data.',
  labelNames: ['cache', 'result', 'kind'] as const,
  registers: [registry],
});

export const cacheErrors = new Counter({
  name: 'ssm_cache_errors_total',
  help: 'Cache operations skipped because the store was unavailable or failed (requests still answered).',
  labelNames: ['cache'] as const,
  registers: [registry],
});

/** Seconds since `startedMs` (a performance.now() reading), for the histograms above. */
export function secondsSince(startedMs: number): number {
  return (performance.now() - startedMs) / 1000;
}
