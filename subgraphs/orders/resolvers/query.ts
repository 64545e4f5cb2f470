import type { QueryResolvers } from '../__generated__/resolvers-types';
import { orderForActor } from '../services/order-tracking';
import { partnerOrders, partnerSubscriptions } from '../services/partner-views';
import { serviceById } from '../services/service-inventory';

/** Root reads: a customer's own order and service by id, and the partner views (R4). */
export const Query: QueryResolvers = {
  partnerSubscriptions: (_p, { first, after }, ctx) => partnerSubscriptions(ctx, { first, after }),
  partnerOrders: (_p, { first, after }, ctx) => partnerOrders(ctx, { first, after }),
  productOrder: (_p, { id }, ctx) => orderForActor(ctx, id),
  service: (_p, { id }, ctx) => serviceById(ctx, id),
};
