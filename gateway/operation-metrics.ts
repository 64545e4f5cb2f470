import type { ApolloServerPlugin } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import { graphqlErrors, graphqlRequestDuration, secondsSince } from '../lib/metrics';
import { BoundedLabels, errorCodeLabel, isGraphQLName } from '../lib/telemetry/bounded-labels';
import type { GatewayContext } from './context';

/** Distinct names of operations that are not registered trusted documents, kept as labels. */
export const MAX_FIRST_SEEN_OPERATION_NAMES = 200;

/**
 * The operation-name label: registered trusted documents keep theirs
 * (apps/*\/persisted-query-manifest.json), other names are kept as first seen up to
 * MAX_FIRST_SEEN_OPERATION_NAMES, then folded to `other`; an unnamed operation is `anonymous`, a
 * request that named no operation the document resolves to (parse or validation failure, unknown
 * APQ hash) `unknown`.
 */
export function operationNameLabels(
  registered: string[],
): (name: string | null, resolved: boolean) => string {
  const labels = new BoundedLabels(registered, MAX_FIRST_SEEN_OPERATION_NAMES, isGraphQLName);
  return (name, resolved) => (!resolved ? 'unknown' : name === null ? 'anonymous' : labels.label(name));
}

/**
 * The metrics step: every GraphQL operation's duration by (bounded) name, type and outcome, and
 * its errors by extensions.code. Outcome: `success` (no errors), `partial` (data and errors: a
 * legacy system was down for some fields), `error` (no data). Also names the operation on the
 * request's server span (the bounded name: a span attribute is kept as long as the trace).
 */
export function operationMetrics(registered: string[]): ApolloServerPlugin<GatewayContext> {
  const nameOf = operationNameLabels(registered);
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const name = nameOf(operationName ?? null, operation !== undefined);
          const type = operation?.operation ?? 'unknown';
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          const errors = result?.errors ?? [];
          const outcome = errors.length === 0 ? 'success' : result?.data ? 'partial' : 'error';
          graphqlRequestDuration.observe(
            { operation_name: name, operation_type: type, outcome },
            secondsSince(started),
          );
          for (const error of errors)
            graphqlErrors.inc({ operation_name: name, code: errorCodeLabel(error.extensions?.code) });
          trace.getActiveSpan()?.setAttributes({
            'graphql.operation.name': name,
            'graphql.operation.type': type,
            'ssm.outcome': outcome,
          });
        },
      };
    },
  };
}
