import { badInput } from '../errors';
import { msg } from '../i18n/text';

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * The one rule for client-chosen idempotency keys, in every mutation that takes one: 8 to 100
 * characters a log line or a legacy request id can carry unescaped.
 */
export function idempotencyKey(key: string, field = 'idempotencyKey'): string {
  if (!KEY.test(key))
    throw badInput(
      msg`${field} must be 8 to 100 letters, digits, dots, dashes, colons or underscores.`,
      field,
    );
  return key;
}
