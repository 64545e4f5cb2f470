import { badInput } from '../../lib/errors';
import { hasControlCharacters } from '../../lib/text';
import { msg } from '../../lib/i18n/text';

/**
 * Ticket descriptions, notes and report comments: trimmed, bounded, and free of control
 * characters, because fault management shows them to engineers as they are.
 */
export function freeText(value: string, field: string, min: number, max: number): string {
  const t = value.trim();
  if (t.length < min || t.length > max)
    throw badInput(msg`${field} must be ${min} to ${max} characters.`, field);
  if (hasControlCharacters(t)) throw badInput(msg`${field} contains control characters.`, field);
  return t;
}

/** A date (2026-01-31) or UTC timestamp given by the client. */
export function isoDate(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(value) || Number.isNaN(Date.parse(value)))
    throw badInput(msg`${field} must be an ISO date such as 2026-01-31.`, field);
  return value;
}

/** Network areas are named AREA-01 to AREA-99 in fault management. */
export function areaId(value: string): string {
  if (!/^AREA-\d{2}$/.test(value)) throw badInput('areaId must look like AREA-01.', 'areaId');
  return value;
}
