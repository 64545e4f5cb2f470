import Negotiator from 'negotiator';
import { BoundedMap } from '../bounded';

/**
 * Issue 16 item 4: the languages user-facing texts come in. English is the source language (the
 * texts are written in it, and it is what an unsupported or absent choice gets); Simplified
 * Chinese is what the seed operator's customers read.
 */
export const LOCALES = ['en', 'zh-Hans'] as const;
export type Locale = (typeof LOCALES)[number];
export const SOURCE_LOCALE: Locale = 'en';

export const isLocale = (value: unknown): value is Locale => LOCALES.some((l) => l === value);

/** Each supported locale with its likely subtags added (zh-Hans → zh-Hans-CN, en → en-Latn-US). */
const MAXIMIZED = LOCALES.map((locale) => ({ locale, tag: new Intl.Locale(locale).maximize() }));

/**
 * What each language range seen lately came to: maximizing a tag costs ICU work on every request
 * otherwise (3 % of a subgraph's CPU under the subscription bench), and clients send few distinct
 * headers. Bounded, since the header is the client's free text.
 */
const SEEN = new BoundedMap<string, Locale | null>(1_000);

/** The supported locale a language tag names, if any: same language and script once maximized. */
function supported(range: string): Locale | null {
  const known = SEEN.get(range);
  if (known !== undefined) return known;
  return SEEN.remember(range, supportedUncached(range));
}

function supportedUncached(range: string): Locale | null {
  let tag: Intl.Locale;
  try {
    tag = new Intl.Locale(range).maximize();
  } catch {
    // A malformed tag (the header is the client's free text) asks for nothing we can honour.
    return null;
  }
  // Script, not region: zh-CN and zh-SG read Simplified (Hans); zh-TW and zh-HK read Traditional
  // (Hant), which is not offered, so they get the next range in the header or English.
  return (
    MAXIMIZED.find((m) => m.tag.language === tag.language && m.tag.script === tag.script)?.locale ?? null
  );
}

/**
 * The supported locale an Accept-Language header asks for first, or null when it asks for none of
 * them (absent, `*`, or only other languages). Negotiator orders the header's ranges by q.
 */
export function negotiateLocale(acceptLanguage: string | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranges = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages();
  for (const range of ranges) {
    const locale = range === '*' ? null : supported(range);
    if (locale) return locale;
  }
  return null;
}

/** Which language a request gets: the user's own choice, else the header's, else English. */
export function chooseLocale(
  preferred: Locale | null | undefined,
  acceptLanguage: string | undefined,
): Locale {
  return preferred ?? negotiateLocale(acceptLanguage) ?? SOURCE_LOCALE;
}
