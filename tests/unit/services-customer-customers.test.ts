import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { Actor } from '../../lib/actor';
import type { CrmAdapter } from '../../legacy/crm/client';
import type { AccountModel, CustomerModel, UserModel } from '../../legacy/crm/models';
import {
  accountById,
  accountReference,
  customerById,
  customerReference,
  granteeOf,
  me,
  ownerCustomer,
  sessionUser,
  userReference,
  visibleAccounts,
  type CustomerReadDeps,
} from '../../subgraphs/customer/services/customers';

/**
 * Reading customers, accounts and users (S3, R2) over real DataLoaders whose batch functions read
 * in-memory CRM data and record every key asked for, so a test can tell that nothing was read.
 */
const CUSTOMERS: CustomerModel[] = [
  { id: 'C-1', name: 'Ada Ltd' },
  { id: 'C-2', name: 'Bob Oy' },
] as CustomerModel[];
const ACCOUNTS: AccountModel[] = [
  { id: 'A-1', customerId: 'C-1', name: 'Main' },
  { id: 'A-2', customerId: 'C-1', name: 'Side' },
  { id: 'A-9', customerId: 'C-2', name: 'Other' },
];
const user = (id: string, customerId: string, role: UserModel['role']): UserModel => ({
  id,
  customerId,
  role,
  name: id,
  phone: '+358401234567',
  email: `${id}@x.net`,
});
const USERS = [
  user('U-1', 'C-1', 'MANAGER'),
  user('U-2', 'C-1', 'AUTHORIZED_USER'),
  user('U-3', 'C-1', 'SSM_USER'),
  user('U-9', 'C-2', 'MANAGER'),
];

const manager: Actor = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S',
  grants: [],
};
/** U-2 of C-1, whose one grant covers account A-2 only. */
const authorized: Actor = {
  ...manager,
  userId: 'U-2',
  role: 'AUTHORIZED_USER',
  grants: [
    { id: 'G-1', capabilities: ['billing.view'], scopeKind: 'ACCOUNT', scopeIds: ['A-2'], validUntil: null },
  ],
};
const staff: Actor = { kind: 'staff', userId: 'STAFF-1', sessionId: 'S' };
const anonymous: Actor = { kind: 'anonymous' };

function depsFor(actor: Actor) {
  const asked: string[] = [];
  const byKey = <T>(name: string, find: (key: string) => T) =>
    new DataLoader<string, T>(async (keys) =>
      keys.map((key) => {
        asked.push(`${name}:${key}`);
        return find(key);
      }),
    );
  const deps: CustomerReadDeps = {
    actor,
    loaders: {
      customer: byKey('customer', (id) => CUSTOMERS.find((c) => c.id === id) ?? null),
      account: byKey('account', (id) => ACCOUNTS.find((a) => a.id === id) ?? null),
      accountsOfCustomer: byKey('accountsOfCustomer', (id) => ACCOUNTS.filter((a) => a.customerId === id)),
      usersOfCustomer: byKey('usersOfCustomer', (id) => USERS.filter((u) => u.customerId === id)),
    },
  };
  return { deps, asked };
}

/** The error a call failed with: its code and message. */
async function failure(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return { code: (error as GraphQLError).extensions.code, message: (error as GraphQLError).message };
}

describe('the signed-in user (me)', () => {
  it('is the actor itself among its customer’s users, not just any user of it', async () => {
    const { deps, asked } = depsFor(authorized);
    expect(await me(deps)).toEqual(USERS[1]);
    expect(asked).toEqual(['usersOfCustomer:C-1']);
  });

  it('is null for staff and anonymous callers, without reading the CRM', async () => {
    for (const actor of [staff, anonymous]) {
      const { deps, asked } = depsFor(actor);
      expect(await me(deps)).toBeNull();
      expect(asked).toEqual([]);
    }
  });

  it('is null when the CRM no longer has the user', async () => {
    const { deps } = depsFor({ ...manager, userId: 'U-gone' });
    expect(await me(deps)).toBeNull();
  });
});

describe('customers and accounts named by the client (S3)', () => {
  it('S3: the own customer is read; another customer answers NOT_FOUND like a missing one, unread', async () => {
    const own = depsFor(manager);
    expect(await customerById(own.deps, 'C-1')).toEqual(CUSTOMERS[0]);
    const other = depsFor(manager);
    expect(await failure(customerById(other.deps, 'C-2'))).toEqual({
      code: 'NOT_FOUND',
      message: 'Customer C-2 was not found.',
    });
    expect(other.asked).toEqual([]);
  });

  it('S3: an anonymous caller must sign in before any account is read', async () => {
    const { deps, asked } = depsFor(anonymous);
    expect((await failure(accountById(deps, 'A-1'))).code).toBe('UNAUTHENTICATED');
    expect(asked).toEqual([]);
  });

  it('R2: a manager reads any account of its customer', async () => {
    expect(await accountById(depsFor(manager).deps, 'A-1')).toEqual(ACCOUNTS[0]);
  });

  it('R2: an authorized user reads the account its grant covers, and no other of its customer', async () => {
    expect(await accountById(depsFor(authorized).deps, 'A-2')).toEqual(ACCOUNTS[1]);
    expect(await failure(accountById(depsFor(authorized).deps, 'A-1'))).toEqual({
      code: 'NOT_FOUND',
      message: 'Account A-1 was not found.',
    });
  });

  it("S3: another customer's account and a missing one answer alike: NOT_FOUND", async () => {
    const other = await failure(accountById(depsFor(manager).deps, 'A-9'));
    const missing = await failure(accountById(depsFor(manager).deps, 'A-0'));
    expect(other).toEqual({ code: 'NOT_FOUND', message: 'Account A-9 was not found.' });
    expect(missing).toEqual({ code: 'NOT_FOUND', message: 'Account A-0 was not found.' });
  });
});

describe('references through _entities (S3)', () => {
  it("S3: the own customer resolves; another customer's is FORBIDDEN and not read", async () => {
    expect(await customerReference(depsFor(manager).deps, 'C-1')).toEqual(CUSTOMERS[0]);
    const { deps, asked } = depsFor(manager);
    expect((await failure(customerReference(deps, 'C-2'))).code).toBe('FORBIDDEN');
    expect(asked).toEqual([]);
  });

  it("S3: the own customer's account resolves; another's or a missing one is FORBIDDEN", async () => {
    expect(await accountReference(depsFor(authorized).deps, 'A-1')).toEqual(ACCOUNTS[0]);
    expect((await failure(accountReference(depsFor(manager).deps, 'A-9'))).code).toBe('FORBIDDEN');
    expect((await failure(accountReference(depsFor(manager).deps, 'A-0'))).code).toBe('FORBIDDEN');
  });

  it('S3: a user of the own customer resolves; any other id is FORBIDDEN alike', async () => {
    expect(await userReference(depsFor(manager).deps, 'U-3')).toEqual(USERS[2]);
    const other = await failure(userReference(depsFor(manager).deps, 'U-9'));
    const missing = await failure(userReference(depsFor(manager).deps, 'U-0'));
    expect(other).toEqual(missing);
    expect(other.code).toBe('FORBIDDEN');
  });

  it('S3: only signed-in customer users may resolve a user', async () => {
    const { deps, asked } = depsFor(staff);
    expect((await failure(userReference(deps, 'U-1'))).code).toBe('UNAUTHENTICATED');
    expect(asked).toEqual([]);
  });
});

describe('owners, grantees and accounts of a customer', () => {
  it("R2: a grant's grantee is looked up among the grant's customer's users", async () => {
    const { deps, asked } = depsFor(manager);
    expect(await granteeOf(deps, { customerId: 'C-2', granteeId: 'U-9' })).toEqual(USERS[3]);
    expect(asked).toEqual(['usersOfCustomer:C-2']);
    expect(await granteeOf(depsFor(manager).deps, { customerId: 'C-1', granteeId: 'U-9' })).toBeNull();
  });

  it('the owner customer is read, or NOT_FOUND when the CRM no longer has it', async () => {
    expect(await ownerCustomer(depsFor(manager).deps, 'C-2')).toEqual(CUSTOMERS[1]);
    expect(await failure(ownerCustomer(depsFor(manager).deps, 'C-0'))).toEqual({
      code: 'NOT_FOUND',
      message: 'Customer C-0 was not found.',
    });
  });

  it('R2: a manager sees every account of its customer, an authorized user those its grants cover', async () => {
    expect(await visibleAccounts(depsFor(manager).deps, 'C-1')).toEqual([ACCOUNTS[0], ACCOUNTS[1]]);
    expect(await visibleAccounts(depsFor(authorized).deps, 'C-1')).toEqual([ACCOUNTS[1]]);
    expect(await visibleAccounts(depsFor(manager).deps, 'C-2')).toEqual([]);
  });
});

describe('the user of a new session', () => {
  it('is the CRM user, or NOT_FOUND when it has none', async () => {
    const crm = {
      getUser: async (id: string) => USERS.find((u) => u.id === id) ?? null,
    } as unknown as CrmAdapter;
    expect(await sessionUser(crm, 'U-2')).toEqual(USERS[1]);
    expect(await failure(sessionUser(crm, 'U-0'))).toEqual({
      code: 'NOT_FOUND',
      message: 'User U-0 was not found.',
    });
  });
});
