import { SYSTEMS } from '../../mocks';
import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

let system: TestSystem;
let manager: string;
beforeAll(async () => {
  // These tests measure what one uncached dashboard costs the legacy systems and how their
  // failures surface; tests/e2e/caching.test.ts measures the same dashboard with caching.
  system = await startTestSystem({ caching: { response: false, legacy: false } });
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
    // one subscription look-up, one unbilled query, one latest-bill query and one billing
    // account look-up (the object rule on Bill) in billing.
    expect(large.ibss).toBe(1);
    expect(large.faults).toBeLessThanOrEqual(2);
    expect(large.billing).toBeLessThanOrEqual(4);
    expect(large.crm).toBeLessThanOrEqual(2);
  });

  it('list fields with arguments batch too: bills per account, usage totals and quality per service', async () => {
    const from = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    for (const name of SYSTEMS) system.sims.sims[name].resetCalls();
    const r = await gql(
      system.gatewayUrl,
      `query($from: String!, $to: String!) { me { customer {
        accounts { bills(first: 2) { totalCount } }
        services(first: 60) { edges { node { id usageSummary(from: $from, to: $to) { records } qualityHistory(from: $from, to: $to) { value } } } }
      } } }`,
      { from, to },
      manager,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.me.customer.accounts).toHaveLength(2);
    expect(r.data?.me.customer.services.edges).toHaveLength(60);
    expect(system.sims.sims.billing.callCount('listBills')).toBe(1);
    expect(system.sims.sims.billing.callCount('summariseUsage')).toBe(1);
    expect(system.sims.sims.faults.callCount('getQuality')).toBe(1);
  });

  it('a legacy outage becomes a typed error on the affected fields while the rest still returns', async () => {
    system.sims.sims.faults.setFaults({ down: true });
    try {
      const r = await gql(system.gatewayUrl, DASHBOARD, { n: 3 }, manager);
      const edges = r.data?.me.customer.services.edges;
      expect(edges).toHaveLength(3);
      expect(edges[0].node.currentCharges.total.amount).toMatch(/^\d+\.\d{2}$/);
      expect(edges[0].node.troubleTickets).toBeNull();
      expect(r.errors?.length).toBeGreaterThan(0);
      expect(r.errors?.every((e) => e.extensions?.code === 'UPSTREAM_UNAVAILABLE')).toBe(true);
    } finally {
      system.sims.sims.faults.setFaults({ down: false });
    }
  });

  it('a legacy timeout becomes UPSTREAM_TIMEOUT on the affected fields', async () => {
    system.sims.sims.billing.setFaults({ timeoutRate: 1 });
    try {
      const r = await gql(system.gatewayUrl, DASHBOARD, { n: 2 }, manager);
      const edges = r.data?.me.customer.services.edges;
      expect(edges).toHaveLength(2);
      expect(edges[0].node.identifier).toMatch(/^\+/);
      expect(edges[0].node.currentCharges).toBeNull();
      expect(r.errors?.some((e) => e.extensions?.code === 'UPSTREAM_TIMEOUT')).toBe(true);
    } finally {
      system.sims.sims.billing.setFaults({ timeoutRate: 0 });
    }
  });
});

describe('identical subgraph fetches in flight are shared, per actor only', () => {
  it("concurrent identical queries of two customers each get their own customer's data", async () => {
    const household = (await login(system, 'home.owner')).accessToken;
    const q = `{ me { customer { id services(first: 3) { edges { node { id } } } } } }`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => gql(system.gatewayUrl, q, {}, i % 2 ? household : manager)),
    );
    for (const [i, r] of answers.entries()) {
      expect(r.errors).toBeUndefined();
      const expected = system.sims.world.users.find((u) => u.id === (i % 2 ? 'home.owner' : 'nw.manager'));
      expect(r.data?.me.customer.id).toBe(expected?.customerId);
      for (const e of r.data?.me.customer.services.edges ?? [])
        expect(system.sims.world.services.find((s) => s.id === e.node.id)?.customerId).toBe(
          r.data?.me.customer.id,
        );
    }
  });
});
