import { localize, msg } from '../lib/i18n/text';
import type http from 'node:http';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { clientNetwork } from '../lib/client-source';
import { RedisStore, type KeyValueStore } from '../lib/kv';
import { rateLimitRefusals } from '../lib/metrics';
import type { Caller } from './authenticate';
import type { GatewayContext } from './context';
import { credentialFieldsOf, oneCredentialPerRequest } from './credential-fields';

/**
 * Requests per window, per caller (issue 6). Buckets live in Redis (rate-limiter-flexible), so
 * every gateway process draws on the same budget; while Redis is unreachable each process falls
 * back to an in-process bucket of the same size rather than failing or letting everything through.
 */
export interface RateLimits {
  windowSeconds: number;
  /** A signed-in user (customer user or staff). */
  perUser: number;
  /** A partner (SP/CP) client. */
  perPartnerClient: number;
  /** Anonymous callers, per client address. */
  perAnonymousAddress: number;
  /**
   * Credential attempts per client network (gateway/credential-fields.ts: sign-in, one-time code,
   * refresh, partner token, registration), one per field occurrence.
   */
  signInPerAddress: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  windowSeconds: 60,
  perUser: 600,
  perPartnerClient: 1_200,
  perAnonymousAddress: 300,
  signInPerAddress: 20,
};

export interface Budget {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

export class RateLimitedError extends Error {
  constructor(readonly budget: Budget) {
    super('rate limited');
  }
}

/** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function addressOf(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string' && forwarded.trim()) return forwarded.split(',')[0].trim();
  return req.socket.remoteAddress ?? 'unknown';
}

type Bucket = 'user' | 'partner' | 'anonymous' | 'signIn';

/** One caller's budget as this process knows it (see GatewayRateLimiter.take). */
interface Estimate {
  remaining: number;
  resetAt: number;
  /** When Redis last answered for this caller (ms). */
  answeredAt: number;
  /** Charged points sent to Redis and not yet answered. */
  pending: number;
  /** Charged points not sent to Redis yet. */
  unsent: number;
}

export class GatewayRateLimiter {
  private readonly buckets: Record<Bucket, RateLimiterAbstract>;

  constructor(store: KeyValueStore, limits: RateLimits) {
    const make = (name: string, points: number): RateLimiterAbstract => {
      const duration = limits.windowSeconds;
      if (!(store instanceof RedisStore)) return new RateLimiterMemory({ keyPrefix: name, points, duration });
      return new RateLimiterRedis({
        storeClient: store.redis,
        keyPrefix: `rate:${name}`,
        points,
        duration,
        // Redis down or reconnecting: count in this process instead (same budget per process).
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
      });
    };
    this.buckets = {
      user: make('user', limits.perUser),
      partner: make('partner', limits.perPartnerClient),
      anonymous: make('anonymous', limits.perAnonymousAddress),
      signIn: make('sign-in', limits.signInPerAddress),
    };
  }

  /**
   * What Redis last said each caller had left, less what this process charged since. Far from the
   * limit (more than `margin` left, by an answer less than FRESH_MS old) a request is answered at
   * once and its charge sent to Redis within FLUSH_MS, summed per caller (at most BATCH at a time):
   * every request is still counted in the shared bucket, only the round trip leaves the request's
   * path. Near the limit every request waits for Redis's answer, which includes this process's
   * unsent charges, so one process is exact; across processes a caller can pass its budget by at
   * most what it sends to the others within FRESH_MS while more than the margin seemed left. Why:
   * the Redis round trip and one command per request were the cached hit path's largest costs
   * (docs/performance.md, lever 9).
   */
  private readonly estimates = new Map<string, Estimate>();
  private readonly unsent = new Map<string, { bucket: Bucket; key: string; state: Estimate }>();
  private flushTimer: NodeJS.Timeout | null = null;
  private static readonly FLUSH_MS = 5;
  private static readonly FRESH_MS = 20;
  private static readonly BATCH = 16;

  private static margin(points: number): number {
    return Math.max(50, Math.ceil(points / 10));
  }

  private async take(bucket: Bucket, key: string, points = 1): Promise<Budget> {
    const limiter = this.buckets[bucket];
    const id = `${bucket}\n${key}`;
    const now = Date.now();
    const state = this.estimate(id, now);
    if (
      now < state.resetAt &&
      now - state.answeredAt < GatewayRateLimiter.FRESH_MS &&
      state.remaining - points >= GatewayRateLimiter.margin(limiter.points)
    ) {
      state.remaining -= points;
      state.unsent += points;
      if (!this.unsent.has(id)) this.unsent.set(id, { bucket, key, state });
      if (state.unsent >= GatewayRateLimiter.BATCH) this.flush();
      else this.flushTimer ??= setTimeout(() => this.flush(), GatewayRateLimiter.FLUSH_MS);
      return {
        limit: limiter.points,
        remaining: state.remaining,
        resetSeconds: Math.max(1, Math.ceil((state.resetAt - now) / 1000)),
      };
    }
    const budget = (res: RateLimiterRes): Budget => ({
      limit: limiter.points,
      remaining: Math.max(0, res.remainingPoints),
      resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    });
    // This request and whatever this process has not sent yet for the caller, in one charge.
    const charged = points + state.unsent;
    state.unsent = 0;
    this.unsent.delete(id);
    try {
      return budget(await this.charge(bucket, key, state, charged));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        rateLimitRefusals.inc({ bucket });
        throw new RateLimitedError(budget(rejection));
      }
      throw rejection;
    }
  }

  /** Charges `points` to the shared bucket and updates the caller's estimate from the answer. */
  private charge(bucket: Bucket, key: string, state: Estimate, points: number): Promise<RateLimiterRes> {
    state.pending += points;
    const answered = (remaining: number, msBeforeNext: number) => {
      state.pending -= points;
      state.remaining = Math.max(0, remaining - state.pending - state.unsent);
      state.answeredAt = Date.now();
      state.resetAt = state.answeredAt + msBeforeNext;
    };
    return this.buckets[bucket].consume(key, points).then(
      (res) => {
        answered(res.remainingPoints, res.msBeforeNext);
        return res;
      },
      (rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) answered(0, rejection.msBeforeNext);
        else {
          state.pending -= points;
          state.answeredAt = 0;
        }
        throw rejection;
      },
    );
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const batch = [...this.unsent.values()];
    this.unsent.clear();
    for (const { bucket, key, state } of batch) {
      const points = state.unsent;
      state.unsent = 0;
      if (points > 0) this.charge(bucket, key, state, points).catch(() => undefined);
    }
  }

  private estimate(id: string, now: number): Estimate {
    let state = this.estimates.get(id);
    if (!state) {
      if (this.estimates.size >= 10_000) {
        for (const [k, v] of this.estimates)
          if (v.resetAt <= now && v.pending === 0 && v.unsent === 0) this.estimates.delete(k);
        if (this.estimates.size >= 10_000) this.estimates.clear();
      }
      state = { remaining: 0, resetAt: 0, answeredAt: 0, pending: 0, unsent: 0 };
      this.estimates.set(id, state);
    }
    return state;
  }

  /** Charges one request to the caller's bucket; throws RateLimitedError when it is empty. */
  forRequest(caller: Caller, address: string): Promise<Budget> {
    switch (caller.kind) {
      case 'partner':
        return this.take('partner', caller.clientId);
      case 'anonymous':
        return this.take('anonymous', address);
      default:
        return this.take('user', caller.userId);
    }
  }

  /**
   * Charges `attempts` credential attempts to the sign-in bucket of the address's network (an IPv6
   * /64 is one network: rotating addresses inside it buys nothing).
   */
  forSignIn(address: string, attempts = 1): Promise<Budget> {
    return this.take('signIn', clientNetwork(address), attempts);
  }
}

/** IETF draft RateLimit headers, so clients can pace themselves. */
export function budgetHeaders(budget: Budget): Record<string, string> {
  return {
    'ratelimit-limit': String(budget.limit),
    'ratelimit-remaining': String(budget.remaining),
    'ratelimit-reset': String(budget.resetSeconds),
  };
}

/** What ran out, as the client is told in the request's language. */
const LIMITED = {
  requests: (seconds: number) => msg`Too many requests; retry in ${seconds} s.`,
  'sign-in attempts': (seconds: number) => msg`Too many sign-in attempts; retry in ${seconds} s.`,
};

export function rateLimitedBody(budget: Budget, what: keyof typeof LIMITED) {
  return {
    errors: [
      {
        message: localize(LIMITED[what](budget.resetSeconds)),
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: budget.resetSeconds, limit: budget.limit },
      },
    ],
  };
}

/**
 * Credential attempts (gateway/credential-fields.ts) draw on a stricter bucket per client network,
 * on top of the per-request one, one point per field occurrence and before anything runs: aliases
 * cannot multiply attempts inside one charge. Then an operation with more than one credential
 * field is refused (400 ONE_CREDENTIAL_PER_REQUEST), still charged for every field it tried. The
 * lock-outs per actor and source (lib/lockouts.ts) apply behind this.
 */
export function signInRateLimit(limiter: GatewayRateLimiter): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let budget: Budget | null = null;
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          const fields = operation ? credentialFieldsOf(operation, document) : [];
          if (fields.length === 0) return;
          try {
            budget = await limiter.forSignIn(contextValue.clientAddress, fields.length);
          } catch (error) {
            if (!(error instanceof RateLimitedError)) throw error;
            const { message, extensions } = rateLimitedBody(error.budget, 'sign-in attempts').errors[0];
            // Apollo Server reads status and headers (a HeaderMap) from extensions.http.
            const http: Record<string, unknown> = {
              status: 429,
              headers: new HeaderMap([
                ['retry-after', String(error.budget.resetSeconds)],
                ...Object.entries(budgetHeaders(error.budget)),
              ]),
            };
            throw new GraphQLError(message, { extensions: { ...extensions, http } });
          }
          if (fields.length > 1) throw oneCredentialPerRequest(fields);
        },
        async willSendResponse({ response }) {
          if (!budget) return;
          for (const [k, v] of Object.entries(budgetHeaders(budget)))
            response.http.headers.set(`x-sign-in-${k}`, v);
        },
      };
    },
  };
}
