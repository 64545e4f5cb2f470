import type { MutationResolvers, ResolversTypes } from '../__generated__/resolvers-types';
import {
  changeBillingMode,
  updateEBillSettings,
  updatePaymentSettings,
  type SettingsOutcome,
} from '../services/billing-settings';
import { redeemLoyaltyPoints } from '../services/loyalty-shop';
import { payBill } from '../services/payments';
import { topUpPrepaidBalance } from '../services/top-up';

const settingsResult = (outcome: SettingsOutcome): ResolversTypes['BillingSettingsResult'] =>
  outcome.kind === 'changed'
    ? { __typename: 'BillingSettings', ...outcome.settings }
    : { __typename: 'BillingChangeRejected', reason: outcome.reason };

export const Mutation: MutationResolvers = {
  payBill: async (_p, { input }, ctx) => {
    const outcome = await payBill(ctx, input);
    return outcome.kind === 'paid'
      ? { __typename: 'Payment', ...outcome.payment }
      : { __typename: 'PaymentDeclined', reason: outcome.reason };
  },
  topUpPrepaidBalance: async (_p, { input }, ctx) => {
    const outcome = await topUpPrepaidBalance(ctx, input);
    if (outcome.kind === 'refused') return { __typename: 'TopUpRefused', reason: outcome.reason };
    const { id, serviceId, amount, balance } = outcome.topUp;
    return {
      __typename: 'PrepaidTopUp',
      id,
      serviceId,
      amountMinorUnits: amount,
      balance: { asOf: balance.at, buckets: balance.buckets },
    };
  },
  redeemLoyaltyPoints: async (_p, { input }, ctx) => {
    const outcome = await redeemLoyaltyPoints(ctx, input);
    if (outcome.kind === 'refused') return { __typename: 'RedemptionRefused', reason: outcome.reason };
    return { __typename: 'LoyaltyRedemption', ...outcome.redemption };
  },
  changeBillingMode: async (_p, { input }, ctx) => settingsResult(await changeBillingMode(ctx, input)),
  updateEBillSettings: async (_p, { input }, ctx) => settingsResult(await updateEBillSettings(ctx, input)),
  updatePaymentSettings: async (_p, { input }, ctx) =>
    settingsResult(await updatePaymentSettings(ctx, input)),
};
