import { SpanKind } from '@opentelemetry/api';
import { LegacyError } from '../lib/errors';
import { legacyCallDuration, legacyCallErrors, secondsSince } from '../lib/metrics';
import { CircuitOpenError } from '../lib/resilience';
import { BoundedLabels, legacyOperation } from '../lib/telemetry/bounded-labels';
import { inSpan } from '../lib/telemetry/tracing';

/** Operation labels per system: adapters name a few dozen; a path template gone wrong is folded. */
const operations = new Map<string, BoundedLabels>();
const MAX_OPERATIONS_PER_SYSTEM = 60;

function operationLabel(system: string, operation: string): string {
  let labels = operations.get(system);
  if (!labels) {
    labels = new BoundedLabels([], MAX_OPERATIONS_PER_SYSTEM);
    operations.set(system, labels);
  }
  return labels.label(operation);
}

/**
 * One legacy call as operators see it: a CLIENT span `<system> <operation>` (attributes
 * ssm.legacy.system and ssm.legacy.operation, never the URL: it holds ids) around the breaker,
 * the retries and each attempt, whose requests carry its `traceparent`; its duration by outcome
 * (success, refused = answered 4xx, error) and its failures by code.
 */
export async function observeLegacyCall<T extends { status: number }>(
  system: string,
  call: { method: string; path: string; headers?: Record<string, string> },
  send: () => Promise<T>,
): Promise<T> {
  const operation = operationLabel(system, legacyOperation(call.method, call.path, call.headers?.soapaction));
  const started = performance.now();
  return inSpan(
    `${system} ${operation}`,
    {
      kind: SpanKind.CLIENT,
      attributes: { 'ssm.legacy.system': system, 'ssm.legacy.operation': operation },
    },
    async (span) => {
      try {
        const response = await send();
        const outcome = response.status >= 400 ? 'refused' : 'success';
        span?.setAttribute('http.response.status_code', response.status);
        legacyCallDuration.observe({ system, operation, outcome }, secondsSince(started));
        return response;
      } catch (error) {
        const code =
          error instanceof CircuitOpenError
            ? 'CIRCUIT_OPEN'
            : error instanceof LegacyError
              ? error.code
              : 'INTERNAL_SERVER_ERROR';
        legacyCallDuration.observe({ system, operation, outcome: 'error' }, secondsSince(started));
        legacyCallErrors.inc({ system, code });
        span?.setAttribute('error.type', code);
        throw error;
      }
    },
  );
}
