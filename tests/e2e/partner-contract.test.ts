import { readFileSync } from 'node:fs';
import { InMemoryCache } from '@apollo/client';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  isObjectType,
  parse,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import { PARTNER_CONTRACT_FILE } from '../../lib/partner-contract';
import { login } from '../../system/kit/sign-in';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * R4, the partner contract (docs/partners.md): partner systems see and use only the part of the
 * API tagged for them, and what they get is keyed by `id` and filled with demo data.
 */
let system: TestSystem;
const tokens: Record<string, string> = {};

const TOKEN = `mutation($id: String!, $secret: String!) { partnerToken(input: { clientId: $id, clientSecret: $secret }) { ... on PartnerToken { accessToken } } }`;

beforeAll(async () => {
  system = await startTestSystem();
  for (const partner of system.sims.world.partners) {
    const client = partner.id.toLowerCase();
    const r = await gql(system.gatewayUrl, TOKEN, { id: `client-${client}`, secret: `secret-${client}` });
    tokens[partner.id] = r.data?.partnerToken.accessToken;
  }
});
afterAll(async () => {
  await system.stop();
});

const contract = () => buildSchema(readFileSync(PARTNER_CONTRACT_FILE, 'utf8'));
const cp1 = () => tokens['PARTNER-CP-1'];

/** The partner's offerings in the seed, and what the seed holds of them. */
function partnerWorld(partnerId: string) {
  const world = system.sims.world;
  const offerings = new Set(world.offerings.filter((o) => o.partnerId === partnerId).map((o) => o.id));
  return {
    offerings,
    subscriptions: world.services.filter((s) => offerings.has(s.offeringId)),
    orders: world.orders.filter((o) => o.items.some((i) => offerings.has(i.offeringId))),
  };
}

describe('R4 partner contract', () => {
  it('R4: partner introspection shows only the contract: no staff mutations, no actOnBehalfOf, no customer personal fields', async () => {
    const r = await gql<IntrospectionQuery>(system.gatewayUrl, getIntrospectionQuery(), {}, cp1());
    expect(r.errors).toBeUndefined();
    const seen = buildClientSchema(r.data as IntrospectionQuery);
    expect(printSchema(seen)).toBe(printSchema(contract()));
    // Sign-in and the partner's own webhook registrations (R4, issue 13), nothing else.
    const mutations = ['partnerToken', 'createEventSubscription', 'deleteEventSubscription'];
    expect(Object.keys(seen.getMutationType()?.getFields() ?? {})).toEqual(mutations);
    for (const name of ['Customer', 'Account', 'User', 'Service', 'SecurityEvent', 'Bill'])
      expect({ name, type: seen.getType(name) ?? null }).toEqual({ name, type: null });
    const fields = Object.values(seen.getTypeMap())
      .filter((t) => isObjectType(t) && !t.name.startsWith('__'))
      .flatMap((t) => (isObjectType(t) ? Object.keys(t.getFields()).map((f) => `${t.name}.${f}`) : []));
    expect(fields.length).toBeGreaterThan(20);
    expect(
      fields.filter((f) => /\.(email|phone|address|identifier|contact|customer|account|user)$/.test(f)),
    ).toEqual([]);
    const one = await gql(system.gatewayUrl, `{ __type(name: "Mutation") { fields { name } } }`, {}, cp1());
    expect(one.data?.__type.fields).toEqual(mutations.map((name) => ({ name })));
    // Everyone else still introspects the whole graph (development mode).
    const owner = (await login(system, 'home.owner')).accessToken;
    const full = await gql(system.gatewayUrl, `{ __type(name: "Mutation") { fields { name } } }`, {}, owner);
    expect(full.data?.__type.fields.map((f: { name: string }) => f.name)).toContain('actOnBehalfOf');
  });

  it('R4: a partner operation outside the contract is refused before planning, saying why', async () => {
    const before = system.gateway.subgraphRequests();
    for (const [query, field] of [
      [`{ me { id } }`, 'Query.me'],
      [`{ recommendedOfferings { id } }`, 'Query.recommendedOfferings'],
      [`{ partnerSubscriptions { totalCount } customer(id: "CUST-000002") { name } }`, 'Query.customer'],
      [
        `mutation { startLogin(input: { actorId: "home.owner", password: "x", channel: SMS }) { __typename } }`,
        'Mutation.startLogin',
      ],
    ]) {
      const r = await gql(system.gatewayUrl, query, {}, cp1());
      expect({ query, data: r.data ?? null, error: r.errors?.[0] }).toEqual({
        query,
        data: null,
        error: expect.objectContaining({
          message: expect.stringContaining(`${field} is not in the partner contract.`),
          extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_IN_PARTNER_CONTRACT' }),
        }),
      });
    }
    // Hidden in a fragment, a field is outside all the same.
    const fragment = await gql(
      system.gatewayUrl,
      `{ partnerOrders { totalCount } ...F } fragment F on Query { serviceAvailability(postcode: "00100") { postcode } }`,
      {},
      cp1(),
    );
    expect(fragment.errors?.[0].message).toContain(
      'Query.serviceAvailability is not in the partner contract.',
    );
    expect(system.gateway.subgraphRequests()).toEqual(before);
    // Introspection mixed with data would need two schemas at once: it must come alone.
    const mixed = await gql(
      system.gatewayUrl,
      `{ __schema { queryType { name } } partners { id } }`,
      {},
      cp1(),
    );
    expect(mixed.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    // Inside the contract, everything works.
    const inside = await gql(
      system.gatewayUrl,
      `{ partners { id } offerings(filter: { partnerId: "PARTNER-CP-1" }) { totalCount } partnerOrders(first: 1) { totalCount } }`,
      {},
      cp1(),
    );
    expect(inside.errors).toBeUndefined();
    expect(inside.data?.offerings.totalCount).toBe(partnerWorld('PARTNER-CP-1').offerings.size);
  });

  it('R4: partner types carry an id that is unique and stable, so Apollo Client normalizes them', async () => {
    const query = `{ partnerSubscriptions(first: 200) { __typename edges { __typename node { __typename id subscriptionId state } } }
      partnerOrders(first: 100) { __typename edges { __typename node { __typename id orderId state items { __typename state } } } } }`;
    const sp = tokens['PARTNER-SP-1'];
    const first = await gql(system.gatewayUrl, query, {}, sp);
    const again = await gql(system.gatewayUrl, query, {}, sp);
    expect(first.errors).toBeUndefined();
    const subs = first.data?.partnerSubscriptions.edges.map((e: any) => e.node);
    const orders = first.data?.partnerOrders.edges.map((e: any) => e.node);
    expect(subs.every((n: any) => n.id === n.subscriptionId)).toBe(true);
    expect(orders.every((n: any) => n.id === n.orderId)).toBe(true);
    expect(new Set(subs.map((n: any) => n.id)).size).toBe(subs.length);
    expect(again.data).toEqual(first.data);
    // Apollo Client's cache, with no type policies: one entry per subscription and per order.
    const cache = new InMemoryCache();
    cache.writeQuery({ query: parse(query), data: first.data });
    cache.writeQuery({ query: parse(query), data: again.data });
    const keys = Object.keys(cache.extract());
    expect(keys.filter((k) => k.startsWith('PartnerSubscription:')).sort()).toEqual(
      subs.map((n: any) => `PartnerSubscription:${n.id}`).sort(),
    );
    expect(keys.filter((k) => k.startsWith('PartnerOrder:'))).toHaveLength(orders.length);
    // The old names stay, deprecated, so existing partner code keeps working.
    const deprecated = contract().getType('PartnerSubscription');
    expect(isObjectType(deprecated) && deprecated.getFields().subscriptionId.deprecationReason).toMatch(/id/);
  });

  it('R4: every demo partner sees its subscriptions and orders in the demo data', async () => {
    for (const partner of system.sims.world.partners) {
      const r = await gql(
        system.gatewayUrl,
        `{ partnerSubscriptions(first: 200) { totalCount } partnerOrders(first: 100) { totalCount edges { node { id items { offering { id } } } } } }`,
        {},
        tokens[partner.id],
      );
      const expected = partnerWorld(partner.id);
      expect({
        partner: partner.id,
        subscriptions: r.data?.partnerSubscriptions.totalCount,
        orders: r.data?.partnerOrders.totalCount,
      }).toEqual({
        partner: partner.id,
        subscriptions: expected.subscriptions.length,
        orders: expected.orders.length,
      });
      expect(expected.subscriptions.length).toBeGreaterThan(0);
      expect(expected.orders.length).toBeGreaterThan(0);
      const items = r.data?.partnerOrders.edges.flatMap((e: any) =>
        e.node.items.map((i: any) => i.offering.id),
      );
      expect(items.every((id: string) => expected.offerings.has(id))).toBe(true);
    }
  });
});
