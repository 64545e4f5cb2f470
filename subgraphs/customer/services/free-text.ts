import { badInput } from '../../../lib/errors';
import { hasControlCharacters, visibleLength } from '../../../lib/text';

/**
 * A free-text field a person typed (names, addresses, reasons): trimmed, 1 to `max` characters,
 * no control characters and something visible (not only zero-width ones), since it ends up in
 * CRM records and security events.
 */
export function freeText(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > max) throw badInput(`${field} must be 1 to ${max} characters.`, field);
  if (hasControlCharacters(trimmed)) throw badInput(`${field} contains control characters.`, field);
  if (visibleLength(trimmed) === 0) throw badInput(`${field} must contain visible characters.`, field);
  return trimmed;
}
