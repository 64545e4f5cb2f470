import type { Target } from '../../lib/authz/decisions';
import {
  allow,
  holds,
  isManager,
  isPartnerWith,
  isSignedIn,
  ofOwnCustomer,
  onParent,
  type Rules,
} from '../../lib/authz/shield';
import type { BillingContext } from './context';
import { accountTarget as targetOfAccount, subscriptionTarget } from './targets';
import type { EntityRef } from '../../lib/entity-ref';
import type { BillModel } from '../../legacy/boss/models';

async function serviceTarget(s: EntityRef, ctx: BillingContext): Promise<Target | null> {
  const sub = await ctx.loaders.subscription.load(s.id);
  return sub ? subscriptionTarget(sub) : null;
}
async function accountTarget(accountId: string, ctx: BillingContext): Promise<Target | null> {
  const account = await ctx.loaders.account.load(accountId);
  return account ? targetOfAccount(account) : null;
}

const billingView = onParent<EntityRef, BillingContext>('billing.Service', 'billing.view', serviceTarget);
const usageOrBilling = onParent<EntityRef, BillingContext>(
  'billing.Service',
  ['billing.view', 'usage.view'],
  serviceTarget,
);
const accountBilling = onParent<EntityRef, BillingContext>('billing.Account', 'billing.view', (a, ctx) =>
  accountTarget(a.id, ctx),
);

/**
 * Who may do what in the billing subgraph: billing and charging checks need authorization 3
 * (billing.view); an SSM user with usage.view reads their number's usage and balance; payment
 * and billing settings are the manager's alone (total authorization).
 */
export const permissions: Rules = {
  Query: { _service: allow, _entities: allow, bill: isSignedIn, rewards: allow, tariffPlans: allow },
  Mutation: {
    payBill: isManager,
    topUpPrepaidBalance: isManager,
    redeemLoyaltyPoints: isManager,
    changeBillingMode: isManager,
    // The named service is checked with data in the resolver (billing.settings over it).
    setSpendLimits: holds('billing.settings'),
    updateEBillSettings: isManager,
    updatePaymentSettings: isManager,
  },
  _Service: allow,
  Customer: {
    '*': ofOwnCustomer<EntityRef>('billing.Customer', (c) => c.id),
    loyaltyPoints: isManager,
    loyaltyRedemptions: isManager,
    spendReport: holds('billing.view'),
  },
  Account: {
    '*': onParent<EntityRef, BillingContext>('billing.Account', null, (a, ctx) => accountTarget(a.id, ctx)),
    billingSettings: accountBilling,
    bills: accountBilling,
    outstanding: accountBilling,
  },
  Service: {
    id: onParent<EntityRef, BillingContext>('billing.Service', null, serviceTarget),
    currentCharges: usageOrBilling,
    usage: usageOrBilling,
    usageSummary: usageOrBilling,
    prepaidBalance: usageOrBilling,
    lastBillCharges: billingView,
    callAnalytics: billingView,
    spendLimits: billingView,
  },
  Bill: onParent<BillModel, BillingContext>('billing.Bill', 'billing.view', (b, ctx) =>
    accountTarget(b.accountId, ctx),
  ),
  BillItem: allow,
  TariffPlan: allow,
  BillDocument: allow,
  SpendLimits: allow,
  SpendLimitsRefused: allow,
  UsageComparison: allow,
  BillConnection: allow,
  BillEdge: allow,
  BillingSettings: allow,
  EBillSettings: allow,
  CurrentCharges: allow,
  UsageRecord: allow,
  UsageConnection: allow,
  UsageEdge: allow,
  UsageSummary: allow,
  ServiceSpend: allow,
  PrepaidBalance: allow,
  BalanceBucket: allow,
  ServiceBillCharges: allow,
  CallAnalytics: allow,
  CallDay: allow,
  CallHour: allow,
  CallMonth: allow,
  Money: allow,
  PageInfo: allow,
  Payment: allow,
  PaymentDeclined: allow,
  PrepaidTopUp: allow,
  TopUpRefused: allow,
  // X4: the shop is public; a redemption is reached only through the manager's own fields.
  Reward: allow,
  LoyaltyRedemption: allow,
  RedemptionRefused: allow,
  BillingChangeRejected: allow,
  PartnerSubscription: isPartnerWith('usage:read'),
};
