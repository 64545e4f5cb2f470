import { signActorContext, type Actor } from '../../lib/actor';
import { ACTOR_HEADER } from '../../lib/subgraph-server';
import type { SubgraphName } from '../../lib/subgraphs';
import { startTestSystem, type TestSystem } from '../support/system';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system.stop();
});

const northwindManager: Actor = {
  kind: 'customerUser',
  userId: 'nw.manager',
  customerId: 'CUST-000001',
  role: 'MANAGER',
  sessionId: 's-test',
  grants: [],
};
const householdOwner: Actor = {
  kind: 'customerUser',
  userId: 'home.owner',
  customerId: 'CUST-000002',
  role: 'MANAGER',
  sessionId: 's-test',
  grants: [],
};

/** Calls a subgraph directly, as the gateway would, with a context signed for it. */
async function entities(
  subgraph: SubgraphName,
  typename: string,
  id: string,
  selection: string,
  actor: Actor | null,
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (actor) headers[ACTOR_HEADER] = await signActorContext(actor, subgraph, system.secrets.contextSecret);
  const res = await fetch(system.subgraphUrls[subgraph], {
    method: 'POST',
    headers,
    body: JSON.stringify({
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`,
      variables: { r: [{ __typename: typename, id }] },
    }),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: { _entities: (Record<string, unknown> | null)[] };
      errors?: { extensions?: { code?: string } }[];
    },
  };
}

/** Every @key of every subgraph, with an id of Northwind's and the field to read. */
const KEYS: {
  subgraph: SubgraphName;
  typename: string;
  id: () => string;
  selection: string;
  isPublic?: boolean;
}[] = [
  { subgraph: 'customer', typename: 'Customer', id: () => 'CUST-000001', selection: 'id name' },
  { subgraph: 'customer', typename: 'Account', id: () => 'ACC-0000001', selection: 'id name' },
  { subgraph: 'customer', typename: 'User', id: () => 'nw.manager', selection: 'id role' },
  {
    subgraph: 'catalogue',
    typename: 'ProductOffering',
    id: () => 'OFF-MOB-BIZ',
    selection: 'id name',
    isPublic: true,
  },
  {
    subgraph: 'orders',
    typename: 'Customer',
    id: () => 'CUST-000001',
    selection: 'id services(first: 1) { totalCount }',
  },
  { subgraph: 'orders', typename: 'Service', id: () => 'SVC-0000001', selection: 'id identifier' },
  {
    subgraph: 'orders',
    typename: 'ProductOrder',
    id: () => [...system.sims.orders.values()].find((o) => o.customerId === 'CUST-000001')?.id ?? 'none',
    selection: 'id state',
  },
  {
    subgraph: 'faults',
    typename: 'Customer',
    id: () => 'CUST-000001',
    selection: 'id troubleTickets { totalCount }',
  },
  {
    subgraph: 'faults',
    typename: 'Service',
    id: () => 'SVC-0000001',
    selection: 'id networkStatus { reachable }',
  },
  {
    subgraph: 'faults',
    typename: 'TroubleTicket',
    id: () => system.sims.world.tickets.find((t) => t.customerId === 'CUST-000001')?.id ?? 'none',
    selection: 'id state',
  },
  {
    subgraph: 'billing',
    typename: 'Account',
    id: () => 'ACC-0000001',
    selection: 'id billingSettings { billingMode }',
  },
  { subgraph: 'billing', typename: 'Customer', id: () => 'CUST-000001', selection: 'id loyaltyPoints' },
  {
    subgraph: 'billing',
    typename: 'Service',
    id: () => 'SVC-0000001',
    selection: 'id currentCharges { recordCount }',
  },
  {
    subgraph: 'billing',
    typename: 'Bill',
    id: () => system.sims.world.bills.find((b) => b.accountId === 'ACC-0000001')?.id ?? 'none',
    selection: 'id state',
  },
];

describe('_entities for every @key', () => {
  beforeAll(async () => {
    // Northwind needs one order so the ProductOrder key has something to resolve.
    const res = await fetch(system.subgraphUrls.orders, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ACTOR_HEADER]: await signActorContext(northwindManager, 'orders', system.secrets.contextSecret),
      },
      body: JSON.stringify({
        query: `mutation { placeProductOrder(input: { idempotencyKey: "entities-order-1", accountId: "ACC-0000001", items: [{ offeringId: "OFF-MOB-BIZ" }] }) { __typename } }`,
      }),
    });
    expect(res.status).toBe(200);
  });

  it.each(KEYS)(
    '$subgraph resolves $typename for its owner',
    async ({ subgraph, typename, id, selection }) => {
      const r = await entities(subgraph, typename, id(), selection, northwindManager);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data?._entities[0]).toMatchObject({ id: id() });
    },
  );

  it.each(KEYS)(
    '$subgraph protects $typename from another customer exactly like a root field',
    async ({ subgraph, typename, id, selection, isPublic }) => {
      const r = await entities(subgraph, typename, id(), selection, householdOwner);
      if (isPublic) {
        expect(r.body.data?._entities[0]).toMatchObject({ id: id() });
        return;
      }
      expect(r.body.data?._entities[0] ?? null).toBeNull();
      expect(r.body.errors?.[0].extensions?.code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    },
  );

  it.each(KEYS)(
    '$subgraph refuses $typename without the gateway-signed context',
    async ({ subgraph, typename, id, selection }) => {
      const r = await entities(subgraph, typename, id(), selection, null);
      expect(r.status).toBe(401);
      expect(r.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    },
  );

  it('a context signed for one subgraph is refused by another (audience)', async () => {
    const token = await signActorContext(northwindManager, 'billing', system.secrets.contextSecret);
    const res = await fetch(system.subgraphUrls.orders, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ACTOR_HEADER]: token },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(401);
  });
});
