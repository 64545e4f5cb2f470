import type {
  PartnerOrderItemResolvers,
  PartnerOrderResolvers,
  PartnerSubscriptionResolvers,
} from '../__generated__/resolvers-types';
import { partnerSubscriptionByReference } from '../services/partner-views';

/** R4: a subscription to a partner's product, without customer data. */
export const PartnerSubscription: PartnerSubscriptionResolvers = {
  // Reachable through _entities only by the partner whose product it is.
  __resolveReference: (ref, ctx) => partnerSubscriptionByReference(ctx, ref.id),
  // `id` is the key clients cache by; `subscriptionId` is its deprecated former name.
  id: (s) => s.serviceId,
  subscriptionId: (s) => s.serviceId,
  offering: (s) => ({ id: s.offeringId }),
};

export const PartnerOrder: PartnerOrderResolvers = {
  id: (o) => o.id,
  orderId: (o) => o.id,
};

export const PartnerOrderItem: PartnerOrderItemResolvers = {
  offering: (i) => (i.offeringId ? { id: i.offeringId } : null),
};
