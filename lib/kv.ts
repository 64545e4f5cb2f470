import { Redis } from 'ioredis';

/**
 * Small key-value store for short-lived security state (one-time codes, refresh tokens, lockout
 * counters, revocations). Redis when configured, an in-process map otherwise; callers cannot tell.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Sets only when absent; true when this call created the key. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  del(key: string): Promise<void>;
  /** Reads and deletes in one step, so a one-time value can be used once only. */
  take(key: string): Promise<string | null>;
  /** Increments a counter; the time-to-live starts with the first increment. */
  incr(key: string, ttlSeconds: number): Promise<number>;
  close(): Promise<void>;
}

export class MemoryStore implements KeyValueStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  private live(key: string): { value: string; expiresAt: number } | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async get(key: string): Promise<string | null> {
    return this.live(key)?.value ?? null;
  }
  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: Date.now() + ttlSeconds * 1000 });
  }
  async setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    if (this.live(key)) return false;
    await this.set(key, value, ttlSeconds);
    return true;
  }
  async del(key: string): Promise<void> {
    this.entries.delete(key);
  }
  async take(key: string): Promise<string | null> {
    const value = this.live(key)?.value ?? null;
    this.entries.delete(key);
    return value;
  }
  async incr(key: string, ttlSeconds: number): Promise<number> {
    const entry = this.live(key);
    const next = (entry ? Number(entry.value) : 0) + 1;
    this.entries.set(key, {
      value: String(next),
      expiresAt: entry?.expiresAt ?? Date.now() + ttlSeconds * 1000,
    });
    return next;
  }
  async close(): Promise<void> {
    this.entries.clear();
  }
}

export class RedisStore implements KeyValueStore {
  constructor(private readonly redis: Redis) {}

  static connect(url: string, keyPrefix: string): RedisStore {
    return new RedisStore(
      new Redis(url, { keyPrefix, commandTimeout: 1000, maxRetriesPerRequest: 1, enableOfflineQueue: true }),
    );
  }

  async get(key: string): Promise<string | null> {
    return this.redis.get(key);
  }
  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }
  async setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    return (await this.redis.set(key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'NX')) === 'OK';
  }
  async del(key: string): Promise<void> {
    await this.redis.del(key);
  }
  async take(key: string): Promise<string | null> {
    return this.redis.getdel(key);
  }
  async incr(key: string, ttlSeconds: number): Promise<number> {
    const [[, count]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, Math.max(1, Math.ceil(ttlSeconds)), 'NX')
      .exec()) as [[Error | null, number]];
    return count;
  }
  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

export function createStore(options: { redisUrl?: string; keyPrefix: string }): KeyValueStore {
  return options.redisUrl ? RedisStore.connect(options.redisUrl, options.keyPrefix) : new MemoryStore();
}
