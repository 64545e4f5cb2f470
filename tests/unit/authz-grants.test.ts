import { GrantRepository } from '../../lib/authz/grants';
import type { ScratchDatabase } from '../../system/kit/scratch-database';
import { grantsDatabase, newGrant, plus, T } from '../support/grants-db';

/**
 * R2: the grant store's SQL on a real PostgreSQL (a scratch schema for this file, migrated once;
 * every test starts from an empty table): what a grant stores, when it works, and how a grant
 * derived from another works only while its whole chain does. Validity is judged at an explicit
 * `at` wherever a boundary matters, so the instants are exact.
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

describe('R2: creating and reading a grant', () => {
  it('R2: stores every field the grantor chose and reads them back alike', async () => {
    const before = Date.now();
    const created = await repo.create(
      newGrant({
        customerId: 'C-7',
        granteeId: 'U-8',
        grantedBy: 'U-9',
        capabilities: ['service.check', 'fault.report', 'billing.view'],
        scopeKind: 'ACCOUNT',
        scopeIds: ['A-1', 'A-2'],
        validFrom: T('2026-03-04T05:06:07.089Z'),
        validUntil: T('2031-01-02T03:04:05.678Z'),
      }),
    );
    const after = Date.now();

    expect(created.id).toMatch(/^GR-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const [row] = await scratch.db.query<{ created_at: Date }>(
      'SELECT created_at FROM grants WHERE id = $1',
      [created.id],
    );
    expect(created).toEqual({
      id: created.id,
      customerId: 'C-7',
      granteeId: 'U-8',
      grantedBy: 'U-9',
      capabilities: ['service.check', 'fault.report', 'billing.view'],
      scopeKind: 'ACCOUNT',
      scopeIds: ['A-1', 'A-2'],
      validFrom: '2026-03-04T05:06:07.089Z',
      validUntil: '2031-01-02T03:04:05.678Z',
      createdAt: row!.created_at.toISOString(),
      revokedAt: null,
      derivedFrom: null,
      state: 'ACTIVE',
      endedAt: null,
      endedBy: null,
    });
    // The database stamps the creation; both clocks are this machine's.
    expect(Date.parse(created.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(created.createdAt)).toBeLessThanOrEqual(after + 1000);
    expect(await repo.get(created.id)).toEqual(created);

    const other = await repo.create(newGrant({ derivedFrom: created.id }));
    expect(other.id).not.toBe(created.id);
    expect(other).toMatchObject({ derivedFrom: created.id, validUntil: null, scopeKind: 'SERVICES' });
  });

  it('R2: a grant starting later is PENDING until the very instant of its validFrom', async () => {
    const from = T('2030-01-01T00:00:00.000Z');
    const created = await repo.create(newGrant({ validFrom: from }));
    expect(created.state).toBe('PENDING');
    expect((await repo.get(created.id, scratch.db, plus(from, -1)))?.state).toBe('PENDING');
    expect((await repo.get(created.id, scratch.db, from))?.state).toBe('ACTIVE');
  });

  it('get answers null for an unknown id, and reads through the transaction it is given', async () => {
    expect(await repo.get('GR-missing')).toBeNull();
    await scratch.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO grants (id, customer_id, grantee_id, granted_by, capabilities, scope_kind, scope_ids, valid_from)
         VALUES ('GR-tx', 'C-1', 'U-2', 'U-1', '{service.check}', 'SERVICES', '{S-1}', '2026-01-01Z')`,
      );
      expect(await repo.get('GR-tx', tx)).toMatchObject({ id: 'GR-tx', state: 'ACTIVE' });
      // Not committed yet: another connection does not see it.
      expect(await repo.get('GR-tx')).toBeNull();
    });
  });
});

describe('R2: the grants that work for a user (activeFor)', () => {
  it('R2: a grant works from validFrom inclusive up to validUntil exclusive', async () => {
    const from = T('2030-01-01T00:00:00.000Z');
    const until = T('2030-02-01T00:00:00.000Z');
    const g = await repo.create(newGrant({ validFrom: from, validUntil: until }));

    expect(await repo.activeFor('U-2', plus(from, -1))).toEqual([]);
    const [atStart] = await repo.activeFor('U-2', from);
    expect(atStart).toEqual({ ...g, state: 'ACTIVE' });
    expect(ids(await repo.activeFor('U-2', plus(until, -1)))).toEqual([g.id]);
    expect(await repo.activeFor('U-2', until)).toEqual([]);
    expect(await repo.get(g.id, scratch.db, until)).toMatchObject({
      state: 'EXPIRED',
      endedAt: until.toISOString(),
      endedBy: g.id,
    });
  });

  it("only the user's own grants, oldest first", async () => {
    const first = await repo.create(newGrant({ scopeIds: ['S-1'] }));
    await repo.create(newGrant({ granteeId: 'U-3' }));
    const second = await repo.create(newGrant({ scopeIds: ['S-2'], customerId: 'C-2' }));
    expect(await repo.activeFor('U-2')).toEqual([first, second]);
    expect(await repo.activeFor('U-4')).toEqual([]);
  });

  it('R2: revoked, pending and expired grants are left out', async () => {
    const live = await repo.create(newGrant({ validUntil: T('2099-01-01T00:00:00.000Z') }));
    const revoked = await repo.create(newGrant());
    await repo.revoke(revoked.id, 'C-1', 'U-1');
    await repo.create(newGrant({ validFrom: T('2099-01-01T00:00:00.000Z') }));
    const expired = await repo.create(newGrant({ validUntil: T('2026-02-01T00:00:00.000Z') }));
    expect(ids(await repo.activeFor('U-2'))).toEqual([live.id]);
    // Before its expiry the expired one worked; a revocation counts whatever the instant judged.
    expect(ids(await repo.activeFor('U-2', T('2026-01-15T00:00:00.000Z')))).toEqual([live.id, expired.id]);
  });
});

describe('R2: a derived grant works only while its whole chain does', () => {
  const from = T('2030-01-01T00:00:00.000Z');
  const sourceEnd = T('2030-03-01T00:00:00.000Z');

  it("R2: the source's expiry ends the derived grant at that exact instant", async () => {
    const source = await repo.create(newGrant({ validFrom: from, validUntil: sourceEnd }));
    const derived = await repo.create(
      newGrant({ granteeId: 'U-3', grantedBy: 'U-2', validFrom: from, derivedFrom: source.id }),
    );

    expect(await repo.activeFor('U-3', plus(sourceEnd, -1))).toEqual([{ ...derived, state: 'ACTIVE' }]);
    expect(await repo.activeFor('U-3', sourceEnd)).toEqual([]);
    expect(await repo.get(derived.id, scratch.db, sourceEnd)).toMatchObject({
      state: 'SOURCE_ENDED',
      endedBy: source.id,
      endedAt: sourceEnd.toISOString(),
      revokedAt: null,
      validUntil: null,
    });
    expect(await repo.get(source.id, scratch.db, sourceEnd)).toMatchObject({
      state: 'EXPIRED',
      endedBy: source.id,
    });
  });

  it('R2: a derived grant starts only when the latest-starting grant of its chain does', async () => {
    const sourceFrom = T('2030-02-01T00:00:00.000Z');
    const source = await repo.create(newGrant({ validFrom: sourceFrom }));
    const derived = await repo.create(
      newGrant({ granteeId: 'U-3', validFrom: from, derivedFrom: source.id }),
    );

    expect(await repo.activeFor('U-3', plus(sourceFrom, -1))).toEqual([]);
    expect((await repo.get(derived.id, scratch.db, plus(sourceFrom, -1)))?.state).toBe('PENDING');
    expect(ids(await repo.activeFor('U-3', sourceFrom))).toEqual([derived.id]);
  });

  it('R2: revoking a grant ends every grant below it, however deep, on the next read', async () => {
    const top = await repo.create(newGrant({ granteeId: 'U-2' }));
    const middle = await repo.create(newGrant({ granteeId: 'U-3', derivedFrom: top.id }));
    const bottom = await repo.create(newGrant({ granteeId: 'U-4', derivedFrom: middle.id }));
    expect(ids(await repo.activeFor('U-4'))).toEqual([bottom.id]);

    const middleRevoked = (await repo.revoke(middle.id, 'C-1', 'U-2'))!;
    expect(ids(await repo.activeFor('U-2'))).toEqual([top.id]);
    expect(await repo.activeFor('U-3')).toEqual([]);
    expect(await repo.activeFor('U-4')).toEqual([]);
    expect(await repo.get(bottom.id)).toMatchObject({
      state: 'SOURCE_ENDED',
      endedBy: middle.id,
      endedAt: middleRevoked.revokedAt,
      revokedAt: null,
    });

    // The earliest end in the chain is the one that counts: the middle's, not the later top's.
    const topRevoked = (await repo.revoke(top.id, 'C-1', 'U-1'))!;
    expect(Date.parse(topRevoked.revokedAt!)).toBeGreaterThan(Date.parse(middleRevoked.revokedAt!));
    expect(await repo.get(bottom.id)).toMatchObject({ state: 'SOURCE_ENDED', endedBy: middle.id });
    expect(await repo.get(middle.id)).toMatchObject({ state: 'REVOKED', endedBy: middle.id });
  });

  it("R2: a derived grant's own earlier expiry is its end; on a tie the source's end is named", async () => {
    const source = await repo.create(newGrant({ validFrom: from, validUntil: sourceEnd }));
    const capped = await repo.create(
      newGrant({ granteeId: 'U-3', validFrom: from, validUntil: sourceEnd, derivedFrom: source.id }),
    );
    const shorter = T('2030-02-01T00:00:00.000Z');
    const short = await repo.create(
      newGrant({ granteeId: 'U-4', validFrom: from, validUntil: shorter, derivedFrom: source.id }),
    );

    expect(await repo.get(capped.id, scratch.db, sourceEnd)).toMatchObject({
      state: 'SOURCE_ENDED',
      endedBy: source.id,
      endedAt: sourceEnd.toISOString(),
    });
    expect(await repo.get(short.id, scratch.db, sourceEnd)).toMatchObject({
      state: 'EXPIRED',
      endedBy: short.id,
      endedAt: shorter.toISOString(),
    });
  });

  it('a grant revoked after it expired ended by expiry; one revoked before, by revocation', async () => {
    const until = T('2026-06-01T00:00:00.000Z');
    const expired = await repo.create(newGrant({ validUntil: until }));
    const lateRevoked = (await repo.revoke(expired.id, 'C-1', 'U-1'))!;
    expect(lateRevoked.revokedAt).not.toBeNull();
    expect(lateRevoked).toMatchObject({
      state: 'EXPIRED',
      endedAt: until.toISOString(),
      endedBy: expired.id,
    });

    const running = await repo.create(newGrant({ validUntil: T('2099-01-01T00:00:00.000Z') }));
    const revoked = (await repo.revoke(running.id, 'C-1', 'U-1'))!;
    expect(revoked).toMatchObject({ state: 'REVOKED', endedAt: revoked.revokedAt, endedBy: running.id });
  });
});
