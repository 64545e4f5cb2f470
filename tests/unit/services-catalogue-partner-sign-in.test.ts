import { verifyPartnerToken, type Actor } from '../../lib/actor';
import { MemoryStore } from '../../lib/kv';
import { Lockouts } from '../../lib/lockouts';
import type { PartnerClientModel, PartnerModel } from '../../legacy/catalogue/models';
import { signInPartner, type PartnerSignInDeps } from '../../subgraphs/catalogue/services/partner-sign-in';
import { loader } from '../support/faults-fakes';

const SECRET = 'partner-token-secret-for-unit-tests';
const TV: PartnerModel = { id: 'P-TV', name: 'TV Co', kind: 'CP' };
/** Client CL-TV (secret "right") of P-TV; CL-GONE's partner is no longer in the catalogue. */
const CLIENTS: Record<string, { secret: string; client: PartnerClientModel }> = {
  'CL-TV': { secret: 'right', client: { partnerId: 'P-TV', scopes: ['orders:read', 'usage:read'] } },
  'CL-GONE': { secret: 'right', client: { partnerId: 'P-GONE', scopes: [] } },
};
const MAX_FAILURES = 3;

const caller = (source?: string): Actor => (source ? { kind: 'anonymous', source } : { kind: 'anonymous' });

function ismp(actor: Actor = caller('NET-A'), audit: { failWith?: Error } = {}) {
  const verified: string[][] = [];
  const recorded: Record<string, unknown>[] = [];
  const warned: [Record<string, unknown>, string][] = [];
  const infos: [Record<string, unknown>, string][] = [];
  const lockouts = new Lockouts(new MemoryStore(), 'partner', {
    maxFailures: MAX_FAILURES,
    maxCodeFailures: 5,
    lockoutSeconds: 600,
  });
  const deps = {
    actor,
    tokenSecret: SECRET,
    lockouts,
    catalogue: {
      verifyClient: async (clientId: string, clientSecret: string) => {
        verified.push([clientId, clientSecret]);
        const known = CLIENTS[clientId];
        return known && known.secret === clientSecret ? known.client : null;
      },
    },
    audit: {
      record: async (event: Record<string, unknown>) => {
        if (audit.failWith) throw audit.failWith;
        recorded.push(event);
        return String(recorded.length);
      },
    },
    logger: {
      warn: (fields: Record<string, unknown>, line: string) => void warned.push([fields, line]),
      info: (fields: Record<string, unknown>, line: string) => void infos.push([fields, line]),
    },
    loaders: { partner: loader('partner', { 'P-TV': TV }) },
  } as unknown as PartnerSignInDeps;
  return { deps, verified, recorded, warned, infos, lockouts };
}

const wrong = (deps: PartnerSignInDeps, clientId = 'CL-TV') =>
  signInPartner(deps, { clientId, clientSecret: 'wrong' });

describe('R4: partner systems sign in with client credentials', () => {
  it('R4, S4: the right credentials give a 15-minute partner token with the client scopes, after the sign-in is recorded', async () => {
    const { deps, recorded, infos, warned } = ismp();
    const before = Date.now();
    const result = await signInPartner(deps, { clientId: 'CL-TV', clientSecret: 'right' });
    if (result.kind !== 'issued') throw new Error(`not issued: ${result.kind}`);
    expect(result.partner).toEqual(TV);
    expect(result.scopes).toEqual(['orders:read', 'usage:read']);
    const claims = await verifyPartnerToken(result.token, SECRET);
    expect(claims).toMatchObject({
      partnerId: 'P-TV',
      clientId: 'CL-TV',
      scopes: ['orders:read', 'usage:read'],
    });
    const ttl = result.expiresAt.getTime() - before;
    expect(ttl).toBeGreaterThanOrEqual(900_000);
    expect(ttl).toBeLessThan(905_000);
    expect(claims.expiresAt).toBe(Math.floor(result.expiresAt.getTime() / 1000));
    expect(recorded).toEqual([
      { kind: 'LOGIN', outcome: 'SUCCESS', customerId: null, actorId: 'CL-TV', target: 'P-TV' },
    ]);
    expect(infos).toEqual([[{ event: 'partner.auth', partnerId: 'P-TV' }, 'partner token issued']]);
    expect(warned).toEqual([]);
  });

  it('S4: no token when the sign-in cannot be recorded (fail closed)', async () => {
    const { deps } = ismp(caller('NET-A'), { failWith: new Error('audit down') });
    await expect(signInPartner(deps, { clientId: 'CL-TV', clientSecret: 'right' })).rejects.toThrow(
      'audit down',
    );
  });

  it('R4: a client whose partner left the catalogue is refused', async () => {
    const { deps } = ismp();
    expect(await signInPartner(deps, { clientId: 'CL-GONE', clientSecret: 'right' })).toEqual({
      kind: 'refused',
    });
  });

  it('R4, S4: a wrong secret is refused without saying which half was wrong, recorded and logged', async () => {
    const { deps, recorded, warned, infos, verified } = ismp();
    expect(await wrong(deps)).toEqual({ kind: 'refused' });
    expect(await signInPartner(deps, { clientId: 'CL-NOBODY', clientSecret: 'right' })).toEqual({
      kind: 'refused',
    });
    expect(verified).toEqual([
      ['CL-TV', 'wrong'],
      ['CL-NOBODY', 'right'],
    ]);
    expect(recorded).toEqual([
      { kind: 'LOGIN', outcome: 'FAILURE', customerId: null, actorId: 'CL-TV' },
      { kind: 'LOGIN', outcome: 'FAILURE', customerId: null, actorId: 'CL-NOBODY' },
    ]);
    expect(warned).toEqual([
      [{ event: 'partner.auth.failure' }, 'partner client refused'],
      [{ event: 'partner.auth.failure' }, 'partner client refused'],
    ]);
    expect(infos).toEqual([]);
  });

  it('R4: oversized credentials are refused without asking the ISMP; the longest allowed are asked', async () => {
    const { deps, verified, recorded } = ismp();
    const id100 = 'C'.repeat(100);
    const secret200 = 's'.repeat(200);
    await signInPartner(deps, { clientId: id100, clientSecret: secret200 });
    expect(verified).toEqual([[id100, secret200]]);
    expect(await signInPartner(deps, { clientId: `${id100}X`, clientSecret: 'right' })).toEqual({
      kind: 'refused',
    });
    expect(await signInPartner(deps, { clientId: 'CL-TV', clientSecret: `${secret200}s` })).toEqual({
      kind: 'refused',
    });
    expect(verified).toHaveLength(1);
    // The subject recorded and counted is cut to 100 characters: it shares the 100-character id's count.
    expect(recorded.map((r) => r.actorId)).toEqual([id100, id100, 'CL-TV']);
    expect(await signInPartner(deps, { clientId: `${id100}YZ`, clientSecret: 'x' })).toEqual({
      kind: 'locked',
      retryAfterSeconds: 600,
    });
  });
});

describe('R4: wrong secrets lock a client out per source', () => {
  it('R4, S4: the Nth wrong secret locks the client at that source, recorded once as LOCKOUT', async () => {
    const { deps, recorded, warned } = ismp();
    expect(await wrong(deps)).toEqual({ kind: 'refused' });
    expect(await wrong(deps)).toEqual({ kind: 'refused' });
    expect(await wrong(deps)).toEqual({ kind: 'locked', retryAfterSeconds: 600 });
    expect(recorded.filter((r) => r.kind === 'LOCKOUT')).toEqual([
      { kind: 'LOCKOUT', outcome: 'SUCCESS', customerId: null, actorId: 'CL-TV' },
    ]);
    expect(warned.at(-1)).toEqual([
      { event: 'partner.auth.lockout' },
      'partner client locked out at one source',
    ]);
  });

  it('R4: a locked client is refused before the ISMP is asked, even with the right secret', async () => {
    const { deps, verified, recorded } = ismp();
    for (let i = 0; i < MAX_FAILURES; i++) await wrong(deps);
    verified.length = 0;
    recorded.length = 0;
    const result = await signInPartner(deps, { clientId: 'CL-TV', clientSecret: 'right' });
    expect(result).toMatchObject({ kind: 'locked' });
    expect(result.kind === 'locked' && result.retryAfterSeconds).toBeGreaterThan(595);
    expect(verified).toEqual([]);
    expect(recorded).toEqual([]);
  });

  it('R4: failures racing past the lock are told the lock, not recorded as another lock-out', async () => {
    const { deps, lockouts } = ismp();
    for (let i = 0; i < MAX_FAILURES; i++) await wrong(deps);
    // This attempt passed the lock check before the lock existed, and fails after it.
    const { deps: late, recorded, warned } = ismp();
    Object.assign(late, { lockouts });
    jest.spyOn(lockouts, 'lockedFor').mockResolvedValueOnce(null);
    const result = await wrong(late);
    expect(result).toMatchObject({ kind: 'locked' });
    expect(result.kind === 'locked' && result.retryAfterSeconds).toBeGreaterThan(595);
    expect(recorded).toEqual([{ kind: 'LOGIN', outcome: 'FAILURE', customerId: null, actorId: 'CL-TV' }]);
    expect(warned.map(([fields]) => fields.event)).toEqual(['partner.auth.failure']);
  });

  it('R4: the lock holds at its source only: the partner, elsewhere, still signs in', async () => {
    const { deps, lockouts } = ismp(caller('NET-STRANGER'));
    for (let i = 0; i < MAX_FAILURES; i++) await wrong(deps);
    expect(await lockouts.lockedFor('CL-TV', ['NET-STRANGER'])).toBeGreaterThan(0);
    const home = ismp(caller('NET-HOME')).deps;
    Object.assign(home, { lockouts });
    expect(await signInPartner(home, { clientId: 'CL-TV', clientSecret: 'right' })).toMatchObject({
      kind: 'issued',
    });
  });

  it('R4: a caller without a source is counted at the unknown source', async () => {
    const { deps, lockouts } = ismp(caller());
    for (let i = 0; i < MAX_FAILURES; i++) await wrong(deps);
    expect(await lockouts.lockedFor('CL-TV', ['unknown'])).toBeGreaterThan(0);
    expect(await lockouts.lockedFor('CL-TV', ['NET-A'])).toBeNull();
  });

  it('R4: a successful sign-in forgets the failures before it', async () => {
    const { deps } = ismp();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await wrong(deps);
    expect(await signInPartner(deps, { clientId: 'CL-TV', clientSecret: 'right' })).toMatchObject({
      kind: 'issued',
    });
    for (let i = 0; i < MAX_FAILURES - 1; i++) expect(await wrong(deps)).toEqual({ kind: 'refused' });
  });
});
