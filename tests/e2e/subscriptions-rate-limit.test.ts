import { login } from '../../system/kit/sign-in';
import { subscribe, wsClient } from '../support/subscriptions';
import { startTestSystem, type TestSystem } from '../support/system';

/**
 * S5: each subscribe is charged like a request (its check runs the equivalent query), and a
 * subscriber past the budget gets the same RATE_LIMITED refusal as a request
 * (gateway/rate-limit.ts rateLimitedBody).
 */
const PER_USER = 3;
let system: TestSystem;
let household: string;

beforeAll(async () => {
  system = await startTestSystem({
    rateLimits: { perUser: PER_USER, perPartnerClient: 1e6, perAnonymousAddress: 1e6, signInPerAddress: 1e6 },
  });
  household = (await login(system, 'home.owner')).accessToken;
}, 120_000);
afterAll(async () => {
  await system?.stop();
}, 60_000);

it('S5: a subscribe past the per-user budget is refused RATE_LIMITED, saying when to retry', async () => {
  const client = wsClient(system, household);
  const ends = [];
  for (let i = 0; i <= PER_USER; i += 1) {
    const feed = subscribe(client, `subscription($id: ID!) { troubleTicketUpdated(id: $id) { id } }`, {
      id: `TT-NO-SUCH-${i}`,
    });
    ends.push(await feed.end());
  }
  // Within the budget: each checked (an unknown ticket is NOT_FOUND); past it: refused unchecked.
  expect(ends.slice(0, PER_USER).map((e) => e.code)).toEqual(Array(PER_USER).fill('NOT_FOUND'));
  const refused = ends[PER_USER];
  expect(refused.code).toBe('RATE_LIMITED');
  expect(refused.message).toMatch(/^Too many requests; retry in \d+ s\.$/);
  await client.dispose();
}, 60_000);
