import type { Resolvers } from '../__generated__/resolvers-types';
import { Account, BillingSettings } from './account';
import { Bill, BillItem, ServiceBillCharges, UsageComparison } from './bill';
import { Customer } from './customer';
import { Mutation } from './mutation';
import { PartnerSubscription } from './partner-subscription';
import { Payment } from './payment';
import { Query } from './query';
import { Service } from './service';
import { ServiceSpend, UsageRecord } from './usage';

/** The billing subgraph's resolvers, one file per type (or per few small types). */
export const resolvers: Resolvers = {
  Query,
  Mutation,
  Account,
  BillingSettings,
  Customer,
  Service,
  Bill,
  BillItem,
  UsageComparison,
  UsageRecord,
  ServiceSpend,
  ServiceBillCharges,
  Payment,
  PartnerSubscription,
};
