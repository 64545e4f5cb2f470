import { badInput } from '../../lib/errors';
import { msg } from '../../lib/i18n/text';

const POSTCODE = /^\d{5}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const PREFIX = /^\+\d{1,8}$/;

/** F1: free-text search over names and descriptions, bounded. */
export function search(value: string | null | undefined): string | undefined {
  if (value && value.length > 100) throw badInput('search must be at most 100 characters.', 'search');
  return value ?? undefined;
}

/** F3: a postcode, five digits. */
export function postcode(value: string): string {
  if (!POSTCODE.test(value)) throw badInput('postcode must be five digits.', 'postcode');
  return value;
}

/** F3: a full number in E.164 form. */
export function e164Number(value: string): string {
  if (!E164.test(value)) throw badInput('number must be in E.164 format, e.g. +358401234567.', 'number');
  return value;
}

/** F3: the start of a number, to list free numbers under. */
export function numberPrefix(value: string): string {
  if (!PREFIX.test(value)) throw badInput('prefix must be + followed by 1 to 8 digits.', 'prefix');
  return value;
}

/** A small count the client chooses (recommendations, free numbers): 1 to 20. */
export function smallCount(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 20)
    throw badInput(msg`${field} must be between 1 and 20.`, field);
  return value;
}
