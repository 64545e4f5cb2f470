import type { QueryResolvers } from '../__generated__/resolvers-types';
import { viewableBill } from '../services/bills';

export const Query: QueryResolvers = {
  bill: (_p, { id }, ctx) => viewableBill(ctx, id),
};
