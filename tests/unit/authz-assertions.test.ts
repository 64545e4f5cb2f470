import { GraphQLError } from 'graphql';
import type { Actor } from '../../lib/actor';
import { ANONYMOUS } from '../../lib/actor';
import {
  assertCanOrNotFound,
  assertOwned,
  assertOwnedOrNotFound,
  requireUser,
} from '../../lib/authz/assertions';

const manager: Actor = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S-1',
  grants: [],
};
const grantee: Actor = {
  ...manager,
  userId: 'U-2',
  role: 'SSM_USER',
  grants: [
    {
      id: 'GR-1',
      capabilities: ['usage.view'],
      scopeKind: 'SERVICES',
      scopeIds: ['SVC-1'],
      validUntil: null,
    },
  ],
};
const staff: Actor = { kind: 'staff', userId: 'OP-1', sessionId: 'S-2' };
const partner: Actor = { kind: 'partner', partnerId: 'P-1', clientId: 'cli', scopes: [] };
const svc1 = { customerId: 'C-1', accountId: 'ACC-1', serviceId: 'SVC-1' };

/** The error `run` throws, so its code and message can be asserted. */
function thrown(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLError');
}

describe('S2: requireUser', () => {
  it('returns the customer user', () => {
    expect(requireUser(manager)).toBe(manager);
  });

  it('answers UNAUTHENTICATED to anonymous callers, staff and partners', () => {
    for (const a of [ANONYMOUS, staff, partner])
      expect(thrown(() => requireUser(a)).extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('S3: assertOwnedOrNotFound', () => {
  it('returns the user for their own customer', () => {
    expect(assertOwnedOrNotFound(manager, 'C-1', 'Order', 'O-1')).toBe(manager);
  });

  it("answers another customer's object (or a missing owner) like a missing one", () => {
    for (const owner of ['C-2', undefined]) {
      const e = thrown(() => assertOwnedOrNotFound(manager, owner, 'Order', 'O-1'));
      expect(e.extensions.code).toBe('NOT_FOUND');
      expect(e.message).toBe('Order O-1 was not found.');
    }
  });

  it('asks anonymous callers to sign in before saying anything about the object', () => {
    expect(thrown(() => assertOwnedOrNotFound(ANONYMOUS, 'C-1', 'Order', 'O-1')).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('S3: assertOwned', () => {
  it('returns the user for their own customer', () => {
    expect(assertOwned(grantee, 'C-1')).toBe(grantee);
  });

  it("answers FORBIDDEN for another customer's entity or a missing owner", () => {
    expect(thrown(() => assertOwned(manager, 'C-2')).extensions.code).toBe('FORBIDDEN');
    expect(thrown(() => assertOwned(manager, undefined)).extensions.code).toBe('FORBIDDEN');
  });

  it('answers UNAUTHENTICATED to callers who are not customer users', () => {
    expect(thrown(() => assertOwned(staff, 'C-1')).extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('S3: assertCanOrNotFound', () => {
  it('returns the user when the capability covers the target', () => {
    expect(assertCanOrNotFound(grantee, 'usage.view', svc1, 'Service', 'SVC-1')).toBe(grantee);
    expect(assertCanOrNotFound(manager, 'billing.pay', { customerId: 'C-1' }, 'Account', 'A')).toBe(manager);
  });

  it('answers NOT_FOUND when the capability is not held over the target', () => {
    const e = thrown(() => assertCanOrNotFound(grantee, 'service.check', svc1, 'Service', 'SVC-1'));
    expect(e.extensions.code).toBe('NOT_FOUND');
    expect(e.message).toBe('Service SVC-1 was not found.');
  });

  it('with a null capability, only asks whether the actor may see the target', () => {
    expect(assertCanOrNotFound(grantee, null, svc1, 'Service', 'SVC-1')).toBe(grantee);
    const other = { ...svc1, serviceId: 'SVC-2' };
    expect(thrown(() => assertCanOrNotFound(grantee, null, other, 'Service', 'SVC-2')).extensions.code).toBe(
      'NOT_FOUND',
    );
  });

  it('answers NOT_FOUND for an unknown target, even to a manager', () => {
    expect(
      thrown(() => assertCanOrNotFound(manager, 'service.check', undefined, 'Service', 'X')).extensions.code,
    ).toBe('NOT_FOUND');
    expect(thrown(() => assertCanOrNotFound(manager, null, undefined, 'Service', 'X')).extensions.code).toBe(
      'NOT_FOUND',
    );
  });

  it('answers UNAUTHENTICATED to callers who are not customer users', () => {
    expect(thrown(() => assertCanOrNotFound(partner, null, svc1, 'Service', 'SVC-1')).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
