import type { KeyValueStore } from '../kv';
import { isLocale, type Locale } from './locale';

/**
 * A user's chosen language (issue 16 item 4), kept in the SSM store: the customer subgraph writes
 * it (`setLanguage`), the gateway reads it for every signed-in request and the notifier for every
 * message it sends, so all three agree without a call between them. No choice: the request's
 * Accept-Language decides (and English for messages sent without a request).
 */
const key = (userId: string) => `language:${userId}`;
/** The store needs a time-to-live; a choice outlives any account's use of the app. */
const TTL_SECONDS = 10 * 365 * 86_400;

export async function preferredLocale(
  store: Pick<KeyValueStore, 'get'>,
  userId: string,
): Promise<Locale | null> {
  const value = await store.get(key(userId));
  return isLocale(value) ? value : null;
}

/** Sets (or with null, clears) the user's choice. */
export async function setPreferredLocale(
  store: Pick<KeyValueStore, 'set' | 'del'>,
  userId: string,
  locale: Locale | null,
): Promise<void> {
  if (locale === null) await store.del(key(userId));
  else await store.set(key(userId), locale, TTL_SECONDS);
}
