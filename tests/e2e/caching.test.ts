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
