import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

let system: TestSystem;
let manager: string;
let household: string;
const nw = () => system.sims.world.services.filter((s) => s.customerId === 'CUST-000001');
const hh = (type: string) =>
  system.sims.world.services.find((s) => s.customerId === 'CUST-000002' && s.type === type) as {
    id: string;
    accountId: string;
  };

const world = () => system.sims.world;

/** The broadband contract of the fault simulator (mocks/faults/server.ts, SLA). */
const BROADBAND_SLA = { availability: 99.8, downloadMbps: 80, latencyMs: 15 };

/** A known, open network fault in an area, as the fault simulator's monitoring would hold it. */
function seedFault(areaId: string) {
  const alarm = {
    id: `ALM-TEST-${world().alarms.length + 1}`,
    areaId,
    serviceType: 'BROADBAND',
    severity: 'major',
    probableCause: 'congestion',
    description: 'Test fault',
    raisedAt: new Date().toISOString(),
    clearedAt: null as string | null,
  };
  world().alarms.push(alarm as (typeof system.sims.world.alarms)[number]);
  return alarm;
}

type Measured = {
  name: string;
  value: number;
  unit: string;
  target: number | null;
  withinTarget: boolean | null;
};
const m = (
  name: string,
  value: number,
  unit: string,
  target: number | null,
  higherIsBetter = true,
): Measured => ({
  name,
  value,
  unit,
  target,
  withinTarget: target === null ? null : higherIsBetter ? value >= target : value <= target,
});
const verdictOf = (measurements: Measured[]) => ({
  measurements,
  verdict: measurements.every((x) => x.withinTarget !== false) ? 'PASS' : 'FAIL',
});
/** What the fault simulator measures on a broadband line: per-line offsets, degraded under a fault. */
const lineSeed = (id: string) => Number(id.slice(4)) % 17;
const lineTest = (id: string, degraded: boolean) =>
  verdictOf([
    m('lineAttenuation', 18 + lineSeed(id), 'dB', 40, false),
    m('noiseMargin', degraded ? 4 : 9 + (lineSeed(id) % 5), 'dB', 6),
    m('syncRate', degraded ? 40 : 95 + lineSeed(id), 'Mbps', BROADBAND_SLA.downloadMbps),
  ]);
const slaTest = (id: string, degraded: boolean) =>
  verdictOf([
    m('availability', degraded ? 98.2 : 99.95, '%', BROADBAND_SLA.availability),
    m('latency', degraded ? 80 : 12 + (lineSeed(id) % 9), 'ms', BROADBAND_SLA.latencyMs, false),
  ]);

async function runTest(id: string, kind: 'LINE_TEST' | 'SLA_TEST') {
  const started = await gql(
    system.gatewayUrl,
    `mutation($id: ID!, $kind: ServiceTestKind!) { startServiceTest(input: { serviceId: $id, kind: $kind }) { __typename ... on ServiceTest { id state } } }`,
    { id, kind },
    household,
  );
  expect(started.data?.startServiceTest.state).toBe('running');
  await new Promise((r) => setTimeout(r, 120));
  const done = await gql(
    system.gatewayUrl,
    `query($id: ID!) { serviceTest(id: $id) { state verdict measurements { name value unit target withinTarget } } }`,
    { id: started.data?.startServiceTest.id },
    household,
  );
  return done.data?.serviceTest;
}

beforeAll(async () => {
  system = await startTestSystem();
  manager = (await login(system, 'nw.manager')).accessToken;
  household = (await login(system, 'home.owner')).accessToken;
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

  it('A2 runs a line test and reads the measured values: PASS on a healthy line, FAIL under a network fault', async () => {
    const svc = world().services.find((s) => s.id === hh('BROADBAND').id) as { id: string; areaId: string };
    const healthy = await runTest(svc.id, 'LINE_TEST');
    expect(healthy).toEqual({ state: 'completed', ...lineTest(svc.id, false) });
    // A known fault in the line's area: the simulator measures a degraded line.
    const alarm = seedFault(svc.areaId);
    try {
      const faulty = await runTest(svc.id, 'LINE_TEST');
      expect(faulty).toEqual({ state: 'completed', ...lineTest(svc.id, true) });
      expect(faulty.verdict).toBe('FAIL');
    } finally {
      alarm.clearedAt = new Date().toISOString();
    }
    expect(healthy.verdict).toBe('PASS');
  });

  it('A3 runs an SLA test against the contracted service level, with its verdict', async () => {
    const svc = world().services.find((s) => s.id === hh('BROADBAND').id) as { id: string; areaId: string };
    const sla = await gql(
      system.gatewayUrl,
      `query($id: ID!) { service(id: $id) { slaTarget { availabilityPercent downloadMbps latencyMs } } }`,
      { id: svc.id },
      household,
    );
    expect(sla.data?.service.slaTarget).toEqual({
      availabilityPercent: BROADBAND_SLA.availability,
      downloadMbps: BROADBAND_SLA.downloadMbps,
      latencyMs: BROADBAND_SLA.latencyMs,
    });
    const healthy = await runTest(svc.id, 'SLA_TEST');
    expect(healthy).toEqual({ state: 'completed', ...slaTest(svc.id, false) });
    const alarm = seedFault(svc.areaId);
    try {
      const faulty = await runTest(svc.id, 'SLA_TEST');
      expect(faulty).toEqual({ state: 'completed', ...slaTest(svc.id, true) });
      expect(faulty.verdict).toBe('FAIL');
    } finally {
      alarm.clearedAt = new Date().toISOString();
    }
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

  it('A6 queries quality history of a chosen period and past tickets', async () => {
    const id = hh('BROADBAND').id;
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const samples = world().quality.get(id) ?? [];
    const q = `query($id: ID!, $from: String!, $to: String!) { service(id: $id) { qualityHistory(from: $from, to: $to) { metric value } troubleTickets { totalCount edges { node { id state } } } } }`;
    for (const [from, to] of [
      [day(10), day(0)],
      [day(25), day(18)],
    ]) {
      const expected = samples.filter((x) => x.at.slice(0, 10) >= from && x.at.slice(0, 10) <= to);
      const r = await gql(system.gatewayUrl, q, { id, from, to }, household);
      expect(r.errors).toBeUndefined();
      expect(r.data?.service.qualityHistory).toEqual(
        expected.map((x) => ({ metric: x.metric, value: x.value })),
      );
      expect(expected.length).toBeGreaterThan(5);
    }
    const r = await gql(system.gatewayUrl, q, { id, from: day(10), to: day(0) }, household);
    // The seeded tickets of the line (A1 above may have added one since).
    const seeded = world().tickets.filter((t) => t.serviceId === id);
    expect(r.data?.service.troubleTickets.edges.map((e: any) => e.node)).toEqual(
      expect.arrayContaining(seeded.map((t) => ({ id: t.id, state: t.state }))),
    );
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

describe('analytics and the service model', () => {
  it('X1 gives call analytics: calls per day, answered vs lost, busy hours, average duration', async () => {
    const svc = nw()[1];
    const from = new Date(Date.now() - 120 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const calls = (world().usage.get(svc.id) ?? []).filter((u) => u.kind === 'VOICE');
    const answered = calls.filter((c) => c.answered);
    const seconds = answered.reduce((n, c) => n + c.durationSec, 0);
    const days = new Map<string, { calls: number; answered: number }>();
    for (const c of calls) {
      const d = days.get(new Date(c.start).toISOString().slice(0, 10)) ?? { calls: 0, answered: 0 };
      d.calls++;
      if (c.answered) d.answered++;
      days.set(new Date(c.start).toISOString().slice(0, 10), d);
    }
    const r = await gql(
      system.gatewayUrl,
      `query($id: ID!, $from: String!, $to: String!) { service(id: $id) { callAnalytics(from: $from, to: $to) { totalCalls answered lost answeredRatio averageDurationSeconds perDay { date calls answered } busyHours { hour calls } availabilityRatio } } }`,
      { id: svc.id, from, to },
      manager,
    );
    const a = r.data?.service.callAnalytics;
    expect(a).toMatchObject({
      totalCalls: calls.length,
      answered: answered.length,
      lost: calls.length - answered.length,
    });
    expect(a.answeredRatio).toBeCloseTo(answered.length / calls.length, 5);
    expect(answered.length).toBeGreaterThan(0);
    // Per-day averages are rounded before weighting, so allow one second.
    expect(Math.abs(a.averageDurationSeconds - seconds / answered.length)).toBeLessThanOrEqual(1);
    expect(a.perDay).toEqual(
      [...days.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([date, d]) => ({ date, ...d })),
    );
    // Availability over the period and per month: tests/e2e/call-analytics.test.ts (X1).
    expect(a.availabilityRatio).toBeGreaterThan(0);
    // The three busiest hours (UTC) of the calls, busiest first, the earlier hour first on a tie.
    const hours = new Map<number, number>();
    for (const c of calls)
      hours.set(new Date(c.start).getUTCHours(), (hours.get(new Date(c.start).getUTCHours()) ?? 0) + 1);
    const busiest = [...hours]
      .sort(([h1, n1], [h2, n2]) => n2 - n1 || h1 - h2)
      .slice(0, 3)
      .map(([hour, n]) => ({ hour, calls: n }));
    expect(busiest.length).toBeGreaterThan(1);
    expect(a.busyHours).toEqual(busiest);
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
    // Every one of the household's services, whatever its type, through the same fields: its
    // type, number or line id, and offering as the simulators hold them.
    const offeringName = new Map(world().offerings.map((o) => [o.id, o.name]));
    const expected = world()
      .services.filter((s) => s.customerId === 'CUST-000002')
      .map((s) => `${s.type}|${s.identifier}|${offeringName.get(s.offeringId)}`)
      .sort();
    const answered = (home.data?.me.customer.services.edges ?? [])
      .map((e: any) => `${e.node.type}|${e.node.identifier}|${e.node.offering.name}`)
      .sort();
    expect(new Set(expected.map((e) => e.split('|')[0])).size).toBeGreaterThan(1);
    expect(answered).toEqual(expected);
  });
});
