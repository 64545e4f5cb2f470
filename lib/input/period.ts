import { badInput } from '../errors';
import { msg } from '../i18n/text';

/** Usage and charge queries over longer periods are too expensive for the legacy systems. */
export const MAX_PERIOD_DAYS = 366;

/**
 * A client-given period: ISO dates, `from` not after `to`, at most a year. A date-only `to`
 * includes that whole day. Returns both ends as full ISO timestamps.
 */
export function period(from: string, to: string): { from: string; to: string } {
  const f = Date.parse(from);
  const t = Date.parse(to.length === 10 ? `${to}T23:59:59.999Z` : to);
  if (!isCalendarDate(from) || !isCalendarDate(to) || Number.isNaN(f) || Number.isNaN(t))
    throw badInput('from and to must be ISO dates such as 2026-01-31.', 'from');
  if (f > t) throw badInput('from must not be after to.', 'from');
  if (t - f > MAX_PERIOD_DAYS * 86_400_000)
    throw badInput(msg`The period must be at most ${MAX_PERIOD_DAYS} days.`, 'to');
  return { from: new Date(f).toISOString(), to: new Date(t).toISOString() };
}

/**
 * Starts with a real calendar date. `Date.parse` rolls impossible days over ('2026-02-30' becomes
 * March 2), which would silently query another period than the one asked for.
 */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
