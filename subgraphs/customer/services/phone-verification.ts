import { createHash } from 'node:crypto';
import type { KeyValueStore } from '../../../lib/kv';

/**
 * Issue 12: a phone number typed into the self-registration form is nobody's word but the
 * registrant's, and the CRM keeps no verification flag (its passport record has a phone, no
 * more). So registration records here that the number it gave the CRM is unverified; while it is,
 * no SMS goes to it and one-time codes go to the e-mail address instead. The mark names the
 * number it was set for: once the operator changes the user's phone in the CRM (staff checked it,
 * or a verification step lands), the mark no longer matches and the number is trusted again.
 */
const key = (userId: string) => `phone-unverified:${userId}`;
const numberHash = (phone: string) => createHash('sha256').update(phone.replace(/\D/g, '')).digest('hex');
/** Longer than any customer waits for a verification step; the store needs a time-to-live. */
const MARK_TTL_SECONDS = 5 * 365 * 86_400;

export async function markPhoneUnverified(
  store: KeyValueStore,
  userId: string,
  phone: string,
): Promise<void> {
  await store.set(key(userId), numberHash(phone), MARK_TTL_SECONDS);
}

export async function isPhoneUnverified(
  store: KeyValueStore,
  userId: string,
  phone: string,
): Promise<boolean> {
  return (await store.get(key(userId))) === numberHash(phone);
}

/**
 * Issue 16: the signed-in user confirmed `phone` with a code sent to it. Clears the mark only if
 * it still names that number: taken at once (no second confirmation clears it again) and put back
 * when it names another (the phone changed again in between, and the new one is not confirmed).
 */
export async function clearPhoneMark(store: KeyValueStore, userId: string, phone: string): Promise<boolean> {
  const taken = await store.take(key(userId));
  if (taken === numberHash(phone)) return true;
  if (taken !== null) await store.set(key(userId), taken, MARK_TTL_SECONDS);
  return false;
}
