import type { Resolvers } from '../__generated__/resolvers-types';
import { Account, BillingSettings } from './account';
import { Bill, BillItem, ServiceBillCharges, UsageComparison } from './bill';
import { Customer } from './customer';
import { LoyaltyRedemption } from './loyalty-redemption';
import { Mutation } from './mutation';
import { PartnerSubscription } from './partner-subscription';
import { Payment } from './payment';
import { Query } from './query';
import { Service } from './service';
import { ServiceSpend, UsageRecord } from './usage';
import {
  SelfCareBill,
  SelfCareMutation,
  SelfCareQuery,
  SelfCareService,
  SpendLimits,
  TariffPlan,
} from './self-care';

/** The billing subgraph's resolvers, one file per type (or per few small types). */
export const resolvers: Resolvers = {
  Query: { ...Query, ...SelfCareQuery },
  Mutation: { ...Mutation, ...SelfCareMutation },
  Account,
  BillingSettings,
  Customer,
  Service: { ...Service, ...SelfCareService },
  Bill: { ...Bill, ...SelfCareBill },
  TariffPlan,
  SpendLimits,
  BillItem,
  UsageComparison,
  UsageRecord,
  ServiceSpend,
  ServiceBillCharges,
  Payment,
  PartnerSubscription,
  LoyaltyRedemption,
};
