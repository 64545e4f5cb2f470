import { createHash } from 'node:crypto';
import { MemoryStore } from '../../lib/kv';
import {
  clearEmailMark,
  isEmailUnverified,
  markEmailUnverified,
  markPhoneUnverified,
  verifiedChannels,
} from '../../subgraphs/customer/services/contact-verification';
import { RecordingStore } from '../support/recording-store';

/**
 * Issue 16: the unverified mark on a changed e-mail address, and which of a user's channels may
 * carry a code, over an in-memory store that records the time-to-live of every write.
 */
const FIVE_YEARS = 5 * 365 * 86_400;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const person = { id: 'U-1', phone: '+358401234567', email: 'ada@example.org' };

describe('e-mail verification marks (issue 16)', () => {
  let store: RecordingStore;
  beforeEach(() => {
    store = new RecordingStore(new MemoryStore());
  });

  it('the mark names the address by a hash of it trimmed and lower-cased, for five years', async () => {
    await markEmailUnverified(store, 'U-1', '  Ada@Example.ORG ');
    expect(await store.get('email-unverified:U-1')).toBe(sha256('ada@example.org'));
    expect(store.ttls.get('email-unverified:U-1')).toBe(FIVE_YEARS);
  });

  it('the address is unverified whatever its case or spaces; another address or user is not', async () => {
    await markEmailUnverified(store, 'U-1', 'ada@example.org');
    expect(await isEmailUnverified(store, 'U-1', 'ada@example.org')).toBe(true);
    expect(await isEmailUnverified(store, 'U-1', ' ADA@example.org  ')).toBe(true);
    expect(await isEmailUnverified(store, 'U-1', 'bob@example.org')).toBe(false);
    expect(await isEmailUnverified(store, 'U-2', 'ada@example.org')).toBe(false);
    expect(await isEmailUnverified(store, 'U-3', '')).toBe(false);
  });

  it('confirming the marked address clears the mark once', async () => {
    await markEmailUnverified(store, 'U-1', 'ada@example.org');
    expect(await clearEmailMark(store, 'U-1', 'Ada@Example.org')).toBe(true);
    expect(await store.get('email-unverified:U-1')).toBeNull();
    expect(await clearEmailMark(store, 'U-1', 'ada@example.org')).toBe(false);
    expect(await store.get('email-unverified:U-1')).toBeNull();
  });

  it('confirming another address puts the mark back, for five years again', async () => {
    await markEmailUnverified(store, 'U-1', 'ada@example.org');
    store.ttls.clear();
    expect(await clearEmailMark(store, 'U-1', 'bob@example.org')).toBe(false);
    expect(await store.get('email-unverified:U-1')).toBe(sha256('ada@example.org'));
    expect(store.ttls.get('email-unverified:U-1')).toBe(FIVE_YEARS);
  });

  it('without a mark, a confirmation writes nothing', async () => {
    expect(await clearEmailMark(store, 'U-1', 'ada@example.org')).toBe(false);
    expect(store.ttls.size).toBe(0);
  });
});

describe('verified channels (issue 16)', () => {
  let store: MemoryStore;
  beforeEach(() => {
    store = new MemoryStore();
  });

  it('both channels carry codes while neither is marked', async () => {
    expect(await verifiedChannels(store, person)).toEqual({ phone: true, email: true });
  });

  it('a marked phone or address does not; a mark for an old value does not count', async () => {
    await markPhoneUnverified(store, 'U-1', person.phone);
    expect(await verifiedChannels(store, person)).toEqual({ phone: false, email: true });
    await markEmailUnverified(store, 'U-1', person.email);
    expect(await verifiedChannels(store, person)).toEqual({ phone: false, email: false });
    expect(await verifiedChannels(store, { ...person, phone: '+358409999999' })).toEqual({
      phone: true,
      email: false,
    });
    expect(await verifiedChannels(store, { ...person, email: 'new@example.org' })).toEqual({
      phone: false,
      email: true,
    });
  });

  it('an empty phone or address is no channel', async () => {
    expect(await verifiedChannels(store, { ...person, phone: '' })).toEqual({ phone: false, email: true });
    expect(await verifiedChannels(store, { ...person, email: '' })).toEqual({ phone: true, email: false });
  });
});
