import type { LoyaltyRedemptionResolvers } from '../__generated__/resolvers-types';

/** The loyalty system's names for a redemption's amounts, in the schema's words. */
export const LoyaltyRedemption: LoyaltyRedemptionResolvers = {
  pointsSpent: (r) => r.points,
  pointsRemaining: (r) => r.balanceAfter,
};
