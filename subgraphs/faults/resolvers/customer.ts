import { assertOwned } from '../../../lib/authz/assertions';
import type { CustomerResolvers } from '../__generated__/resolvers-types';
import { experienceReportsOf } from '../services/experience-reports';
import { ticketsOfCustomer } from '../services/tickets';

export const Customer: CustomerResolvers = {
  __resolveReference: (ref, ctx) => {
    assertOwned(ctx.actor, ref.id);
    return { id: ref.id };
  },
  troubleTickets: (c, { openOnly, first, after }, ctx) =>
    ticketsOfCustomer(ctx, c.id, openOnly ?? false, { first, after }),
  experienceReports: (c, _a, ctx) => experienceReportsOf(ctx, c.id),
};
