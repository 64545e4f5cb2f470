import { createHash } from 'node:crypto';
import type { KeyValueStore } from '../../../lib/kv';
import { clearPhoneMark, isPhoneUnverified, markPhoneUnverified } from './phone-verification';

/**
 * Issue 16: an e-mail address the user typed into a contact change is, like a registrant's phone
 * (phone-verification.ts), nobody's word but theirs until confirmed. The mark names the address it
 * was set for, so the operator changing it in the CRM trusts the new one again.
 */
const emailKey = (userId: string) => `email-unverified:${userId}`;
const addressHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
const MARK_TTL_SECONDS = 5 * 365 * 86_400;

export async function markEmailUnverified(
  store: KeyValueStore,
  userId: string,
  email: string,
): Promise<void> {
  await store.set(emailKey(userId), addressHash(email), MARK_TTL_SECONDS);
}

export async function isEmailUnverified(
  store: KeyValueStore,
  userId: string,
  email: string,
): Promise<boolean> {
  return (await store.get(emailKey(userId))) === addressHash(email);
}

/** Like clearPhoneMark: clears the mark only if it still names `email` (confirmed by its code). */
export async function clearEmailMark(store: KeyValueStore, userId: string, email: string): Promise<boolean> {
  const taken = await store.take(emailKey(userId));
  if (taken === addressHash(email)) return true;
  if (taken !== null) await store.set(emailKey(userId), taken, MARK_TTL_SECONDS);
  return false;
}

export { clearPhoneMark, isPhoneUnverified, markPhoneUnverified };

/** Which of the user's channels may carry a code: set, and not marked unverified. */
export async function verifiedChannels(
  store: KeyValueStore,
  user: { id: string; phone: string; email: string },
): Promise<{ phone: boolean; email: boolean }> {
  const [phoneMarked, emailMarked] = await Promise.all([
    isPhoneUnverified(store, user.id, user.phone),
    isEmailUnverified(store, user.id, user.email),
  ]);
  return { phone: user.phone !== '' && !phoneMarked, email: user.email !== '' && !emailMarked };
}
