import type { KeyValueStore } from '../../lib/kv';
import { login } from '../../system/kit/sign-in';
import { CachingContext } from './caching/context';
import { expiryTests } from './caching/expiry';
import { invalidationTests } from './caching/invalidation';
import { readTests } from './caching/reads';
import { RecordingStore } from './recording-store';
import { gql, startTestSystem } from './system';

/**
 * Issue 4's caching tests, run against a single Redis (tests/e2e/caching.test.ts) and a
 * 3-master Redis Cluster (tests/e2e/caching-cluster.test.ts): same suite, same expectations.
 * The parts run in this order on one system (reads first: the time-to-live test looks at what
 * the dashboard test wrote).
 */
export function cachingSuite(label: string, makeStore: () => Promise<KeyValueStore>): void {
  const ctx = new CachingContext(label, makeStore);

  beforeAll(async () => {
    ctx.store = new RecordingStore(await makeStore());
    ctx.system = await startTestSystem({ store: ctx.store });
    for (const user of [
      'nw.manager',
      'nw.employee01',
      'nw.employee02',
      'nw.support',
      'home.owner',
      'pre.user',
      'ops.alice',
    ])
      ctx.tokens[user] = (await login(ctx.system, user)).accessToken;
    for (const partner of ['partner-sp-1', 'partner-cp-2']) {
      const r = await gql(
        ctx.url(),
        `mutation($id: String!, $secret: String!) { partnerToken(input: { clientId: $id, clientSecret: $secret }) { ... on PartnerToken { accessToken } } }`,
        { id: `client-${partner}`, secret: `secret-${partner}` },
      );
      ctx.partnerTokens[partner] = r.data?.partnerToken.accessToken;
    }
  }, 60_000);
  afterAll(async () => {
    await ctx.system.stop();
  });

  readTests(ctx);
  expiryTests(ctx);
  invalidationTests(ctx);
}
