import { assertOwned } from '../../../lib/authz/assertions';
import { notFound } from '../../../lib/errors';
import type { EntityRef } from '../../../lib/entity-ref';
import type { BillingAccountModel } from '../../../legacy/boss/models';
import type { BillingContext, BillingLoaders } from '../context';

/** What account reads need: the actor and the account loader. */
export type AccountDeps = Pick<BillingContext, 'actor'> & { loaders: Pick<BillingLoaders, 'account'> };

/** An account reached through `_entities`: only its own customer may hold the reference. */
export async function accountReference(deps: AccountDeps, id: string): Promise<EntityRef> {
  const account = await deps.loaders.account.load(id);
  if (!account) throw notFound('Account', id);
  assertOwned(deps.actor, account.customerId);
  return { id };
}

/** B5/B8: how the account is billed and paid, as BOSS holds it (the field rule checked access). */
export async function billingSettings(deps: AccountDeps, accountId: string): Promise<BillingAccountModel> {
  const account = await deps.loaders.account.load(accountId);
  if (!account) throw notFound('Account', accountId);
  return account;
}

/** What the account still owes, in minor units; an account BOSS does not know owes nothing. */
export async function outstanding(deps: AccountDeps, accountId: string): Promise<number> {
  return (await deps.loaders.account.load(accountId))?.outstanding ?? 0;
}
