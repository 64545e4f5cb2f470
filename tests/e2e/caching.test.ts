import { RedisStore } from '../../lib/kv';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-servers';
import { cachingSuite } from '../support/caching-suite';
import { gql, startTestSystem, testStore, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

cachingSuite('single Redis', async () => testStore());

describe('Redis trouble (issue 4)', () => {
  let redis: PrivateRedis;
  let own: TestSystem;
  let strict: TestSystem;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    // No in-process copies of public answers (lever 8): these tests watch the Redis-less paths.
    own = await startTestSystem({
      store: RedisStore.connect(redis.url, 'kill-test:'),
      caching: { publicCopyMs: 0 },
    });
    strict = await startTestSystem({
      store: RedisStore.connect(redis.url, 'kill-test-strict:'),
      sessionOutagePolicy: 'refuse',
    });
  }, 60_000);
  afterAll(async () => {
    await own.stop();
    await strict.stop();
    await redis.stop();
  });

  it('answers every request from the legacy systems while Redis is dead, and hits the caches again once it is back', async () => {
    const q = `{ offerings(first: 4) { edges { node { id name } } } }`;
    const DASHBOARD = `{ me { customer { services(first: 5) { edges { node { id currentCharges { total { amount } } } } } } } }`;
    const catalogue = own.sims.sims.catalogue;
    const token = (await login(own, 'home.owner')).accessToken;
    const loggedOut = (await login(own, 'home.owner')).accessToken;
    await gql(own.gatewayUrl, `mutation { logout { __typename } }`, {}, loggedOut);
    const strictToken = (await login(strict, 'home.owner')).accessToken;
    const first = await gql(own.gatewayUrl, q);
    const dashboard = await gql(own.gatewayUrl, DASHBOARD, {}, token);
    expect(dashboard.errors).toBeUndefined();
    catalogue.resetCalls();
    expect((await gql(own.gatewayUrl, q)).data).toEqual(first.data);
    expect(catalogue.callCount()).toBe(0);

    await redis.kill();
    own.sims.sims.billing.resetCalls();
    for (let i = 0; i < 5; i++) {
      const r = await gql(own.gatewayUrl, q);
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual(first.data);
      // Signed in: the session cannot be checked, the unexpired token is trusted; data comes
      // from the legacy systems.
      const mine = await gql(own.gatewayUrl, DASHBOARD, {}, token);
      expect(mine.status).toBe(200);
      expect(mine.errors).toBeUndefined();
      expect(mine.data).toEqual(dashboard.data);
    }
    expect(catalogue.callCount()).toBeGreaterThan(0);
    expect(own.sims.sims.billing.callCount()).toBeGreaterThan(0);
    // A session closed before the outage stays closed.
    expect((await gql(own.gatewayUrl, DASHBOARD, {}, loggedOut)).status).toBe(401);
    // With SSM_SESSION_OUTAGE=refuse, signed-in requests get a retryable 503 instead.
    const refused = await gql(strict.gatewayUrl, DASHBOARD, {}, strictToken);
    expect(refused.status).toBe(503);
    expect(refused.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');

    await redis.restart();
    // The store reconnects by itself; the first answer refills the (empty) cache.
    for (let i = 0; i < 100 && !own.store.available(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(own.store.available()).toBe(true);
    await gql(own.gatewayUrl, q);
    catalogue.resetCalls();
    expect((await gql(own.gatewayUrl, q)).data).toEqual(first.data);
    expect(catalogue.callCount()).toBe(0);
    // This private Redis keeps nothing on disk: its sessions are gone, so sign in again.
    const fresh = (await login(own, 'home.owner')).accessToken;
    await gql(own.gatewayUrl, DASHBOARD, {}, fresh);
    const again = await gql(own.gatewayUrl, DASHBOARD, {}, fresh);
    expect(again.cache).toBe('HIT');
  }, 30_000);

  it('answers while Redis hangs (commands time out), then uses it again once it answers', async () => {
    const q = `{ offerings(first: 3) { edges { node { id name } } } }`;
    const DASHBOARD = `{ me { customer { services(first: 3) { edges { node { id state } } } } } }`;
    const token = (await login(own, 'home.owner')).accessToken;
    const expected = await gql(own.gatewayUrl, DASHBOARD, {}, token);
    const catalogue = await gql(own.gatewayUrl, q);
    redis.pause();
    try {
      for (let i = 0; i < 4; i++) {
        const anonymous = await gql(own.gatewayUrl, q);
        expect(anonymous.errors).toBeUndefined();
        expect(anonymous.data).toEqual(catalogue.data);
        const mine = await gql(own.gatewayUrl, DASHBOARD, {}, token);
        expect(mine.status).toBe(200);
        expect(mine.data).toEqual(expected.data);
      }
    } finally {
      redis.resume();
    }
    for (let i = 0; i < 100 && !own.store.available(); i++) await new Promise((r) => setTimeout(r, 50));
    own.sims.sims.catalogue.resetCalls();
    expect((await gql(own.gatewayUrl, q)).data).toEqual(catalogue.data);
    expect(own.sims.sims.catalogue.callCount()).toBe(0);
  }, 30_000);
});
