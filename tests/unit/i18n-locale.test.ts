import { chooseLocale, isLocale, negotiateLocale, SOURCE_LOCALE } from '../../lib/i18n/locale';
import { localize, msg, placeholders } from '../../lib/i18n/text';
import { withRequestLocale } from '../../lib/i18n/request-locale';

describe('issue 16 item 4: choosing the language', () => {
  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['en-GB', 'en'],
    ['fr, zh-CN;q=0.5', 'zh-Hans'],
    ['en;q=0.4, zh-CN;q=0.9', 'zh-Hans'],
    ['zh-TW', null],
    ['zh-Hant, en;q=0.1', 'en'],
    ['fr', null],
    ['*', null],
    ['', null],
    ['!!, zh-CN', 'zh-Hans'],
  ])('Accept-Language %j asks for %j', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it('no header asks for nothing', () => {
    expect(negotiateLocale(undefined)).toBeNull();
  });

  it.each([
    ['en', true],
    ['zh-Hans', true],
    ['zh', false],
    ['zh-hans', false],
    ['fr', false],
    ['', false],
    [undefined, false],
  ])('%j is a supported locale: %j', (value, expected) => {
    expect(isLocale(value)).toBe(expected);
  });

  it("the user's own choice wins over the header, which wins over English", () => {
    expect(chooseLocale('en', 'zh-CN')).toBe('en');
    expect(chooseLocale(null, 'zh-CN')).toBe('zh-Hans');
    expect(chooseLocale(undefined, 'fr')).toBe('en');
    expect(chooseLocale(undefined, undefined)).toBe('en');
    expect(SOURCE_LOCALE).toBe('en');
  });
});

describe('rendering a text', () => {
  it('puts values in place, translates nested texts but never the values themselves', () => {
    const text = msg`${{ id: 'Order', values: [] }} ${'Order'} was not found.`;
    expect(text.id).toBe('{0} {1} was not found.');
    expect(localize(text, 'en')).toBe('Order Order was not found.');
    expect(localize(text, 'zh-Hans')).toBe('未找到订单 Order。');
  });

  it("uses the request's language when none is given, English outside a request", () => {
    const text = msg`${{ id: 'Order', values: [] }} ${'O-1'} was not found.`;
    expect(localize(text)).toBe('Order O-1 was not found.');
    expect(withRequestLocale('zh-Hans', () => localize(text))).toBe('未找到订单 O-1。');
  });

  it('an untranslated text stays in English; a translated plain string is translated', () => {
    expect(localize('No such text, anywhere.', 'zh-Hans')).toBe('No such text, anywhere.');
    expect(localize('Service', 'zh-Hans')).toBe('业务');
    expect(localize('Service', 'en')).toBe('Service');
  });

  it('numbers the values from 0, past 9, renders numbers, and leaves a placeholder with no value as written', () => {
    const values = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 11];
    const text = msg`${values[0]}${values[1]}${values[2]}${values[3]}${values[4]}${values[5]}${values[6]}${values[7]}${values[8]}${values[9]}-${values[10]}!`;
    expect(text).toEqual({ id: '{0}{1}{2}{3}{4}{5}{6}{7}{8}{9}-{10}!', values });
    expect(localize(text, 'en')).toBe('abcdefghij-11!');
    expect(msg`plain`).toEqual({ id: 'plain', values: [] });
    expect(localize({ id: '{1} and {0} and {2}', values: ['x', 'y'] }, 'en')).toBe('y and x and {2}');
  });

  it('lists the placeholders of a pattern, sorted', () => {
    expect(placeholders('{1} then {0}, {12}')).toEqual(['0', '1', '12']);
    expect(placeholders('no placeholders {x}')).toEqual([]);
  });
});
