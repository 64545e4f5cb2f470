import type { Actor } from '../../../lib/actor';
import {
  assertCanOrNotFound,
  assertOwned,
  assertOwnedOrNotFound,
  requireUser,
} from '../../../lib/authz/assertions';
import { canSee } from '../../../lib/authz/decisions';
import { forbidden, notFound } from '../../../lib/errors';
import type { CrmAdapter } from '../../../legacy/crm/client';
import type { AccountModel, CustomerModel, UserModel } from '../../../legacy/crm/models';
import type { CustomerLoaders } from '../loaders';

/** What reading customers, accounts and users needs from the request. */
export interface CustomerReadDeps {
  actor: Actor;
  loaders: Pick<CustomerLoaders, 'customer' | 'account' | 'accountsOfCustomer' | 'usersOfCustomer'>;
}

/** A user of one customer, or undefined: users are only ever looked up within their customer. */
async function userOfCustomer(
  deps: CustomerReadDeps,
  customerId: string,
  userId: string,
): Promise<UserModel | undefined> {
  return (await deps.loaders.usersOfCustomer.load(customerId)).find((u) => u.id === userId);
}

/** The signed-in customer user; null for anyone else (staff, partners, anonymous callers). */
export async function me(deps: CustomerReadDeps): Promise<UserModel | null> {
  if (deps.actor.kind !== 'customerUser') return null;
  return (await userOfCustomer(deps, deps.actor.customerId, deps.actor.userId)) ?? null;
}

/** A customer named by the client: another customer's id answers like a missing one (S3). */
export async function customerById(deps: CustomerReadDeps, id: string): Promise<CustomerModel | null> {
  assertOwnedOrNotFound(deps.actor, id, 'Customer', id);
  return deps.loaders.customer.load(id);
}

/** An account named by the client, if the actor may see it (R2); otherwise NOT_FOUND (S3). */
export async function accountById(deps: CustomerReadDeps, id: string): Promise<AccountModel | null> {
  requireUser(deps.actor);
  const account = await deps.loaders.account.load(id);
  assertCanOrNotFound(
    deps.actor,
    null,
    account ? { customerId: account.customerId, accountId: account.id } : undefined,
    'Account',
    id,
  );
  return account;
}

/** A customer reached through `_entities`: only its own users may hold the reference. */
export async function customerReference(deps: CustomerReadDeps, id: string): Promise<CustomerModel | null> {
  assertOwned(deps.actor, id);
  return deps.loaders.customer.load(id);
}

/** An account reached through `_entities`: only its customer's users may hold the reference. */
export async function accountReference(deps: CustomerReadDeps, id: string): Promise<AccountModel | null> {
  const account = await deps.loaders.account.load(id);
  assertOwned(deps.actor, account?.customerId);
  return account;
}

/** A user reached through `_entities`: only users of the actor's own customer resolve. */
export async function userReference(deps: CustomerReadDeps, id: string): Promise<UserModel> {
  const actor = requireUser(deps.actor);
  // Any other id is refused alike, so user ids of other customers cannot be probed.
  const user = await userOfCustomer(deps, actor.customerId, id);
  if (!user) throw forbidden();
  return user;
}

/** The grantee of a grant, when they are still a user of the grant's customer. */
export async function granteeOf(
  deps: CustomerReadDeps,
  grant: { customerId: string; granteeId: string },
): Promise<UserModel | null> {
  return (await userOfCustomer(deps, grant.customerId, grant.granteeId)) ?? null;
}

/** The customer an account or user belongs to; NOT_FOUND if the CRM no longer has it. */
export async function ownerCustomer(deps: CustomerReadDeps, customerId: string): Promise<CustomerModel> {
  const customer = await deps.loaders.customer.load(customerId);
  if (!customer) throw notFound('Customer', customerId);
  return customer;
}

/** Non-managers see the accounts their grants cover (R2). */
export async function visibleAccounts(deps: CustomerReadDeps, customerId: string): Promise<AccountModel[]> {
  return (await deps.loaders.accountsOfCustomer.load(customerId)).filter((a) =>
    canSee(deps.actor, { customerId: a.customerId, accountId: a.id }),
  );
}

/** The user a new session belongs to. */
export async function sessionUser(crm: CrmAdapter, userId: string): Promise<UserModel> {
  const user = await crm.getUser(userId);
  if (!user) throw notFound('User', userId);
  return user;
}
