import type { MutationResolvers } from '../__generated__/resolvers-types';
import { rateService, sendCustomerRequest } from '../services/interactions';
import { signInPartner } from '../services/partner-sign-in';
import { localize, msg } from '../../../lib/i18n/text';

/** One answer for every refusal, so a caller cannot tell which credential was wrong. */
const REFUSED = 'Unknown client or wrong secret.';

export const Mutation: MutationResolvers = {
  partnerToken: async (_p, { input }, ctx) => {
    const signIn = await signInPartner(ctx, input);
    if (signIn.kind === 'refused') return { __typename: 'PartnerAuthFailed', message: REFUSED };
    if (signIn.kind === 'locked')
      return {
        __typename: 'PartnerAuthFailed',
        message: localize(msg`Too many failed attempts; try again in ${signIn.retryAfterSeconds} s.`),
      };
    return {
      __typename: 'PartnerToken',
      accessToken: signIn.token,
      expiresAt: signIn.expiresAt.toISOString(),
      partner: signIn.partner,
      scopes: signIn.scopes,
    };
  },
  rateService: (_p, { input }, ctx) => rateService(ctx, input),
  sendCustomerRequest: (_p, { input }, ctx) => sendCustomerRequest(ctx, input),
};
