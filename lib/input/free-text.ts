import { badInput } from '../errors';
import { hasControlCharacters, visibleLength } from '../text';
import { msg } from '../i18n/text';

/**
 * A text a person typed that a legacy system will store and show to staff (CRM interactions,
 * ticket notes): trimmed, `min` to `max` characters, no control characters and something visible
 * (not only zero-width characters).
 */
export function typedText(value: string, field: string, { min = 1, max = 500 } = {}): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max)
    throw badInput(msg`${field} must be ${min} to ${max} characters.`, field);
  if (hasControlCharacters(trimmed)) throw badInput(msg`${field} contains control characters.`, field);
  if (min > 0 && visibleLength(trimmed) === 0)
    throw badInput(msg`${field} must contain visible characters.`, field);
  return trimmed;
}
