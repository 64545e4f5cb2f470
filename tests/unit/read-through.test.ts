import { randomUUID } from 'node:crypto';
import { ReadThroughCache } from '../../lib/cache/read-through';
import { MemoryStore, RedisStore, type KeyValueStore } from '../../lib/kv';
import { rootLogger } from '../../lib/logger';

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
    // Two caches on two connections stand for two gateway or subgraph processes.
    const a = new ReadThroughCache(redisStore(prefix), 'unit', rootLogger);
    const b = new ReadThroughCache(redisStore(prefix), 'unit', rootLogger);
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
