import type { MutationResolvers } from '../__generated__/resolvers-types';
import { requireUser } from '../../../lib/authz/assertions';
import { notFound } from '../../../lib/errors';
import { RESET_CODE_TTL_SECONDS, type PasswordRefusal } from '../services/passwords';

const refusal = <T extends string>(typename: T, r: PasswordRefusal) => ({
  __typename: typename,
  reason: r.reason,
  message: r.message,
  retryAfterSeconds: r.retryAfterSeconds,
});

/** Issue 16 account self-care: passwords (S1), contact data (S6), export and erasure (S5). */
export const accountCareMutations: MutationResolvers = {
  changePassword: async (_p, { input }, ctx) => {
    const result = await ctx.accountCare.passwords.change(requireUser(ctx.actor), {
      ...input,
      keepThisSession: input.keepThisSession ?? true,
    });
    if (result.kind === 'changed')
      return { __typename: 'PasswordChanged', sessionsEnded: result.sessionsEnded };
    return {
      ...refusal('PasswordChangeRefused', result),
      reason: result.reason === 'LOCKED_OUT' ? 'LOCKED_OUT' : 'INVALID_CREDENTIALS',
    };
  },
  startPasswordReset: async (_p, { actorId }, ctx) => {
    await ctx.accountCare.passwords.startReset(actorId);
    return {
      message: 'If the actor id exists, a reset code was sent to its verified phone or e-mail address.',
      expiresInMinutes: RESET_CODE_TTL_SECONDS / 60,
    };
  },
  completePasswordReset: async (_p, { input }, ctx) => {
    const result = await ctx.accountCare.passwords.completeReset(input);
    if (result.kind === 'reset') return { __typename: 'PasswordResetCompleted', actorId: result.actorId };
    return {
      ...refusal('PasswordResetRefused', result),
      reason: result.reason === 'LOCKED_OUT' ? 'LOCKED_OUT' : 'INVALID_CODE',
    };
  },
  updateContactDetails: async (_p, { input }, ctx) => {
    const actor = requireUser(ctx.actor);
    const current = await ctx.accountCare.crm.getUser(actor.userId);
    if (!current) throw notFound('User', actor.userId);
    return ctx.accountCare.contact.updateContact(actor, current, input);
  },
  updateCustomerAddress: (_p, { input }, ctx) =>
    ctx.accountCare.contact.updateAddress(requireUser(ctx.actor), input),
  exportCustomerData: (_p, _a, ctx) => ctx.accountCare.personalData.export(requireUser(ctx.actor)),
  eraseUser: (_p, { userId }, ctx) => ctx.accountCare.personalData.erase(requireUser(ctx.actor), userId),
};
