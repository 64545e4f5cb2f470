import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

let system: TestSystem;
const TOKEN = `mutation($id: String!, $secret: String!) { partnerToken(input: { clientId: $id, clientSecret: $secret }) { __typename ... on PartnerToken { accessToken scopes partner { id kind } } ... on PartnerAuthFailed { message } } }`;
const tokenOf = async (partner: string) =>
  (
    await gql(system.gatewayUrl, TOKEN, {
      id: `client-${partner.toLowerCase()}`,
      secret: `secret-${partner.toLowerCase()}`,
    })
  ).data?.partnerToken.accessToken as string;

beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system.stop();
});

describe('R4 partners (SP/CP systems)', () => {
  it('R4 a partner system gets a token with client credentials; wrong credentials get nothing', async () => {
    const ok = await gql(system.gatewayUrl, TOKEN, {
      id: 'client-partner-sp-1',
      secret: 'secret-partner-sp-1',
    });
    expect(ok.data?.partnerToken).toMatchObject({
      __typename: 'PartnerToken',
      scopes: ['subscriptions:read', 'orders:read', 'usage:read'],
      partner: { id: 'PARTNER-SP-1', kind: 'SP' },
    });
    const bad = await gql(system.gatewayUrl, TOKEN, {
      id: 'client-partner-sp-1',
      secret: 'secret-partner-cp-1',
    });
    expect(bad.data?.partnerToken.__typename).toBe('PartnerAuthFailed');
  });

  it('R4 a partner sees the subscriptions of its own products only, without customer data', async () => {
    const sp = await tokenOf('PARTNER-SP-1');
    const r = await gql(
      system.gatewayUrl,
      `{ partnerSubscriptions(first: 200) { totalCount edges { node { subscriptionId state offering { id provider { partner { id } } } } } } }`,
      {},
      sp,
    );
    expect(r.errors).toBeUndefined();
    const nodes = r.data?.partnerSubscriptions.edges.map((e: any) => e.node);
    const expected = system.sims.world.services.filter((s) =>
      ['OFF-TV-BASIC', 'OFF-TV-PLUS'].includes(s.offeringId),
    ).length;
    expect(r.data?.partnerSubscriptions.totalCount).toBe(expected);
    expect(nodes.every((n: any) => n.offering.provider.partner.id === 'PARTNER-SP-1')).toBe(true);
    const identifiers = system.sims.world.services.map((s) => s.identifier);
    expect(identifiers.some((i) => JSON.stringify(r).includes(i))).toBe(false);
    const cp = await tokenOf('PARTNER-CP-2');
    const other = await gql(
      system.gatewayUrl,
      `{ partnerSubscriptions { edges { node { offering { id } } } } }`,
      {},
      cp,
    );
    expect(
      other.data?.partnerSubscriptions.edges.every((e: any) => e.node.offering.id === 'OFF-CP-GAMES'),
    ).toBe(true);
  });

  it('R4 a partner sees orders with its products, showing only its own items', async () => {
    const owner = (await login(system, 'home.owner')).accessToken;
    const placed = await gql(
      system.gatewayUrl,
      `mutation { placeProductOrder(input: { idempotencyKey: "r4-bundle-01", accountId: "ACC-0000003", items: [{ offeringId: "OFF-BB-500" }, { offeringId: "OFF-CP-MOVIES" }] }) { ... on ProductOrder { id } } }`,
      {},
      owner,
    );
    const cp = await tokenOf('PARTNER-CP-1');
    const r = await gql(
      system.gatewayUrl,
      `{ partnerOrders { edges { node { orderId items { offering { id } } } } } }`,
      {},
      cp,
    );
    const order = r.data?.partnerOrders.edges.find(
      (e: any) => e.node.orderId === placed.data?.placeProductOrder.id,
    );
    expect(order.node.items).toEqual([{ offering: { id: 'OFF-CP-MOVIES' } }]);
  });

  it('R4 a partner reaches no customer data and no other operation', async () => {
    const cp = await tokenOf('PARTNER-CP-1');
    const svc = system.sims.world.services.find((s) => s.offeringId === 'OFF-TV-BASIC') as { id: string };
    for (const query of [
      `{ service(id: "${svc.id}") { id } }`,
      `{ customer(id: "CUST-000002") { name } }`,
      `{ me { id customer { name } } }`,
      `mutation { reportFault(input: { idempotencyKey: "r4-fault-01", serviceId: "${svc.id}", category: other, description: "partner" }) { __typename } }`,
    ]) {
      const r = await gql(system.gatewayUrl, query, {}, cp);
      const leaked = JSON.stringify(r.data ?? null).includes('CUST-');
      expect({
        query,
        leaked,
        denied: r.errors?.[0]?.extensions?.code === 'FORBIDDEN' || r.data?.me === null,
      }).toEqual({ query, leaked: false, denied: true });
    }
    const catalogue = await gql(system.gatewayUrl, `{ offerings(first: 1) { totalCount } }`, {}, cp);
    expect(catalogue.data?.offerings.totalCount).toBeGreaterThan(0);
  });

  it('R4 a partner reads the usage of its own products, per subscription', async () => {
    const sp = await tokenOf('PARTNER-SP-1');
    const from = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const r = await gql(
      system.gatewayUrl,
      `query($from: String!, $to: String!) { partnerSubscriptions(first: 5) { edges { node { subscriptionId usageSummary(from: $from, to: $to) { records videoMb } } } } }`,
      { from, to },
      sp,
    );
    expect(r.errors).toBeUndefined();
    const first = r.data?.partnerSubscriptions.edges[0].node;
    const expected = (system.sims.world.usage.get(first.subscriptionId) ?? []).filter(
      (u) => u.start >= Date.parse(from) && u.start <= Date.parse(`${to}T23:59:59.999Z`),
    ).length;
    expect(first.usageSummary.records).toBe(expected);
    const noScope = await gql(
      system.gatewayUrl,
      `{ partnerSubscriptions(first: 1) { edges { node { usageSummary(from: "2026-01-01", to: "2026-01-02") { records } } } } }`,
      {},
      (await login(system, 'home.owner')).accessToken,
    );
    expect(noScope.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
