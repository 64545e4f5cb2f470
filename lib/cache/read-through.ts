import type { KeyValueStore } from '../kv';
import type { Logger } from '../logger';

export interface ReadThroughOptions {
  /** How long a loader may hold the cross-process lock before others load themselves. */
  lockSeconds?: number;
  /** How long a process waits for another's load before loading itself. */
  waitMs?: number;
  pollMs?: number;
}

/**
 * Read-through cache over the key-value store (Redis in deployments). Many concurrent misses of
 * one key make one legacy call: in-process through a shared promise, across processes through a
 * short lock in the store. The cache never fails a request: when the store is down or slow the
 * value is loaded from the legacy system as if nothing were cached.
 */
export class ReadThroughCache {
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly lockSeconds: number;
  private readonly waitMs: number;
  private readonly pollMs: number;

  constructor(
    private readonly store: KeyValueStore,
    private readonly namespace: string,
    private readonly logger: Logger,
    options: ReadThroughOptions = {},
  ) {
    this.lockSeconds = options.lockSeconds ?? 5;
    this.waitMs = options.waitMs ?? 3000;
    this.pollMs = options.pollMs ?? 20;
  }

  private keyOf(key: string): string {
    return `cache:${this.namespace}:${key}`;
  }

  /** A store call that cannot fail the request: on error it logs and answers `fallback`. */
  private async safely<T>(op: () => Promise<T>, fallback: T): Promise<T> {
    // A store that is reconnecting would make every request wait: skip it meanwhile.
    if (!this.store.available()) return fallback;
    try {
      return await op();
    } catch (error) {
      this.logger.warn(
        { err: error, cache: this.namespace },
        'cache unavailable; going to the legacy system',
      );
      return fallback;
    }
  }

  async get<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
    const k = this.keyOf(key);
    const cached = await this.safely(() => this.store.get(k), null);
    if (cached !== null) return JSON.parse(cached) as T;
    const running = this.inflight.get(k);
    if (running) return running as Promise<T>;
    const job = this.fill(k, ttlSeconds, load);
    this.inflight.set(k, job);
    try {
      return await job;
    } finally {
      this.inflight.delete(k);
    }
  }

  private async fill<T>(k: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
    const lock = `lock:${k}`;
    // If the store is down we cannot coordinate: load (true), as an uncached system would.
    const mine = await this.safely(() => this.store.setIfAbsent(lock, '1', this.lockSeconds), true);
    if (!mine) {
      for (let waited = 0; waited < this.waitMs; waited += this.pollMs) {
        await new Promise((r) => setTimeout(r, this.pollMs));
        const value = await this.safely(() => this.store.get(k), null);
        if (value !== null) return JSON.parse(value) as T;
        if ((await this.safely(() => this.store.get(lock), null)) === null) break;
      }
    }
    try {
      const value = await load();
      await this.safely(() => this.store.set(k, JSON.stringify(value), ttlSeconds), undefined);
      return value;
    } finally {
      if (mine) await this.safely(() => this.store.del(lock), undefined);
    }
  }

  async invalidate(...keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.safely(() => this.store.del(this.keyOf(key)), undefined)));
  }
}
