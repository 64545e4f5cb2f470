import type { Actor } from '../../lib/actor';
import { rememberBrowsing, type ProfileDeps } from '../../subgraphs/catalogue/services/browsing-profile';

const user: Actor = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S',
  grants: [],
};

/** Profiles that record each touch (or fail), and a logger that records warnings. */
function fakeDeps(actor: Actor, fail = false) {
  const touched: unknown[][] = [];
  const warned: unknown[][] = [];
  const deps = {
    actor,
    profiles: {
      touch: async (...args: unknown[]) => {
        touched.push(args);
        if (fail) throw new Error('store down');
      },
    },
    logger: { warn: (...args: unknown[]) => void warned.push(args) },
  } as unknown as ProfileDeps;
  return { deps, touched, warned };
}

describe('browsing profile (R6)', () => {
  it('R6: a signed-in user’s browsing goes into their profile', async () => {
    const { deps, touched, warned } = fakeDeps(user);
    await rememberBrowsing(deps, ['category:mobile', 'type:MOBILE']);
    expect(touched).toEqual([['U-1', 'C-1', ['category:mobile', 'type:MOBILE']]]);
    expect(warned).toEqual([]);
  });

  it('R6: anonymous browsing and browsing of nothing are not kept', async () => {
    const anonymous = fakeDeps({ kind: 'anonymous' });
    await rememberBrowsing(anonymous.deps, ['category:mobile']);
    expect(anonymous.touched).toEqual([]);
    const staff = fakeDeps({ kind: 'staff', userId: 'U-1', sessionId: 'S' });
    await rememberBrowsing(staff.deps, ['category:mobile']);
    expect(staff.touched).toEqual([]);
    const nothing = fakeDeps(user);
    await rememberBrowsing(nothing.deps, []);
    expect(nothing.touched).toEqual([]);
  });

  it('R6: a profile that cannot be written is logged, not thrown', async () => {
    const { deps, warned } = fakeDeps(user, true);
    await expect(rememberBrowsing(deps, ['category:mobile'])).resolves.toBeUndefined();
    expect(warned).toEqual([[{ err: new Error('store down') }, 'profile not updated']]);
  });
});
