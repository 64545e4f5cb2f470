import type { AnnouncementResolvers } from '../__generated__/resolvers-types';

/** X3: an announcement links the offering it presents (through the per-request loader). */
export const Announcement: AnnouncementResolvers = {
  offering: (a, _args, ctx) => (a.offeringId ? ctx.loaders.offering.load(a.offeringId) : null),
};
