import { money } from '../../../lib/money';
import type { PaymentResolvers } from '../__generated__/resolvers-types';
import { existingBill } from '../services/bills';

export const Payment: PaymentResolvers = {
  bill: (p, _a, ctx) => existingBill(ctx, p.billId),
  amount: (p) => money(p.amount),
};
