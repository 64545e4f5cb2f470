import type { MutationResolvers } from '../__generated__/resolvers-types';
import { requireUser } from '../../../lib/authz/assertions';
import { notFound } from '../../../lib/errors';
import type { ConfirmationRefusal } from '../services/contact-confirmation';
import { RESET_CODE_TTL_SECONDS, type PasswordRefusal } from '../services/passwords';
import { localize } from '../../../lib/i18n/text';

const refusal = <T extends string>(typename: T, r: PasswordRefusal) => ({
  __typename: typename,
  reason: r.reason,
  message: r.message,
  retryAfterSeconds: r.retryAfterSeconds,
});

const confirmationRefusal = (r: ConfirmationRefusal) => ({
  reason: r.reason,
  message: r.message,
  retryAfterSeconds: r.retryAfterSeconds,
});

/**
 * Issue 16 account self-care: passwords (S1), contact data and its confirmation (S6), export and
 * erasure (S5).
 */
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
      message: localize(
        'If the actor id exists, a reset code was sent to its verified phone or e-mail address.',
      ),
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
  requestContactConfirmation: async (_p, { channel }, ctx) => {
    const actor = requireUser(ctx.actor);
    const current = await ctx.accountCare.crm.getUser(actor.userId);
    if (!current) throw notFound('User', actor.userId);
    const result = await ctx.accountCare.confirmation.request(actor, current, channel);
    if (result.kind === 'sent')
      return {
        __typename: 'ContactConfirmationSent',
        channel: result.channel,
        sentTo: result.sentTo,
        expiresAt: result.expiresAt,
      };
    return { __typename: 'ContactConfirmationRefused', ...confirmationRefusal(result) };
  },
  confirmContact: async (_p, { channel, code }, ctx) => {
    const actor = requireUser(ctx.actor);
    const current = await ctx.accountCare.crm.getUser(actor.userId);
    if (!current) throw notFound('User', actor.userId);
    const result = await ctx.accountCare.confirmation.confirm(actor, current, channel, code);
    if (result.kind === 'confirmed')
      return { __typename: 'ContactConfirmed', channel: result.channel, user: current };
    return { __typename: 'ContactConfirmationRefused', ...confirmationRefusal(result) };
  },
  updateCustomerAddress: (_p, { input }, ctx) =>
    ctx.accountCare.contact.updateAddress(requireUser(ctx.actor), input),
  exportCustomerData: (_p, _a, ctx) => ctx.accountCare.personalData.export(requireUser(ctx.actor)),
  eraseUser: (_p, { userId }, ctx) => ctx.accountCare.personalData.erase(requireUser(ctx.actor), userId),
};
