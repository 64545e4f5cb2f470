import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

let system: TestSystem;
let manager: string;
let household: string;
let prepaid: string;
const world = () => system.sims.world;
const nw = () => world().services.filter((s) => s.customerId === 'CUST-000001');
const hh = (type: string) =>
  world().services.find((s) => s.customerId === 'CUST-000002' && s.type === type) as {
    id: string;
    accountId: string;
  };
/** The charges BOSS recorded for a service between two instants, both included. */
const recorded = (serviceId: string, from: number, to: number) =>
  (world().usage.get(serviceId) ?? []).filter((u) => u.start >= from && u.start <= to);

beforeAll(async () => {
  system = await startTestSystem();
  manager = (await login(system, 'nw.manager')).accessToken;
  household = (await login(system, 'home.owner')).accessToken;
  prepaid = (await login(system, 'pre.user')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

describe('billing', () => {
  it('B1 lists historical bills with detail', async () => {
    const r = await gql(
      system.gatewayUrl,
      `{ me { customer { accounts { id bills(first: 2) { totalCount edges { node { id state amountDue { amount } items { description amount { minorUnits } } } } } } } } }`,
      {},
      household,
    );
    const bills = r.data?.me.customer.accounts[0].bills;
    expect(bills.totalCount).toBe(3);
    expect(bills.edges).toHaveLength(2);
    const b = bills.edges[0].node;
    expect(b.items.reduce((n: number, i: any) => n + i.amount.minorUnits, 0)).toBe(
      Math.round(Number(b.amountDue.amount) * 100),
    );
  });

  it('B2 shows real-time charges of the current, unbilled period', async () => {
    const svc = nw()[0];
    const now = new Date();
    const periodStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const records = (world().usage.get(svc.id) ?? []).filter((u) => u.start >= periodStart);
    const r = await gql(
      system.gatewayUrl,
      `query($id: ID!) { service(id: $id) { currentCharges { periodStart usageCharges { minorUnits } recurringCharges { minorUnits } total { minorUnits } recordCount } } }`,
      { id: svc.id },
      manager,
    );
    expect(r.data?.service.currentCharges).toEqual({
      periodStart: new Date(periodStart).toISOString(),
      usageCharges: { minorUnits: records.reduce((n, u) => n + u.charge, 0) },
      recurringCharges: { minorUnits: 2500 },
      total: { minorUnits: records.reduce((n, u) => n + u.charge, 0) + 2500 },
      recordCount: records.length,
    });
  });

  it('B3 pages through usage records and totals, masking the other party', async () => {
    const svc = nw()[0];
    const from = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const q = `query($id: ID!, $from: String!, $to: String!, $after: String) { service(id: $id) { usage(from: $from, to: $to, first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind counterpart } } } usageSummary(from: $from, to: $to) { records calls } } }`;
    const first = await gql(system.gatewayUrl, q, { id: svc.id, from, to }, manager);
    expect(first.errors).toBeUndefined();
    const usage = first.data?.service.usage;
    expect(usage.totalCount).toBe(first.data?.service.usageSummary.records);
    expect(usage.pageInfo.hasNextPage).toBe(true);
    const second = await gql(
      system.gatewayUrl,
      q,
      { id: svc.id, from, to, after: usage.pageInfo.endCursor },
      manager,
    );
    const ids = [...usage.edges, ...(second.data?.service.usage.edges ?? [])].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    const counterparts = usage.edges.map((e: any) => e.node.counterpart).filter(Boolean);
    expect(counterparts.length).toBeGreaterThan(0);
    for (const c of counterparts) expect(c).toMatch(/^\*+\d{3}$/);
    const bad = await gql(system.gatewayUrl, q, { id: svc.id, from: to, to: from }, manager);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('B4 compares billed amounts with recorded usage, and tells a wrong bill from a right one', async () => {
    const broadband = hh('BROADBAND');
    const bills = world()
      .bills.filter((x) => x.accountId === broadband.accountId)
      .sort((x, y) => x.periodStart.localeCompare(y.periodStart));
    const q = `query($id: ID!) { bill(id: $id) { usageComparison { service { id } matches billedUsage { minorUnits } recordedUsage { minorUnits } } } }`;
    // The seed bills the household's broadband in its oldest bill for more than BOSS recorded.
    for (const bill of [bills[0], bills.at(-1) as (typeof bills)[number]]) {
      const r = await gql(system.gatewayUrl, q, { id: bill.id }, household);
      expect(r.errors).toBeUndefined();
      const from = Date.parse(bill.periodStart);
      const to = Date.parse(bill.periodEnd);
      const expected = [...new Set(bill.items.map((i) => i.serviceId))].map((id) => {
        const billed = bill.items
          .filter((i) => i.serviceId === id && i.description === 'Usage charges')
          .reduce((n, i) => n + i.amount, 0);
        const used = recorded(id, from, to).reduce((n, u) => n + u.charge, 0);
        return {
          service: { id },
          matches: billed === used,
          billedUsage: { minorUnits: billed },
          recordedUsage: { minorUnits: used },
        };
      });
      expect(r.data?.bill.usageComparison).toEqual(expected);
    }
    const wrong = await gql(system.gatewayUrl, q, { id: bills[0].id }, household);
    const line = wrong.data?.bill.usageComparison.find((c: any) => c.service.id === broadband.id);
    expect(line.matches).toBe(false);
    expect(line.billedUsage.minorUnits - line.recordedUsage.minorUnits).toBeGreaterThanOrEqual(100);
    const right = await gql(system.gatewayUrl, q, { id: bills.at(-1)?.id }, household);
    expect(right.data?.bill.usageComparison.length).toBeGreaterThan(0);
    expect(right.data?.bill.usageComparison.every((c: any) => c.matches)).toBe(true);
  });

  it('B5 changes billing mode and refuses an impossible change as data', async () => {
    const q = `mutation($input: ChangeBillingModeInput!) { changeBillingMode(input: $input) { __typename ... on BillingSettings { billingMode tariffPlanId } ... on BillingChangeRejected { reason } } }`;
    const rejected = await gql(
      system.gatewayUrl,
      q,
      { input: { accountId: hh('BROADBAND').accountId, billingMode: 'PREPAID' } },
      household,
    );
    expect(rejected.data?.changeBillingMode.__typename).toBe('BillingChangeRejected');
    const ok = await gql(
      system.gatewayUrl,
      q,
      {
        input: { accountId: hh('BROADBAND').accountId, billingMode: 'POSTPAID', tariffPlanId: 'TP-STANDARD' },
      },
      household,
    );
    expect(ok.data?.changeBillingMode).toEqual({
      __typename: 'BillingSettings',
      billingMode: 'POSTPAID',
      tariffPlanId: 'TP-STANDARD',
    });
  });

  it('B6 pays a bill once, whatever the retries', async () => {
    const bill = world().bills.filter((b) => b.accountId === 'ACC-0000001' && b.state === 'sent')[0];
    const q = `mutation($input: PayBillInput!) { payBill(input: $input) { __typename ... on Payment { id amount { minorUnits } bill { state } } ... on PaymentDeclined { reason } } }`;
    const input = {
      idempotencyKey: 'b6-pay-000001',
      billId: bill.id,
      amountMinorUnits: bill.amountDue,
      method: 'CARD',
    };
    const results = await Promise.all([1, 2, 3].map(() => gql(system.gatewayUrl, q, { input }, manager)));
    expect(new Set(results.map((r) => r.data?.payBill.id)).size).toBe(1);
    expect(system.sims.payments.filter((p) => p.billId === bill.id)).toHaveLength(1);
    expect(results[0].data?.payBill.bill.state).toBe('settled');
    const twice = await gql(
      system.gatewayUrl,
      q,
      { input: { ...input, idempotencyKey: 'b6-pay-000002' } },
      manager,
    );
    expect(twice.data?.payBill).toMatchObject({ __typename: 'PaymentDeclined' });
  });

  it('B7 shows the prepaid balance from the OCS', async () => {
    const svc = world().services.find((s) => s.customerId === 'CUST-000003') as { id: string };
    const r = await gql(
      system.gatewayUrl,
      `query($id: ID!) { service(id: $id) { prepaidBalance { asOf buckets { kind initial remaining expiresAt } } } }`,
      { id: svc.id },
      prepaid,
    );
    const buckets = world().balances.get(svc.id) ?? [];
    expect(buckets.some((b) => b.remaining > 0)).toBe(true);
    expect(r.data?.service.prepaidBalance.buckets).toEqual(
      buckets.map((b) => ({
        kind: b.kind,
        initial: b.initial,
        remaining: b.remaining,
        expiresAt: b.expiresAt,
      })),
    );
    expect(system.sims.sims.billing.callCount('getBalances')).toBeGreaterThan(0);
  });

  it('B8 sets up and cancels e-mail bills', async () => {
    const q = `mutation($input: EBillSettingsInput!) { updateEBillSettings(input: $input) { __typename ... on BillingSettings { eBill { enabled email } } ... on BillingChangeRejected { reason } } }`;
    const on = await gql(
      system.gatewayUrl,
      q,
      { input: { accountId: hh('BROADBAND').accountId, enabled: true, email: 'bills@home.example' } },
      household,
    );
    expect(on.data?.updateEBillSettings.eBill).toEqual({ enabled: true, email: 'bills@home.example' });
    const off = await gql(
      system.gatewayUrl,
      q,
      { input: { accountId: hh('BROADBAND').accountId, enabled: false } },
      household,
    );
    expect(off.data?.updateEBillSettings.eBill.enabled).toBe(false);
    const bad = await gql(
      system.gatewayUrl,
      q,
      { input: { accountId: hh('BROADBAND').accountId, enabled: true, email: 'not-an-email' } },
      household,
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('B9 reports the spend of three numbers over a period', async () => {
    const ids = nw()
      .slice(0, 3)
      .map((s) => s.id);
    const from = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const r = await gql(
      system.gatewayUrl,
      `query($ids: [ID!]!, $from: String!, $to: String!) { me { customer { spendReport(serviceIds: $ids, from: $from, to: $to) { service { id } charges { minorUnits } records } } } }`,
      { ids, from, to },
      manager,
    );
    const start = Date.parse(from);
    const end = Date.parse(`${to}T23:59:59.999Z`);
    const expected = ids.map((id) => {
      const used = recorded(id, start, end);
      return {
        service: { id },
        charges: { minorUnits: used.reduce((n, u) => n + u.charge, 0) },
        records: used.length,
      };
    });
    expect(expected.every((e) => e.charges.minorUnits > 0)).toBe(true);
    expect(r.data?.me.customer.spendReport).toEqual(expected);
    const foreign = await gql(
      system.gatewayUrl,
      `query($ids: [ID!]!, $from: String!, $to: String!) { me { customer { spendReport(serviceIds: $ids, from: $from, to: $to) { records } } } }`,
      { ids: [hh('BROADBAND').id], from, to },
      manager,
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
