import { GrantRepository, type Grant, type GrantWriteHook } from '../../lib/authz/grants';
import type { Queryable } from '../../lib/store/database';
import type { ScratchDatabase } from '../../system/kit/scratch-database';
import { grantsDatabase, newGrant, T } from '../support/grants-db';

/**
 * R1/R2, issue 13: the grant store's listings, revocation and write hooks on a real PostgreSQL
 * (a scratch schema for this file, migrated once; every test starts from an empty table).
 */
let scratch: ScratchDatabase;
let repo: GrantRepository;
beforeAll(async () => {
  scratch = await grantsDatabase();
  repo = new GrantRepository(scratch.db);
});
afterAll(async () => {
  await scratch.drop();
});
beforeEach(async () => {
  await scratch.db.query('TRUNCATE grants');
});

const ids = (grants: readonly { id: string }[]) => grants.map((g) => g.id);
const future = T('2099-01-01T00:00:00.000Z');

describe('R1: listing a customer’s grants', () => {
  it('R1: oldest first, those yet to start included, ended ones only when asked for', async () => {
    const live = await repo.create(newGrant());
    const pending = await repo.create(newGrant({ validFrom: future }));
    const expired = await repo.create(newGrant({ validUntil: T('2026-06-01T00:00:00.000Z') }));
    const source = await repo.create(newGrant());
    const derived = await repo.create(newGrant({ granteeId: 'U-3', derivedFrom: source.id }));
    await repo.create(newGrant({ customerId: 'C-2' }));
    await repo.revoke(source.id, 'C-1', 'U-1');

    const working = await repo.listForCustomer('C-1', false);
    expect(working).toEqual([live, pending]);

    const all = await repo.listForCustomer('C-1', true);
    expect(ids(all)).toEqual([live.id, pending.id, expired.id, source.id, derived.id]);
    expect(all.map((g) => g.state)).toEqual(['ACTIVE', 'PENDING', 'EXPIRED', 'REVOKED', 'SOURCE_ENDED']);
    expect(all[4]).toMatchObject({ endedBy: source.id, endedAt: all[3]!.revokedAt });

    // Judged before its expiry the expired grant still works; the revocation counts regardless.
    const earlier = await repo.listForCustomer('C-1', false, T('2026-03-01T00:00:00.000Z'));
    expect(ids(earlier)).toEqual([live.id, pending.id, expired.id]);
    expect(earlier[2]!.state).toBe('ACTIVE');
    expect(await repo.listForCustomer('C-3', true)).toEqual([]);
  });
});

describe('R2: grants derived from one that are still in force (derivedInForce)', () => {
  it('R2: every grant below, however deep, that works or has yet to start; none ended', async () => {
    const top = await repo.create(newGrant());
    const middle = await repo.create(
      newGrant({ granteeId: 'U-3', derivedFrom: top.id, validUntil: T('2030-01-01T00:00:00.000Z') }),
    );
    const bottom = await repo.create(newGrant({ granteeId: 'U-4', derivedFrom: middle.id }));
    const later = await repo.create(
      newGrant({ granteeId: 'U-5', derivedFrom: top.id, validFrom: T('2028-01-01T00:00:00.000Z') }),
    );
    const revoked = await repo.create(newGrant({ granteeId: 'U-6', derivedFrom: top.id }));
    await repo.create(newGrant({ granteeId: 'U-7', derivedFrom: revoked.id }));
    await repo.revoke(revoked.id, 'C-1', 'U-2');
    const otherRoot = await repo.create(newGrant());
    await repo.create(newGrant({ granteeId: 'U-8', derivedFrom: otherRoot.id }));

    const below = await repo.derivedInForce(top.id);
    expect(ids(below)).toEqual([middle.id, bottom.id, later.id]);
    expect(below.map((g) => g.state)).toEqual(['ACTIVE', 'ACTIVE', 'PENDING']);
    expect(ids(await repo.derivedInForce(middle.id))).toEqual([bottom.id]);
    expect(await repo.derivedInForce(bottom.id)).toEqual([]);
    // Once the middle grant expires, it and everything below it are no longer in force.
    expect(ids(await repo.derivedInForce(top.id, T('2030-01-01T00:00:00.000Z')))).toEqual([later.id]);
  });
});

describe('R1: revoking', () => {
  it('R1: stamps when and by whom, once', async () => {
    const g = await repo.create(newGrant());
    const before = Date.now();
    const revoked = (await repo.revoke(g.id, 'C-1', 'U-1'))!;
    const after = Date.now();

    expect(revoked).toEqual({
      ...g,
      state: 'REVOKED',
      revokedAt: expect.any(String),
      endedAt: revoked.revokedAt,
      endedBy: g.id,
    });
    expect(Date.parse(revoked.revokedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(revoked.revokedAt!)).toBeLessThanOrEqual(after + 1000);
    const stamp = () =>
      scratch.db.query<{ revoked_at: Date; revoked_by: string }>(
        'SELECT revoked_at, revoked_by FROM grants WHERE id = $1',
        [g.id],
      );
    const [row] = await stamp();
    expect(row).toEqual({ revoked_at: new Date(revoked.revokedAt!), revoked_by: 'U-1' });

    expect(await repo.revoke(g.id, 'C-1', 'U-3')).toBeNull();
    expect(await stamp()).toEqual([row]);
  });

  it("S3: another customer's grant and an unknown id are not revoked", async () => {
    const g = await repo.create(newGrant());
    expect(await repo.revoke(g.id, 'C-2', 'U-9')).toBeNull();
    expect(await repo.get(g.id)).toEqual(g);
    expect(await repo.revoke('GR-missing', 'C-1', 'U-1')).toBeNull();
  });
});

/** A hook that notes what it hears, and what its transaction and another connection see then. */
function recordingHook(fail: 'never' | 'granted' | 'revoked' = 'never') {
  const log: unknown[] = [];
  const seen = async (tx: Queryable, id: string) => {
    const q = 'SELECT revoked_at IS NOT NULL AS revoked FROM grants WHERE id = $1';
    const [inside] = await tx.query<{ revoked: boolean }>(q, [id]);
    const [outside] = await scratch.db.query<{ revoked: boolean }>(q, [id]);
    return { inside: inside ?? 'absent', outside: outside ?? 'absent' };
  };
  const hook: GrantWriteHook = {
    written: async (tx, change, grants: readonly Grant[]) => {
      log.push(['written', change, grants.map((g) => [g.id, g.state]), await seen(tx, grants[0]!.id)]);
      if (fail === change) throw new Error(`hook failed on ${change}`);
    },
    committed: () => void log.push('committed'),
  };
  return { log, repo: new GrantRepository(scratch.db, hook) };
}

describe('issue 13: what a grant write does in its own transaction (the write hook)', () => {
  it('R1: create: the hook writes inside the grant’s transaction, then hears it committed', async () => {
    const { log, repo: hooked } = recordingHook();
    const g = await hooked.create(newGrant());
    expect(log).toEqual([
      ['written', 'granted', [[g.id, 'ACTIVE']], { inside: { revoked: false }, outside: 'absent' }],
      'committed',
    ]);
    expect(await repo.get(g.id)).toEqual(g);
  });

  it('R1: create: a failing hook leaves no grant and no commit', async () => {
    const { log, repo: hooked } = recordingHook('granted');
    await expect(hooked.create(newGrant())).rejects.toThrow('hook failed on granted');
    expect(await scratch.db.query('SELECT id FROM grants')).toEqual([]);
    expect(log).toEqual([['written', 'granted', [[expect.any(String), 'ACTIVE']], expect.anything()]]);
  });

  it('R2: revoke: the hook hears of the grant and of every grant in force that the revocation ends', async () => {
    const top = await repo.create(newGrant());
    const middle = await repo.create(newGrant({ granteeId: 'U-3', derivedFrom: top.id }));
    const bottom = await repo.create(newGrant({ granteeId: 'U-4', derivedFrom: middle.id }));
    const later = await repo.create(newGrant({ granteeId: 'U-5', derivedFrom: top.id, validFrom: future }));
    const gone = await repo.create(newGrant({ granteeId: 'U-6', derivedFrom: top.id }));
    await repo.revoke(gone.id, 'C-1', 'U-1');

    const { log, repo: hooked } = recordingHook();
    await hooked.revoke(top.id, 'C-1', 'U-1');
    // The derived grants are read in the same transaction, before the revocation is written.
    expect(log).toEqual([
      [
        'written',
        'revoked',
        [
          [top.id, 'REVOKED'],
          [middle.id, 'ACTIVE'],
          [bottom.id, 'ACTIVE'],
          [later.id, 'PENDING'],
        ],
        { inside: { revoked: true }, outside: { revoked: false } },
      ],
      'committed',
    ]);
  });

  it('R1: revoke: nothing is heard when nothing is revoked; a failing hook undoes the revocation', async () => {
    const g = await repo.create(newGrant());
    const quiet = recordingHook();
    expect(await quiet.repo.revoke('GR-missing', 'C-1', 'U-1')).toBeNull();
    expect(await quiet.repo.revoke(g.id, 'C-2', 'U-1')).toBeNull();
    expect(quiet.log).toEqual([]);

    const failing = recordingHook('revoked');
    await expect(failing.repo.revoke(g.id, 'C-1', 'U-1')).rejects.toThrow('hook failed on revoked');
    expect(failing.log).toEqual([['written', 'revoked', [[g.id, 'REVOKED']], expect.anything()]]);
    expect(await repo.get(g.id)).toEqual(g);
  });
});
