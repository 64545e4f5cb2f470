import { SYSTEMS } from '../../../mocks';
import { login } from '../../../system/kit/sign-in';
import { gql, startTestSystem, type TestSystem } from '../system';
import { DASHBOARD, type CachingContext } from './context';

/** Expiry: a second system whose time-to-lives are capped at one second. */
export function expiryTests(ctx: CachingContext): void {
  const { label, makeStore } = ctx;

  describe(`expiry (${label})`, () => {
    let short: TestSystem;
    beforeAll(async () => {
      // Every time-to-live capped at one second, so expiry can be watched in a test.
      short = await startTestSystem({ store: await makeStore(), caching: { maxTtlSeconds: 1 } });
    }, 60_000);
    afterAll(async () => {
      await short.stop();
    });

    it('an expired entry is loaded again from the legacy systems', async () => {
      const token = (await login(short, 'nw.manager')).accessToken;
      const read = () => gql(short.gatewayUrl, DASHBOARD, { n: 5 }, token);
      const count = () => SYSTEMS.reduce((n, name) => n + short.sims.sims[name].callCount(), 0);
      await read();
      SYSTEMS.forEach((name) => short.sims.sims[name].resetCalls());
      expect((await read()).cache).toBe('HIT');
      expect(count()).toBe(0);
      await new Promise((r) => setTimeout(r, 2100));
      const expired = await read();
      expect(expired.cache).toBe('MISS');
      expect(expired.errors).toBeUndefined();
      expect(short.sims.sims.ibss.callCount()).toBeGreaterThan(0);
      expect(short.sims.sims.billing.callCount()).toBeGreaterThan(0);
      expect(short.sims.sims.faults.callCount()).toBeGreaterThan(0);
    });
  });
}
