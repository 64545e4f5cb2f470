import type { MutationResolvers } from '../__generated__/resolvers-types';
import { registerCustomer } from '../services/registration';

/** F10: self-registration of a new customer. */
export const registrationMutations: MutationResolvers = {
  registerCustomer: async (_p, { input }, ctx) => {
    const outcome = await registerCustomer(ctx, input);
    if (outcome.kind === 'rejected')
      return { __typename: 'RegistrationRejected', reason: outcome.reason, message: outcome.message };
    return {
      __typename: 'Registration',
      customerId: outcome.customerId,
      accountId: outcome.accountId,
      actorId: outcome.actorId,
    };
  },
};
