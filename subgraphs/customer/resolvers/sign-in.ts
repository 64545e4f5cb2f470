import type { AuthSessionResolvers, MutationResolvers } from '../__generated__/resolvers-types';
import { badInput } from '../../../lib/errors';
import { sessionUser } from '../services/customers';
import type { Failure } from '../services/sign-in';

const loginFailure = (f: Failure) => ({
  __typename: 'LoginFailure' as const,
  reason: f.reason,
  message: f.message,
  retryAfterSeconds: f.retryAfterSeconds,
});

/** S1: sign-in with a password and a one-time code, session refresh and sign-out. */
export const signInMutations: MutationResolvers = {
  startLogin: async (_p, { input }, ctx) => {
    // The inbox is a notification channel, but someone signing in cannot read it yet.
    if (input.channel === 'IN_APP')
      throw badInput('A sign-in code goes by SMS or e-mail, not to the in-app inbox.', 'channel');
    const result = await ctx.signIn.startLogin({ ...input, channel: input.channel });
    if (result.kind === 'failure') return loginFailure(result);
    return {
      __typename: 'LoginChallenge',
      challengeId: result.challengeId,
      channel: result.channel,
      sentTo: result.sentTo,
      expiresAt: result.expiresAt,
    };
  },
  completeLogin: async (_p, { input }, ctx) => {
    const result = await ctx.signIn.completeLogin(input.challengeId, input.code);
    if (result.kind === 'failure') return loginFailure(result);
    // Lets the new session's user be read in this very answer (permissions.ts, justSignedIn).
    ctx.session.openedFor = result.userId;
    return { __typename: 'AuthSession', ...result };
  },
  refreshSession: async (_p, { refreshToken }, ctx) => {
    const result = await ctx.signIn.refresh(refreshToken);
    if (result.kind === 'failure') return loginFailure(result);
    ctx.session.openedFor = result.userId;
    return { __typename: 'AuthSession', ...result };
  },
  logout: async (_p, _a, ctx) => {
    await ctx.signIn.logout(ctx.actor);
    return { loggedOut: true };
  },
};

export const AuthSession: AuthSessionResolvers = {
  user: (s, _a, ctx) => sessionUser(ctx.crm, s.userId),
};
