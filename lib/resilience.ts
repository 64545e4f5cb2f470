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
import { legacyBreakerState, legacyRetries } from './metrics';

/**
 * Failure handling per legacy system (issue 6), with cockatiel's policies:
 * - reads (and only reads) that fail fast (unreachable, 5xx) are retried twice with exponential
 *   backoff and decorrelated jitter; timeouts are not retried (each would cost the whole deadline);
 * - a circuit breaker per system opens after `failuresToOpen` consecutive failures, answers
 *   UPSTREAM_UNAVAILABLE at once while open, and lets one probe through after `halfOpenAfterMs`;
 *   a successful probe closes it.
 * The entry points take the settings from the configuration (SSM_BREAKER_FAILURES,
 * SSM_BREAKER_HALF_OPEN_MS) and hand them to the wiring, which builds one Resilience per process.
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

/** A call the breaker refused without sending it (metrics count these apart from failures). */
export class CircuitOpenError extends LegacyError {}

/** ssm_legacy_circuit_breaker_state's values. */
const BREAKER_GAUGE: Record<CircuitState, number> = {
  [CircuitState.Closed]: 0,
  [CircuitState.HalfOpen]: 1,
  [CircuitState.Open]: 2,
  [CircuitState.Isolated]: 2,
};

class SystemPolicies {
  readonly breaker: CircuitBreakerPolicy;
  readonly readRetry: RetryPolicy;

  constructor(system: string, settings: ResilienceSettings) {
    this.breaker = circuitBreaker(handleWhen(isFailure), {
      halfOpenAfter: settings.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.failuresToOpen),
    });
    this.readRetry = retry(handleWhen(isRetryable), {
      maxAttempts: settings.readAttempts - 1,
      backoff: new ExponentialBackoff({ initialDelay: 25, maxDelay: 300 }),
    });
    // Breakers are per Resilience (one per process in deployments; tests run several in one
    // process): the gauge shows the latest change of any of them.
    legacyBreakerState.set({ system }, BREAKER_GAUGE[this.breaker.state]);
    this.breaker.onStateChange((state) => legacyBreakerState.set({ system }, BREAKER_GAUGE[state]));
    this.readRetry.onRetry(() => legacyRetries.inc({ system }));
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

/**
 * The breakers and retry policies of one process. The wiring (system/) makes one and hands it to
 * every legacy client, so all adapters of a system share that system's breaker, and each running
 * system (or test) has breakers of its own.
 */
export class Resilience {
  readonly settings: ResilienceSettings;
  private readonly systems = new Map<string, SystemPolicies>();

  constructor(settings: Partial<ResilienceSettings> = {}) {
    this.settings = { ...DEFAULT_RESILIENCE, ...settings };
  }

  /**
   * Runs one legacy call under its system's breaker; idempotent reads are also retried. The call
   * itself must throw LegacyError for failures (LegacyHttpClient does).
   */
  async guarded<T>(system: string, idempotent: boolean, call: () => Promise<T>): Promise<T> {
    const { breaker, readRetry } = this.policiesOf(system);
    try {
      return idempotent ? await readRetry.execute(() => breaker.execute(call)) : await breaker.execute(call);
    } catch (error) {
      if (isBrokenCircuitError(error)) {
        // Our own words, nothing from upstream: clients may read them (why calls fail fast).
        const message = `${system} is failing; calls are paused for a few seconds (circuit open).`;
        throw new CircuitOpenError(system, 'UPSTREAM_UNAVAILABLE', message, undefined, message);
      }
      throw error;
    }
  }

  /** Health of every legacy system called through this instance (reported by /healthz). */
  health(): Record<string, LegacyHealth> {
    return Object.fromEntries([...this.systems].map(([system, p]) => [system, p.health()]));
  }

  private policiesOf(system: string): SystemPolicies {
    let policies = this.systems.get(system);
    if (!policies) {
      policies = new SystemPolicies(system, this.settings);
      this.systems.set(system, policies);
    }
    return policies;
  }
}
