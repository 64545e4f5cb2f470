import type { QueryResolvers } from '../__generated__/resolvers-types';
import { viewableBill } from '../services/bills';
import { rewardsOnOffer } from '../services/loyalty-shop';

export const Query: QueryResolvers = {
  bill: (_p, { id }, ctx) => viewableBill(ctx, id),
  rewards: (_p, _a, ctx) => rewardsOnOffer(ctx),
};
