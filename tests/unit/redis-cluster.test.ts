import { randomUUID } from 'node:crypto';
import { ReadThroughCache } from '../../lib/cache/read-through';
import { RedisStore } from '../../lib/kv';
import { rootLogger } from '../../lib/logger';
import { startRedisCluster, type PrivateRedisCluster } from '../support/redis-servers';

let cluster: PrivateRedisCluster;
const stores: RedisStore[] = [];
beforeAll(async () => {
  cluster = await startRedisCluster();
}, 30_000);
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await cluster?.stop();
});

describe('key-value store and cache on a 3-master Redis Cluster (REDIS_CLUSTER_NODES)', () => {
  it('stores, takes and counts across the cluster slots', async () => {
    const store = RedisStore.connectCluster(cluster.nodes, `cl:${randomUUID()}:`);
    stores.push(store);
    for (let i = 0; i < 30; i++) await store.set(`k${i}`, String(i), 60);
    expect(await Promise.all(Array.from({ length: 30 }, (_, i) => store.get(`k${i}`)))).toEqual(
      Array.from({ length: 30 }, (_, i) => String(i)),
    );
    expect(await store.take('k1')).toBe('1');
    expect(await store.get('k1')).toBeNull();
    expect(await store.incr('n', 60)).toBe(1);
    expect(await store.setIfAbsent('once', '1', 60)).toBe(true);
    expect(await store.setIfAbsent('once', '1', 60)).toBe(false);
  });

  it('makes one legacy call for 50 concurrent misses over two connections', async () => {
    const prefix = `cl:${randomUUID()}:`;
    const a = RedisStore.connectCluster(cluster.nodes, prefix);
    const b = RedisStore.connectCluster(cluster.nodes, prefix);
    stores.push(a, b);
    const caches = [new ReadThroughCache(a, 'unit', rootLogger), new ReadThroughCache(b, 'unit', rootLogger)];
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 100));
      return 'v';
    };
    await Promise.all(Array.from({ length: 50 }, (_, i) => caches[i % 2].get('hot', 60, load)));
    expect(loads).toBe(1);
  });

  it('publishes and receives on a channel', async () => {
    const store = RedisStore.connectCluster(cluster.nodes, `cl:${randomUUID()}:`);
    stores.push(store);
    const got: string[] = [];
    await store.subscribe('alarms', (m) => got.push(m));
    await store.publish('alarms', 'hello');
    for (let i = 0; i < 50 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual(['hello']);
  });
});
