import { gql, startTestSystem, type TestSystem } from '../support/system';
import {
  openAtGateway,
  publish,
  sseClient,
  subscribe,
  until,
  wsClient,
  type Payload,
  type Transport,
} from '../support/subscriptions';
import { login } from '../../system/kit/sign-in';

/**
 * F9 (Scenario 2): order progress pushed to the app over both transports, each payload resolved
 * through the federated graph with the subscriber's rights (orders + catalogue + the new service).
 */
let system: TestSystem;
let household: string;
let northwind: string;

beforeAll(async () => {
  system = await startTestSystem();
  household = (await login(system, 'home.owner')).accessToken;
  northwind = (await login(system, 'nw.manager')).accessToken;
});
afterAll(async () => {
  await system.stop();
});
// Every test starts with no subscription left open by the one before (counts below are exact).
afterEach(() => until(() => openAtGateway(system) === 0, 'subscriptions closed'));

const ORDER_UPDATED = `subscription($id: ID!) { orderUpdated(id: $id) {
  id state items { state offering { id name } service { id state } } } }`;
const clientFor = (transport: Transport, token?: string) =>
  transport === 'ws' ? wsClient(system, token) : sseClient(system, token);

let orderNo = 0;
async function placeOrder(token: string, account: string, offeringId = 'OFF-CP-GAMES'): Promise<string> {
  const r = await gql(
    system.gatewayUrl,
    `mutation($input: PlaceProductOrderInput!) { placeProductOrder(input: $input) { __typename ... on ProductOrder { id } } }`,
    {
      input: {
        idempotencyKey: `sub-order-${++orderNo}-${Date.now()}`,
        accountId: account,
        items: [{ offeringId }],
      },
    },
    token,
  );
  expect(r.data?.placeProductOrder.__typename).toBe('ProductOrder');
  return r.data?.placeProductOrder.id as string;
}

/** The order as the equivalent query answers it right now, over HTTP. */
async function orderNow(id: string) {
  const r = await gql(
    system.gatewayUrl,
    `query($id: ID!) { productOrder(id: $id) { id state } }`,
    { id },
    household,
  );
  return r.data?.productOrder as { id: string; state: string };
}

const offeringName = (id: string) => system.sims.world.offerings.find((o) => o.id === id)?.name;
const stateChanged = (orderId: string, state: string) => ({
  type: 'order.state-changed' as const,
  source: 'test',
  customerId: null,
  subjectId: orderId,
  data: { state },
});

describe.each<Transport>(['ws', 'sse'])('orderUpdated over %s', (transport) => {
  it(`F9: [${transport}] pushes each state change, resolved across subgraphs, and completes on the final one`, async () => {
    // Slow provisioning: the order is still on its way while the app follows it.
    system.sims.provisioning.delayMs = 3_000;
    const id = await placeOrder(household, 'ACC-0000003');
    const client = clientFor(transport, household);
    const before = openAtGateway(system);
    const feed = subscribe(client, ORDER_UPDATED, { id });
    try {
      await until(() => openAtGateway(system) > before, 'subscription registered');
      await publish(system, stateChanged(id, 'inProgress'));
      const first: Payload = await feed.next();
      const order = first.data?.orderUpdated;
      expect(order.id).toBe(id);
      // The payload is the order as the query sees it, not the event's word for it.
      expect(['acknowledged', 'pending', 'inProgress', 'completed']).toContain(order.state);
      expect(order.items.map((i: any) => i.offering.name)).toEqual([offeringName('OFF-CP-GAMES')]);
      system.sims.provisioning.delayMs = 50;
      await system.sims.provisioningIdle();
      expect((await orderNow(id)).state).toBe('completed');
      await publish(system, stateChanged(id, 'completed'));
      const end = await feed.end();
      expect(end.completed).toBe(true);
      const last = end.payloads.at(-1)?.data?.orderUpdated;
      expect(last.state).toBe('completed');
      // The new service, from the customer side of the graph, is active.
      expect(last.items[0].service.state).toBe('active');
      await until(() => openAtGateway(system) === before, 'subscription closed');
    } finally {
      system.sims.provisioning.delayMs = 50;
      feed.stop();
      await client.dispose();
    }
  });

  it(`F9: [${transport}] an order already final is answered at once and the subscription completes`, async () => {
    const id = await placeOrder(household, 'ACC-0000003', 'OFF-CP-MOVIES');
    await system.sims.provisioningIdle();
    const client = clientFor(transport, household);
    try {
      const end = await subscribe(client, ORDER_UPDATED, { id }).end();
      expect(end.completed).toBe(true);
      expect(end.payloads).toHaveLength(1);
      const order = end.payloads[0].data?.orderUpdated;
      expect(order.state).toBe((await orderNow(id)).state);
      expect(order.items.map((i: any) => i.offering.name)).toEqual([offeringName('OFF-CP-MOVIES')]);
    } finally {
      await client.dispose();
    }
  });

  it(`S3: [${transport}] another customer's order id is NOT_FOUND exactly like an unknown id`, async () => {
    const theirs = await placeOrder(northwind, 'ACC-0000001', 'OFF-CP-GAMES');
    const client = clientFor(transport, household);
    try {
      const other = await subscribe(client, ORDER_UPDATED, { id: theirs }).end();
      const unknown = await subscribe(client, ORDER_UPDATED, { id: 'ORD-DOES-NOT-EXIST' }).end();
      expect(other.code).toBe('NOT_FOUND');
      expect(unknown.code).toBe('NOT_FOUND');
      // The same answer but for the id the client sent.
      expect(other.message?.replace(theirs, '<id>')).toBe(
        unknown.message?.replace('ORD-DOES-NOT-EXIST', '<id>'),
      );
      expect(other.payloads.filter((p) => p.data)).toEqual(unknown.payloads.filter((p) => p.data));
      expect(openAtGateway(system)).toBe(0);
    } finally {
      await client.dispose();
    }
  });

  it(`S2: [${transport}] an anonymous subscriber is told to sign in (UNAUTHENTICATED)`, async () => {
    const id = await placeOrder(household, 'ACC-0000003');
    const client = clientFor(transport);
    try {
      const end = await subscribe(client, ORDER_UPDATED, { id }).end();
      expect(end.code).toBe('UNAUTHENTICATED');
    } finally {
      await client.dispose();
    }
  });

  it(`S1: [${transport}] logout ends a live subscription on the next event`, async () => {
    const session = await login(system, 'home.owner');
    system.sims.provisioning.delayMs = 3_000;
    const id = await placeOrder(session.accessToken, 'ACC-0000003');
    const client = clientFor(transport, session.accessToken);
    const before = openAtGateway(system);
    const feed = subscribe(client, ORDER_UPDATED, { id });
    try {
      await until(() => openAtGateway(system) > before, 'subscription registered');
      const out = await gql(system.gatewayUrl, `mutation { logout { loggedOut } }`, {}, session.accessToken);
      expect(out.data?.logout.loggedOut).toBe(true);
      // The IBSS's own progress may have been pushed before the logout; nothing is after it.
      const seen = feed.payloads.length;
      await publish(system, stateChanged(id, 'pending'));
      const end = await feed.end();
      expect(end.code).toBe('UNAUTHENTICATED');
      expect(end.message).toMatch(/session has ended/);
      // The IBSS's own progress (pending), resolved before the logout, may still be on its way
      // (seen in CI): at most that one payload; what was published after the logout ended it.
      expect(end.payloads.slice(seen).filter((p) => p.data).length).toBeLessThanOrEqual(1);
      await until(() => openAtGateway(system) === before, 'subscription closed');
    } finally {
      system.sims.provisioning.delayMs = 50;
      feed.stop();
      await client.dispose();
    }
  });

  it(`F9: [${transport}] Scenario 2: the IBSS's own progress reaches the app in order, through to completion`, async () => {
    // No event is published by the test: the IBSS simulator calls back on each state change and
    // the orders subgraph records each as an event (outbox), which the gateway pushes.
    system.sims.provisioning.delayMs = 2_000;
    const client = clientFor(transport, household);
    let feed;
    try {
      const id = await placeOrder(household, 'ACC-0000003', 'OFF-BUNDLE-CINEMA');
      feed = subscribe(client, ORDER_UPDATED, { id });
      const end = await feed.end();
      expect(end.completed).toBe(true);
      const states = end.payloads.map((p) => p.data?.orderUpdated.state as string);
      // Followed while on its way: at least one state before the last.
      expect(states.length).toBeGreaterThan(1);
      const lifecycle = ['acknowledged', 'pending', 'inProgress', 'completed', 'partial', 'failed'];
      // Each payload is the order as it is when the event is read: never an older state than the last.
      expect(states.map((s) => lifecycle.indexOf(s))).toEqual(
        [...states.map((s) => lifecycle.indexOf(s))].sort((a, b) => a - b),
      );
      const last = end.payloads.at(-1)?.data?.orderUpdated;
      expect(last.state).toBe((await orderNow(id)).state);
      expect(['completed', 'partial']).toContain(last.state);
      const bundle = system.sims.world.offerings.find((o) => o.id === 'OFF-BUNDLE-CINEMA');
      expect(last.items.map((i: any) => i.offering.name).sort()).toEqual(
        (bundle?.bundledOfferingIds ?? []).map((b) => offeringName(b)).sort(),
      );
    } finally {
      system.sims.provisioning.delayMs = 50;
      feed?.stop();
      await client.dispose();
    }
  });
});
