import type { MutationResolvers } from '../__generated__/resolvers-types';

/** F10: self-registration of a new customer (issue 12: limited, and silent about taken ids). */
export const registrationMutations: MutationResolvers = {
  registerCustomer: async (_p, { input }, ctx) => {
    const outcome = await ctx.registration.register(input);
    if (outcome.kind === 'rejected')
      return {
        __typename: 'RegistrationRejected',
        reason: outcome.reason,
        message: outcome.message,
        retryAfterSeconds: outcome.retryAfterSeconds,
      };
    return { __typename: 'Registration', actorId: outcome.actorId, sentTo: outcome.sentTo };
  },
};
