import type { PartnerSubscriptionResolvers } from '../__generated__/resolvers-types';
import { partnerSubscription } from '../services/subscriptions';
import { usageTotals } from '../services/usage';

/** R4: a partner's view of a subscription to one of its products. */
export const PartnerSubscription: PartnerSubscriptionResolvers = {
  __resolveReference: (ref, ctx) => partnerSubscription(ctx, ref.id),
  id: (s) => s.serviceId,
  usageSummary: (s, { from, to }, ctx) => usageTotals(ctx, s.serviceId, from, to),
};
