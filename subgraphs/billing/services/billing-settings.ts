import { assertOwnedOrNotFound, requireUser } from '../../../lib/authz/assertions';
import { badInput, notFound } from '../../../lib/errors';
import { email } from '../../../lib/input/email';
import type { BillingAccountModel } from '../../../legacy/boss/models';
import type {
  ChangeBillingModeInput,
  EBillSettingsInput,
  PaymentSettingsInput,
} from '../__generated__/resolvers-types';
import type { BillingContext, BillingLoaders } from '../context';
import { checkTariffPlan } from './self-care';

/** What changing billing settings needs from the request. */
export type SettingsDeps = Pick<BillingContext, 'actor' | 'boss' | 'audit' | 'selfCare'> & {
  loaders: Pick<BillingLoaders, 'account'>;
};

/** The settings after the change, or why BOSS refused it (an expected outcome, in the schema). */
export type SettingsOutcome =
  { kind: 'changed'; settings: BillingAccountModel } | { kind: 'rejected'; reason: string };

/** The account fields a customer may change. */
type SettingsPatch = Partial<
  Pick<BillingAccountModel, 'billingMode' | 'tariffPlanId' | 'eBillEnabled' | 'eBillEmail' | 'autoPay'>
>;

/** An account named by the client: someone else's answers like a missing one (S3). */
async function ownAccount(deps: SettingsDeps, accountId: string): Promise<void> {
  requireUser(deps.actor);
  const account = await deps.loaders.account.load(accountId);
  assertOwnedOrNotFound(deps.actor, account?.customerId, 'Account', accountId);
}

/** Billing settings changes are security events (S4), stored before the change is made. */
async function applyChange(
  deps: SettingsDeps,
  accountId: string,
  patch: SettingsPatch,
): Promise<SettingsOutcome> {
  const user = requireUser(deps.actor);
  const change = await deps.audit.guard(
    { kind: 'BILLING_SETTINGS_CHANGE', customerId: user.customerId, actorId: user.userId, target: accountId },
    () => deps.boss.updateAccount(accountId, patch),
    (r) => (r.ok ? 'SUCCESS' : 'FAILURE'),
  );
  // A conflicting change (HTTP 409) comes back with its own reason, 'Conflicting change.'.
  if (!change.ok) return { kind: 'rejected', reason: change.reason };
  // Read the account back so the answer shows what BOSS stored, not what was asked for.
  deps.loaders.account.clear(accountId);
  const account = await deps.loaders.account.load(accountId);
  if (!account) throw notFound('Account', accountId);
  return { kind: 'changed', settings: account };
}

/** B5: switches the account between prepaid and postpaid, optionally with a new tariff plan. */
export async function changeBillingMode(
  deps: SettingsDeps,
  input: ChangeBillingModeInput,
): Promise<SettingsOutcome> {
  await ownAccount(deps, input.accountId);
  if (input.tariffPlanId && !/^TP-[A-Z]{3,20}$/.test(input.tariffPlanId))
    throw badInput('tariffPlanId must look like TP-STANDARD.', 'tariffPlanId');
  // B5: a plan BOSS offers with that mode (Query.tariffPlans), named in the refusal.
  if (input.tariffPlanId) await checkTariffPlan(deps, input.billingMode, input.tariffPlanId);
  return applyChange(deps, input.accountId, {
    billingMode: input.billingMode,
    ...(input.tariffPlanId ? { tariffPlanId: input.tariffPlanId } : {}),
  });
}

/** B8: turns e-mail bills on or off; an address given replaces the one on the account. */
export async function updateEBillSettings(
  deps: SettingsDeps,
  input: EBillSettingsInput,
): Promise<SettingsOutcome> {
  await ownAccount(deps, input.accountId);
  const patch: SettingsPatch =
    input.email != null
      ? { eBillEnabled: input.enabled, eBillEmail: email(input.email, 'email') }
      : { eBillEnabled: input.enabled };
  return applyChange(deps, input.accountId, patch);
}

/** Turns automatic payment of new bills on or off. */
export async function updatePaymentSettings(
  deps: SettingsDeps,
  input: PaymentSettingsInput,
): Promise<SettingsOutcome> {
  await ownAccount(deps, input.accountId);
  return applyChange(deps, input.accountId, { autoPay: input.autoPay });
}
