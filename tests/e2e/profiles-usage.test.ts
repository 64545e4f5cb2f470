import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

/**
 * R6: the profile is updated whatever the gateway's response cache does, and recommendations
 * weigh the service types the customer uses (the seed's inventory) besides browsing.
 */
let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system.stop();
});

const world = () => system.sims.world;
const PROFILE = `{ me { profile { topics { topic hits } } } }`;
const topicsOf = async (token: string) =>
  (await gql(system.gatewayUrl, PROFILE, {}, token)).data?.me.profile.topics as {
    topic: string;
    hits: number;
  }[];

describe('R6 profiles and the response cache', () => {
  it("R6: a signed-in user's browsing reaches the profile even when the cache holds the answer", async () => {
    const browse = `{ offerings(filter: { category: "content" }) { totalCount } }`;
    const view = `{ offering(id: "OFF-CP-GAMES") { id name } }`;
    // Anonymous callers fill the shared cache and are answered from it.
    for (const q of [browse, view]) await gql(system.gatewayUrl, q);
    expect((await gql(system.gatewayUrl, browse)).cache).toBe('HIT');
    expect((await gql(system.gatewayUrl, view)).cache).toBe('HIT');

    const first = (await login(system, 'pre.user')).accessToken;
    const second = (await login(system, 'nw.employee01')).accessToken;
    expect(await topicsOf(first)).toEqual([]);
    expect(await topicsOf(second)).toEqual([]);
    // Two users ask the same as the anonymous callers; the first one twice.
    for (const token of [first, second, first]) {
      const r = await gql(system.gatewayUrl, browse, {}, token);
      expect(r.data?.offerings.totalCount).toBe(
        world().offerings.filter((o) => o.category === 'content').length,
      );
    }
    await gql(system.gatewayUrl, view, {}, second);

    const games = world().offerings.find((o) => o.id === 'OFF-CP-GAMES');
    expect(await topicsOf(first)).toEqual([{ topic: 'category:content', hits: 2 }]);
    expect(await topicsOf(second)).toEqual(
      [
        { topic: `category:${games?.category}`, hits: 2 },
        { topic: `type:${games?.serviceType}`, hits: 1 },
      ].sort((a, b) => b.hits - a.hits || a.topic.localeCompare(b.topic)),
    );
    // Public answers are still shared with anonymous callers.
    expect((await gql(system.gatewayUrl, browse)).cache).toBe('HIT');
  });

  it('R6: recommendations put the service types the customer uses first, in catalogue order otherwise', async () => {
    // The household's manager has browsed nothing: only its inventory can change the order.
    const household = (await login(system, 'home.owner')).accessToken;
    expect(await topicsOf(household)).toEqual([]);
    // The catalogue's own order, as anonymous browsing lists it.
    const listed = await gql(
      system.gatewayUrl,
      `{ offerings(first: 50) { edges { node { id serviceType } } } }`,
    );
    const catalogue: { id: string; serviceType: string | null }[] = listed.data?.offerings.edges.map(
      (e: { node: { id: string; serviceType: string | null } }) => e.node,
    );
    expect(catalogue.length).toBeGreaterThan(10);
    const used = new Set<string>(
      world()
        .services.filter((s) => s.customerId === 'CUST-000002' && s.state === 'active')
        .map((s) => s.type),
    );
    expect([...used].sort()).toEqual(['BROADBAND', 'FIXED_LINE', 'IPTV']);

    const RECOMMENDED = `{ recommendedOfferings(first: 8) { id serviceType } }`;
    const anonymous = await gql(system.gatewayUrl, RECOMMENDED);
    expect(anonymous.data?.recommendedOfferings.map((o: { id: string }) => o.id)).toEqual(
      catalogue.slice(0, 8).map((o) => o.id),
    );
    // Offerings of the types in use first, each group in catalogue order.
    const expected = [
      ...catalogue.filter((o) => o.serviceType !== null && used.has(o.serviceType)),
      ...catalogue.filter((o) => o.serviceType === null || !used.has(o.serviceType)),
    ]
      .slice(0, 8)
      .map((o) => o.id);
    expect(expected).not.toEqual(catalogue.slice(0, 8).map((o) => o.id));
    const personal = await gql(system.gatewayUrl, RECOMMENDED, {}, household);
    expect(personal.errors).toBeUndefined();
    expect(personal.data?.recommendedOfferings.map((o: { id: string }) => o.id)).toEqual(expected);
  });

  it('R6: browsing and usage combine: three visits of a topic outweigh a service type in use', async () => {
    const household = (await login(system, 'home.owner')).accessToken;
    for (let i = 0; i < 3; i++)
      await gql(
        system.gatewayUrl,
        `{ offerings(filter: { category: "mobile" }) { totalCount } }`,
        {},
        household,
      );
    const r = await gql(
      system.gatewayUrl,
      `{ recommendedOfferings(first: 3) { id category } }`,
      {},
      household,
    );
    const mobile = world().offerings.filter((o) => o.category === 'mobile' && o.lifecycleStatus === 'ACTIVE');
    expect(mobile.length).toBeGreaterThanOrEqual(3);
    expect(r.data?.recommendedOfferings.map((o: { category: string }) => o.category)).toEqual([
      'mobile',
      'mobile',
      'mobile',
    ]);
  });
});
