import { SYSTEMS } from '../../mocks';
import { gql, login, startTestSystem, type TestSystem } from '../support/system';

let system: TestSystem;
let manager: string;
beforeAll(async () => {
  system = await startTestSystem();
  manager = (await login(system, 'nw.manager')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const DASHBOARD = `query($n: Int!) { me { customer { services(first: $n, filter: { type: MOBILE }) { totalCount edges { node {
  id identifier state
  currentCharges { total { amount } }
  lastBillCharges { amount { amount } bill { id } }
  troubleTickets(openOnly: true) { totalCount }
} } } } } }`;

async function callsFor(n: number): Promise<Record<string, number>> {
  for (const name of SYSTEMS) system.sims.sims[name].resetCalls();
  const r = await gql(system.gatewayUrl, DASHBOARD, { n }, manager);
  expect(r.errors).toBeUndefined();
  expect(r.data?.me.customer.services.edges).toHaveLength(n);
  return Object.fromEntries(SYSTEMS.map((name) => [name, system.sims.sims[name].callCount()]));
}

describe('dashboard batching', () => {
  it('the 50-number dashboard makes the same legacy calls as a 5-number one (DataLoader batching)', async () => {
    const small = await callsFor(5);
    const large = await callsFor(50);
    expect(large).toEqual(small);
    // One inventory page; one ownership look-up + one open-ticket query in fault management;
    // one subscription look-up, one unbilled query and one latest-bill query in billing.
    expect(large.ibss).toBe(1);
    expect(large.faults).toBeLessThanOrEqual(2);
    expect(large.billing).toBeLessThanOrEqual(3);
    expect(large.crm).toBeLessThanOrEqual(2);
  });
});
