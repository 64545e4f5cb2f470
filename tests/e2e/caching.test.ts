import { RedisStore } from '../../lib/kv';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-servers';
import { gql, login, startTestSystem, type TestSystem } from '../support/system';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system.stop();
});

const PAGE = `{ offerings(first: 10) { totalCount edges { node { id name prices { price { amount } } provider { partner { name } } bundledOfferings { id } } } } }`;

describe('read-through caching of public catalogue data (issue 4)', () => {
  it('serves a repeated catalogue page without calling the catalogue system, for every actor', async () => {
    const catalogue = system.sims.sims.catalogue;
    catalogue.resetCalls();
    const cold = await gql(system.gatewayUrl, PAGE);
    const coldCalls = catalogue.callCount();
    expect(coldCalls).toBeGreaterThan(0);
    catalogue.resetCalls();
    const warm = await gql(system.gatewayUrl, PAGE);
    expect(warm.data).toEqual(cold.data);
    expect(catalogue.callCount()).toBe(0);
    // Public data is shared: another actor's identical page is served from the same entries.
    const token = (await login(system, 'home.owner')).accessToken;
    const other = await gql(system.gatewayUrl, PAGE, {}, token);
    expect(other.data).toEqual(cold.data);
    expect(catalogue.callCount()).toBe(0);
  });
});

describe('Redis trouble (issue 4)', () => {
  let redis: PrivateRedis;
  let own: TestSystem;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    own = await startTestSystem({ store: RedisStore.connect(redis.url, 'kill-test:') });
  });
  afterAll(async () => {
    await own.stop();
    await redis.stop();
  });

  it('answers from the legacy systems while Redis is dead, and hits the cache again once it is back', async () => {
    const q = `{ offerings(first: 4) { edges { node { id name } } } }`;
    const catalogue = own.sims.sims.catalogue;
    const token = (await login(own, 'home.owner')).accessToken;
    const first = await gql(own.gatewayUrl, q);
    catalogue.resetCalls();
    expect((await gql(own.gatewayUrl, q)).data).toEqual(first.data);
    expect(catalogue.callCount()).toBe(0);

    await redis.kill();
    for (let i = 0; i < 5; i++) {
      const r = await gql(own.gatewayUrl, q);
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual(first.data);
    }
    expect(catalogue.callCount()).toBeGreaterThan(0);
    // Signed-in requests cannot have their session checked: refused with a retryable code.
    const signedIn = await gql(own.gatewayUrl, q, {}, token);
    expect(signedIn.status).toBe(503);
    expect(signedIn.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');

    await redis.restart();
    // The store reconnects by itself; the first answer refills the (empty) cache.
    for (let i = 0; i < 100 && !own.store.available(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(own.store.available()).toBe(true);
    await gql(own.gatewayUrl, q);
    catalogue.resetCalls();
    expect((await gql(own.gatewayUrl, q)).data).toEqual(first.data);
    expect(catalogue.callCount()).toBe(0);
  }, 30_000);
});
