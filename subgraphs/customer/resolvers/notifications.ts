import type { MutationResolvers, QueryResolvers } from '../__generated__/resolvers-types';
import { requireUser } from '../../../lib/authz/assertions';
import { badInput, notFound } from '../../../lib/errors';
import { msg } from '../../../lib/i18n/text';

/** Inbox pages are small: an app shows a screenful and pages on. */
const MAX_PAGE = 100;

/** F8/F9: the signed-in user's own in-app inbox; nobody reads or marks another user's. */
export const notificationQueries: QueryResolvers = {
  notifications: async (_p, { first, after, unreadOnly }, ctx) => {
    const user = requireUser(ctx.actor);
    const limit = first ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
      throw badInput(msg`first must be between 1 and ${MAX_PAGE}.`, 'first');
    const page = await ctx.inbox.page(user.userId, {
      unreadOnly: unreadOnly ?? false,
      first: limit,
      after: after ?? null,
    });
    return {
      edges: page.items,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
      unreadCount: page.unreadCount,
    };
  },
  // The gateway resolves each notificationReceived event through this field as the subscriber,
  // so another user's notification must look exactly like a missing one.
  notification: async (_p, { id }, ctx) => {
    const found = await ctx.inbox.get(requireUser(ctx.actor).userId, id);
    if (!found) throw notFound('Notification', id);
    return found;
  },
};

export const notificationInboxMutations: MutationResolvers = {
  markNotificationsRead: async (_p, { ids, all }, ctx) => {
    const user = requireUser(ctx.actor);
    if (all === true) {
      if (ids?.length) throw badInput('Name ids or set all, not both.', 'ids');
      return ctx.inbox.markRead(user.userId, 'all');
    }
    if (!ids?.length) throw badInput('Name the notifications to mark, or set all: true.', 'ids');
    if (ids.length > MAX_PAGE) throw badInput(msg`At most ${MAX_PAGE} ids at a time.`, 'ids');
    return ctx.inbox.markRead(user.userId, ids);
  },
};
