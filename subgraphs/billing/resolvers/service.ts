import type { ServiceResolvers } from '../__generated__/resolvers-types';
import { prepaidBalance } from '../services/balances';
import { lastBillCharges } from '../services/bills';
import { callAnalytics } from '../services/call-analytics';
import { serviceReference } from '../services/subscriptions';
import { currentCharges, serviceUsageTotals, usageRecords } from '../services/usage';

export const Service: ServiceResolvers = {
  __resolveReference: (ref, ctx) => serviceReference(ctx, ref.id),
  currentCharges: (s, _a, ctx) => currentCharges(ctx, s.id),
  usage: (s, { from, to, first, after }, ctx) => usageRecords(ctx, s.id, from, to, { first, after }),
  usageSummary: (s, { from, to }, ctx) => serviceUsageTotals(ctx, s.id, from, to),
  prepaidBalance: (s, _a, ctx) => prepaidBalance(ctx, s.id),
  lastBillCharges: (s, _a, ctx) => lastBillCharges(ctx, s.id),
  callAnalytics: (s, { from, to }, ctx) => callAnalytics(ctx, s.id, from, to),
};
