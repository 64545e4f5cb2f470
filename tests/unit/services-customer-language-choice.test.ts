import type { CustomerUser } from '../../lib/authz/assertions';
import { MemoryStore } from '../../lib/kv';
import { LanguageChoice } from '../../subgraphs/customer/services/language-choice';

const user = (userId: string) =>
  ({
    kind: 'customerUser',
    userId,
    customerId: 'C-1',
    role: 'MANAGER',
    sessionId: 'S',
    grants: [],
  }) as CustomerUser;

describe('language choice (issue 16 item 4)', () => {
  it('a user sets, reads and clears their own language; others keep theirs', async () => {
    const store = new MemoryStore();
    const choice = new LanguageChoice(store);
    expect(await choice.of('U-1')).toBeNull();
    expect(await choice.set(user('U-1'), 'zh-Hans')).toBe('zh-Hans');
    expect(await choice.set(user('U-2'), 'en')).toBe('en');
    expect(await choice.of('U-1')).toBe('zh-Hans');
    expect(await choice.of('U-2')).toBe('en');
    expect(await choice.set(user('U-1'), null)).toBeNull();
    expect(await choice.of('U-1')).toBeNull();
    expect(await choice.of('U-2')).toBe('en');
    await store.close();
  });
});
