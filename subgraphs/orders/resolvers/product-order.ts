import type {
  OrderItemAction,
  ProductOrderItemResolvers,
  ProductOrderResolvers,
} from '../__generated__/resolvers-types';
import { orderByReference } from '../services/order-tracking';

/** An order (TMF622) as its customer follows it, queued orders (`QO-...`) included. */
export const ProductOrder: ProductOrderResolvers = {
  __resolveReference: (ref, ctx) => orderByReference(ctx, ref.id),
  account: (o) => ({ id: o.accountId }),
};

export const ProductOrderItem: ProductOrderItemResolvers = {
  action: (i) => i.action.toUpperCase() as OrderItemAction,
  offering: (i) => (i.offeringId ? { id: i.offeringId } : null),
  service: async (i, _a, ctx) => (i.serviceId ? ctx.loaders.service.load(i.serviceId) : null),
};
