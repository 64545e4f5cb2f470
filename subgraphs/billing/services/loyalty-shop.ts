import { requireUser } from '../../../lib/authz/assertions';
import { apiError } from '../../../lib/errors';
import { callerRequestId } from '../../../lib/input/caller-request-id';
import type { LoyaltyShopAdapter, RedemptionModel, RewardModel } from '../../../legacy/boss/loyalty-shop';
import type { RedeemLoyaltyPointsInput } from '../__generated__/resolvers-types';
import type { BillingContext } from '../context';

/** What the loyalty shop needs from the request. */
export type LoyaltyShopDeps = Pick<BillingContext, 'actor' | 'audit' | 'logger'> & {
  loyaltyShop: Pick<LoyaltyShopAdapter, 'rewards' | 'redeem' | 'redemptions'>;
};

export type RedemptionOutcome =
  { kind: 'redeemed'; redemption: RedemptionModel } | { kind: 'refused'; reason: string };

/** X4: what the shop offers, the operator's rewards and partners' content alike. */
export async function rewardsOnOffer(deps: Pick<LoyaltyShopDeps, 'loyaltyShop'>): Promise<RewardModel[]> {
  return deps.loyaltyShop.rewards();
}

/**
 * X4: spends the customer's points on a reward. The manager's alone (the rule map), as any
 * payment: points are the customer's money. The loyalty system prices the reward and checks the
 * balance and the stock; the same user retrying with the same key redeems once, the same key for
 * another reward is a CONFLICT. An S4 PAYMENT event is stored before the points move.
 */
export async function redeemLoyaltyPoints(
  deps: LoyaltyShopDeps,
  input: RedeemLoyaltyPointsInput,
): Promise<RedemptionOutcome> {
  const user = requireUser(deps.actor);
  const requestId = callerRequestId(user, input.idempotencyKey);
  const result = await deps.audit.guard(
    {
      kind: 'PAYMENT',
      customerId: user.customerId,
      actorId: user.userId,
      target: input.rewardId,
      detail: { loyaltyRedemption: true },
    },
    () => deps.loyaltyShop.redeem({ requestId, customerId: user.customerId, rewardId: input.rewardId }),
    (r) => (r.ok ? 'SUCCESS' : 'FAILURE'),
  );
  if (!result.ok) {
    if (result.conflict)
      throw apiError('CONFLICT', 'This idempotencyKey was already used for a different redemption.');
    return { kind: 'refused', reason: result.reason };
  }
  deps.logger.info(
    { event: 'loyalty.redeemed', redemptionId: result.value.id, rewardId: input.rewardId },
    'loyalty points redeemed',
  );
  return { kind: 'redeemed', redemption: result.value };
}

/** The customer's redemptions, newest first (the manager's, as the balance is). */
export async function redemptionsOf(
  deps: Pick<LoyaltyShopDeps, 'loyaltyShop'>,
  customerId: string,
): Promise<RedemptionModel[]> {
  return (await deps.loyaltyShop.redemptions([customerId]))[customerId] ?? [];
}
