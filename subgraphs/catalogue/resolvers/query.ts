import type { QueryResolvers } from '../__generated__/resolvers-types';
import { announcementsFor } from '../services/announcements';
import { interactionsOf } from '../services/interactions';
import { availableNumbers, numberAvailability, serviceAvailability } from '../services/availability';
import { browseOfferings, viewOffering } from '../services/offering-browsing';
import { recommendOfferings } from '../services/recommendations';

/** The public catalogue (F1-F3): no actor checks; a signed-in user's browsing feeds R6. */
export const Query: QueryResolvers = {
  offerings: (_p, { filter, first, after }, ctx) => browseOfferings(ctx, filter, { first, after }),
  offering: (_p, { id }, ctx) => viewOffering(ctx, id),
  recommendedOfferings: (_p, { first }, ctx) => recommendOfferings(ctx, first),
  serviceAvailability: (_p, { postcode }, ctx) => serviceAvailability(ctx, postcode),
  numberAvailability: (_p, { number }, ctx) => numberAvailability(ctx, number),
  availableNumbers: (_p, { prefix, count }, ctx) => availableNumbers(ctx, prefix, count),
  partners: (_p, _a, ctx) => ctx.catalogue.getPartners(),
  announcements: (_p, { areaId, first }, ctx) => announcementsFor(ctx, areaId, first),
  customerInteractions: (_p, _a, ctx) => interactionsOf(ctx),
};
