import { assertOwned } from '../../../lib/authz/assertions';
import type { CustomerResolvers } from '../__generated__/resolvers-types';
import { loyaltyPoints } from '../services/loyalty';
import { redemptionsOf } from '../services/loyalty-shop';
import { spendReport } from '../services/usage';

export const Customer: CustomerResolvers = {
  __resolveReference: (ref, ctx) => {
    assertOwned(ctx.actor, ref.id);
    return { id: ref.id };
  },
  loyaltyPoints: (c, _a, ctx) => loyaltyPoints(ctx, c.id),
  loyaltyRedemptions: (c, _a, ctx) => redemptionsOf(ctx, c.id),
  spendReport: (c, { serviceIds, from, to }, ctx) => spendReport(ctx, c.id, serviceIds, from, to),
};
