import type {
  AuthorizationResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../__generated__/resolvers-types';
import { requireUser } from '../../../lib/authz/assertions';
import { granteeOf } from '../services/customers';

/** R1, R2: the grants a user may see, give and take back. */
export const grantQueries: QueryResolvers = {
  // includeRevoked (the argument's historical name) brings back every grant that no longer works.
  authorizations: (_p, { includeRevoked }, ctx) =>
    ctx.grants.list(requireUser(ctx.actor), includeRevoked ?? false),
};

export const grantMutations: MutationResolvers = {
  grantAuthorization: async (_p, { input }, ctx) => {
    const result = await ctx.grants.grant(requireUser(ctx.actor), input);
    if ('refused' in result)
      return { __typename: 'GrantRefused', reason: result.refused, message: result.message };
    return { __typename: 'Authorization', ...result };
  },
  revokeAuthorization: async (_p, { authorizationId }, ctx) => {
    const result = await ctx.grants.revoke(requireUser(ctx.actor), authorizationId);
    if (typeof result === 'string') return { __typename: 'RevokeRefused', message: result };
    return { __typename: 'Authorization', ...result };
  },
};

// Capabilities are domain values here; the Capability enum map (enums.ts) names them.
export const Authorization: AuthorizationResolvers = {
  grantee: (g, _a, ctx) => granteeOf(ctx, g),
  derivedFromId: (g) => g.derivedFrom,
  endedById: (g) => g.endedBy,
};
