import type { TroubleTicketResolvers } from '../__generated__/resolvers-types';
import { relatedAlarm } from '../services/known-outages';
import { serviceOf } from '../services/service-access';
import { ticketReference } from '../services/tickets';

export const TroubleTicket: TroubleTicketResolvers = {
  __resolveReference: (ref, ctx) => ticketReference(ctx, ref.id),
  service: (t, _a, ctx) => serviceOf(ctx, t.serviceId),
  relatedAlarm: (t, _a, ctx) => relatedAlarm(ctx, t),
};
