import { MemoryStore } from '../../lib/kv';
import { preferredLocale, setPreferredLocale } from '../../lib/i18n/preference';
import { requestLocale, setRequestLocale, withRequestLocale } from '../../lib/i18n/request-locale';
import { RecordingStore } from '../support/recording-store';

/** Issue 16 item 4: where a user's language choice is kept, and the request's language scope. */
describe('the language choice in the store', () => {
  it('is kept for years (it outlives any use of the app) and cleared by deleting it, not by a value', async () => {
    const memory = new MemoryStore();
    const store = new RecordingStore(memory);
    await setPreferredLocale(store, 'U-1', 'zh-Hans');
    expect(store.ttlsOf('language:U-1')).toEqual([10 * 365 * 86_400]);
    expect(await memory.get('language:U-1')).toBe('zh-Hans');
    const writes: string[] = [];
    const watched = {
      set: async (key: string) => void writes.push(`set ${key}`),
      del: async (key: string) => {
        writes.push(`del ${key}`);
        await memory.del(key);
      },
    };
    await setPreferredLocale(watched, 'U-1', null);
    expect(writes).toEqual(['del language:U-1']);
    expect(await memory.get('language:U-1')).toBeNull();
    expect(await preferredLocale(store, 'U-1')).toBeNull();
    await memory.close();
  });

  it('a stored value that is not a language reads as no choice', async () => {
    const store = new MemoryStore();
    await store.set('language:U-2', 'klingon', 60);
    expect(await preferredLocale(store, 'U-2')).toBeNull();
    await store.close();
  });
});

describe("the request's language scope", () => {
  it('setRequestLocale changes the language of the request in scope only, and does nothing outside one', async () => {
    setRequestLocale('zh-Hans');
    expect(requestLocale()).toBe('en');
    const inside = await withRequestLocale('en', async () => {
      setRequestLocale('zh-Hans');
      await Promise.resolve();
      return requestLocale();
    });
    expect(inside).toBe('zh-Hans');
    expect(requestLocale()).toBe('en');
  });
});
