import { chooseLocale, negotiateLocale } from '../../lib/i18n/locale';
import { localize, msg } from '../../lib/i18n/text';
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

  it("the user's own choice wins over the header, which wins over English", () => {
    expect(chooseLocale('en', 'zh-CN')).toBe('en');
    expect(chooseLocale(null, 'zh-CN')).toBe('zh-Hans');
    expect(chooseLocale(undefined, 'fr')).toBe('en');
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

  it('an untranslated text stays in English', () => {
    expect(localize('No such text, anywhere.', 'zh-Hans')).toBe('No such text, anywhere.');
  });
});
