import { EventEmitter } from 'node:events';
import { Cluster, Redis } from 'ioredis';
import { ConnectionState } from './connection-state';
import { rootLogger, type Logger } from './logger';

/**
 * Small key-value store for short-lived security state (one-time codes, refresh tokens, lockout
 * counters, revocations). Redis when configured, an in-process map otherwise; callers cannot tell.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  /** Reads many keys at once (one round trip on Redis through auto-pipelining, also on a cluster). */
  getMany(keys: readonly string[]): Promise<(string | null)[]>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Sets only when absent; true when this call created the key. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  del(key: string): Promise<void>;
  /** Reads and deletes in one step, so a one-time value can be used once only. */
  take(key: string): Promise<string | null>;
  /** Increments a counter; the time-to-live starts with the first increment. */
  incr(key: string, ttlSeconds: number): Promise<number>;
  /** False while the backing server is unreachable: caches skip it rather than wait. */
  available(): boolean;
  /** Publishes to every process subscribed to the channel (within this deployment's prefix). */
  publish(channel: string, message: string): Promise<void>;
  /** Subscribes; resolves once listening, with a function that unsubscribes. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export class MemoryStore implements KeyValueStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private readonly bus = new EventEmitter();

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
  async getMany(keys: readonly string[]): Promise<(string | null)[]> {
    return keys.map((key) => this.live(key)?.value ?? null);
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
  available(): boolean {
    return true;
  }
  async publish(channel: string, message: string): Promise<void> {
    this.bus.emit(channel, message);
  }
  async subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>> {
    this.bus.on(channel, onMessage);
    return async () => {
      this.bus.off(channel, onMessage);
    };
  }
  async close(): Promise<void> {
    this.entries.clear();
    this.bus.removeAllListeners();
  }
}

export class RedisStore implements KeyValueStore {
  private readonly subscribers: (Redis | Cluster)[] = [];
  /** Connected, unreachable or reconnected: logged once per change, never per command. */
  readonly connection: ConnectionState;

  constructor(
    /** The ioredis client, for libraries that speak Redis themselves (rate limiting). */
    readonly redis: Redis | Cluster,
    // ioredis prefixes keys but not pub/sub channels: channels are prefixed here.
    private readonly prefix = '',
    logger: Logger = rootLogger.child({ component: 'redis' }),
  ) {
    this.connection = new ConnectionState('redis', logger);
    this.watch(redis, true);
  }

  /**
   * Every client gets an 'error' listener: without one, ioredis reports each failed reconnection
   * as "[ioredis] Unhandled error event" on stderr. The main client's 'ready' marks the server
   * back; a subscriber's failures only count towards "unreachable".
   */
  private watch(client: Redis | Cluster, main: boolean): void {
    client.on('error', (error: unknown) => {
      if (main) this.failedSinceReady = true;
      this.connection.down(error);
    });
    if (main)
      client.on('ready', () => {
        this.failedSinceReady = false;
        this.connection.up();
      });
  }

  /** The main client failed since it was last ready: its next 'connecting' is a retry, not a start. */
  private failedSinceReady = false;

  /** A Redis Cluster from its seed nodes ("host:port,host:port"); every key is a single-slot key. */
  static connectCluster(nodes: string, keyPrefix: string): RedisStore {
    const startupNodes = nodes.split(',').map((n) => {
      const [host, port] = n.trim().split(':');
      return { host, port: Number(port) };
    });
    return new RedisStore(
      new Cluster(startupNodes, {
        keyPrefix,
        redisOptions: { commandTimeout: 1000, maxRetriesPerRequest: 0 },
        enableOfflineQueue: true,
        enableAutoPipelining: true,
      }),
      keyPrefix,
    );
  }

  static connect(url: string, keyPrefix: string, logger?: Logger): RedisStore {
    return new RedisStore(
      new Redis(url, {
        keyPrefix,
        commandTimeout: 1000,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: true,
        enableAutoPipelining: true,
      }),
      keyPrefix,
      logger,
    );
  }

  /** Until when the server counts as unavailable after a command timed out (ms since epoch). */
  private slowUntil = 0;

  available(): boolean {
    // 'connecting' at start is fine (commands queue until ready); a lost connection is not, nor
    // a server that just let a command time out: callers skip it for a moment rather than wait.
    // Connecting again after a failure is still a lost connection (CI caught the retry's moment).
    if (Date.now() < this.slowUntil) return false;
    const status = this.redis.status;
    if (['reconnecting', 'close', 'end'].includes(status)) return false;
    return status === 'ready' || !this.failedSinceReady;
  }

  /** Runs a command; a timeout marks the server slow for `SLOW_BACKOFF_MS`. */
  private async cmd<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (error) {
      if (error instanceof Error && /timed out/i.test(error.message))
        this.slowUntil = Date.now() + RedisStore.SLOW_BACKOFF_MS;
      throw error;
    }
  }
  private static readonly SLOW_BACKOFF_MS = 2000;

  async publish(channel: string, message: string): Promise<void> {
    await this.redis.publish(this.prefix + channel, message);
  }

  async subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>> {
    // A subscribed connection can do nothing else: one per subscription.
    const sub =
      this.redis instanceof Cluster ? this.redis.duplicate() : this.redis.duplicate({ keyPrefix: undefined });
    this.subscribers.push(sub);
    this.watch(sub, false);
    sub.on('message', (ch: string, message: string) => {
      if (ch === this.prefix + channel) onMessage(message);
    });
    await sub.subscribe(this.prefix + channel);
    return async () => {
      sub.disconnect();
    };
  }

  async get(key: string): Promise<string | null> {
    return this.cmd(() => this.redis.get(key));
  }
  async getMany(keys: readonly string[]): Promise<(string | null)[]> {
    // Not MGET: on a cluster the keys may live in different slots. Auto-pipelining sends the
    // GETs together (per node), so this is still one round trip.
    return this.cmd(() => Promise.all(keys.map((key) => this.redis.get(key))));
  }
  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.cmd(() => this.redis.set(key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds))));
  }
  async setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    return (
      (await this.cmd(() => this.redis.set(key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'NX'))) ===
      'OK'
    );
  }
  async del(key: string): Promise<void> {
    await this.cmd(() => this.redis.del(key));
  }
  async take(key: string): Promise<string | null> {
    return this.cmd(() => this.redis.getdel(key));
  }
  async incr(key: string, ttlSeconds: number): Promise<number> {
    const [[, count]] = (await this.cmd(() =>
      this.redis
        .multi()
        .incr(key)
        .expire(key, Math.max(1, Math.ceil(ttlSeconds)), 'NX')
        .exec(),
    )) as [[Error | null, number]];
    return count;
  }
  async close(): Promise<void> {
    for (const sub of this.subscribers) sub.disconnect();
    this.redis.disconnect();
  }
}

/** REDIS_CLUSTER_NODES wins over REDIS_URL; with neither, an in-process store. */
export function createStore(options: {
  redisUrl?: string;
  clusterNodes?: string;
  keyPrefix: string;
}): KeyValueStore {
  if (options.clusterNodes) return RedisStore.connectCluster(options.clusterNodes, options.keyPrefix);
  return options.redisUrl ? RedisStore.connect(options.redisUrl, options.keyPrefix) : new MemoryStore();
}
