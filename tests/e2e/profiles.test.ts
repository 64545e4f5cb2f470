import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system.stop();
});

const RECOMMENDED = `{ recommendedOfferings(first: 3) { id category serviceType } }`;

describe('R6 profiles', () => {
  it('R6 maps every signed-in user to a profile that keeps what they browsed', async () => {
    const token = (await login(system, 'home.owner')).accessToken;
    const empty = await gql(system.gatewayUrl, `{ me { profile { topics { topic hits } } } }`, {}, token);
    expect(empty.data?.me.profile).toEqual({ topics: [] });
    await gql(system.gatewayUrl, `{ offerings(filter: { category: "content" }) { totalCount } }`, {}, token);
    await gql(system.gatewayUrl, `{ offering(id: "OFF-CP-GAMES") { id } }`, {}, token);
    const after = await gql(system.gatewayUrl, `{ me { profile { topics { topic hits } } } }`, {}, token);
    expect(after.data?.me.profile.topics).toEqual([
      { topic: 'category:content', hits: 2 },
      { topic: 'type:IPTV', hits: 1 },
    ]);
  });

  it('R6 personalises the catalogue from the profile; anonymous callers get the plain catalogue order', async () => {
    const anonymous = await gql(system.gatewayUrl, RECOMMENDED);
    expect(anonymous.data?.recommendedOfferings.map((o: any) => o.id)).toEqual([
      'OFF-MOB-S',
      'OFF-MOB-L',
      'OFF-MOB-BIZ',
    ]);
    const token = (await login(system, 'pre.user')).accessToken;
    for (let i = 0; i < 3; i++)
      await gql(
        system.gatewayUrl,
        `{ offerings(filter: { category: "broadband" }) { totalCount } }`,
        {},
        token,
      );
    const personal = await gql(system.gatewayUrl, RECOMMENDED, {}, token);
    expect(personal.data?.recommendedOfferings.slice(0, 2).map((o: any) => o.category)).toEqual([
      'broadband',
      'broadband',
    ]);
  });

  it('R6 a profile is private to its user', async () => {
    const token = (await login(system, 'nw.support')).accessToken;
    const r = await gql(
      system.gatewayUrl,
      `{ me { customer { users { id profile { topics { topic } } } } } }`,
      {},
      token,
    );
    const others = r.data?.me.customer.users.filter((u: any) => u.id !== 'nw.support');
    expect(others.every((u: any) => u.profile === null)).toBe(true);
    expect(r.errors?.every((e: any) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
  });
});
