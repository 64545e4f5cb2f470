import type { CustomerResolvers } from '../__generated__/resolvers-types';
import { assertOwned } from '../../../lib/authz/assertions';
import { closedGroupsFor } from '../services/closed-groups';
import { customerOrders } from '../services/order-tracking';
import { customerServices } from '../services/service-inventory';

/** The orders subgraph's part of a customer: their services (product inventory) and orders. */
export const Customer: CustomerResolvers = {
  __resolveReference: (ref, ctx) => {
    assertOwned(ctx.actor, ref.id);
    return { id: ref.id };
  },
  services: (c, { filter, first, after }, ctx) =>
    customerServices(
      ctx,
      c.id,
      { type: filter?.type ?? undefined, state: filter?.state ?? undefined },
      { first, after },
    ),
  productOrders: (c, { state, first, after }, ctx) =>
    customerOrders(ctx, c.id, state ?? undefined, { first, after }),
  closedUserGroups: (c, _args, ctx) => closedGroupsFor(ctx, c.id),
};
