import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

let system: TestSystem;
let household: string;
beforeAll(async () => {
  system = await startTestSystem();
  household = (await login(system, 'home.owner')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const PLACE = `mutation($input: PlaceProductOrderInput!) { placeProductOrder(input: $input) {
  __typename ... on ProductOrder { id state items { state } } ... on OrderRejected { reason } } }`;
const FOLLOW = `query($id: ID!) { productOrder(id: $id) { id state items { state service { id } } } }`;
const ibssOrdersFor = (key: string) =>
  [...system.sims.orders.values()].filter((o) => o.requestId.endsWith(`:${key}`));

async function until<T>(probe: () => Promise<T>, done: (t: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('exactly-once orders through the outbox', () => {
  it('acknowledges an order while the IBSS is down, lets the client follow it, and submits it once when the IBSS returns', async () => {
    const input = {
      idempotencyKey: 'outbox-order-1',
      accountId: 'ACC-0000003',
      items: [{ offeringId: 'OFF-TV-PLUS' }],
    };
    system.sims.sims.ibss.setFaults({ down: true });
    let queuedId: string;
    try {
      const placed = await gql(system.gatewayUrl, PLACE, { input }, household);
      expect(placed.errors).toBeUndefined();
      expect(placed.data?.placeProductOrder).toMatchObject({
        __typename: 'ProductOrder',
        state: 'acknowledged',
      });
      queuedId = placed.data?.placeProductOrder.id;
      expect(queuedId).toMatch(/^QO-/);
      // The client retries (it never saw an answer it trusts): same order, nothing new.
      const retried = await gql(system.gatewayUrl, PLACE, { input }, household);
      expect(retried.data?.placeProductOrder.id).toBe(queuedId);
      const followed = await gql(system.gatewayUrl, FOLLOW, { id: queuedId }, household);
      expect(followed.data?.productOrder).toMatchObject({ id: queuedId, state: 'acknowledged' });
      expect(ibssOrdersFor('outbox-order-1')).toHaveLength(0);
    } finally {
      system.sims.sims.ibss.setFaults({ down: false });
    }
    // The worker submits it once the IBSS answers again; provisioning then completes it.
    const completed = await until(
      () => gql(system.gatewayUrl, FOLLOW, { id: queuedId }, household),
      (r) => r.data?.productOrder?.state === 'completed',
    );
    expect(completed.data?.productOrder.state).toBe('completed');
    expect(completed.data?.productOrder.id).toMatch(/^PO-/);
    expect(ibssOrdersFor('outbox-order-1')).toHaveLength(1);
    // A late retry of the same request returns the same, now real, order.
    const late = await gql(system.gatewayUrl, PLACE, { input }, household);
    expect(late.data?.placeProductOrder.id).toBe(completed.data?.productOrder.id);
    expect(ibssOrdersFor('outbox-order-1')).toHaveLength(1);
  });

  it('keeps the first outcome for a key: a different order under the same key is a CONFLICT', async () => {
    const input = {
      idempotencyKey: 'outbox-order-2',
      accountId: 'ACC-0000003',
      items: [{ offeringId: 'OFF-CP-GAMES' }],
    };
    const first = await gql(system.gatewayUrl, PLACE, { input }, household);
    expect(first.data?.placeProductOrder.__typename).toBe('ProductOrder');
    const other = await gql(
      system.gatewayUrl,
      PLACE,
      { input: { ...input, items: [{ offeringId: 'OFF-CP-MOVIES' }] } },
      household,
    );
    expect(other.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(ibssOrdersFor('outbox-order-2')).toHaveLength(1);
  });

  it('concurrent retries of one request make one order', async () => {
    const input = {
      idempotencyKey: 'outbox-order-3',
      accountId: 'ACC-0000003',
      items: [{ offeringId: 'OFF-MOB-S' }],
    };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => gql(system.gatewayUrl, PLACE, { input }, household)),
    );
    const ids = new Set(results.map((r) => r.data?.placeProductOrder?.id));
    expect(ids.size).toBe(1);
    expect(ibssOrdersFor('outbox-order-3')).toHaveLength(1);
  });
});
