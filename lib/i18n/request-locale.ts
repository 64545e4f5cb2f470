import { AsyncLocalStorage } from 'node:async_hooks';
import { SOURCE_LOCALE, type Locale } from './locale';

/**
 * The language of the request being served, for texts made deep inside it (error messages raised
 * by services and legacy adapters) without passing a locale through every call. The HTTP handler
 * of the gateway and of each subgraph opens the scope; the gateway narrows it once it knows who is
 * calling (their profile's language wins over the header). Outside a request: English.
 */
const storage = new AsyncLocalStorage<{ locale: Locale }>();

export function withRequestLocale<T>(locale: Locale, run: () => T): T {
  return storage.run({ locale }, run);
}

/** Sets the language of the request in scope (no-op outside one). */
export function setRequestLocale(locale: Locale): void {
  const scope = storage.getStore();
  if (scope) scope.locale = locale;
}

export function requestLocale(): Locale {
  return storage.getStore()?.locale ?? SOURCE_LOCALE;
}
