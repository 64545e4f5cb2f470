import { TARIFF_PLANS } from '../../mocks/billing/self-care';
import type { Bill, Service } from '../../mocks/seed/types';
import { login } from '../../system/kit/sign-in';
import { FollowedEvents } from '../support/followed-events';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * Billing self-care (issue 16): bill documents (B1), tariff plans with prices (B5), monthly spend
 * alerts and caps (B2). Expected values come from the BOSS simulator's world.
 */
let system: TestSystem;
let events: FollowedEvents;
const tokens: Record<string, string> = {};
const NORTHWIND = 'CUST-000001';
const HOUSEHOLD = 'CUST-000002';

const world = () => system.sims.world;
const q = (query: string, variables: Record<string, unknown>, user: string) =>
  gql(system.gatewayUrl, query, variables, tokens[user]);
const monthStart = () => {
  const d = new Date();
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
/** This month's charges of a service, from BOSS's rated usage records. */
const chargedThisMonth = (serviceId: string) =>
  (world().usage.get(serviceId) ?? [])
    .filter((u) => u.start >= monthStart())
    .reduce((s, u) => s + u.charge, 0);
const postpaidServiceOf = (customerId: string): Service => {
  const s = world().services.find(
    (x) =>
      x.customerId === customerId &&
      world().accounts.find((a) => a.id === x.accountId)?.billingMode === 'POSTPAID',
  );
  if (!s) throw new Error(`no postpaid service of ${customerId}`);
  return s;
};
/** The network rates one chargeable call; BOSS answers 201, or 422 once the cap bars it. */
const chargeUsage = async (serviceId: string, charge: number) =>
  (
    await fetch(`${system.sims.urls.billing}/boss/_control/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId, charge }),
    })
  ).status;

beforeAll(async () => {
  system = await startTestSystem();
  events = await FollowedEvents.follow(system.events.bus);
  for (const user of ['nw.manager', 'nw.finance', 'nw.employee01', 'home.owner'])
    tokens[user] = (await login(system, user)).accessToken;
}, 60_000);
afterAll(async () => {
  await events?.stop();
  await system?.stop();
});

const DOCUMENT = `query($id: ID!) { bill(id: $id) { id amountDue { minorUnits } document { filename contentType content } } }`;

describe('B1: bill documents', () => {
  const billOf = (customerId: string): Bill => {
    const accounts = new Set(
      world()
        .accounts.filter((a) => a.customerId === customerId)
        .map((a) => a.id),
    );
    const bill = world().bills.find((b) => accounts.has(b.accountId) && b.items.length > 1);
    if (!bill) throw new Error(`no bill of ${customerId} in the seed`);
    return bill;
  };

  it('B1: who may read the bill downloads its document; its lines and TOTAL add up to the bill BOSS issued', async () => {
    const bill = billOf(NORTHWIND);
    for (const user of ['nw.manager', 'nw.finance']) {
      const r = await q(DOCUMENT, { id: bill.id }, user);
      expect(r.errors).toBeUndefined();
      const doc = r.data?.bill.document;
      expect(doc).toMatchObject({ filename: `${bill.id}.csv`, contentType: 'text/csv' });
      const rows = (doc.content as string)
        .trim()
        .split('\n')
        .map((line) => line.split(','));
      const header = rows.findIndex((r) => r[0] === 'service');
      const lines = rows.slice(header + 1, -1);
      const total = rows.at(-1) as string[];
      expect(lines.map((l) => [l[0], Number(l[l.length - 2])])).toEqual(
        bill.items.map((i) => [i.serviceId, i.amount]),
      );
      expect(lines.reduce((s, l) => s + Number(l[l.length - 2]), 0)).toBe(bill.amountDue);
      expect(total[0]).toBe('TOTAL');
      expect(Number(total[2])).toBe(bill.amountDue);
      expect(total[3]).toBe((bill.amountDue / 100).toFixed(2));
    }
  });

  it("B1/S3: another customer's bill answers NOT_FOUND like an unknown one; a user without billing.view is refused", async () => {
    const foreign = billOf(HOUSEHOLD);
    const other = await q(DOCUMENT, { id: foreign.id }, 'nw.manager');
    const unknown = await q(DOCUMENT, { id: 'BILL-NOPE-0001' }, 'nw.manager');
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(other.data?.bill ?? null).toBeNull();
    const employee = await q(DOCUMENT, { id: billOf(NORTHWIND).id }, 'nw.employee01');
    expect(employee.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('B5: tariff plans', () => {
  const PLANS = `query($mode: BillingMode) { tariffPlans(billingMode: $mode) { id billingMode monthlyFee { minorUnits } voicePerMinute { minorUnits } } }`;

  it('B5: anyone lists the plans with the prices BOSS charges, per billing mode', async () => {
    const all = await gql(system.gatewayUrl, PLANS, {});
    expect(all.errors).toBeUndefined();
    expect(all.data?.tariffPlans).toEqual(
      TARIFF_PLANS.map((p) => ({
        id: p.id,
        billingMode: p.billingMode,
        monthlyFee: { minorUnits: p.monthlyFee },
        voicePerMinute: { minorUnits: p.voicePerMinute },
      })),
    );
    const postpaid = await gql(system.gatewayUrl, PLANS, { mode: 'POSTPAID' });
    expect(postpaid.data?.tariffPlans.map((p: { id: string }) => p.id)).toEqual(
      TARIFF_PLANS.filter((p) => p.billingMode === 'POSTPAID').map((p) => p.id),
    );
  });

  it('B5/S4: changeBillingMode takes only a plan offered with the chosen mode, names the valid ones, and is a security event', async () => {
    const account = world().accounts.find((a) => a.customerId === HOUSEHOLD && a.billingMode === 'POSTPAID');
    const change = `mutation($input: ChangeBillingModeInput!) { changeBillingMode(input: $input) { __typename ... on BillingSettings { tariffPlanId } } }`;
    const valid = TARIFF_PLANS.filter((p) => p.billingMode === 'POSTPAID').map((p) => p.id);
    for (const tariffPlanId of ['TP-PREPAID', 'TP-NOSUCHPLAN']) {
      const r = await q(
        change,
        { input: { accountId: account?.id, billingMode: 'POSTPAID', tariffPlanId } },
        'home.owner',
      );
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      for (const id of valid) expect(r.errors?.[0].message).toContain(id);
    }
    const ok = await q(
      change,
      { input: { accountId: account?.id, billingMode: 'POSTPAID', tariffPlanId: valid[valid.length - 1] } },
      'home.owner',
    );
    expect(ok.data?.changeBillingMode).toEqual({
      __typename: 'BillingSettings',
      tariffPlanId: valid[valid.length - 1],
    });
    expect(world().accounts.find((a) => a.id === account?.id)?.tariffPlanId).toBe(valid[valid.length - 1]);
    // S4: the change is a billing settings event, by the manager, on the account.
    const audit = await q(
      `{ securityEvents(kind: BILLING_SETTINGS_CHANGE, first: 100) { edges { node { outcome actorId target } } } }`,
      {},
      'home.owner',
    );
    const onAccount = audit.data?.securityEvents.edges
      .map((e: { node: unknown }) => e.node)
      .filter((n: { target: string }) => n.target === account?.id);
    expect(onAccount).toContainEqual({ outcome: 'SUCCESS', actorId: 'home.owner', target: account?.id });
  });
});

describe('B2: spend alerts and caps', () => {
  const SET = `mutation($input: SpendLimitsInput!) { setSpendLimits(input: $input) { __typename
    ... on SpendLimits { serviceId alert { minorUnits } cap { minorUnits } charged { minorUnits } barred } ... on SpendLimitsRefused { reason } } }`;
  const READ = `query($id: ID!) { service(id: $id) { id spendLimits { charged { minorUnits } barred } } }`;

  it('B2: crossing the alert threshold is a usage.alert event and an inbox notice for who set it; the cap bars further chargeable usage', async () => {
    const service = postpaidServiceOf(NORTHWIND);
    const charged = chargedThisMonth(service.id);
    const alert = charged + 500;
    const cap = charged + 1000;
    const set = await q(
      SET,
      { input: { serviceId: service.id, alertMinorUnits: alert, capMinorUnits: cap } },
      'nw.manager',
    );
    expect(set.data?.setSpendLimits).toEqual({
      __typename: 'SpendLimits',
      serviceId: service.id,
      alert: { minorUnits: alert },
      cap: { minorUnits: cap },
      charged: { minorUnits: charged },
      barred: false,
    });

    expect(await chargeUsage(service.id, 400)).toBe(201); // Below the threshold: no alert.
    expect(await chargeUsage(service.id, 200)).toBe(201); // Crosses it.
    const event = await events.where(
      (e) => e.type === 'usage.alert' && e.subjectId === service.id,
      'usage alert',
    );
    expect(event).toMatchObject({
      customerId: NORTHWIND,
      accountId: service.accountId,
      recipients: ['nw.manager'],
      data: { serviceId: service.id, thresholdMinorUnits: alert, chargedMinorUnits: charged + 600 },
    });
    expect(await chargeUsage(service.id, 300)).toBe(201); // Still above: no second alert this month.
    expect(await chargeUsage(service.id, 200)).toBe(422); // Would pass the cap: barred.
    expect(await chargeUsage(service.id, 100)).toBe(201); // Exactly reaches it.
    expect(await chargeUsage(service.id, 1)).toBe(422);
    expect(events.seen.filter((e) => e.type === 'usage.alert' && e.subjectId === service.id)).toHaveLength(1);

    const read = await q(READ, { id: service.id }, 'nw.finance');
    expect(read.data?.service.spendLimits).toEqual({ charged: { minorUnits: cap }, barred: true });
    const inbox = `{ notifications(first: 50) { edges { node { kind subjectId body } } } }`;
    for (let i = 0; i < 100; i++) {
      const r = await q(inbox, {}, 'nw.manager');
      const found = r.data?.notifications.edges.find(
        (e: { node: { kind: string } }) => e.node.kind === 'USAGE_ALERT',
      );
      if (found) {
        expect(found.node.body).toContain(service.id);
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no USAGE_ALERT notification in the inbox');
  });

  it('B2/S4: setting limits is a billing settings security event; an alert above the cap is refused; bad amounts are BAD_USER_INPUT', async () => {
    const service = postpaidServiceOf(NORTHWIND);
    const refused = await q(
      SET,
      { input: { serviceId: service.id, alertMinorUnits: 5000, capMinorUnits: 1000 } },
      'nw.manager',
    );
    expect(refused.data?.setSpendLimits.__typename).toBe('SpendLimitsRefused');
    const negative = await q(SET, { input: { serviceId: service.id, alertMinorUnits: -5 } }, 'nw.manager');
    expect(negative.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const audit = await q(
      `{ securityEvents(kind: BILLING_SETTINGS_CHANGE, first: 100) { edges { node { outcome actorId target } } } }`,
      {},
      'nw.manager',
    );
    const mine = audit.data?.securityEvents.edges
      .map((e: { node: unknown }) => e.node)
      .filter((n: { target: string }) => n.target === service.id);
    expect(mine).toEqual(
      expect.arrayContaining([
        { outcome: 'SUCCESS', actorId: 'nw.manager', target: service.id },
        { outcome: 'FAILURE', actorId: 'nw.manager', target: service.id },
      ]),
    );
  });

  it("B2/S3: another customer's service answers NOT_FOUND like an unknown one; without billing rights the gateway refuses", async () => {
    const foreign = postpaidServiceOf(HOUSEHOLD);
    const other = await q(SET, { input: { serviceId: foreign.id, alertMinorUnits: 100 } }, 'nw.manager');
    const unknown = await q(SET, { input: { serviceId: 'SVC-NOPE', alertMinorUnits: 100 } }, 'nw.manager');
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const employee = await q(
      SET,
      { input: { serviceId: postpaidServiceOf(NORTHWIND).id, alertMinorUnits: 100 } },
      'nw.employee01',
    );
    expect(employee.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const reader = await q(READ, { id: foreign.id }, 'nw.manager');
    expect(reader.data?.service ?? null).toBeNull();
  });
});
