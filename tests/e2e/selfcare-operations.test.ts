import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

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

const PLACE = `mutation($input: PlaceProductOrderInput!) { placeProductOrder(input: $input) {
  __typename ... on ProductOrder { id state } ... on OrderRejected { reason } } }`;
const CANCEL = `mutation($input: CancelProductOrderInput!) { cancelProductOrder(input: $input) {
  __typename ... on ProductOrder { id state completedAt items { state } } ... on OrderCancellationRefused { reason } } }`;
const FOLLOW = `query($id: ID!) { productOrder(id: $id) { id state } }`;
const EVENTS = `query { securityEvents(kind: CANCELLATION, first: 100) { edges { node { kind outcome actorId target } } } }`;

/** Sets how long the IBSS keeps a new order waiting before provisioning starts. */
async function provisioningDelay(delayMs: number): Promise<void> {
  const res = await fetch(`${system.sims.urls.ibss}/ibss/_control`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ delayMs }),
  });
  expect(res.status).toBe(200);
}

async function place(key: string, token = household): Promise<string> {
  const input = { idempotencyKey: key, accountId: 'ACC-0000003', items: [{ offeringId: 'OFF-TV-PLUS' }] };
  const placed = await gql(system.gatewayUrl, PLACE, { input }, token);
  expect(placed.data?.placeProductOrder.__typename).toBe('ProductOrder');
  return placed.data?.placeProductOrder.id;
}

const ibssOrder = (id: string) => system.sims.orders.get(id);
const servicesOf = (customerId: string) =>
  system.sims.world.services.filter((s) => s.customerId === customerId);

describe('F4: cancelling an order', () => {
  it('F4: cancels an order still waiting for provisioning; the IBSS never carries it out', async () => {
    await provisioningDelay(3000);
    try {
      const id = await place('cancel-pending');
      const customerId = ibssOrder(id)?.customerId as string;
      const servicesBefore = servicesOf(customerId).length;
      await new Promise((r) => setTimeout(r, 50));
      expect(ibssOrder(id)?.state).toBe('pending');
      const follow = () => gql(system.gatewayUrl, FOLLOW, { id }, household);
      expect((await follow()).data?.productOrder.state).toBe('pending');
      const input = { idempotencyKey: 'cancel-pending-1', orderId: id, reason: 'Changed my mind' };
      const first = await gql(system.gatewayUrl, CANCEL, { input }, household);
      expect(first.errors).toBeUndefined();
      expect(first.data?.cancelProductOrder).toMatchObject({
        __typename: 'ProductOrder',
        id,
        state: 'cancelled',
        items: [{ state: 'cancelled' }],
      });
      expect(ibssOrder(id)?.state).toBe('cancelled');
      // Following the order shows the cancellation at once (no earlier copy answers).
      expect((await follow()).data?.productOrder.state).toBe('cancelled');
      // A retry with the same key answers the same cancellation; nothing is cancelled twice.
      const retried = await gql(system.gatewayUrl, CANCEL, { input }, household);
      expect(retried.data?.cancelProductOrder).toEqual(first.data?.cancelProductOrder);
      expect(ibssOrder(id)?.cancelRequestId).toMatch(/:cancel-pending-1$/);
      await system.sims.provisioningIdle();
      expect(ibssOrder(id)?.state).toBe('cancelled');
      expect(servicesOf(customerId)).toHaveLength(servicesBefore);
      // S4: the cancellation is a security event of the household's manager.
      const events = await gql(system.gatewayUrl, EVENTS, {}, household);
      const ours = events.data?.securityEvents.edges.filter((e: any) => e.node.target === id);
      expect(ours.length).toBeGreaterThanOrEqual(1);
      expect(ours[0].node).toMatchObject({ kind: 'CANCELLATION', outcome: 'SUCCESS', actorId: 'home.owner' });
    } finally {
      await provisioningDelay(50);
    }
  });

  it('F4: refuses to cancel an order once it is completed', async () => {
    const id = await place('cancel-too-late');
    await system.sims.provisioningIdle();
    expect(ibssOrder(id)?.state).toBe('completed');
    const input = { idempotencyKey: 'cancel-too-late-1', orderId: id };
    const refused = await gql(system.gatewayUrl, CANCEL, { input }, household);
    expect(refused.errors).toBeUndefined();
    expect(refused.data?.cancelProductOrder.__typename).toBe('OrderCancellationRefused');
    expect(refused.data?.cancelProductOrder.reason).toMatch(/completed/);
    expect(ibssOrder(id)?.state).toBe('completed');
  });

  it("F4: another customer's order answers NOT_FOUND, like an unknown one, and stays as it was", async () => {
    await provisioningDelay(3000);
    try {
      const id = await place('cancel-not-yours');
      for (const orderId of [id, 'PO-9999999']) {
        const input = { idempotencyKey: `not-yours-${orderId}`, orderId };
        const r = await gql(system.gatewayUrl, CANCEL, { input }, northwind);
        expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
      expect(ibssOrder(id)?.state).toBe('pending');
    } finally {
      await provisioningDelay(50);
      await system.sims.provisioningIdle();
    }
  });

  it('F4: a queued order cancelled while the IBSS is down leaves the outbox and is never sent', async () => {
    system.sims.sims.ibss.setFaults({ down: true });
    let queuedId: string;
    try {
      queuedId = await place('cancel-queued');
      expect(queuedId).toMatch(/^QO-/);
      const input = { idempotencyKey: 'cancel-queued-1', orderId: queuedId };
      const r = await gql(system.gatewayUrl, CANCEL, { input }, household);
      expect(r.data?.cancelProductOrder).toMatchObject({ id: queuedId, state: 'cancelled' });
    } finally {
      system.sims.sims.ibss.setFaults({ down: false });
    }
    // The outbox worker runs every 200 ms in tests: give it several rounds.
    await new Promise((r) => setTimeout(r, 1500));
    const sent = [...system.sims.orders.values()].filter((o) => o.requestId.endsWith(':cancel-queued'));
    expect(sent).toHaveLength(0);
    const [row] = await system.db.query<{ state: string }>(
      'SELECT state FROM order_outbox WHERE queued_id = $1',
      [queuedId],
    );
    expect(row.state).toBe('cancelled');
  });
});

const TOP_UP = `mutation($input: TopUpPrepaidBalanceInput!) { topUpPrepaidBalance(input: $input) {
  __typename ... on PrepaidTopUp { id amountMinorUnits balance { buckets { kind remaining } } } ... on TopUpRefused { reason } } }`;
const BALANCE = `query($id: ID!) { service(id: $id) { prepaidBalance { buckets { kind remaining } } } }`;

describe('B6: topping up a prepaid balance', () => {
  /** pre.user's prepaid service and its OCS money bucket, straight from the simulator. */
  const prepaid = () => {
    const customerId = system.sims.world.users.find((u) => u.id === 'pre.user')?.customerId;
    const service = system.sims.world.services.find(
      (s) => s.customerId === customerId && system.sims.world.balances.has(s.id),
    );
    const money = () =>
      system.sims.world.balances.get(service?.id as string)?.find((b) => b.kind === 'MONEY');
    return { serviceId: service?.id as string, money };
  };
  const moneyOf = (r: any) => r.buckets.find((b: any) => b.kind === 'MONEY').remaining;

  it('B6: a top-up raises the OCS balance by exactly the amount, once per key, and the balance read shows it', async () => {
    const owner = (await login(system, 'pre.user')).accessToken;
    const { serviceId, money } = prepaid();
    const before = money()?.remaining as number;
    const input = { idempotencyKey: 'top-up-0001', serviceId, amountMinorUnits: 1500, method: 'CARD' };
    const first = await gql(system.gatewayUrl, TOP_UP, { input }, owner);
    expect(first.errors).toBeUndefined();
    expect(first.data?.topUpPrepaidBalance).toMatchObject({
      __typename: 'PrepaidTopUp',
      amountMinorUnits: 1500,
    });
    expect(money()?.remaining).toBe(before + 1500);
    expect(moneyOf(first.data?.topUpPrepaidBalance.balance)).toBe(before + 1500);
    // The client retries: the same top-up, no second recharge.
    const retried = await gql(system.gatewayUrl, TOP_UP, { input }, owner);
    expect(retried.data?.topUpPrepaidBalance.id).toBe(first.data?.topUpPrepaidBalance.id);
    expect(money()?.remaining).toBe(before + 1500);
    const read = await gql(system.gatewayUrl, BALANCE, { id: serviceId }, owner);
    expect(moneyOf(read.data?.service.prepaidBalance)).toBe(before + 1500);
    // The same key for another amount is a conflict, not a second top-up.
    const other = { ...input, amountMinorUnits: 2000 };
    const conflict = await gql(system.gatewayUrl, TOP_UP, { input: other }, owner);
    expect(conflict.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(money()?.remaining).toBe(before + 1500);
    // S4: a payment event for the service.
    const events = await gql(
      system.gatewayUrl,
      `query { securityEvents(kind: PAYMENT, first: 100) { edges { node { outcome target } } } }`,
      {},
      owner,
    );
    expect(events.data?.securityEvents.edges).toContainEqual({
      node: { outcome: 'SUCCESS', target: serviceId },
    });
  });

  it('B6: amounts outside 1.00 to 500.00 are refused before anything is charged', async () => {
    const owner = (await login(system, 'pre.user')).accessToken;
    const { serviceId, money } = prepaid();
    const before = money()?.remaining;
    for (const amountMinorUnits of [99, 50_001, 0, -500]) {
      const input = {
        idempotencyKey: `top-up-bad-${amountMinorUnits}`,
        serviceId,
        amountMinorUnits,
        method: 'CARD',
      };
      const r = await gql(system.gatewayUrl, TOP_UP, { input }, owner);
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(money()?.remaining).toBe(before);
  });

  it("B6: only the customer's manager may top up; another customer's service answers NOT_FOUND", async () => {
    const { serviceId, money } = prepaid();
    const before = money()?.remaining;
    const fleet = system.sims.world.services.find((s) => s.accountId === 'ACC-0000001')?.id;
    for (const user of ['nw.config', 'nw.finance']) {
      const token = (await login(system, user)).accessToken;
      const input = {
        idempotencyKey: `top-up-${user}`,
        serviceId: fleet,
        amountMinorUnits: 1000,
        method: 'CARD',
      };
      const r = await gql(system.gatewayUrl, TOP_UP, { input }, token);
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const input = { idempotencyKey: 'top-up-not-yours', serviceId, amountMinorUnits: 1000, method: 'CARD' };
    const r = await gql(system.gatewayUrl, TOP_UP, { input }, northwind);
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(money()?.remaining).toBe(before);
  });
});
