import { createHash } from 'node:crypto';
import { MemoryStore } from '../../lib/kv';
import {
  clearPhoneMark,
  isPhoneUnverified,
  markPhoneUnverified,
} from '../../subgraphs/customer/services/phone-verification';
import { RecordingStore } from '../support/recording-store';

/**
 * Issue 12/16: the unverified mark on a registrant's or a changed phone number, over an
 * in-memory store that records the time-to-live of every write.
 */
const FIVE_YEARS = 5 * 365 * 86_400;
const digitsHash = (digits: string) => createHash('sha256').update(digits).digest('hex');

describe('phone verification marks (issue 12)', () => {
  let store: RecordingStore;
  beforeEach(() => {
    store = new RecordingStore(new MemoryStore());
  });

  it('the mark names the number by a hash of its digits, under the user, for five years', async () => {
    await markPhoneUnverified(store, 'U-1', '+358 40-123 4567');
    expect(await store.get('phone-unverified:U-1')).toBe(digitsHash('358401234567'));
    expect(store.ttls.get('phone-unverified:U-1')).toBe(FIVE_YEARS);
  });

  it('the number is unverified however it is written, and another number or user is not', async () => {
    await markPhoneUnverified(store, 'U-1', '+358401234567');
    expect(await isPhoneUnverified(store, 'U-1', '+358401234567')).toBe(true);
    expect(await isPhoneUnverified(store, 'U-1', '+358 (40) 123 45 67')).toBe(true);
    expect(await isPhoneUnverified(store, 'U-1', '358-40-1234567')).toBe(true);
    expect(await isPhoneUnverified(store, 'U-1', '+358401234568')).toBe(false);
    expect(await isPhoneUnverified(store, 'U-2', '+358401234567')).toBe(false);
  });

  it('a user without a mark has no unverified number, not even an empty one', async () => {
    expect(await isPhoneUnverified(store, 'U-1', '')).toBe(false);
    expect(await isPhoneUnverified(store, 'U-1', '+358401234567')).toBe(false);
  });

  it('confirming the marked number clears the mark once; a second confirmation finds none', async () => {
    await markPhoneUnverified(store, 'U-1', '+358401234567');
    expect(await clearPhoneMark(store, 'U-1', '+358 40 1234567')).toBe(true);
    expect(await store.get('phone-unverified:U-1')).toBeNull();
    expect(await isPhoneUnverified(store, 'U-1', '+358401234567')).toBe(false);
    expect(await clearPhoneMark(store, 'U-1', '+358401234567')).toBe(false);
    expect(await store.get('phone-unverified:U-1')).toBeNull();
  });

  it('confirming another number leaves the mark on the marked one, for five years again', async () => {
    await markPhoneUnverified(store, 'U-1', '+358401234567');
    store.ttls.clear();
    expect(await clearPhoneMark(store, 'U-1', '+358409999999')).toBe(false);
    expect(await store.get('phone-unverified:U-1')).toBe(digitsHash('358401234567'));
    expect(store.ttls.get('phone-unverified:U-1')).toBe(FIVE_YEARS);
    expect(await isPhoneUnverified(store, 'U-1', '+358401234567')).toBe(true);
  });

  it('without a mark, a confirmation writes nothing', async () => {
    expect(await clearPhoneMark(store, 'U-1', '+358401234567')).toBe(false);
    expect(store.ttls.size).toBe(0);
    expect(await store.get('phone-unverified:U-1')).toBeNull();
  });
});
