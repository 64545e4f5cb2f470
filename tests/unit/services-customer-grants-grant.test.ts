import type { GrantRequest } from '../../subgraphs/customer/services/grants';
import { HELD_UNTIL, authorized, grantWorld, manager, openEnded } from '../support/customer-grants-fakes';

/** Granting (R1, R2, S4) over in-memory fakes: every rule the server checks, whatever is asked. */
const FUTURE = '2098-06-01T00:00:00.000Z';
const ask = (over: Partial<GrantRequest> = {}): GrantRequest => ({
  granteeId: 'U-3',
  capabilities: ['usage.view'],
  serviceIds: ['S-1'],
  ...over,
});
const refusal = (refused: string, message: string) => ({ refused, message });

describe('R1 granting: the shape of a request', () => {
  it('R1: a request naming no level and no capability is refused', async () => {
    const { service, created } = grantWorld();
    const expected = refusal('INVALID_REQUEST', 'Name at least one level or capability.');
    expect(await service.grant(manager, ask({ capabilities: null }))).toEqual(expected);
    expect(await service.grant(manager, ask({ capabilities: [], levels: [] }))).toEqual(expected);
    expect(created).toEqual([]);
  });

  it('R1: TOTAL authorization is never granted, as a level or as a capability', async () => {
    const { service, created } = grantWorld();
    const expected = refusal(
      'MANAGER_ONLY_CAPABILITY',
      'Payment and billing settings stay with the self-service manager.',
    );
    expect(await service.grant(manager, ask({ levels: ['TOTAL'], capabilities: null }))).toEqual(expected);
    expect(await service.grant(manager, ask({ capabilities: ['usage.view', 'billing.settings'] }))).toEqual(
      expected,
    );
    expect(created).toEqual([]);
  });

  it('R1: a scope is either services or one account, never both or neither', async () => {
    const { service, log } = grantWorld();
    const expected = refusal('INVALID_REQUEST', 'Give either serviceIds or accountId.');
    expect(await service.grant(manager, ask({ accountId: 'A-1' }))).toEqual(expected);
    expect(await service.grant(manager, ask({ serviceIds: null, accountId: null }))).toEqual(expected);
    expect(await service.grant(manager, ask({ serviceIds: undefined }))).toEqual(expected);
    expect(log.filter((l) => l[0] !== 'PENDING' && l[0] !== 'DENIED')).toEqual([]);
  });

  it('R1: serviceIds name 1 to 100 services (after removing repeats)', async () => {
    const { service } = grantWorld();
    const expected = refusal('INVALID_REQUEST', 'serviceIds must name 1 to 100 services.');
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `N-${i}`);
    expect(await service.grant(manager, ask({ serviceIds: [] }))).toEqual(expected);
    expect(await service.grant(manager, ask({ serviceIds: ids(101) }))).toEqual(expected);
    expect(await service.grant(manager, ask({ serviceIds: [...ids(100), 'N-0'] }))).toMatchObject({
      scopeIds: ids(100),
    });
  });

  it('R1: validFrom and validUntil must be date-times', async () => {
    const { service } = grantWorld();
    const expected = refusal('INVALID_REQUEST', 'validFrom and validUntil must be ISO date-times.');
    expect(await service.grant(manager, ask({ validFrom: 'soon' }))).toEqual(expected);
    expect(await service.grant(manager, ask({ validUntil: 'later' }))).toEqual(expected);
  });

  it('R1: validUntil must come after validFrom and lie in the future', async () => {
    const { service } = grantWorld();
    const expected = refusal('INVALID_REQUEST', 'validUntil must be after validFrom and in the future.');
    expect(await service.grant(manager, ask({ validFrom: FUTURE, validUntil: FUTURE }))).toEqual(expected);
    expect(
      await service.grant(manager, ask({ validFrom: FUTURE, validUntil: '2098-05-31T00:00:00.000Z' })),
    ).toEqual(expected);
    expect(
      await service.grant(
        manager,
        ask({ validFrom: '2020-01-01T00:00:00.000Z', validUntil: '2020-02-01T00:00:00.000Z' }),
      ),
    ).toEqual(expected);
    // Only validUntil is checked against now: a grant may have started in the past.
    expect(
      await service.grant(manager, ask({ validFrom: '2020-01-01T00:00:00.000Z', validUntil: FUTURE })),
    ).toMatchObject({ validFrom: '2020-01-01T00:00:00.000Z', validUntil: FUTURE });
  });
});

describe('R1 granting by the manager', () => {
  it('R1: levels and capabilities are merged without repeats; the grant starts now, ends never, derives from nothing', async () => {
    const { service, created, log, infos } = grantWorld();
    const before = Date.now();
    const result = await service.grant(
      manager,
      ask({
        levels: ['AUTHORIZATION_1'],
        capabilities: ['service.configure', 'usage.view'],
        serviceIds: ['S-2', 'S-1', 'S-2'],
      }),
    );
    expect(created).toHaveLength(1);
    const { validFrom, ...rest } = created[0];
    expect(rest).toEqual({
      customerId: 'C-1',
      granteeId: 'U-3',
      grantedBy: 'U-1',
      capabilities: ['service.configure', 'experience.report', 'usage.view'],
      scopeKind: 'SERVICES',
      scopeIds: ['S-2', 'S-1'],
      derivedFrom: null,
      validUntil: null,
    });
    expect(validFrom.getTime()).toBeGreaterThanOrEqual(before);
    expect(validFrom.getTime()).toBeLessThanOrEqual(Date.now());
    expect(result).toMatchObject({ id: 'G-NEW', granteeId: 'U-3' });
    // S4: the grant is a security event, PENDING before anything is read; the manager's own grants are not consulted.
    expect(log).toEqual([
      ['PENDING', { kind: 'GRANT', customerId: 'C-1', actorId: 'U-1', target: 'U-3' }],
      ['users', 'C-1'],
      ['services', 2],
      ['create'],
      ['SUCCESS', 'U-3'],
    ]);
    expect(infos).toEqual([
      [
        {
          event: 'grant',
          grantId: 'G-NEW',
          customerId: 'C-1',
          granter: 'U-1',
          grantee: 'U-3',
          derivedFrom: null,
        },
        'authorization granted',
      ],
    ]);
  });

  it('R1: a grant over one of the customer’s accounts, with the dates asked for', async () => {
    const { service, created, log } = grantWorld();
    await service.grant(
      manager,
      ask({ serviceIds: null, accountId: 'A-2', validFrom: '2026-01-01T00:00:00.000Z', validUntil: FUTURE }),
    );
    expect(created[0]).toMatchObject({
      scopeKind: 'ACCOUNT',
      scopeIds: ['A-2'],
      validFrom: new Date('2026-01-01T00:00:00.000Z'),
      validUntil: new Date(FUTURE),
    });
    expect(log).toContainEqual(['accounts', 'C-1']);
  });

  it("R1: another customer's account is out of scope", async () => {
    const { service, created, infos, log } = grantWorld();
    expect(await service.grant(manager, ask({ serviceIds: null, accountId: 'A-9' }))).toEqual(
      refusal('OUT_OF_SCOPE', "Account A-9 is not your customer's."),
    );
    expect(created).toEqual([]);
    expect(infos).toEqual([]);
    expect(log[log.length - 1]).toEqual(['DENIED', 'U-3']);
  });

  it("R1: every service named must exist and be the customer's", async () => {
    const { service, created } = grantWorld();
    expect(await service.grant(manager, ask({ serviceIds: ['S-1', 'S-9'] }))).toEqual(
      refusal('OUT_OF_SCOPE', 'Service S-9 is not within your scope.'),
    );
    expect(await service.grant(manager, ask({ serviceIds: ['S-0', 'S-1'] }))).toEqual(
      refusal('OUT_OF_SCOPE', 'Service S-0 is not within your scope.'),
    );
    expect(created).toEqual([]);
  });

  it('R1: the grantee must be another non-manager user of the same customer', async () => {
    const { service, created } = grantWorld();
    const expected = refusal(
      'INVALID_GRANTEE',
      'The grantee must be another non-manager user of your customer.',
    );
    for (const granteeId of ['U-9', 'U-0', 'U-1'])
      expect(await service.grant(manager, ask({ granteeId }))).toEqual(expected);
    expect(await service.grant(authorized, ask({ granteeId: 'U-2' }))).toEqual(expected);
    expect(await service.grant({ ...manager, userId: 'U-4' }, ask({ granteeId: 'U-1' }))).toEqual(expected);
    expect(created).toEqual([]);
  });
});

describe('R2 granting by an authorized user (non-propagation)', () => {
  const NON_PROPAGATION = refusal(
    'NON_PROPAGATION',
    'Authorized users may only enable usage functions for SSM users of services in their own scope.',
  );

  it('R2: usage passed on to an SSM user derives from the held grant and ends with it', async () => {
    const { service, created, log, infos } = grantWorld();
    const result = await service.grant(authorized, ask());
    expect(created[0]).toMatchObject({
      granteeId: 'U-3',
      grantedBy: 'U-2',
      capabilities: ['usage.view'],
      scopeIds: ['S-1'],
      derivedFrom: 'G-H',
      validUntil: new Date(HELD_UNTIL),
    });
    expect(result).toMatchObject({ derivedFrom: 'G-H' });
    expect(log).toContainEqual(['activeFor', 'U-2']);
    expect(infos[0][0]).toMatchObject({ granter: 'U-2', derivedFrom: 'G-H' });
  });

  it('R2: usage passed on from an open-ended grant is open-ended too, from any start', async () => {
    const { service, created } = grantWorld();
    await service.grant(openEnded, ask({ serviceIds: ['S-2'], validFrom: '2099-06-01T00:00:00.000Z' }));
    expect(created[0]).toMatchObject({ grantedBy: 'U-4', derivedFrom: 'G-U4', validUntil: null });
  });

  it('R2: only usage functions, only to SSM users, only over services', async () => {
    const { service, created } = grantWorld();
    expect(await service.grant(authorized, ask({ granteeId: 'U-4' }))).toEqual(NON_PROPAGATION);
    expect(await service.grant(authorized, ask({ capabilities: ['service.check'] }))).toEqual(
      NON_PROPAGATION,
    );
    expect(await service.grant(authorized, ask({ capabilities: ['usage.view', 'service.check'] }))).toEqual(
      NON_PROPAGATION,
    );
    expect(await service.grant(authorized, ask({ serviceIds: null, accountId: 'A-1' }))).toEqual(
      NON_PROPAGATION,
    );
    expect(
      await service.grant({ ...authorized, userId: 'U-3', role: 'SSM_USER' }, ask({ granteeId: 'U-9' })),
    ).toEqual(refusal('INVALID_GRANTEE', 'The grantee must be another non-manager user of your customer.'));
    expect(await service.grant({ ...authorized, userId: 'U-4', role: 'SSM_USER' }, ask())).toEqual(
      NON_PROPAGATION,
    );
    expect(created).toEqual([]);
  });

  it("R2: a service outside the authorized user's own grants is out of scope", async () => {
    const { service } = grantWorld();
    expect(await service.grant(authorized, ask({ serviceIds: ['S-1', 'S-2'] }))).toEqual(
      refusal('OUT_OF_SCOPE', 'Service S-2 is not within your scope.'),
    );
  });

  it('R2: a function the authorized user does not hold itself is refused (grants of other customers do not count)', async () => {
    const { service, created } = grantWorld();
    expect(await service.grant(authorized, ask({ capabilities: ['fault.report'] }))).toMatchObject({
      refused: 'NON_PROPAGATION',
    });
    expect(created).toEqual([]);
  });

  it('R2: an explicit end later than the own grant is refused; an earlier one is kept', async () => {
    const { service, created } = grantWorld();
    expect(await service.grant(authorized, ask({ validUntil: '2099-06-01T00:00:00.000Z' }))).toMatchObject({
      refused: 'NON_PROPAGATION',
    });
    await service.grant(authorized, ask({ validUntil: FUTURE }));
    expect(created[0].validUntil).toEqual(new Date(FUTURE));
  });

  it('R2: a grant that would start when or after the own grant ends is refused', async () => {
    const { service, created } = grantWorld();
    const expected = refusal(
      'INVALID_REQUEST',
      `Your own authorization ends at ${HELD_UNTIL}, before validFrom.`,
    );
    expect(await service.grant(authorized, ask({ validFrom: HELD_UNTIL }))).toEqual(expected);
    expect(await service.grant(authorized, ask({ validFrom: '2099-02-01T00:00:00.000Z' }))).toEqual(expected);
    await service.grant(authorized, ask({ validFrom: '2098-12-31T23:59:59.000Z' }));
    expect(created).toHaveLength(1);
  });
});
