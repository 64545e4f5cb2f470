import { SECURITY_ALARM_CHANNEL } from '../../lib/audit/security-events';
import { DEMO_PASSWORD } from '../../mocks/seed/demo';
import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login, START_LOGIN } from '../../system/kit/sign-in';

let system: TestSystem;
let manager: string;
beforeAll(async () => {
  system = await startTestSystem();
  manager = (await login(system, 'nw.manager')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const EVENTS = `query($kind: SecurityEventKind) { securityEvents(kind: $kind, first: 100) { totalCount edges { node { kind outcome actorId target } } } }`;
const events = async (kind?: string) =>
  (await gql(system.gatewayUrl, EVENTS, { kind }, manager)).data?.securityEvents.edges.map(
    (e: any) => e.node,
  ) ?? [];
const sentBill = () =>
  system.sims.world.bills.find((b) => b.accountId === 'ACC-0000001' && b.state === 'sent') as {
    id: string;
    amountDue: number;
  };

describe('S4 security events and alarms', () => {
  it('S4 records logins, grants, revocations, configuration changes and payments, queryable by the manager', async () => {
    const support = (await login(system, 'nw.support')).accessToken;
    await gql(system.gatewayUrl, START_LOGIN, {
      actorId: 'nw.finance',
      password: 'wrong-password',
      channel: 'SMS',
    });
    const svc = system.sims.world.services.find((s) => s.customerId === 'CUST-000001') as { id: string };
    const granted = await gql(
      system.gatewayUrl,
      `mutation($id: ID!) { grantAuthorization(input: { granteeId: "nw.employee02", capabilities: [USAGE_VIEW], serviceIds: [$id] }) { ... on Authorization { id } } }`,
      { id: svc.id },
      manager,
    );
    await gql(
      system.gatewayUrl,
      `mutation($id: ID!) { revokeAuthorization(authorizationId: $id) { __typename } }`,
      { id: granted.data?.grantAuthorization.id },
      manager,
    );
    await gql(
      system.gatewayUrl,
      `mutation($id: ID!) { changeServiceParameters(input: { idempotencyKey: "s4-param-001", serviceId: $id, parameters: [{ name: "roaming", value: "true" }] }) { __typename } }`,
      { id: svc.id },
      manager,
    );
    const bill = sentBill();
    await gql(
      system.gatewayUrl,
      `mutation($id: ID!, $amount: Int!) { payBill(input: { idempotencyKey: "s4-pay-0001", billId: $id, amountMinorUnits: $amount, method: CARD }) { __typename } }`,
      { id: bill.id, amount: bill.amountDue },
      manager,
    );
    await gql(system.gatewayUrl, `{ me { customer { loyaltyPoints } } }`, {}, support);

    const all = await events();
    const has = (kind: string, outcome: string, actorId: string) =>
      all.some((e: any) => e.kind === kind && e.outcome === outcome && e.actorId === actorId);
    expect(has('LOGIN', 'SUCCESS', 'nw.manager')).toBe(true);
    expect(has('LOGIN', 'FAILURE', 'nw.finance')).toBe(true);
    expect(has('GRANT', 'SUCCESS', 'nw.manager')).toBe(true);
    expect(has('REVOKE', 'SUCCESS', 'nw.manager')).toBe(true);
    expect(has('PARAMETER_CHANGE', 'SUCCESS', 'nw.manager')).toBe(true);
    expect(has('PAYMENT', 'SUCCESS', 'nw.manager')).toBe(true);
    expect(has('ACCESS_DENIED', 'DENIED', 'nw.support')).toBe(true);
    expect(all.every((e: any) => e.outcome !== 'PENDING')).toBe(true);
    expect((await events('PAYMENT')).map((e: any) => e.target)).toEqual([bill.id]);
  });

  it('S4 records a sign-out and a service activation, each once, by whom and on what', async () => {
    expect(await events('LOGOUT')).toEqual([]);
    const support = (await login(system, 'nw.support')).accessToken;
    const out = await gql(system.gatewayUrl, `mutation { logout { __typename } }`, {}, support);
    expect(out.errors).toBeUndefined();
    expect(await events('LOGOUT')).toEqual([
      expect.objectContaining({ kind: 'LOGOUT', outcome: 'SUCCESS', actorId: 'nw.support' }),
    ]);
    const account = system.sims.world.accounts.find((a) => a.customerId === 'CUST-000001') as { id: string };
    const before = (await events('ACTIVATION')).length;
    const order = await gql(
      system.gatewayUrl,
      `mutation($account: ID!) { placeProductOrder(input: { idempotencyKey: "s4-activate-01", accountId: $account, items: [{ offeringId: "OFF-MOB-BIZ" }] }) { __typename } }`,
      { account: account.id },
      manager,
    );
    expect(order.data?.placeProductOrder.__typename).toBe('ProductOrder');
    const activations = await events('ACTIVATION');
    expect(activations).toHaveLength(before + 1);
    expect(activations).toContainEqual({
      kind: 'ACTIVATION',
      outcome: 'SUCCESS',
      actorId: 'nw.manager',
      target: account.id,
    });
  });

  it('S4 only the manager reads the security events', async () => {
    const support = (await login(system, 'nw.support')).accessToken;
    const r = await gql(system.gatewayUrl, EVENTS, {}, support);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const household = (await login(system, 'home.owner')).accessToken;
    const own = await gql(system.gatewayUrl, EVENTS, {}, household);
    expect(own.data?.securityEvents.edges.every((e: any) => e.node.actorId === 'home.owner')).toBe(true);
  });

  it('S4 repeated failed logins raise one alarm, published to subscribers', async () => {
    const published: string[] = [];
    const unsubscribe = await system.store.subscribe(SECURITY_ALARM_CHANNEL, (m) => published.push(m));
    for (let i = 0; i < 6; i++)
      await gql(system.gatewayUrl, START_LOGIN, {
        actorId: 'nw.config',
        password: `bad-${i}`,
        channel: 'SMS',
      });
    const alarms = await gql(
      system.gatewayUrl,
      `{ securityAlarms { kind actorId eventCount } }`,
      {},
      manager,
    );
    for (let i = 0; i < 50 && published.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await unsubscribe();
    expect(published.map((m) => JSON.parse(m))).toEqual([
      expect.objectContaining({
        kind: 'REPEATED_LOGIN_FAILURES',
        actorId: 'nw.config',
        customerId: 'CUST-000001',
      }),
    ]);
    expect(alarms.data?.securityAlarms.filter((a: any) => a.actorId === 'nw.config')).toEqual([
      { kind: 'REPEATED_LOGIN_FAILURES', actorId: 'nw.config', eventCount: 5 },
    ]);
  });

  it('S4 a sensitive mutation fails closed when its event cannot be stored, and changes nothing', async () => {
    const bill = system.sims.world.bills.find((b) => b.accountId === 'ACC-0000002' && b.state === 'sent') as {
      id: string;
      amountDue: number;
    };
    const paymentsBefore = system.sims.payments.length;
    const ordersBefore = system.sims.orders.size;
    await system.db.query('ALTER TABLE security_events RENAME TO security_events_offline');
    try {
      const pay = await gql(
        system.gatewayUrl,
        `mutation($id: ID!, $amount: Int!) { payBill(input: { idempotencyKey: "s4-closed-01", billId: $id, amountMinorUnits: $amount, method: CARD }) { __typename } }`,
        { id: bill.id, amount: bill.amountDue },
        manager,
      );
      expect(pay.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', system: 'audit' });
      const order = await gql(
        system.gatewayUrl,
        `mutation { placeProductOrder(input: { idempotencyKey: "s4-closed-02", accountId: "ACC-0000001", items: [{ offeringId: "OFF-MOB-BIZ" }] }) { __typename } }`,
        {},
        manager,
      );
      expect(order.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      const started = await gql(system.gatewayUrl, START_LOGIN, {
        actorId: 'nw.finance',
        password: DEMO_PASSWORD,
        channel: 'SMS',
      });
      expect(started.data?.startLogin.__typename).toBe('LoginChallenge');
    } finally {
      await system.db.query('ALTER TABLE security_events_offline RENAME TO security_events');
    }
    expect(system.sims.payments.length).toBe(paymentsBefore);
    expect(system.sims.orders.size).toBe(ordersBefore);
  });
});
