import type { Actor } from '../../lib/actor';
import { MemoryStore } from '../../lib/kv';
import {
  REGISTRATION_LIMITS,
  chargeRegistration,
  sourceOf,
} from '../../subgraphs/customer/services/registration-limits';

const NOW_MS = 1_000_000_030_500;

describe('registration limits (issue 12, F10)', () => {
  let store: MemoryStore;
  beforeEach(() => {
    store = new MemoryStore();
    jest.spyOn(Date, 'now').mockReturnValue(NOW_MS);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
  });

  it('five registrations per source an hour', () => {
    expect(REGISTRATION_LIMITS).toEqual({ windowSeconds: 3_600, perSource: 5 });
  });

  it('the source is the one the gateway forwarded, or none', () => {
    expect(sourceOf({ kind: 'anonymous', source: 'h-1' } as Actor)).toBe('h-1');
    expect(sourceOf({ kind: 'anonymous' })).toBeNull();
  });

  it('F10: a source registers its share per window, then waits for the next one', async () => {
    const limits = { windowSeconds: 60, perSource: 2 };
    expect(await chargeRegistration(store, 'h-1', limits)).toEqual({ allowed: true });
    expect(await chargeRegistration(store, 'h-1', limits)).toEqual({ allowed: true });
    expect(await chargeRegistration(store, 'h-1', limits)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(await chargeRegistration(store, 'h-2', limits)).toEqual({ allowed: true });
    jest.spyOn(Date, 'now').mockReturnValue(NOW_MS + 50_000);
    expect(await chargeRegistration(store, 'h-1', limits)).toEqual({ allowed: true });
  });

  it('F10: the default limit, and no limit without a source', async () => {
    for (let i = 0; i < 5; i++) expect(await chargeRegistration(store, 'h-1')).toEqual({ allowed: true });
    expect(await chargeRegistration(store, 'h-1')).toEqual({ allowed: false, retryAfterSeconds: 770 });
    for (let i = 0; i < 7; i++) expect(await chargeRegistration(store, null)).toEqual({ allowed: true });
    expect(await chargeRegistration(store, '')).toEqual({ allowed: true });
  });
});
