import type { ServiceResolvers } from '../__generated__/resolvers-types';
import { knownIssues, networkStatus } from '../services/network-status';
import { serviceReference } from '../services/service-access';
import { qualityHistory, slaTarget } from '../services/service-levels';
import { ticketsOfService } from '../services/tickets';

export const Service: ServiceResolvers = {
  __resolveReference: (ref, ctx) => serviceReference(ctx, ref.id),
  troubleTickets: (s, { openOnly, first, after }, ctx) =>
    ticketsOfService(ctx, s.id, openOnly ?? false, { first, after }),
  networkStatus: (s, _a, ctx) => networkStatus(ctx, s.id),
  knownIssues: (s, _a, ctx) => knownIssues(ctx, s.id),
  slaTarget: (s, _a, ctx) => slaTarget(ctx, s.id),
  qualityHistory: (s, { from, to }, ctx) => qualityHistory(ctx, s.id, from, to),
};
