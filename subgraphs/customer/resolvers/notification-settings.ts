import type { MutationResolvers } from '../__generated__/resolvers-types';
import { requireUser } from '../../../lib/authz/assertions';
import { updateNotificationSettings } from '../services/notification-preferences';

/** F8: which events reach the user, over which channels. */
export const notificationMutations: MutationResolvers = {
  updateNotificationSettings: async (_p, { input }, ctx) => ({
    settings: await updateNotificationSettings(ctx.crm, requireUser(ctx.actor), input),
  }),
};
