import { money } from '../../../lib/money';
import type { AccountResolvers, BillingSettingsResolvers } from '../__generated__/resolvers-types';
import { accountReference, billingSettings, outstanding } from '../services/accounts';
import { billsOfAccount } from '../services/bills';

export const Account: AccountResolvers = {
  __resolveReference: (ref, ctx) => accountReference(ctx, ref.id),
  billingSettings: (a, _x, ctx) => billingSettings(ctx, a.id),
  bills: (a, { first, after }, ctx) => billsOfAccount(ctx, a.id, { first, after }),
  outstanding: async (a, _x, ctx) => money(await outstanding(ctx, a.id)),
};

export const BillingSettings: BillingSettingsResolvers = {
  eBill: (a) => ({ enabled: a.eBillEnabled, email: a.eBillEmail }),
};
