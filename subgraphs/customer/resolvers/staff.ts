import type { MutationResolvers } from '../__generated__/resolvers-types';

/** R5: operator staff acting on behalf of a customer. */
export const staffMutations: MutationResolvers = {
  actOnBehalfOf: (_p, { input }, ctx) => ctx.staff.actOnBehalfOf(ctx.actor, input),
};
