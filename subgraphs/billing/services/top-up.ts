import { assertOwnedOrNotFound, requireUser } from '../../../lib/authz/assertions';
import { apiError, badInput } from '../../../lib/errors';
import { callerRequestId } from '../../../lib/input/caller-request-id';
import type { TopUpModel } from '../../../legacy/boss/models';
import type { TopUpPrepaidBalanceInput } from '../__generated__/resolvers-types';
import type { BillingContext, BillingLoaders } from '../context';
import { localize, msg } from '../../../lib/i18n/text';

/** What topping up needs from the request. */
export type TopUpDeps = Pick<BillingContext, 'actor' | 'boss' | 'audit' | 'logger'> & {
  loaders: Pick<BillingLoaders, 'subscription' | 'balance'>;
};

/** Money the OCS added (with the balance after it), or why it would not. */
export type TopUpOutcome = { kind: 'toppedUp'; topUp: TopUpModel } | { kind: 'refused'; reason: string };

/** One top-up carries 1.00 to 500.00: less is not worth a payment, more is likely a typing slip. */
export const TOP_UP_MIN_MINOR_UNITS = 100;
export const TOP_UP_MAX_MINOR_UNITS = 50_000;

/**
 * B6 (prepaid): tops up one of the customer's own prepaid services through the OCS. Manager-only
 * (the rule map), as any payment; another customer's service answers NOT_FOUND. A retry with the
 * same key by the same user tops up once; the same key for a different top-up is a CONFLICT.
 */
export async function topUpPrepaidBalance(
  deps: TopUpDeps,
  input: TopUpPrepaidBalanceInput,
): Promise<TopUpOutcome> {
  const user = requireUser(deps.actor);
  const amount = input.amountMinorUnits;
  if (!Number.isInteger(amount) || amount < TOP_UP_MIN_MINOR_UNITS || amount > TOP_UP_MAX_MINOR_UNITS)
    throw badInput(
      msg`amountMinorUnits must be between ${TOP_UP_MIN_MINOR_UNITS} and ${TOP_UP_MAX_MINOR_UNITS}.`,
      'amountMinorUnits',
    );
  const requestId = callerRequestId(user, input.idempotencyKey);
  const sub = await deps.loaders.subscription.load(input.serviceId);
  assertOwnedOrNotFound(deps.actor, sub?.customerId, 'Service', input.serviceId);
  if (!sub?.prepaid)
    return { kind: 'refused', reason: localize('The service is not prepaid; its charges are billed.') };
  // S4: stored before the money moves; no event, no top-up.
  const result = await deps.audit.guard(
    {
      kind: 'PAYMENT',
      customerId: user.customerId,
      actorId: user.userId,
      target: input.serviceId,
      detail: { amount, topUp: true },
    },
    () => deps.boss.topUp({ requestId, serviceId: input.serviceId, amount, method: input.method }),
    (r) => (r.ok ? 'SUCCESS' : 'FAILURE'),
  );
  if (!result.ok) {
    if (result.conflict)
      throw apiError('CONFLICT', 'This idempotencyKey was already used for a different top-up.');
    return { kind: 'refused', reason: result.reason };
  }
  // Later fields of this request read the balance again, never an older copy.
  deps.loaders.balance.clear(input.serviceId);
  deps.logger.info(
    { event: 'top-up', topUpId: result.value.id, serviceId: input.serviceId },
    'prepaid top-up',
  );
  return { kind: 'toppedUp', topUp: result.value };
}
