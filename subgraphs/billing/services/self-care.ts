import { assertCanOrNotFound, requireUser } from '../../../lib/authz/assertions';
import { badInput } from '../../../lib/errors';
import type { BillModel } from '../../../legacy/boss/models';
import type {
  BillDocumentModel,
  BossSelfCareAdapter,
  SpendLimitsModel,
  TariffPlanModel,
} from '../../../legacy/boss/self-care';
import type { SpendLimitsInput } from '../__generated__/resolvers-types';
import type { BillingContext, BillingLoaders } from '../context';
import { subscriptionTarget } from '../targets';
import { msg } from '../../../lib/i18n/text';

/** What the billing self-care operations need from the request. */
export type SelfCareDeps = Pick<BillingContext, 'actor' | 'audit' | 'logger'> & {
  selfCare: Pick<BossSelfCareAdapter, 'billDocument' | 'tariffPlans' | 'spendLimits' | 'setSpendLimits'>;
  loaders: Pick<BillingLoaders, 'subscription'>;
};

/**
 * B1: the document of a bill the actor reached through Query.bill or Account.bills, both of which
 * (and the Bill type's rule) require billing.view on the bill's account.
 */
export function billDocument(
  deps: Pick<SelfCareDeps, 'selfCare'>,
  bill: BillModel,
): Promise<BillDocumentModel> {
  return deps.selfCare.billDocument(bill.id);
}

/** B5: the plans on offer, of one billing mode when asked. */
export async function tariffPlans(
  deps: Pick<SelfCareDeps, 'selfCare'>,
  billingMode?: 'PREPAID' | 'POSTPAID' | null,
): Promise<TariffPlanModel[]> {
  const plans = await deps.selfCare.tariffPlans();
  return billingMode ? plans.filter((p) => p.billingMode === billingMode) : plans;
}

/** B5: a tariff plan named by the client must be one BOSS offers with the billing mode chosen. */
export async function checkTariffPlan(
  deps: Pick<SelfCareDeps, 'selfCare'>,
  billingMode: 'PREPAID' | 'POSTPAID',
  tariffPlanId: string,
): Promise<void> {
  const offered = (await tariffPlans(deps, billingMode)).map((p) => p.id);
  if (!offered.includes(tariffPlanId))
    throw badInput(
      msg`tariffPlanId must be one of the ${billingMode} plans: ${offered.join(', ')}.`,
      'tariffPlanId',
    );
}

/** Limits at most 1,000,000.00: more is a typing slip, not a budget. */
const MAX_LIMIT_MINOR_UNITS = 100_000_000;

const limit = (value: number | null | undefined, field: string): number | null => {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_LIMIT_MINOR_UNITS)
    throw badInput(msg`${field} must be between 1 and ${MAX_LIMIT_MINOR_UNITS} minor units, or null.`, field);
  return value;
};

/** A service the actor holds `capability` over; another customer's answers like a missing one (S3). */
async function serviceWith(
  deps: SelfCareDeps,
  serviceId: string,
  capability: 'billing.view' | 'billing.settings',
) {
  requireUser(deps.actor);
  const sub = await deps.loaders.subscription.load(serviceId);
  assertCanOrNotFound(
    deps.actor,
    capability,
    sub ? subscriptionTarget(sub) : undefined,
    'Service',
    serviceId,
  );
  return sub;
}

/** The service's limits and this month's charges (billing.view over it, checked by the rule map). */
export async function spendLimitsOf(deps: SelfCareDeps, serviceId: string): Promise<SpendLimitsModel | null> {
  const [limits] = await deps.selfCare.spendLimits([serviceId]);
  return limits ?? null;
}

export type SpendLimitsOutcome =
  { kind: 'set'; limits: SpendLimitsModel } | { kind: 'refused'; reason: string };

/**
 * Sets a service's monthly spend alert and cap (billing settings: the manager's, or a holder of
 * billing.settings over the service). A settings change, so an S4 security event. Setting the
 * same values again is harmless (BOSS keeps one set per service), so a retry needs no key.
 */
export async function setSpendLimits(
  deps: SelfCareDeps,
  input: SpendLimitsInput,
): Promise<SpendLimitsOutcome> {
  const user = requireUser(deps.actor);
  const alertMinorUnits = limit(input.alertMinorUnits, 'alertMinorUnits');
  const capMinorUnits = limit(input.capMinorUnits, 'capMinorUnits');
  await serviceWith(deps, input.serviceId, 'billing.settings');
  const change = await deps.audit.guard(
    {
      kind: 'BILLING_SETTINGS_CHANGE',
      customerId: user.customerId,
      actorId: user.userId,
      target: input.serviceId,
    },
    () =>
      deps.selfCare.setSpendLimits(input.serviceId, {
        alertMinorUnits,
        capMinorUnits,
        // Staff acting for the customer are not the customer's users: nobody of theirs to alert.
        setBy: user.assistedBy ? null : user.userId,
      }),
    (r) => (r.ok ? 'SUCCESS' : 'FAILURE'),
  );
  if (!change.ok) return { kind: 'refused', reason: change.reason };
  deps.logger.info({ event: 'spend-limits.set', serviceId: input.serviceId }, 'spend limits set');
  return { kind: 'set', limits: change.value };
}
