import {
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  retry,
  type CircuitBreakerPolicy,
  type RetryPolicy,
} from 'cockatiel';
import { LegacyError } from './errors';

/**
 * Failure handling per legacy system (issue 6), with cockatiel's policies:
 * - reads (and only reads) that fail fast (unreachable, 5xx) are retried twice with exponential
 *   backoff and decorrelated jitter; timeouts are not retried (each would cost the whole deadline);
 * - a circuit breaker per system opens after `failuresToOpen` consecutive failures, answers
 *   UPSTREAM_UNAVAILABLE at once while open, and lets one probe through after `halfOpenAfterMs`;
 *   a successful probe closes it.
 * Breakers are per process and per system, shared by every adapter of that system.
 */
export interface ResilienceSettings {
  failuresToOpen: number;
  halfOpenAfterMs: number;
  readAttempts: number;
}

export const DEFAULT_RESILIENCE: ResilienceSettings = {
  failuresToOpen: 5,
  halfOpenAfterMs: 5_000,
  readAttempts: 3,
};

const FAILURE_CODES = new Set(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT', 'UPSTREAM_ERROR']);
const isFailure = (e: Error) => e instanceof LegacyError && FAILURE_CODES.has(e.code);
// Retry only what failed fast: a timeout has already spent the caller's deadline.
const isRetryable = (e: Error) =>
  e instanceof LegacyError && (e.code === 'UPSTREAM_UNAVAILABLE' || e.code === 'UPSTREAM_ERROR');

export type LegacyHealth = 'ok' | 'degraded' | 'down';

class SystemPolicies {
  readonly breaker: CircuitBreakerPolicy;
  readonly readRetry: RetryPolicy;

  constructor(settings: ResilienceSettings) {
    this.breaker = circuitBreaker(handleWhen(isFailure), {
      halfOpenAfter: settings.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.failuresToOpen),
    });
    this.readRetry = retry(handleWhen(isRetryable), {
      maxAttempts: settings.readAttempts - 1,
      backoff: new ExponentialBackoff({ initialDelay: 25, maxDelay: 300 }),
    });
  }

  health(): LegacyHealth {
    switch (this.breaker.state) {
      case CircuitState.Closed:
        return 'ok';
      case CircuitState.HalfOpen:
        return 'degraded';
      default:
        return 'down';
    }
  }
}

const registry = new Map<string, SystemPolicies>();
let settings = DEFAULT_RESILIENCE;

/** SSM_BREAKER_FAILURES and SSM_BREAKER_HALF_OPEN_MS, where set. */
export function resilienceFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ResilienceSettings> {
  return {
    ...(env.SSM_BREAKER_FAILURES ? { failuresToOpen: Number(env.SSM_BREAKER_FAILURES) } : {}),
    ...(env.SSM_BREAKER_HALF_OPEN_MS ? { halfOpenAfterMs: Number(env.SSM_BREAKER_HALF_OPEN_MS) } : {}),
  };
}

/** Changes the settings for breakers created from now on (tests, configuration at start). */
export function configureResilience(next: Partial<ResilienceSettings>): void {
  settings = { ...DEFAULT_RESILIENCE, ...next };
  registry.clear();
}

function policiesOf(system: string): SystemPolicies {
  let policies = registry.get(system);
  if (!policies) {
    policies = new SystemPolicies(settings);
    registry.set(system, policies);
  }
  return policies;
}

/**
 * Runs one legacy call under its system's breaker; idempotent reads are also retried. The call
 * itself must throw LegacyError for failures (LegacyHttpClient does).
 */
export async function guarded<T>(system: string, idempotent: boolean, call: () => Promise<T>): Promise<T> {
  const { breaker, readRetry } = policiesOf(system);
  try {
    return idempotent ? await readRetry.execute(() => breaker.execute(call)) : await breaker.execute(call);
  } catch (error) {
    if (isBrokenCircuitError(error))
      throw new LegacyError(
        system,
        'UPSTREAM_UNAVAILABLE',
        `${system} is failing; calls are paused for a few seconds (circuit open).`,
      );
    throw error;
  }
}

/** Health of every legacy system this process has called. */
export function legacyHealth(): Record<string, LegacyHealth> {
  return Object.fromEntries([...registry].map(([system, p]) => [system, p.health()]));
}
