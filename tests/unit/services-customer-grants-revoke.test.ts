import { mayView } from '../../subgraphs/customer/services/grants';
import { authorized, grant, grantWorld, manager } from '../support/customer-grants-fakes';

/** Revoking and listing grants (R1, R2, S4) over in-memory fakes. */
const given = grant({ id: 'G-1', grantedBy: 'U-2', granteeId: 'U-3' });
const byManager = grant({ id: 'G-2', grantedBy: 'U-1', granteeId: 'U-2' });
const foreign = grant({ id: 'G-9', customerId: 'C-2', grantedBy: 'U-2', granteeId: 'U-9' });
const revoked = grant({ id: 'G-R', grantedBy: 'U-1', revokedAt: '2026-02-01T00:00:00.000Z' });
const stored = [given, byManager, foreign, revoked];

describe('R1/R2 revoking', () => {
  it('S4: the manager revokes a grant of its customer: PENDING event first, then the store, then SUCCESS', async () => {
    const { service, log, infos } = grantWorld({ stored });
    const result = await service.revoke(manager, 'G-2');
    expect(result).toMatchObject({ id: 'G-2', revokedAt: '2026-11-30T00:00:00.000Z' });
    expect(log).toEqual([
      ['PENDING', { kind: 'REVOKE', customerId: 'C-1', actorId: 'U-1', target: 'G-2' }],
      ['derivedInForce', 'G-2'],
      ['revoke', 'G-2', 'C-1', 'U-1'],
      ['SUCCESS', 'G-2'],
    ]);
    expect(infos).toEqual([
      [{ event: 'revoke', grantId: 'G-2', customerId: 'C-1', by: 'U-1' }, 'authorization revoked'],
    ]);
  });

  it('R2: an authorized user revokes what it gave, and nothing else', async () => {
    const { service, log } = grantWorld({ stored });
    expect(await service.revoke(authorized, 'G-1')).toMatchObject({ id: 'G-1' });
    expect(await service.revoke(authorized, 'G-2')).toBe('Authorization G-2 was not found.');
    expect(log.filter((l) => l[0] === 'revoke')).toEqual([['revoke', 'G-1', 'C-1', 'U-2']]);
    expect(log[log.length - 1]).toEqual(['DENIED', 'G-2']);
  });

  it("S3: another customer's grant and a missing one answer alike, and nothing is revoked", async () => {
    const { service, log, infos } = grantWorld({ stored });
    expect(await service.revoke(manager, 'G-9')).toBe('Authorization G-9 was not found.');
    expect(await service.revoke(authorized, 'G-9')).toBe('Authorization G-9 was not found.');
    expect(await service.revoke(manager, 'G-0')).toBe('Authorization G-0 was not found.');
    expect(log.filter((l) => l[0] === 'revoke' || l[0] === 'derivedInForce')).toEqual([]);
    expect(infos).toEqual([]);
  });

  it('a grant already revoked is said to be so, and not revoked again', async () => {
    const { service, log } = grantWorld({ stored });
    expect(await service.revoke(manager, 'G-R')).toBe('Authorization G-R is already revoked.');
    expect(log.filter((l) => l[0] === 'revoke' || l[0] === 'derivedInForce')).toEqual([]);
    expect(log[log.length - 1]).toEqual(['DENIED', 'G-R']);
  });

  it('R2/S4: every grant passed on from a revoked one ends with it, each its own REVOKE event around the revocation', async () => {
    const derived = [grant({ id: 'D-1', derivedFrom: 'G-1' }), grant({ id: 'D-2', derivedFrom: 'G-1' })];
    const { service, log, infos } = grantWorld({ stored, derived });
    await service.revoke(authorized, 'G-1');
    const child = (target: string) => [
      'PENDING',
      { kind: 'REVOKE', customerId: 'C-1', actorId: 'U-2', target, detail: { endedWith: 'G-1' } },
    ];
    expect(log).toEqual([
      ['PENDING', { kind: 'REVOKE', customerId: 'C-1', actorId: 'U-2', target: 'G-1' }],
      ['derivedInForce', 'G-1'],
      child('D-2'),
      child('D-1'),
      ['revoke', 'G-1', 'C-1', 'U-2'],
      ['SUCCESS', 'D-1'],
      ['SUCCESS', 'D-2'],
      ['SUCCESS', 'G-1'],
    ]);
    expect(infos).toEqual([
      [
        { event: 'revoke.derived', grantId: 'G-1', ended: ['D-1', 'D-2'] },
        'authorizations derived from a revoked one ended with it',
      ],
      [{ event: 'revoke', grantId: 'G-1', customerId: 'C-1', by: 'U-2' }, 'authorization revoked'],
    ]);
  });

  it('a revocation that lost a race to another is "already revoked", each event DENIED, nothing logged', async () => {
    const derived = [grant({ id: 'D-1', derivedFrom: 'G-2' })];
    const { service, log, infos } = grantWorld({ stored, derived, revokeAnswers: 'null' });
    expect(await service.revoke(manager, 'G-2')).toBe('Authorization G-2 is already revoked.');
    expect(log.slice(-2)).toEqual([
      ['DENIED', 'D-1'],
      ['DENIED', 'G-2'],
    ]);
    expect(infos).toEqual([]);
  });
});

describe('R1/R2 listing grants', () => {
  const listed = [given, byManager, revoked, grant({ id: 'G-O', grantedBy: 'U-4', granteeId: 'U-3' })];

  it('R1: the manager sees every grant of its customer, asked with or without ended ones', async () => {
    const { service, log } = grantWorld({ listed: [...listed, foreign] });
    expect((await service.list(manager, true)).map((g) => g.id)).toEqual(['G-1', 'G-2', 'G-R', 'G-O']);
    await service.list(manager, false);
    expect(log).toEqual([
      ['listForCustomer', 'C-1', true],
      ['listForCustomer', 'C-1', false],
    ]);
  });

  it('R2: another user sees the grants it holds or gave, and no others', async () => {
    const { service } = grantWorld({ listed: [...listed, foreign] });
    expect((await service.list(authorized, false)).map((g) => g.id)).toEqual(['G-1', 'G-2']);
  });

  it("R2: mayView: never another customer's grant, whoever the actor is", () => {
    expect(mayView(manager, foreign)).toBe(false);
    expect(mayView({ ...authorized, customerId: 'C-2' }, given)).toBe(false);
    expect(mayView(manager, given)).toBe(true);
    expect(mayView(authorized, given)).toBe(true);
    expect(mayView(authorized, byManager)).toBe(true);
    expect(mayView(authorized, revoked)).toBe(false);
  });
});
