import { badInput } from '../errors';

/** Usage and charge queries over longer periods are too expensive for the legacy systems. */
export const MAX_PERIOD_DAYS = 366;

/**
 * A client-given period: ISO dates, `from` not after `to`, at most a year. A date-only `to`
 * includes that whole day. Returns both ends as full ISO timestamps.
 */
export function period(from: string, to: string): { from: string; to: string } {
  const f = Date.parse(from);
  const t = Date.parse(to.length === 10 ? `${to}T23:59:59.999Z` : to);
  if (
    !/^\d{4}-\d{2}-\d{2}/.test(from) ||
    !/^\d{4}-\d{2}-\d{2}/.test(to) ||
    Number.isNaN(f) ||
    Number.isNaN(t)
  )
    throw badInput('from and to must be ISO dates such as 2026-01-31.', 'from');
  if (f > t) throw badInput('from must not be after to.', 'from');
  if (t - f > MAX_PERIOD_DAYS * 86_400_000)
    throw badInput(`The period must be at most ${MAX_PERIOD_DAYS} days.`, 'to');
  return { from: new Date(f).toISOString(), to: new Date(t).toISOString() };
}
