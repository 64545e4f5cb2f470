import type { SubgraphConfig } from '../config';
import type { KeyValueStore } from '../kv';
import type { Logger } from '../logger';
import { cacheErrors, readThroughRequests } from '../metrics';
import { bumpTags, tagVersions } from './tags';

export interface ReadThroughOptions {
  /** How long a loader may hold the cross-process lock before others load themselves. */
  lockSeconds?: number;
  /** How long a process waits for another's load before loading itself. */
  waitMs?: number;
  pollMs?: number;
  /** False: every call goes to the legacy system (SSM_CACHE=off; tests of the uncached paths). */
  enabled?: boolean;
  /** Caps every time-to-live (tests of expiry; operators who want fresher data). */
  maxTtlSeconds?: number;
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
  private readonly enabled: boolean;
  private readonly maxTtlSeconds: number;

  constructor(
    private readonly store: KeyValueStore,
    private readonly namespace: string,
    private readonly logger: Logger,
    options: ReadThroughOptions = {},
  ) {
    this.lockSeconds = options.lockSeconds ?? 5;
    this.waitMs = options.waitMs ?? 3000;
    this.pollMs = options.pollMs ?? 20;
    this.enabled = options.enabled ?? true;
    this.maxTtlSeconds = options.maxTtlSeconds ?? Infinity;
  }

  private keyOf(key: string): string {
    return `cache:${this.namespace}:${key}`;
  }

  /** A store call that cannot fail the request: on error it logs and answers `fallback`. */
  private async safely<T>(op: () => Promise<T>, fallback: T): Promise<T> {
    // A store that is reconnecting would make every request wait: skip it meanwhile.
    if (!this.store.available()) {
      cacheErrors.inc({ cache: this.namespace });
      return fallback;
    }
    try {
      return await op();
    } catch (error) {
      cacheErrors.inc({ cache: this.namespace });
      this.logger.warn(
        { err: error, cache: this.namespace },
        'cache unavailable; going to the legacy system',
      );
      return fallback;
    }
  }

  /** `cacheIf` keeps some answers out of the cache (e.g. "not found", which may change soon). */
  async get<T>(
    key: string,
    ttlSeconds: number,
    load: () => Promise<T>,
    cacheIf: (value: T) => boolean = () => true,
  ): Promise<T> {
    if (!this.enabled) return load();
    const k = this.keyOf(key);
    const cached = await this.safely(() => this.store.get(k), null);
    readThroughRequests.inc({
      cache: this.namespace,
      result: cached === null ? 'miss' : 'hit',
      kind: kindOf(key),
    });
    if (cached !== null) return JSON.parse(cached) as T;
    const running = this.inflight.get(k);
    if (running) return running as Promise<T>;
    const job = this.fill(k, ttlSeconds, load, cacheIf);
    this.inflight.set(k, job);
    try {
      return await job;
    } finally {
      this.inflight.delete(k);
    }
  }

  private async fill<T>(
    k: string,
    ttlSeconds: number,
    load: () => Promise<T>,
    cacheIf: (value: T) => boolean,
  ): Promise<T> {
    const lock = `lock:${k}`;
    // A loader writes the value, then releases the lock. Reading in the other order (lock, then
    // value) is what makes "no lock and no value" mean that nothing was cached; a miss read
    // before another process's write may otherwise be followed by a load of its own.
    const read = async () => {
      const value = await this.safely(() => this.store.get(k), null);
      return value === null ? null : { value: JSON.parse(value) as T };
    };
    // If the store is down we cannot coordinate: load (true), as an uncached system would.
    const mine = await this.safely(() => this.store.setIfAbsent(lock, '1', this.lockSeconds), true);
    try {
      if (mine) {
        // The lock may be free because its last holder has just filled the entry (after our miss).
        const filled = await read();
        if (filled) return filled.value;
      } else {
        for (let waited = 0; waited < this.waitMs; waited += this.pollMs) {
          await new Promise((r) => setTimeout(r, this.pollMs));
          const held = (await this.safely(() => this.store.get(lock), null)) !== null;
          const filled = await read();
          if (filled) return filled.value;
          // Released without a value: the load failed or its answer is not cached; load ourselves.
          if (!held) break;
        }
      }
      const value = await load();
      if (cacheIf(value))
        await this.safely(
          () => this.store.set(k, JSON.stringify(value), Math.min(ttlSeconds, this.maxTtlSeconds)),
          undefined,
        );
      return value;
    } finally {
      if (mine) await this.safely(() => this.store.del(lock), undefined);
    }
  }

  /**
   * Like `get`, for an entry that depends on tags (e.g. `customer:C1`): the key carries each tag's
   * version, so `invalidateTags` retires every entry of a tag at once, in every process.
   */
  async getTagged<T>(tags: string[], key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
    if (!this.enabled) return load();
    const versions = await this.safely(
      () => tagVersions(this.store, tags),
      tags.map(() => '0'),
    );
    const stamp = tags.map((tag, i) => `${tag}@${versions[i]}`).join(',');
    return this.get(`${key}|${stamp}`, ttlSeconds, load);
  }

  /**
   * Entities by id, one entry per id: cached ids come from the store, the rest from one legacy
   * call. Each value's time-to-live may depend on it (a settled bill lives longer than an open
   * one). With `tagOf`, each id's entry is stamped with its tag's version (see tags.ts). Ids the
   * legacy system does not return are not cached.
   */
  async many<T>(spec: {
    kind: string;
    ids: readonly string[];
    idOf: (value: T) => string;
    ttlOf: (value: T) => number;
    load: (missing: string[]) => Promise<T[]>;
    tagOf?: (id: string) => string;
  }): Promise<T[]> {
    const unique = [...new Set(spec.ids)];
    if (!this.enabled) return spec.load(unique);
    const tagOf = spec.tagOf;
    const versions = tagOf
      ? await this.safely(
          () => tagVersions(this.store, unique.map(tagOf)),
          unique.map(() => '0'),
        )
      : [];
    const keyFor = new Map(
      unique.map((id, i) => [id, this.keyOf(`${spec.kind}:${id}${tagOf ? `@${versions[i]}` : ''}`)]),
    );
    const keys = unique.map((id) => keyFor.get(id) as string);
    const cached = await this.safely(
      () => this.store.getMany(keys),
      keys.map(() => null),
    );
    const found = new Map<string, T>();
    const missing: string[] = [];
    unique.forEach((id, i) => {
      const value = cached[i];
      if (value === null || value === undefined) missing.push(id);
      else found.set(id, JSON.parse(value) as T);
    });
    const kind = kindOf(spec.kind);
    if (found.size) readThroughRequests.inc({ cache: this.namespace, result: 'hit', kind }, found.size);
    if (missing.length) {
      readThroughRequests.inc({ cache: this.namespace, result: 'miss', kind }, missing.length);
      const loaded = await spec.load(missing);
      await Promise.all(
        loaded.map((value) => {
          const key = keyFor.get(spec.idOf(value));
          return key === undefined
            ? undefined
            : this.safely(
                () =>
                  this.store.set(key, JSON.stringify(value), Math.min(spec.ttlOf(value), this.maxTtlSeconds)),
                undefined,
              );
        }),
      );
      for (const value of loaded) found.set(spec.idOf(value), value);
    }
    return unique.flatMap((id) => {
      const value = found.get(id);
      return value === undefined ? [] : [value];
    });
  }

  async invalidate(...keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.safely(() => this.store.del(this.keyOf(key)), undefined)));
  }

  /** Drops entries cached by `many` under `kind`. */
  async invalidateIds(kind: string, ids: readonly string[]): Promise<void> {
    await this.invalidate(...ids.map((id) => `${kind}:${id}`));
  }

  /** Retires every entry stamped with these tags, in every cache namespace and process. */
  async invalidateTags(...tags: string[]): Promise<void> {
    await this.safely(() => bumpTags(this.store, tags), undefined);
  }
}

/**
 * The kind of data a key holds, for metrics: keys start with one (`user:<id>`, `orders-page:...`),
 * written in code; anything else is folded so that no id becomes a label.
 */
function kindOf(key: string): string {
  const kind = key.split(':', 1)[0];
  return /^[a-z][a-z-]{0,39}$/.test(kind) ? kind : 'other';
}

/** The read-through cache of one legacy system, as a subgraph's configuration sets it up. */
export function legacyCache(
  config: Pick<SubgraphConfig, 'store' | 'legacyCache' | 'legacyCacheMaxTtlSeconds'>,
  system: 'crm' | 'catalogue' | 'ibss' | 'boss' | 'fm',
  logger: Logger,
): ReadThroughCache {
  return new ReadThroughCache(config.store, system, logger, {
    enabled: config.legacyCache,
    maxTtlSeconds: config.legacyCacheMaxTtlSeconds,
  });
}
