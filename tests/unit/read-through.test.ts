import { randomUUID } from 'node:crypto';
import { ReadThroughCache } from '../../lib/cache/read-through';
import { MemoryStore, RedisStore, type KeyValueStore } from '../../lib/kv';
import { rootLogger } from '../../lib/logger';
import { ForwardingStore } from '../support/forwarding-store';

const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const stores: KeyValueStore[] = [];
const redisStore = (prefix: string) => {
  const s = RedisStore.connect(REDIS, prefix);
  stores.push(s);
  return s;
};
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
});

describe('read-through cache', () => {
  it('misses once, then hits, then expires', async () => {
    const cache = new ReadThroughCache(redisStore(`rt:${randomUUID()}:`), 'unit', rootLogger);
    let loads = 0;
    const load = async () => ({ n: ++loads });
    expect(await cache.get('k', 1, load)).toEqual({ n: 1 });
    expect(await cache.get('k', 1, load)).toEqual({ n: 1 });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await cache.get('k', 1, load)).toEqual({ n: 2 });
    await cache.invalidate('k');
    expect(await cache.get('k', 60, load)).toEqual({ n: 3 });
  });

  it('makes one legacy call for 50 concurrent misses spread over two processes', async () => {
    const prefix = `rt:${randomUUID()}:`;
    // Two caches on two connections stand for two gateway or subgraph processes. Both connections
    // are up before the misses: a command that times out while one still connects (a loaded
    // machine) would rightly make that cache load without coordinating, which is not under test.
    const [storeA, storeB] = [redisStore(prefix), redisStore(prefix)];
    await Promise.all([storeA.get('warm-up'), storeB.get('warm-up')]);
    const a = new ReadThroughCache(storeA, 'unit', rootLogger);
    const b = new ReadThroughCache(storeB, 'unit', rootLogger);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 100));
      return 'value';
    };
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).get('hot', 60, load)),
    );
    expect(results.every((r) => r === 'value')).toBe(true);
    expect(loads).toBe(1);
  });

  // The two races behind a flaky count of 2 above, each forced: a second process reads a miss
  // just before the first one writes the value, and goes on only once the first has finished.
  it('a process whose miss was read before another filled the entry does not load again', async () => {
    const shared = new MemoryStore();
    const late = new HeldMiss(shared, 'cache:unit:hot', 1);
    const a = new ReadThroughCache(shared, 'unit', rootLogger);
    const b = new ReadThroughCache(late, 'unit', rootLogger);
    let loads = 0;
    const load = async () => `value ${++loads}`;
    const second = b.get('hot', 60, load);
    await late.holding;
    // The first process loads, writes and releases its lock while the second holds its miss.
    expect(await a.get('hot', 60, load)).toBe('value 1');
    late.release();
    expect(await second).toBe('value 1');
    expect(loads).toBe(1);
  });

  it('a process waiting on the lock does not load when the lock goes between two of its reads', async () => {
    const shared = new MemoryStore();
    // Read 1 is the first miss; read 2 is the waiter's first look at the entry.
    const late = new HeldMiss(shared, 'cache:unit:hot', 2);
    const a = new ReadThroughCache(shared, 'unit', rootLogger, { pollMs: 5 });
    const b = new ReadThroughCache(late, 'unit', rootLogger, { pollMs: 5 });
    let loads = 0;
    let finishLoad!: () => void;
    const slowLoad = async () => {
      if (++loads === 1) await new Promise<void>((r) => (finishLoad = r));
      return 'value';
    };
    const first = a.get('hot', 60, slowLoad);
    while (loads === 0) await new Promise((r) => setTimeout(r, 1));
    const second = b.get('hot', 60, slowLoad);
    await late.holding;
    finishLoad();
    expect(await first).toBe('value');
    late.release();
    expect(await second).toBe('value');
    expect(loads).toBe(1);
  });

  it('still answers from the legacy system when the store is unreachable', async () => {
    const dead = RedisStore.connect('redis://127.0.0.1:1', `rt:${randomUUID()}:`);
    stores.push(dead);
    const cache = new ReadThroughCache(dead, 'unit', rootLogger);
    let loads = 0;
    expect(await cache.get('k', 60, async () => ++loads)).toBe(1);
    expect(await cache.get('k', 60, async () => ++loads)).toBe(2);
  }, 20_000);

  it('works the same on the in-process store', async () => {
    const cache = new ReadThroughCache(new MemoryStore(), 'unit', rootLogger);
    let loads = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => cache.get('k', 60, async () => ++loads)),
    );
    expect(new Set(results)).toEqual(new Set([1]));
  });
});

/**
 * The store as a second process sees it: its `nth` read of `key` that finds nothing answers only
 * once `release()` is called, so another process can load, write and unlock in between.
 */
class HeldMiss extends ForwardingStore {
  private misses = 0;
  private opened!: () => void;
  private readonly gate = new Promise<void>((r) => (this.opened = r));
  private started!: () => void;
  /** Resolves when the held read has been made (and found nothing). */
  readonly holding = new Promise<void>((r) => (this.started = r));

  constructor(
    inner: KeyValueStore,
    private readonly key: string,
    private readonly nth: number,
  ) {
    super(inner);
  }

  release(): void {
    this.opened();
  }
  override async get(key: string) {
    const value = await this.inner.get(key);
    if (key === this.key && value === null && ++this.misses === this.nth) {
      this.started();
      await this.gate;
    }
    return value;
  }
}
