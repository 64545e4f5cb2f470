import type { Alarm, SeedWorld, Service, UsageRecord } from '../seed/types';

/**
 * X1: the warehouse's availability of services over a period, from the network fault history it
 * loads from fault management (the same alarms and planned outages the FM system reports).
 *
 * - A service is down while an outage touches it: an alarm or planned outage in the service's
 *   area for its service type (an alarm without a type hits every type), from `raisedAt` to
 *   `clearedAt` (still open: until now). Minor and warning alarms degrade a service without
 *   taking it down, so they do not count. A cleared alarm has lost its original severity
 *   (X.733 replaces it with `cleared`), so it counts: it was raised because something broke.
 * - Only time the service existed, up to now, is observed: before `startDate` and after now
 *   nothing can be said. A period with nothing observed reports 1 (no outage was seen).
 * - Customer-requested suspensions are not downtime: availability is what the operator
 *   delivered (as in an SLA), and the warehouse has no suspension history to subtract anyway.
 * Several services: the mean of their ratios, each service counting the same.
 */
export function availabilityRatio(
  world: SeedWorld,
  services: readonly Service[],
  from: number,
  to: number,
  now: number,
): number {
  if (services.length === 0) return 0;
  const ratios = services.map((s) => serviceAvailability(world.alarms, s, from, to, now));
  return ratios.reduce((n, r) => n + r, 0) / ratios.length;
}

const NOT_AN_OUTAGE: ReadonlySet<Alarm['severity']> = new Set(['minor', 'warning']);

function affects(alarm: Alarm, service: Service): boolean {
  if (alarm.areaId !== service.areaId) return false;
  if (alarm.serviceType !== null && alarm.serviceType !== service.type) return false;
  return alarm.kind === 'planned-outage' || !NOT_AN_OUTAGE.has(alarm.severity);
}

function serviceAvailability(
  alarms: readonly Alarm[],
  service: Service,
  from: number,
  to: number,
  now: number,
): number {
  const start = Math.max(from, Date.parse(service.startDate));
  const end = Math.min(to, now);
  if (end <= start) return 1;
  // Overlapping outages count once: merge the clipped intervals before adding them up.
  const spans = alarms
    .filter((a) => affects(a, service))
    .map((a) => [
      Math.max(start, Date.parse(a.raisedAt)),
      Math.min(end, a.clearedAt ? Date.parse(a.clearedAt) : now),
    ])
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  let down = 0;
  let reached = start;
  for (const [s, e] of spans) {
    const from2 = Math.max(s, reached);
    if (e > from2) down += e - from2;
    reached = Math.max(reached, e);
  }
  return 1 - down / (end - start);
}

/** One calendar month (UTC) of the period. */
export interface MonthFigures {
  month: string;
  calls: number;
  answered: number;
  lost: number;
  averageDurationSec: number;
  availabilityRatio: number;
}

/**
 * X1: calls and availability per calendar month (UTC) of the period, every month the period
 * touches (a month without calls still has an availability), each clipped to the period.
 */
export function perMonth(
  world: SeedWorld,
  services: readonly Service[],
  calls: readonly UsageRecord[],
  from: number,
  to: number,
  now: number,
): MonthFigures[] {
  const months: MonthFigures[] = [];
  const first = new Date(from);
  for (
    let m = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
    m <= to;
    m = Date.UTC(new Date(m).getUTCFullYear(), new Date(m).getUTCMonth() + 1, 1)
  ) {
    const next = Date.UTC(new Date(m).getUTCFullYear(), new Date(m).getUTCMonth() + 1, 1);
    const inMonth = calls.filter((c) => c.start >= m && c.start < next);
    const answered = inMonth.filter((c) => c.answered);
    const seconds = answered.reduce((n, c) => n + c.durationSec, 0);
    months.push({
      month: new Date(m).toISOString().slice(0, 7),
      calls: inMonth.length,
      answered: answered.length,
      lost: inMonth.length - answered.length,
      averageDurationSec: answered.length ? Math.round(seconds / answered.length) : 0,
      availabilityRatio: availabilityRatio(world, services, Math.max(from, m), Math.min(to, next), now),
    });
  }
  return months;
}
