import { ZH_HANS } from './catalogue/zh-hans';
import { requestLocale } from './request-locale';
import type { Locale } from './locale';

/**
 * A user-facing text in the source language (English) with its parameters kept apart, so it can
 * be rendered in another language: the id is the English text with `{0}`, `{1}`, … where the
 * values go (gettext's way: the source text is the key, so an untranslated text still reads well).
 * Values may themselves be texts (a system's name inside an error message).
 */
export interface Text {
  readonly id: string;
  readonly values: readonly TextValue[];
}
export type TextValue = string | number | Text;

/** msg`Order ${id} was not found.` → { id: 'Order {0} was not found.', values: [id] }. */
export function msg(strings: TemplateStringsArray, ...values: TextValue[]): Text {
  return { id: strings.reduce((id, part, i) => (i === 0 ? part : `${id}{${i - 1}}${part}`), ''), values };
}

const CATALOGUES: Record<Locale, Readonly<Record<string, string>>> = { en: {}, 'zh-Hans': ZH_HANS };

/** The text in `locale` (the request's, by default); the English text where none is translated. */
export function localize(text: string | Text, locale: Locale = requestLocale()): string {
  if (typeof text === 'string') return CATALOGUES[locale][text] ?? text;
  const pattern = CATALOGUES[locale][text.id] ?? text.id;
  return pattern.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = text.values[Number(index)];
    if (value === undefined) return whole;
    return typeof value === 'object' ? localize(value, locale) : String(value);
  });
}

/** The placeholders a pattern uses, for the catalogue's own checks. */
export const placeholders = (pattern: string): string[] =>
  [...pattern.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();
