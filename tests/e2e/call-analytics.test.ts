import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';
import type { Service } from '../../mocks/seed/types';

/**
 * X1 over a period: availability from the network's outages in the service's area (the seed's
 * standing alarms, mocks/seed/assurance.ts) and calls month by month from the seed's usage.
 */
let system: TestSystem;
let manager: string;
const HOUR = 3_600_000;
const DAY = 86_400_000;

beforeAll(async () => {
  system = await startTestSystem();
  manager = (await login(system, 'nw.manager')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const world = () => system.sims.world;
const northwind = () => world().services.filter((s) => s.customerId === 'CUST-000001');
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const alarm = (id: string) => {
  const a = world().alarms.find((x) => x.id === id);
  if (!a) throw new Error(`the seed has no ${id}`);
  return a;
};

const ANALYTICS = `query($id: ID!, $from: String!, $to: String!) { service(id: $id) { callAnalytics(from: $from, to: $to) {
  totalCalls availabilityRatio
  perMonth { month calls answered lost averageDurationSeconds availabilityRatio }
} } }`;

async function analytics(svc: Service, from: string, to: string) {
  const r = await gql(system.gatewayUrl, ANALYTICS, { id: svc.id, from, to }, manager);
  expect(r.errors).toBeUndefined();
  return r.data?.service.callAnalytics;
}

/** The period's ends as the API reads them: `to` is a date, so its whole day is included. */
function ends(from: string, to: string) {
  return { start: Date.parse(from), end: Date.parse(`${to}T23:59:59.999Z`) };
}

describe('call analytics over a period', () => {
  // The period ends yesterday (the seed's reference day starts today), so open alarms end with it.
  const to = () => day(world().referenceTime - 1);
  const from = () => day(world().referenceTime - 70 * DAY);

  it("X1: availability over the period is 1 - outage time / observed time, from the outages in the service's area", async () => {
    // The open base-station outage (ALM-0001) in the area of Scenario 1's unreachable number.
    const outage = alarm('ALM-0001');
    const down = northwind().find(
      (s) => s.areaId === outage.areaId && s.type === outage.serviceType,
    ) as Service;
    const { start, end } = ends(from(), to());
    const observed = end - Math.max(start, Date.parse(down.startDate));
    const a = await analytics(down, from(), to());
    expect(a.availabilityRatio).toBeCloseTo(1 - (end - Date.parse(outage.raisedAt)) / observed, 9);
    expect(a.availabilityRatio).toBeLessThan(1);

    // The power failure nine days ago (ALM-0003, one hour, cleared) in another area.
    const power = alarm('ALM-0003');
    const hit = northwind().find((s) => s.areaId === power.areaId && s.type === power.serviceType) as Service;
    const outageMs = Date.parse(power.clearedAt as string) - Date.parse(power.raisedAt);
    expect(outageMs).toBe(HOUR);
    const b = await analytics(hit, from(), to());
    expect(b.availabilityRatio).toBeCloseTo(
      1 - outageMs / (end - Math.max(start, Date.parse(hit.startDate))),
      9,
    );

    // A period that ends before that outage: nothing was down.
    const before = day(Date.parse(power.raisedAt) - 2 * DAY);
    expect((await analytics(hit, from(), before)).availabilityRatio).toBe(1);

    // A number in an area without alarms.
    const alarmed = new Set(world().alarms.map((x) => x.areaId));
    const quiet = northwind().find((s) => !alarmed.has(s.areaId) && s.state === 'active') as Service;
    expect((await analytics(quiet, from(), to())).availabilityRatio).toBe(1);
  });

  it('X1: per-month figures: calls, answered, lost, average duration and availability of each month of the period', async () => {
    const power = alarm('ALM-0003');
    const svc = northwind().find((s) => s.areaId === power.areaId && s.type === power.serviceType) as Service;
    const { start, end } = ends(from(), to());
    const calls = (world().usage.get(svc.id) ?? []).filter(
      (u) => u.kind === 'VOICE' && u.start >= start && u.start <= end,
    );
    // Every calendar month the period touches, oldest first.
    const months: string[] = [];
    for (let t = start; t <= end; t += DAY)
      if (!months.includes(day(t).slice(0, 7))) months.push(day(t).slice(0, 7));
    expect(months.length).toBeGreaterThanOrEqual(3);

    const a = await analytics(svc, from(), to());
    expect(a.perMonth.map((m: { month: string }) => m.month)).toEqual(months);
    expect(a.perMonth.reduce((n: number, m: { calls: number }) => n + m.calls, 0)).toBe(a.totalCalls);
    expect(a.totalCalls).toBe(calls.length);
    const outageMonth = power.raisedAt.slice(0, 7);
    for (const m of a.perMonth) {
      const inMonth = calls.filter((c) => day(c.start).startsWith(m.month));
      const answered = inMonth.filter((c) => c.answered);
      const seconds = answered.reduce((n, c) => n + c.durationSec, 0);
      expect(m).toMatchObject({
        calls: inMonth.length,
        answered: answered.length,
        lost: inMonth.length - answered.length,
        averageDurationSeconds: answered.length ? Math.round(seconds / answered.length) : 0,
      });
      // The month's share of the period: from its first instant (or the period's start) to the next month.
      const [y, mo] = m.month.split('-').map(Number);
      const monthStart = Math.max(start, Date.UTC(y, mo - 1, 1), Date.parse(svc.startDate));
      const monthEnd = Math.min(end, Date.UTC(y, mo, 1));
      const expected = m.month === outageMonth ? 1 - HOUR / (monthEnd - monthStart) : 1;
      expect(m.availabilityRatio).toBeCloseTo(expected, 9);
    }
    expect(a.perMonth.some((m: { month: string; calls: number }) => m.month === outageMonth)).toBe(true);
  });
});
