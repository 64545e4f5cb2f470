import { ZH_HANS } from '../../lib/i18n/catalogue/zh-hans';
import { placeholders } from '../../lib/i18n/text';
import { scanTexts } from '../support/text-scan';

/**
 * Issue 16 item 4: every user-facing text the code can produce has its Simplified Chinese, with
 * the same placeholders, and the catalogue holds nothing the code no longer says.
 */
const { texts, problems } = scanTexts(['lib', 'legacy', 'subgraphs', 'gateway']);

describe('the zh-Hans catalogue', () => {
  it('finds the texts (the scan itself works)', () => {
    expect(texts.get('{0} {1} was not found.')).toBeDefined();
    expect(texts.size).toBeGreaterThan(100);
  });

  it('every message can be translated as written', () => {
    expect(problems).toEqual([]);
  });

  it('translates every text the code produces', () => {
    const missing = [...texts].filter(([id]) => ZH_HANS[id] === undefined).map(([id, at]) => `${at}  ${id}`);
    expect(missing).toEqual([]);
  });

  it('keeps every placeholder of the source text, and holds no unused text', () => {
    const mismatched = Object.entries(ZH_HANS)
      .filter(([id, zh]) => placeholders(id).join() !== placeholders(zh).join())
      .map(([id]) => id);
    expect(mismatched).toEqual([]);
    expect(Object.keys(ZH_HANS).filter((id) => !texts.has(id))).toEqual([]);
  });
});
