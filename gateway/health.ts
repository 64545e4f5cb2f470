import type { KeyValueStore } from '../lib/kv';
import type { LegacyHealth } from '../lib/resilience';
import type { SessionOutagePolicy } from '../lib/sessions';
import type { Queryable } from '../lib/store/database';

export type Readiness = 'ready' | 'degraded' | 'unavailable' | 'draining';

export interface ReadinessReport {
  status: Readiness;
  /** `ok`, or what failed (`unreachable`, `HTTP 503`, `timeout`). */
  sessionStore: string;
  database: string;
  subgraphs: Record<string, string>;
  /** Worst state per legacy system over every subgraph that uses it. */
  legacy: Record<string, LegacyHealth>;
}

export interface ReadinessOptions {
  subgraphUrls: Record<string, string>;
  store: KeyValueStore;
  /** The SSM store (grants, security events); unset: not checked (a gateway over another graph). */
  database?: Queryable;
  /** With `trust-unexpired`, signed-in callers are served while the session store is away. */
  sessionOutagePolicy: SessionOutagePolicy;
  /** Each check's deadline (ms). */
  timeoutMs?: number;
}

const RANK: Record<LegacyHealth, number> = { ok: 0, degraded: 1, down: 2 };

/** Resolves with `ok`, or with why the check failed; never throws, never takes longer than `ms`. */
async function check(ms: number, run: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  const outcome = run().then(
    () => 'ok',
    () => 'unreachable',
  );
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The gateway's /readyz: can this process serve? It asks each thing a request needs, now:
 * - the session store (a GET of a key that never exists: one round trip, through the same client
 *   and prefix as every session check) and the SSM database (`SELECT 1`);
 * - each subgraph's own /readyz, which also probes the legacy systems behind it
 *   (lib/legacy-health.ts).
 * Answers (HTTP 200 unless said):
 * - `ready`: everything answers;
 * - `degraded`: a legacy system is down or slow (its fields answer UPSTREAM_* errors, everything
 *   else works, so taking the gateway out of rotation would only make things worse), or some
 *   subgraphs do not answer while others do (for the same reason: every replica sees the same
 *   subgraph outage, so a 503 would take them all out of rotation and turn the partial answers
 *   the gateway can still give into none), or the session store is away while unexpired sessions
 *   are trusted (`SSM_SESSION_OUTAGE`): sign-in fails, signed-in callers are served;
 * - `unavailable` (503): no subgraph answers, or the SSM database does not, or the session store
 *   does not and the policy is `refuse`;
 * - `draining` (503): SIGTERM received; finishing the requests in flight (lib/drain.ts).
 */
export async function readiness(options: ReadinessOptions, draining: boolean): Promise<ReadinessReport> {
  const ms = options.timeoutMs ?? 2000;
  const legacy: Record<string, LegacyHealth> = {};
  const { store, database: db } = options;
  const [sessionStore, database, subgraphs] = await Promise.all([
    check(ms, async () => {
      // A client that knows its server is gone says so at once instead of queueing the GET.
      if (!store.available()) throw new Error('unreachable');
      await store.get('readyz:probe');
    }),
    db ? check(ms, () => db.query('SELECT 1')) : Promise.resolve('ok'),
    Promise.all(
      Object.entries(options.subgraphUrls).map(async ([name, url]) => {
        const state = await check(ms, async () => {
          const r = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(ms) });
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          const body = (await r.json()) as { legacy?: Record<string, LegacyHealth> };
          for (const [system, health] of Object.entries(body.legacy ?? {}))
            if (!(system in legacy) || RANK[health] > RANK[legacy[system]]) legacy[system] = health;
        });
        return [name, state] as const;
      }),
    ).then(Object.fromEntries<string>),
  ]);
  const states = Object.values(subgraphs);
  const someSubgraphUp = states.length === 0 || states.some((s) => s === 'ok');
  const everySubgraphUp = states.every((s) => s === 'ok');
  const storeUp = sessionStore === 'ok' || options.sessionOutagePolicy === 'trust-unexpired';
  const status: Readiness = draining
    ? 'draining'
    : !someSubgraphUp || database !== 'ok' || !storeUp
      ? 'unavailable'
      : !everySubgraphUp || sessionStore !== 'ok' || Object.values(legacy).some((h) => h !== 'ok')
        ? 'degraded'
        : 'ready';
  return { status, sessionStore, database, subgraphs, legacy };
}

/** HTTP status of a readiness answer: load balancers route only to 2xx. */
export const readinessStatusCode = (status: Readiness): number =>
  status === 'ready' || status === 'degraded' ? 200 : 503;
