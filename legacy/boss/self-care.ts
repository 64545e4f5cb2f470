import { z } from 'zod';
import { LegacyAdapter } from '../base-client';
import type { Change } from '../change';
import { idList } from '../payload-shapes';

export const billDocument = z.object({
  billId: z.string(),
  accountId: z.string(),
  filename: z.string(),
  contentType: z.string(),
  content: z.string(),
});
export type BillDocumentModel = z.infer<typeof billDocument>;

export const tariffPlan = z.object({
  id: z.string(),
  name: z.string(),
  billingMode: z.enum(['PREPAID', 'POSTPAID']),
  monthlyFee: z.number().int(),
  voicePerMinute: z.number().int(),
  dataPerMb: z.number().int(),
  smsEach: z.number().int(),
});
export type TariffPlanModel = z.infer<typeof tariffPlan>;

export const spendLimits = z.object({
  serviceId: z.string(),
  alertMinorUnits: z.number().int().nullable(),
  capMinorUnits: z.number().int().nullable(),
  chargedMinorUnits: z.number().int(),
  barred: z.boolean(),
});
export type SpendLimitsModel = z.infer<typeof spendLimits>;

/**
 * BOSS self-care extras: bill documents (the bill's lines as CSV), the tariff plans with their
 * prices, and spend limits per service (an alert threshold BOSS reports in its journal when crossed,
 * a cap above which charging refuses chargeable usage). Not cached: documents are read once, limits
 * must be current, and the tariff list is small.
 */
export class BossSelfCareAdapter extends LegacyAdapter {
  static readonly system = 'billing';

  billDocument(billId: string): Promise<BillDocumentModel> {
    return this.http.getJson(`/boss/bills/${encodeURIComponent(billId)}/document`, billDocument);
  }

  tariffPlans(): Promise<TariffPlanModel[]> {
    return this.http.getItems('/boss/tariff-plans', tariffPlan);
  }

  spendLimits(serviceIds: readonly string[]): Promise<SpendLimitsModel[]> {
    return this.http.getItems(`/boss/spend-limits?serviceIds=${idList(serviceIds)}`, spendLimits);
  }

  setSpendLimits(
    serviceId: string,
    input: { alertMinorUnits: number | null; capMinorUnits: number | null; setBy: string | null },
  ): Promise<Change<SpendLimitsModel>> {
    return this.http.change(
      'PUT',
      `/boss/services/${encodeURIComponent(serviceId)}/spend-limits`,
      input,
      spendLimits,
    );
  }
}
