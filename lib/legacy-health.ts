import type { LegacyHealth, Resilience } from './resilience';

export interface LegacyProbeOptions {
  /** A probe slower than this counts as a failure (ms). */
  timeoutMs: number;
  /**
   * How long a good answer is reused (ms): readiness checks must not load healthy legacy systems.
   * A failed probe is not reused, so a system that is back shows at the next check.
   */
  cacheMs: number;
  /** Path of the cheap read answered by each system (the simulators serve `/health`). */
  path: string;
}

export const DEFAULT_LEGACY_PROBE: LegacyProbeOptions = { timeoutMs: 1000, cacheMs: 3000, path: '/health' };

interface Probe {
  at: number;
  /** One probe in flight per system: concurrent checks share it. */
  pending: boolean;
  ok: boolean;
  result: Promise<LegacyHealth>;
}

const RANK: Record<LegacyHealth, number> = { ok: 0, degraded: 1, down: 2 };

/**
 * How the legacy systems behind one subgraph are doing, for its /readyz. A circuit breaker alone
 * cannot tell: it stays closed until calls fail, so a system that is down but not called lately
 * looked "ok". Each system is therefore also probed with one cheap request (short deadline, answer
 * reused for a few seconds, one probe in flight per system), and the worse of probe and breaker wins.
 */
export class LegacyHealthProbe {
  private readonly options: LegacyProbeOptions;
  private readonly probes = new Map<string, Probe>();

  constructor(
    /** Base URL of each legacy system behind the subgraph, by the name its breaker uses. */
    private readonly systems: Record<string, string>,
    private readonly resilience: Pick<Resilience, 'health'>,
    options: Partial<LegacyProbeOptions> = {},
  ) {
    this.options = { ...DEFAULT_LEGACY_PROBE, ...options };
  }

  async health(): Promise<Record<string, LegacyHealth>> {
    const breakers = this.resilience.health();
    const names = new Set([...Object.keys(this.systems), ...Object.keys(breakers)]);
    const entries = await Promise.all(
      [...names].map(async (name) => {
        const probed = name in this.systems ? await this.probe(name) : 'ok';
        const breaker = breakers[name] ?? 'ok';
        return [name, RANK[probed] >= RANK[breaker] ? probed : breaker] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  private probe(name: string): Promise<LegacyHealth> {
    const now = Date.now();
    const cached = this.probes.get(name);
    if (cached && (cached.pending || (cached.ok && now - cached.at < this.options.cacheMs)))
      return cached.result;
    const entry: Probe = { at: now, pending: true, ok: false, result: Promise.resolve('ok') };
    entry.result = fetch(new URL(this.options.path, this.systems[name]), {
      signal: AbortSignal.timeout(this.options.timeoutMs),
    })
      .then(
        async (r): Promise<LegacyHealth> => {
          await r.body?.cancel();
          return r.ok ? 'ok' : 'down';
        },
        (): LegacyHealth => 'down',
      )
      .then((health) => {
        entry.pending = false;
        entry.ok = health === 'ok';
        return health;
      });
    this.probes.set(name, entry);
    return entry.result;
  }
}
