import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

let system: TestSystem;
let manager: string;
let household: string;
let prepaid: string;
const nw = () => system.sims.world.services.filter((s) => s.customerId === 'CUST-000001');
const hh = (type: string) =>
  system.sims.world.services.find((s) => s.customerId === 'CUST-000002' && s.type === type) as {
    id: string;
    accountId: string;
  };

beforeAll(async () => {
  system = await startTestSystem();
  manager = (await login(system, 'nw.manager')).accessToken;
  household = (await login(system, 'home.owner')).accessToken;
  prepaid = (await login(system, 'pre.user')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

describe('assurance', () => {
  it('A1 reports a fault idempotently and tracks the ticket', async () => {
    const q = `mutation($input: ReportFaultInput!) { reportFault(input: $input) { __typename ... on TroubleTicket { id state service { id } } } }`;
    const input = {
      idempotencyKey: 'a1-ticket-001',
      serviceId: hh('BROADBAND').id,
      category: 'slowService',
      description: 'Speed drops every evening',
    };
    const first = await gql(system.gatewayUrl, q, { input }, household);
    expect(first.data?.reportFault).toMatchObject({ __typename: 'TroubleTicket', state: 'acknowledged' });
    const again = await gql(system.gatewayUrl, q, { input }, household);
    expect(again.data?.reportFault.id).toBe(first.data?.reportFault.id);
    const t = await gql(
      system.gatewayUrl,
      `query($id: ID!) { troubleTicket(id: $id) { id state description } }`,
      { id: first.data?.reportFault.id },
      household,
    );
    expect(t.data?.troubleTicket.description).toBe('Speed drops every evening');
  });

  it('A2 runs a line test and reads the measured values', async () => {
    const started = await gql(
      system.gatewayUrl,
      `mutation($id: ID!) { startServiceTest(input: { serviceId: $id, kind: LINE_TEST }) { __typename ... on ServiceTest { id state } } }`,
      { id: hh('BROADBAND').id },
      household,
    );
    expect(started.data?.startServiceTest.state).toBe('running');
    await new Promise((r) => setTimeout(r, 120));
    const done = await gql(
      system.gatewayUrl,
      `query($id: ID!) { serviceTest(id: $id) { state verdict measurements { name value unit } } }`,
      { id: started.data?.startServiceTest.id },
      household,
    );
    expect(done.data?.serviceTest.state).toBe('completed');
    expect(done.data?.serviceTest.measurements.map((m: any) => m.name)).toEqual([
      'lineAttenuation',
      'noiseMargin',
      'syncRate',
    ]);
  });

  it('A3 runs an SLA test against the contracted service level', async () => {
    const id = hh('BROADBAND').id;
    const sla = await gql(
      system.gatewayUrl,
      `query($id: ID!) { service(id: $id) { slaTarget { availabilityPercent downloadMbps } } }`,
      { id },
      household,
    );
    expect(sla.data?.service.slaTarget.availabilityPercent).toBe(99.8);
    const started = await gql(
      system.gatewayUrl,
      `mutation($id: ID!) { startServiceTest(input: { serviceId: $id, kind: SLA_TEST }) { ... on ServiceTest { id } } }`,
      { id },
      household,
    );
    await new Promise((r) => setTimeout(r, 120));
    const done = await gql(
      system.gatewayUrl,
      `query($id: ID!) { serviceTest(id: $id) { verdict measurements { name target withinTarget } } }`,
      { id: started.data?.startServiceTest.id },
      household,
    );
    expect(done.data?.serviceTest.measurements[0]).toMatchObject({ name: 'availability', target: 99.8 });
  });

  it('A4 tells a network fault from a switched-off handset', async () => {
    const [outage, off, fine] = [nw()[3].id, nw()[4].id, nw()[5].id];
    const q = `query($a: ID!, $b: ID!, $c: ID!) { a: service(id: $a) { networkStatus { reachable networkFault handsetState diagnosis } } b: service(id: $b) { networkStatus { reachable networkFault handsetState } } c: service(id: $c) { networkStatus { reachable } } }`;
    const r = await gql(system.gatewayUrl, q, { a: outage, b: off, c: fine }, manager);
    expect(r.data?.a.networkStatus).toMatchObject({ reachable: false, networkFault: true });
    expect(r.data?.b.networkStatus).toMatchObject({
      reachable: false,
      networkFault: false,
      handsetState: 'OFF',
    });
    expect(r.data?.c.networkStatus.reachable).toBe(true);
  });

  it('A5 shows known outages affecting a service before a ticket is raised', async () => {
    const r = await gql(
      system.gatewayUrl,
      `query($id: ID!) { service(id: $id) { knownIssues { id severity description } } }`,
      { id: nw()[3].id },
      manager,
    );
    expect(r.data?.service.knownIssues).toEqual([
      expect.objectContaining({ id: 'ALM-0001', severity: 'major' }),
    ]);
  });

  it('A6 queries quality history and past tickets', async () => {
    const from = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const r = await gql(
      system.gatewayUrl,
      `query($id: ID!, $from: String!, $to: String!) { service(id: $id) { qualityHistory(from: $from, to: $to) { metric value } troubleTickets { totalCount edges { node { state } } } } }`,
      { id: hh('BROADBAND').id, from, to },
      household,
    );
    expect(r.data?.service.qualityHistory.length).toBeGreaterThan(5);
    expect(r.data?.service.troubleTickets.edges.map((e: any) => e.node.state)).toContain('resolved');
  });

  it('A7 converses on a ticket with the provider', async () => {
    const ticket = system.sims.world.tickets.find((t) => t.customerId === 'CUST-000001') as { id: string };
    const r = await gql(
      system.gatewayUrl,
      `mutation($id: ID!) { addTicketNote(input: { ticketId: $id, text: "Still dropping at 9am" }) { ... on TroubleTicket { notes { author text } } } }`,
      { id: ticket.id },
      manager,
    );
    const notes = r.data?.addTicketNote.notes;
    expect(notes.at(-2)).toEqual({ author: 'CUSTOMER', text: 'Still dropping at 9am' });
    expect(notes.at(-1).author).toBe('PROVIDER');
  });

  it('A8 files an experience report for an area', async () => {
    const r = await gql(
      system.gatewayUrl,
      `mutation { submitExperienceReport(input: { idempotencyKey: "a8-report-01", areaId: "AREA-05", kind: WEAK_SIGNAL, comment: "Weak signal in the warehouse" }) { id kind areaId } }`,
      {},
      manager,
    );
    expect(r.data?.submitExperienceReport).toMatchObject({ kind: 'WEAK_SIGNAL', areaId: 'AREA-05' });
    const list = await gql(
      system.gatewayUrl,
      `{ me { customer { experienceReports { id } } } }`,
      {},
      manager,
    );
    expect(list.data?.me.customer.experienceReports).toHaveLength(1);
  });
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
    const records = (system.sims.world.usage.get(svc.id) ?? []).filter((u) => u.start >= periodStart);
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

  it('B4 compares billed amounts with recorded usage', async () => {
    const bill = system.sims.world.bills.find((b) => b.accountId === hh('BROADBAND').accountId) as {
      id: string;
    };
    const r = await gql(
      system.gatewayUrl,
      `query($id: ID!) { bill(id: $id) { usageComparison { matches billedUsage { minorUnits } recordedUsage { minorUnits } } } }`,
      { id: bill.id },
      household,
    );
    expect(r.data?.bill.usageComparison.length).toBeGreaterThan(0);
    expect(r.data?.bill.usageComparison.every((c: any) => c.matches)).toBe(true);
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
    const bill = system.sims.world.bills.filter(
      (b) => b.accountId === 'ACC-0000001' && b.state === 'sent',
    )[0];
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
    const svc = system.sims.world.services.find((s) => s.customerId === 'CUST-000003') as { id: string };
    const r = await gql(
      system.gatewayUrl,
      `query($id: ID!) { service(id: $id) { prepaidBalance { asOf buckets { kind remaining unit } } } }`,
      { id: svc.id },
      prepaid,
    );
    expect(r.data?.service.prepaidBalance.buckets.map((b: any) => b.kind)).toEqual([
      'MONEY',
      'DATA',
      'VOICE',
    ]);
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
    expect(r.data?.me.customer.spendReport.map((s: any) => s.service.id)).toEqual(ids);
    const foreign = await gql(
      system.gatewayUrl,
      `query($ids: [ID!]!, $from: String!, $to: String!) { me { customer { spendReport(serviceIds: $ids, from: $from, to: $to) { records } } } }`,
      { ids: [hh('BROADBAND').id], from, to },
      manager,
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('analytics and the service model', () => {
  it('X1 gives call analytics: calls per day, answered vs lost, busy hours, average duration', async () => {
    const svc = nw()[1];
    const from = new Date(Date.now() - 120 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const calls = (system.sims.world.usage.get(svc.id) ?? []).filter((u) => u.kind === 'VOICE');
    const answered = calls.filter((c) => c.answered).length;
    const r = await gql(
      system.gatewayUrl,
      `query($id: ID!, $from: String!, $to: String!) { service(id: $id) { callAnalytics(from: $from, to: $to) { totalCalls answered lost answeredRatio averageDurationSeconds perDay { date calls } busyHours { hour calls } availabilityRatio } } }`,
      { id: svc.id, from, to },
      manager,
    );
    const a = r.data?.service.callAnalytics;
    expect(a).toMatchObject({ totalCalls: calls.length, answered, lost: calls.length - answered });
    expect(a.answeredRatio).toBeCloseTo(answered / calls.length, 5);
    expect(a.perDay.reduce((n: number, d: any) => n + d.calls, 0)).toBe(calls.length);
    expect(a.busyHours.length).toBeGreaterThan(0);
    expect(a.busyHours[0].calls).toBeGreaterThanOrEqual(a.busyHours.at(-1).calls);
  });

  it('I1 serves fixed line, mobile, broadband and IPTV through one Service model', async () => {
    const q = `{ me { customer { services { edges { node { type identifier state offering { name } currentCharges { total { amount } } troubleTickets { totalCount } } } } } } }`;
    const home = await gql(system.gatewayUrl, q, {}, household);
    const company = await gql(system.gatewayUrl, q, {}, manager);
    expect(home.errors).toBeUndefined();
    const types = new Set(
      [
        ...(home.data?.me.customer.services.edges ?? []),
        ...(company.data?.me.customer.services.edges ?? []),
      ].map((e: any) => e.node.type),
    );
    expect(types).toEqual(new Set(['FIXED_LINE', 'MOBILE', 'BROADBAND', 'IPTV']));
    for (const e of home.data?.me.customer.services.edges ?? [])
      expect(e.node.offering.name).toEqual(expect.any(String));
  });
});
