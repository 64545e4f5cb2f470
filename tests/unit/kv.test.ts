import { randomUUID } from 'node:crypto';
import { MemoryStore, RedisStore, type KeyValueStore } from '../../lib/kv';

const stores: [string, () => KeyValueStore][] = [
  ['memory', () => new MemoryStore()],
  [
    'redis',
    () => RedisStore.connect(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', `ssm-test:${randomUUID()}:`),
  ],
];

describe.each(stores)('%s key-value store', (_name, make) => {
  let store: KeyValueStore;
  beforeEach(() => {
    store = make();
  });
  afterEach(async () => {
    await store.close();
  });

  it('sets, reads, expires and deletes', async () => {
    await store.set('a', '1', 1);
    expect(await store.get('a')).toBe('1');
    await store.del('a');
    expect(await store.get('a')).toBeNull();
    await store.set('b', '2', 1);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await store.get('b')).toBeNull();
  });

  it('take() hands a value to one caller only', async () => {
    await store.set('code', 'x', 60);
    const results = await Promise.all([store.take('code'), store.take('code'), store.take('code')]);
    expect(results.filter((r) => r === 'x')).toHaveLength(1);
  });

  it('setIfAbsent() lets one of many concurrent callers win', async () => {
    const wins = await Promise.all(Array.from({ length: 10 }, () => store.setIfAbsent('once', '1', 60)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('incr() counts and keeps the first expiry', async () => {
    expect(await store.incr('n', 60)).toBe(1);
    expect(await store.incr('n', 60)).toBe(2);
    expect(await Promise.all([store.incr('n', 60), store.incr('n', 60)])).toEqual(
      expect.arrayContaining([3, 4]),
    );
  });
});
