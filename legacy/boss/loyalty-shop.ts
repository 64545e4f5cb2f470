import { z } from 'zod';
import { LegacyAdapter } from '../base-client';
import type { Change } from '../change';
import { idList } from '../payload-shapes';

export const reward = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(['DATA_BUNDLE', 'VOUCHER', 'CONTENT', 'DEVICE']),
  pointsPrice: z.number().int(),
  partnerId: z.string().nullable(),
  stock: z.number().int().nullable(),
});
export type RewardModel = z.infer<typeof reward>;

export const redemption = z.object({
  id: z.string(),
  customerId: z.string(),
  rewardId: z.string(),
  points: z.number().int(),
  balanceAfter: z.number().int(),
  voucherCode: z.string(),
  at: z.string(),
});
export type RedemptionModel = z.infer<typeof redemption>;

/**
 * The loyalty shop of the billing system (X4): rewards for points, including partners' content
 * sold through the operator, and redemptions, which the loyalty system makes exactly once per
 * request id. The cached points balance is tagged with its customer, whose tag every mutation
 * bumps at the gateway (gateway/response-cache.ts), so a redemption needs no invalidation here.
 */
export class LoyaltyShopAdapter extends LegacyAdapter {
  static readonly system = 'billing';

  async rewards(ids: readonly string[] = []): Promise<RewardModel[]> {
    return this.http.getItems(
      ids.length ? `/loyalty/rewards?ids=${idList(ids)}` : '/loyalty/rewards',
      reward,
    );
  }

  async redemptions(customerIds: readonly string[]): Promise<Record<string, RedemptionModel[]>> {
    return (
      await this.http.getJson(
        `/loyalty/redemptions?customerIds=${idList(customerIds)}`,
        z.object({ byCustomer: z.record(z.string(), z.array(redemption)) }),
      )
    ).byCustomer;
  }

  async redeem(input: {
    requestId: string;
    customerId: string;
    rewardId: string;
  }): Promise<Change<RedemptionModel>> {
    return this.http.change('POST', '/loyalty/redemptions', input, redemption);
  }
}
