import type http from 'node:http';
import vary from 'vary';
import { chooseLocale, negotiateLocale, SOURCE_LOCALE, type Locale } from '../lib/i18n/locale';
import { preferredLocale } from '../lib/i18n/preference';
import type { KeyValueStore } from '../lib/kv';
import type { Caller } from './authenticate';
import type { Logger } from '../lib/logger';

/**
 * The language a request is answered in (issue 16 item 4): a signed-in user's own choice, else
 * what the request's Accept-Language asks for, else English. The subgraphs get it as the
 * Accept-Language of their requests, the response cache keys on it, and HTTP caches are told the
 * answer varies with the header. A store that cannot be read falls back to the header: a missing
 * language choice never fails a request.
 */
export async function localeForRequest(
  actor: Caller,
  req: http.IncomingMessage,
  store: KeyValueStore,
  logger: Logger,
): Promise<Locale> {
  const header = req.headers['accept-language'];
  const userId = actor.kind === 'customerUser' || actor.kind === 'staff' ? actor.userId : null;
  if (userId === null || !store.available()) return chooseLocale(null, header);
  try {
    return chooseLocale(await preferredLocale(store, userId), header);
  } catch (error) {
    logger.warn({ err: error }, 'language choice unavailable; using Accept-Language');
    return chooseLocale(null, header);
  }
}

/** Before anyone is authenticated (a refused token): the header alone. */
export const headerLocale = (req: http.IncomingMessage): Locale =>
  negotiateLocale(req.headers['accept-language']) ?? SOURCE_LOCALE;

/** Tells HTTP caches that answers differ by Accept-Language (keeping any other Vary, e.g. Origin). */
export const varyByLanguage = (res: http.ServerResponse): void => vary(res, 'Accept-Language');
