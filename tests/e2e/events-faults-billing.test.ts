import type { DomainEvent } from '../../lib/events/event';
import { FeedPoller } from '../../lib/events/feed-poller';
import { FaultFeedAdapter } from '../../legacy/fault-management/feed';
import { feedEndpoint } from '../../legacy/feed';
import { faultEvent } from '../../subgraphs/faults/services/fault-events';
import { login } from '../../system/kit/sign-in';
import { FollowedEvents, customersReached as reachedIn, simControl } from '../support/followed-events';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * Issue 13: what the fault-management and billing systems report in their change feeds becomes
 * domain events (service tests, tickets, alarms, bills, payments), and Query.networkAlarm answers
 * an alarm for the customers it reaches. Expected values come from the simulators' seed data.
 */
let system: TestSystem;
let events: FollowedEvents;
const tokens: Record<string, string> = {};

const world = () => system.sims.world;
const NORTHWIND = 'CUST-000001';
const HOUSEHOLD = 'CUST-000002';
const serviceOf = (customerId: string, type: string) => {
  const s = world().services.find((x) => x.customerId === customerId && x.type === type);
  if (!s) throw new Error(`no ${type} service of ${customerId} in the seed`);
  return s;
};
const customersReached = (areaId: string, serviceType: string | null) =>
  reachedIn(world(), areaId, serviceType);
const eventWhere = (match: (e: DomainEvent) => boolean, what: string) => events.where(match, what);
const control = (sim: 'faults' | 'billing', path: string, body: unknown) =>
  simControl(system.sims, sim, path, body);

const NETWORK_ALARM = `query($id: ID!, $serviceId: ID) { networkAlarm(id: $id, serviceId: $serviceId) { id areaId kind severity clearedAt } }`;

beforeAll(async () => {
  system = await startTestSystem();
  events = await FollowedEvents.follow(system.events.bus);
  for (const user of ['nw.manager', 'nw.employee01', 'home.owner'])
    tokens[user] = (await login(system, user)).accessToken;
});
afterAll(async () => {
  await events?.stop();
  await system?.stop();
});

describe('fault-management events', () => {
  it('A2: a finished line test is a service-test.completed event for the user who started it; a re-read shows the result', async () => {
    const broadband = serviceOf(HOUSEHOLD, 'BROADBAND');
    const started = await gql(
      system.gatewayUrl,
      `mutation($id: ID!) { startServiceTest(input: { serviceId: $id, kind: LINE_TEST }) { ... on ServiceTest { id state } } }`,
      { id: broadband.id },
      tokens['home.owner'],
    );
    const testId = started.data?.startServiceTest.id as string;
    expect(started.data?.startServiceTest.state).toBe('running');

    const event = await eventWhere((e) => e.subjectId === testId, 'test completion');
    const reread = await gql(
      system.gatewayUrl,
      `query($id: ID!) { serviceTest(id: $id) { state verdict } }`,
      { id: testId },
      tokens['home.owner'],
    );
    expect(reread.data?.serviceTest.state).toBe('completed');
    expect(event).toMatchObject({
      type: 'service-test.completed',
      source: 'faults',
      customerId: HOUSEHOLD,
      accountId: broadband.accountId,
      subjectId: testId,
      recipients: ['home.owner'],
      data: { serviceId: broadband.id, verdict: reread.data?.serviceTest.verdict },
    });
    expect(event.id).toMatch(/^fm:/);
  });

  it('A1: a note, the desk reply and state changes are ticket.updated events for the reporter; a re-read shows the new state', async () => {
    const broadband = serviceOf(HOUSEHOLD, 'BROADBAND');
    const reported = await gql(
      system.gatewayUrl,
      `mutation($input: ReportFaultInput!) { reportFault(input: $input) { ... on TroubleTicket { id state } } }`,
      {
        input: {
          idempotencyKey: 'a1-events-ticket',
          serviceId: broadband.id,
          category: 'slowService',
          description: 'Slow every evening',
        },
      },
      tokens['home.owner'],
    );
    const ticketId = reported.data?.reportFault.id as string;
    expect(reported.data?.reportFault.state).toBe('acknowledged');
    const noted = await gql(
      system.gatewayUrl,
      `mutation($input: AddTicketNoteInput!) { addTicketNote(input: $input) { ... on TroubleTicket { state } } }`,
      { input: { ticketId, text: 'Still slow tonight' } },
      tokens['home.owner'],
    );
    expect(noted.data?.addTicketNote.state).toBe('inProgress');
    const common = {
      type: 'ticket.updated',
      source: 'faults',
      customerId: HOUSEHOLD,
      accountId: broadband.accountId,
      subjectId: ticketId,
      recipients: ['home.owner'],
    };
    await eventWhere((e) => e.subjectId === ticketId && e.data.change === 'state', 'ticket state change');
    // The customer's note, the help desk's answer, then the ticket taken into work, in that order.
    expect(events.seen.filter((e) => e.subjectId === ticketId)).toMatchObject([
      { ...common, data: { serviceId: broadband.id, state: 'acknowledged', change: 'note' } },
      { ...common, data: { serviceId: broadband.id, state: 'acknowledged', change: 'note' } },
      { ...common, data: { serviceId: broadband.id, state: 'inProgress', change: 'state' } },
    ]);

    // Read (and cached) before the fault desk moves the ticket on behind the API's back.
    const read = `query($id: ID!) { troubleTicket(id: $id) { state notes { author } } }`;
    expect(
      (await gql(system.gatewayUrl, read, { id: ticketId }, tokens['home.owner'])).data?.troubleTicket.state,
    ).toBe('inProgress');
    await control('faults', `/fm/_control/tickets/${ticketId}`, {
      state: 'resolved',
      note: 'Fixed at the exchange',
    });
    await eventWhere((e) => e.subjectId === ticketId && e.data.state === 'resolved', 'ticket resolved');
    const after = await gql(system.gatewayUrl, read, { id: ticketId }, tokens['home.owner']);
    expect(after.data?.troubleTicket).toEqual({
      state: 'resolved',
      notes: [{ author: 'CUSTOMER' }, { author: 'CUSTOMER' }, { author: 'PROVIDER' }, { author: 'PROVIDER' }],
    });
  });

  it('A2: the same feed entries read again (a second process, a restart) record no second event', async () => {
    const sql = `SELECT count(*) AS n FROM domain_events WHERE id LIKE 'fm:%'`;
    const count = async () => Number((await system.db.query<{ n: string }>(sql))[0].n);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const endpoint = feedEndpoint({ legacy: system.sims.urls, legacyTimeoutMs: 2000 }, 'faults');
    const poller = () =>
      new FeedPoller({
        name: 'fm',
        source: FaultFeedAdapter.create(endpoint),
        retire: async () => undefined,
        toEvent: faultEvent,
        db: system.db,
        outbox: system.events.outbox,
      });
    // A restarted process continues where the store says the feed was: nothing to read again.
    expect(await poller().drain()).toBe(0);
    // A process that lost the position reads every entry again and records none twice.
    await system.db.query(`DELETE FROM event_feeds WHERE feed = 'fm'`);
    expect(await poller().drain()).toBe(before);
    expect(await count()).toBe(before);
    // The next entry's event comes once, and no earlier one came a second time before it.
    const broadband = serviceOf(HOUSEHOLD, 'BROADBAND');
    const started = await gql(
      system.gatewayUrl,
      `mutation($id: ID!) { startServiceTest(input: { serviceId: $id, kind: SPEED_TEST }) { ... on ServiceTest { id } } }`,
      { id: broadband.id },
      tokens['home.owner'],
    );
    await eventWhere((e) => e.subjectId === started.data?.startServiceTest.id, 'next test completion');
    const ids = events.seen.map((e) => e.id);
    expect(ids).toEqual([...new Set(ids)]);
    expect(await count()).toBe(before + 1);
  });

  it('A2: a legacy log that starts over (the system lost its memory) is read from its start', async () => {
    const logs: Record<string, { seq: number }[]> = {
      first: [{ seq: 1 }, { seq: 2 }, { seq: 3 }],
      second: [{ seq: 1 }],
    };
    let current = 'first';
    const asked: number[] = [];
    const poller = new FeedPoller<{ seq: number }>({
      name: 'restart-check',
      source: {
        read: async (after) => (asked.push(after), { log: current, items: logs[current].slice(after) }),
      },
      retire: async () => undefined,
      toEvent: () => null,
      db: system.db,
      outbox: system.events.outbox,
    });
    expect(await poller.drain()).toBe(3);
    current = 'second';
    // Position 3 means nothing in the new log: its entry 1 is read, not skipped.
    expect(await poller.drain()).toBe(1);
    expect(asked).toEqual([0, 3, 0]);
    const [row] = await system.db.query<{ log_id: string; position: string }>(
      `SELECT log_id, position FROM event_feeds WHERE feed = 'restart-check'`,
    );
    expect(row).toEqual({ log_id: 'second', position: '1' });
  });
});

describe('network alarms and planned outages', () => {
  it('A5: a raised alarm is a network.alarm event naming the customers it reaches; networkAlarm answers it for them only', async () => {
    const broadband = serviceOf(HOUSEHOLD, 'BROADBAND');
    const statusQuery = `query($id: ID!) { service(id: $id) { networkStatus { networkFault } knownIssues { id } } }`;
    const statusOf = async () =>
      (await gql(system.gatewayUrl, statusQuery, { id: broadband.id }, tokens['home.owner'])).data?.service;
    const healthy = await statusOf();
    expect(healthy.networkStatus.networkFault).toBe(false);

    const alarm = await control('faults', '/fm/_control/alarms', {
      areaId: broadband.areaId,
      serviceType: 'BROADBAND',
      severity: 'major',
    });
    const raised = await eventWhere((e) => e.subjectId === alarm.id, 'alarm raised');
    expect(raised).toMatchObject({
      type: 'network.alarm',
      source: 'faults',
      customerId: null,
      accountId: null,
      recipients: [],
      data: { areaId: broadband.areaId, severity: 'major', state: 'raised', kind: 'alarm' },
    });
    expect([...(raised.data.customerIds as string[])].sort()).toEqual(
      customersReached(broadband.areaId, 'BROADBAND'),
    );
    expect(raised.data.customerIds).toContain(HOUSEHOLD);
    // The network status read (and cached) before shows the fault now.
    const faulty = await statusOf();
    expect(faulty.networkStatus.networkFault).toBe(true);
    expect(faulty.knownIssues.map((a: { id: string }) => a.id)).toContain(alarm.id);

    const expected = {
      id: alarm.id,
      areaId: broadband.areaId,
      kind: 'ALARM',
      severity: 'major',
      clearedAt: null,
    };
    const ask = (user: string, serviceId?: string, id = alarm.id as string) =>
      gql(system.gatewayUrl, NETWORK_ALARM, { id, serviceId }, tokens[user]);
    expect((await ask('home.owner', broadband.id)).data?.networkAlarm).toEqual(expected);
    expect((await ask('home.owner')).data?.networkAlarm).toEqual(expected);
    // A customer none of whose services it reaches gets null; so does an unknown alarm id.
    const northwindReached = customersReached(broadband.areaId, 'BROADBAND').includes(NORTHWIND);
    expect((await ask('nw.manager')).data?.networkAlarm).toEqual(northwindReached ? expected : null);
    const unknown = await ask('home.owner', undefined, 'ALM-9999');
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.networkAlarm).toBeNull();
    // Another customer's service answers exactly like a missing one (S3).
    const foreign = await ask('nw.manager', broadband.id);
    const missing = await ask('nw.manager', 'SVC-9999999');
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message).toBe(
      missing.errors?.[0].message.replace('SVC-9999999', broadband.id),
    );
    // The household's mobile is not reached by a broadband alarm: null, not an error.
    const mobile = world().services.find((s) => s.customerId === HOUSEHOLD && s.type === 'MOBILE');
    if (mobile) expect((await ask('home.owner', mobile.id)).data?.networkAlarm).toBeNull();

    await control('faults', `/fm/_control/alarms/${alarm.id}/clear`, {});
    const cleared = await eventWhere(
      (e) => e.subjectId === alarm.id && e.data.state === 'cleared',
      'alarm cleared',
    );
    expect(cleared.data).toMatchObject({ areaId: broadband.areaId, severity: 'cleared', kind: 'alarm' });
    const after = (await ask('home.owner', broadband.id)).data?.networkAlarm;
    expect(after).toMatchObject({ id: alarm.id, severity: 'cleared' });
    expect(after.clearedAt).toEqual(expect.any(String));
    expect((await statusOf()).networkStatus.networkFault).toBe(false);
  });

  it('A5: an SSM user sees an alarm only through the one number they hold; other fleet numbers are NOT_FOUND', async () => {
    const own = world().services.find((s) => s.customerId === NORTHWIND) as {
      id: string;
      areaId: string;
      type: string;
    };
    const alarm = await control('faults', '/fm/_control/alarms', {
      areaId: own.areaId,
      serviceType: own.type,
    });
    await eventWhere((e) => e.subjectId === alarm.id, 'alarm raised');
    const ask = (user: string, serviceId?: string) =>
      gql(system.gatewayUrl, NETWORK_ALARM, { id: alarm.id, serviceId }, tokens[user]);
    expect((await ask('nw.employee01', own.id)).data?.networkAlarm?.id).toBe(alarm.id);
    expect((await ask('nw.employee01')).data?.networkAlarm?.id).toBe(alarm.id);
    const colleague = world().services.find(
      (s) => s.customerId === NORTHWIND && s.id !== own.id && s.areaId === own.areaId && s.type === own.type,
    );
    if (colleague) {
      expect((await ask('nw.employee01', colleague.id)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await ask('nw.manager', colleague.id)).data?.networkAlarm?.id).toBe(alarm.id);
    }
    // An alarm elsewhere that reaches fleet numbers but not theirs: null for them, the alarm for the manager.
    const elsewhere = world().services.find((s) => s.customerId === NORTHWIND && s.areaId !== own.areaId);
    if (elsewhere) {
      const other = await control('faults', '/fm/_control/alarms', {
        areaId: elsewhere.areaId,
        serviceType: elsewhere.type,
      });
      await eventWhere((e) => e.subjectId === other.id, 'second alarm raised');
      const q = (user: string) => gql(system.gatewayUrl, NETWORK_ALARM, { id: other.id }, tokens[user]);
      expect((await q('nw.employee01')).data?.networkAlarm).toBeNull();
      expect((await q('nw.manager')).data?.networkAlarm?.id).toBe(other.id);
    }
  });

  it('X3: a planned outage announced for an area is a network.alarm of kind planned-outage for every service type there', async () => {
    const broadband = serviceOf(HOUSEHOLD, 'BROADBAND');
    const outage = await control('faults', '/fm/_control/planned-outages', {
      areaId: broadband.areaId,
      description: 'Exchange maintenance on Sunday night',
    });
    const event = await eventWhere((e) => e.subjectId === outage.id, 'planned outage');
    expect(event).toMatchObject({
      type: 'network.alarm',
      customerId: null,
      data: { areaId: broadband.areaId, state: 'raised', kind: 'planned-outage', severity: 'warning' },
    });
    expect([...(event.data.customerIds as string[])].sort()).toEqual(
      customersReached(broadband.areaId, null),
    );
    const answer = await gql(system.gatewayUrl, NETWORK_ALARM, { id: outage.id }, tokens['home.owner']);
    expect(answer.data?.networkAlarm).toMatchObject({
      id: outage.id,
      kind: 'PLANNED_OUTAGE',
      clearedAt: null,
    });
  });
});

describe('billing events', () => {
  it('B6: a payment through the gateway is a payment.settled event for the payer; the bill re-read shows it', async () => {
    const fleet = world().accounts.find((a) => a.customerId === NORTHWIND) as { id: string };
    const bill = world().bills.find((b) => b.accountId === fleet.id && b.state === 'sent') as { id: string };
    const paid = await gql(
      system.gatewayUrl,
      `mutation($input: PayBillInput!) { payBill(input: $input) { __typename ... on Payment { id } } }`,
      {
        input: { idempotencyKey: 'b6-events-pay-1', billId: bill.id, amountMinorUnits: 100, method: 'CARD' },
      },
      tokens['nw.manager'],
    );
    expect(paid.data?.payBill.__typename).toBe('Payment');
    const event = await eventWhere((e) => e.subjectId === paid.data?.payBill.id, 'payment settled');
    expect(event).toMatchObject({
      type: 'payment.settled',
      source: 'billing',
      customerId: NORTHWIND,
      accountId: fleet.id,
      recipients: ['nw.manager'],
      data: { billId: bill.id },
    });
    expect(event.id).toMatch(/^boss:/);

    // A direct debit collected in BOSS itself, behind the API: the bill read (and cached) before
    // shows it once its event is recorded.
    const read = `query($id: ID!) { bill(id: $id) { paid { minorUnits } } }`;
    const paidBefore = (await gql(system.gatewayUrl, read, { id: bill.id }, tokens['nw.manager'])).data?.bill
      .paid.minorUnits as number;
    const debit = {
      idempotencyKey: 'b6-direct-debit-1',
      billId: bill.id,
      amount: 250,
      method: 'DIRECT_DEBIT',
    };
    const payment = await control('billing', '/boss/payments', debit);
    expect(payment.status).toBe('ACCEPTED');
    const settled = await eventWhere((e) => e.subjectId === payment.id, 'direct debit settled');
    expect(settled).toMatchObject({ customerId: NORTHWIND, accountId: fleet.id, recipients: [] });
    const after = await gql(system.gatewayUrl, read, { id: bill.id }, tokens['nw.manager']);
    expect(after.data?.bill.paid.minorUnits).toBe(paidBefore + 250);
  });

  it('B1: a bill BOSS issues is a bill.issued event for the account; the account bills re-read show it', async () => {
    const account = world().accounts.find((a) => a.customerId === HOUSEHOLD && a.billingMode === 'POSTPAID');
    if (!account) throw new Error('the household has no postpaid account in the seed');
    const bills = `query($id: ID!) { account(id: $id) { bills(first: 1) { edges { node { id } } } } }`;
    const latest = async () =>
      (await gql(system.gatewayUrl, bills, { id: account.id }, tokens['home.owner'])).data?.account.bills
        .edges[0]?.node.id;
    const before = await latest();
    const issued = await control('billing', '/boss/_control/bills', {
      accountId: account.id,
      period: '2030-01',
    });
    expect(issued.id).not.toBe(before);
    const event = await eventWhere((e) => e.subjectId === issued.id, 'bill issued');
    expect(event).toMatchObject({
      type: 'bill.issued',
      source: 'billing',
      customerId: account.customerId,
      accountId: account.id,
      recipients: [],
      data: { period: '2030-01' },
    });
    expect(await latest()).toBe(issued.id);
  });
});
