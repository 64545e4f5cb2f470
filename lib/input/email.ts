import { badInput } from '../errors';
import { msg } from '../i18n/text';

// Deliberately loose (a mailbox, an @, a dotted domain, no spaces or angle brackets): the
// message gateway is the judge of deliverability, this only refuses what cannot be an address.
const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,255}\.[^\s@<>]{2,}$/;

/** An e-mail address given by a user, or BAD_USER_INPUT naming the field. */
export function email(value: string, field = 'email'): string {
  if (!EMAIL.test(value)) throw badInput(msg`${field} is not an e-mail address.`, field);
  return value;
}
