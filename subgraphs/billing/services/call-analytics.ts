import { period } from '../../../lib/input/period';
import type { BossAdapter } from '../../../legacy/boss/client';

/** What call analytics need: the warehouse, read through the BOSS adapter. */
export interface CallAnalyticsDeps {
  boss: Pick<BossAdapter, 'callAnalytics'>;
}

/** Calls of one day. */
export interface CallDayView {
  date: string;
  calls: number;
  answered: number;
  lost: number;
  averageDurationSeconds: number;
}

/** Calls and availability of one calendar month (UTC) of the period. */
export interface CallMonthView {
  month: string;
  calls: number;
  answered: number;
  lost: number;
  averageDurationSeconds: number;
  availabilityRatio: number;
}

/** Answered and lost calls of a service over a period, per day, per month and overall. */
export interface CallAnalyticsView {
  totalCalls: number;
  answered: number;
  lost: number;
  answeredRatio: number;
  averageDurationSeconds: number;
  perDay: CallDayView[];
  perMonth: CallMonthView[];
  busyHours: { hour: number; calls: number }[];
  availabilityRatio: number;
}

/** How many of the busiest hours of the day the view lists. */
const BUSY_HOURS = 3;

/**
 * X1: call analytics of one service from the warehouse. The overall average duration is weighted by
 * answered calls per day, so a quiet day does not count as much as a busy one.
 */
export async function callAnalytics(
  deps: CallAnalyticsDeps,
  serviceId: string,
  from: string,
  to: string,
): Promise<CallAnalyticsView> {
  const range = period(from, to);
  const a = await deps.boss.callAnalytics([serviceId], range.from, range.to);
  const total = a.perDay.reduce((n, d) => n + d.calls, 0);
  const answered = a.perDay.reduce((n, d) => n + d.answered, 0);
  const weighted = a.perDay.reduce((n, d) => n + d.averageDurationSec * d.answered, 0);
  return {
    totalCalls: total,
    answered,
    lost: total - answered,
    answeredRatio: total ? answered / total : 0,
    averageDurationSeconds: answered ? Math.round(weighted / answered) : 0,
    perDay: a.perDay.map((d) => ({
      date: d.date,
      calls: d.calls,
      answered: d.answered,
      lost: d.lost,
      averageDurationSeconds: d.averageDurationSec,
    })),
    perMonth: a.perMonth.map((m) => ({
      month: m.month,
      calls: m.calls,
      answered: m.answered,
      lost: m.lost,
      averageDurationSeconds: m.averageDurationSec,
      availabilityRatio: m.availabilityRatio,
    })),
    // Busiest first; among equally busy hours the earlier one first, so the answer is stable.
    busyHours: [...a.perHour]
      .filter((h) => h.calls > 0)
      .sort((x, y) => y.calls - x.calls || x.hour - y.hour)
      .slice(0, BUSY_HOURS),
    // Over the period, from the warehouse's fault history (mocks/billing/call-availability.ts).
    availabilityRatio: a.availabilityRatio,
  };
}
