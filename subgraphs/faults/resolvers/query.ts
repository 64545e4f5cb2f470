import type { QueryResolvers } from '../__generated__/resolvers-types';
import { relevantAlarm } from '../services/alarms';
import { viewableServiceTest } from '../services/service-tests';
import { followableTicket } from '../services/tickets';

export const Query: QueryResolvers = {
  troubleTicket: (_p, { id }, ctx) => followableTicket(ctx, id),
  serviceTest: (_p, { id }, ctx) => viewableServiceTest(ctx, id),
  networkAlarm: (_p, { id, serviceId }, ctx) => relevantAlarm(ctx, id, serviceId),
};
