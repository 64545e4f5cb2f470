import type { Actor, GrantClaim } from '../../lib/actor';
import { ANONYMOUS } from '../../lib/actor';
import { can, canSee, holdsAnywhere, serviceTarget, type Target } from '../../lib/authz/decisions';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');

function grant(over: Partial<GrantClaim> = {}): GrantClaim {
  return {
    id: 'GR-1',
    capabilities: ['service.check'],
    scopeKind: 'SERVICES',
    scopeIds: ['SVC-1'],
    validUntil: null,
    ...over,
  };
}

function user(role: 'MANAGER' | 'AUTHORIZED_USER' | 'SSM_USER', grants: GrantClaim[] = []): Actor {
  return { kind: 'customerUser', userId: 'U-1', customerId: 'C-1', role, sessionId: 'S-1', grants };
}

const staff: Actor = { kind: 'staff', userId: 'OP-1', sessionId: 'S-2' };
const partner: Actor = { kind: 'partner', partnerId: 'P-1', clientId: 'cli', scopes: ['service.check'] };
const svc1: Target = { customerId: 'C-1', accountId: 'ACC-1', serviceId: 'SVC-1' };

describe('S3: serviceTarget', () => {
  it('judges a service by its customer, account and itself', () => {
    expect(serviceTarget({ id: 'SVC-9', customerId: 'C-2', accountId: 'ACC-3' })).toEqual({
      customerId: 'C-2',
      accountId: 'ACC-3',
      serviceId: 'SVC-9',
    });
  });
});

describe('S2: can', () => {
  it('lets a manager do everything on their own customer, grants or not', () => {
    expect(can(user('MANAGER'), 'billing.pay', { customerId: 'C-1' }, NOW)).toBe(true);
    expect(can(user('MANAGER'), 'service.order', svc1, NOW)).toBe(true);
  });

  it('refuses a manager on another customer', () => {
    expect(can(user('MANAGER'), 'billing.view', { customerId: 'C-2' }, NOW)).toBe(false);
  });

  it('refuses a user with a matching grant when the target is another customer', () => {
    const u = user('AUTHORIZED_USER', [grant()]);
    expect(can(u, 'service.check', { ...svc1, customerId: 'C-2' }, NOW)).toBe(false);
  });

  it('refuses anonymous callers, staff not acting for a customer and partners', () => {
    for (const a of [ANONYMOUS, staff, partner]) expect(can(a, 'service.check', svc1, NOW)).toBe(false);
  });

  it('allows a SERVICES grant over the named service only', () => {
    const u = user('AUTHORIZED_USER', [grant()]);
    expect(can(u, 'service.check', svc1, NOW)).toBe(true);
    expect(can(u, 'service.check', { ...svc1, serviceId: 'SVC-2' }, NOW)).toBe(false);
    // A services grant does not reach the account, even the one the service belongs to.
    expect(can(u, 'service.check', { customerId: 'C-1', accountId: 'SVC-1' }, NOW)).toBe(false);
  });

  it('allows an ACCOUNT grant over the named account and its services', () => {
    const u = user('SSM_USER', [grant({ scopeKind: 'ACCOUNT', scopeIds: ['ACC-1'] })]);
    expect(can(u, 'service.check', { customerId: 'C-1', accountId: 'ACC-1' }, NOW)).toBe(true);
    expect(can(u, 'service.check', svc1, NOW)).toBe(true);
    expect(can(u, 'service.check', { ...svc1, accountId: 'ACC-2' }, NOW)).toBe(false);
    // An account grant never matches a service id equal to the account id.
    expect(can(u, 'service.check', { customerId: 'C-1', serviceId: 'ACC-1' }, NOW)).toBe(false);
  });

  it('refuses a capability the grant does not carry', () => {
    const u = user('AUTHORIZED_USER', [grant()]);
    expect(can(u, 'billing.view', svc1, NOW)).toBe(false);
  });

  it('ends a grant at validUntil: valid before, refused at and after that instant', () => {
    const until = '2026-06-01T12:00:00.000Z';
    const u = user('AUTHORIZED_USER', [grant({ validUntil: until })]);
    expect(can(u, 'service.check', svc1, NOW - 1)).toBe(true);
    expect(can(u, 'service.check', svc1, NOW)).toBe(false);
    expect(can(u, 'service.check', svc1, NOW + 1)).toBe(false);
  });

  it('uses the current time by default', () => {
    const past = user('AUTHORIZED_USER', [grant({ validUntil: '2000-01-01T00:00:00.000Z' })]);
    const future = user('AUTHORIZED_USER', [grant({ validUntil: '2999-01-01T00:00:00.000Z' })]);
    expect(can(past, 'service.check', svc1)).toBe(false);
    expect(can(future, 'service.check', svc1)).toBe(true);
  });

  it('needs the capability and the scope on the same grant', () => {
    const u = user('AUTHORIZED_USER', [
      grant({ capabilities: ['billing.view'], scopeIds: ['SVC-2'] }),
      grant({ id: 'GR-2', capabilities: ['service.check'], scopeIds: ['SVC-1'] }),
    ]);
    expect(can(u, 'billing.view', svc1, NOW)).toBe(false);
    expect(can(u, 'service.check', svc1, NOW)).toBe(true);
  });

  it('refuses a user without grants', () => {
    expect(can(user('AUTHORIZED_USER'), 'service.check', svc1, NOW)).toBe(false);
  });
});

describe('S3: canSee', () => {
  it('lets a manager see everything of their own customer only', () => {
    expect(canSee(user('MANAGER'), svc1, NOW)).toBe(true);
    expect(canSee(user('MANAGER'), { customerId: 'C-2' }, NOW)).toBe(false);
  });

  it('lets any live grant over the target reveal it, whatever its capabilities', () => {
    const u = user('SSM_USER', [grant({ capabilities: ['usage.view'] })]);
    expect(canSee(u, svc1, NOW)).toBe(true);
    expect(canSee(u, { ...svc1, serviceId: 'SVC-2' }, NOW)).toBe(false);
    expect(canSee(u, { ...svc1, customerId: 'C-2' }, NOW)).toBe(false);
  });

  it('needs only one of several grants to reach the target', () => {
    const u = user('SSM_USER', [grant({ scopeIds: ['SVC-2'] }), grant({ id: 'GR-2' })]);
    expect(canSee(u, svc1, NOW)).toBe(true);
  });

  it('hides a target whose only grant has expired', () => {
    const u = user('SSM_USER', [grant({ validUntil: '2026-06-01T11:59:59.999Z' })]);
    expect(canSee(u, svc1, NOW)).toBe(false);
    expect(canSee(u, svc1)).toBe(false);
  });

  it('shows nothing to anonymous callers, staff or partners', () => {
    for (const a of [ANONYMOUS, staff, partner]) expect(canSee(a, svc1, NOW)).toBe(false);
  });
});

describe('S2: holdsAnywhere', () => {
  it('is true for managers and for holders of the capability over anything', () => {
    expect(holdsAnywhere(user('MANAGER'), 'billing.settings')).toBe(true);
    const u = user('AUTHORIZED_USER', [grant({ scopeIds: ['SVC-7'] })]);
    expect(holdsAnywhere(u, 'service.check')).toBe(true);
    expect(holdsAnywhere(u, 'billing.view')).toBe(false);
    expect(holdsAnywhere(user('SSM_USER'), 'usage.view')).toBe(false);
  });

  it('is false for anonymous callers, staff and partners', () => {
    for (const a of [ANONYMOUS, staff, partner]) expect(holdsAnywhere(a, 'service.check')).toBe(false);
  });
});
