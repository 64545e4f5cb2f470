import { money } from '../../../lib/money';
import type {
  BillItemResolvers,
  BillResolvers,
  ServiceBillChargesResolvers,
  UsageComparisonResolvers,
} from '../__generated__/resolvers-types';
import { billReference, usageComparison } from '../services/bills';

export const Bill: BillResolvers = {
  __resolveReference: (ref, ctx) => billReference(ctx, ref.id),
  account: (b) => ({ id: b.accountId }),
  amountDue: (b) => money(b.amountDue, b.currency),
  paid: (b) => money(b.paidAmount, b.currency),
  openAmount: (b) => money(b.amountDue - b.paidAmount, b.currency),
  usageComparison: (b, _a, ctx) => usageComparison(ctx, b),
};

export const BillItem: BillItemResolvers = {
  service: (i) => ({ id: i.serviceId }),
  amount: (i) => money(i.amount),
};

export const UsageComparison: UsageComparisonResolvers = {
  service: (u) => ({ id: u.serviceId }),
  billedUsage: (u) => money(u.billed),
  recordedUsage: (u) => money(u.recorded),
  recordCount: (u) => u.records,
  matches: (u) => u.billed === u.recorded,
};

export const ServiceBillCharges: ServiceBillChargesResolvers = {
  amount: (c) => money(c.amount),
};
