import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Operator metrics in the Prometheus text format (GET /metrics on the gateway). One registry per
 * process: when every server runs in one process (npm start) their counters share it, labelled.
 * No label ever carries personal data (actor ids, numbers): only cache names and outcomes.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'ssm_' });

export const responseCacheRequests = new Counter({
  name: 'ssm_response_cache_requests_total',
  help: 'Gateway GraphQL operations by full-response cache outcome (hit, miss = stored, pass = not cacheable).',
  labelNames: ['result'] as const,
  registers: [registry],
});

export const readThroughRequests = new Counter({
  name: 'ssm_legacy_cache_requests_total',
  help: 'Subgraph read-through cache look-ups of legacy data by cache and outcome (hit, miss).',
  labelNames: ['cache', 'result'] as const,
  registers: [registry],
});

export const cacheErrors = new Counter({
  name: 'ssm_cache_errors_total',
  help: 'Cache operations skipped because the store was unavailable or failed (requests still answered).',
  labelNames: ['cache'] as const,
  registers: [registry],
});
