import type { MutationResolvers } from '../__generated__/resolvers-types';
import { requireUser } from '../../../lib/authz/assertions';

/** Issue 16 item 4: the signed-in user's own language (services/language-choice.ts). */
export const languageMutations: MutationResolvers = {
  setLanguage: async (_p, { language }, ctx) => ({
    language: await ctx.languages.set(requireUser(ctx.actor), language ?? null),
  }),
};
