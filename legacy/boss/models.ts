import { z } from 'zod';

/**
 * What BOSS billing, the OCS, loyalty and the warehouse answer, validated by the adapter; the
 * domain models are these payloads as they are (BOSS speaks the domain's language already).
 */
export const subscription = z.object({
  serviceId: z.string(),
  customerId: z.string(),
  accountId: z.string(),
  offeringId: z.string(),
  prepaid: z.boolean(),
  recurringFee: z.number().int(),
});
export type SubscriptionModel = z.infer<typeof subscription>;

export const billingAccount = z.object({
  id: z.string(),
  customerId: z.string(),
  billingMode: z.enum(['PREPAID', 'POSTPAID']),
  tariffPlanId: z.string(),
  eBillEnabled: z.boolean(),
  eBillEmail: z.string().nullable(),
  autoPay: z.boolean(),
  outstanding: z.number().int(),
});
export type BillingAccountModel = z.infer<typeof billingAccount>;

export const billItem = z.object({
  serviceId: z.string(),
  description: z.string(),
  amount: z.number().int(),
});
export type BillItemModel = z.infer<typeof billItem>;

export const bill = z.object({
  id: z.string(),
  accountId: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  issueDate: z.string(),
  dueDate: z.string(),
  state: z.enum(['new', 'onHold', 'validated', 'sent', 'settled', 'partiallyPaid']),
  amountDue: z.number().int(),
  paidAmount: z.number().int(),
  currency: z.string(),
  items: z.array(billItem),
});
export type BillModel = z.infer<typeof bill>;

/** Charges of the current period, not yet on a bill. */
export const unbilled = z.object({
  serviceId: z.string(),
  periodStart: z.string(),
  usageCharges: z.number().int(),
  records: z.number(),
});
export type UnbilledModel = z.infer<typeof unbilled>;

export const usageRecord = z.object({
  id: z.string(),
  serviceId: z.string(),
  start: z.number(),
  kind: z.enum(['VOICE', 'SMS', 'DATA', 'VIDEO']),
  direction: z.enum(['OUT', 'IN']),
  counterpart: z.string().nullable(),
  durationSec: z.number(),
  volumeKb: z.number(),
  answered: z.boolean(),
  charge: z.number().int(),
});
export type UsageRecordModel = z.infer<typeof usageRecord>;

export const usageSummary = z.object({
  serviceId: z.string(),
  records: z.number(),
  calls: z.number(),
  voiceSeconds: z.number(),
  sms: z.number(),
  dataKb: z.number(),
  videoKb: z.number(),
  charge: z.number().int(),
});
export type UsageSummaryModel = z.infer<typeof usageSummary>;

export const payment = z.object({
  id: z.string(),
  billId: z.string(),
  amount: z.number().int(),
  method: z.enum(['CARD', 'BANK_TRANSFER', 'DIRECT_DEBIT', 'WALLET']),
  status: z.enum(['ACCEPTED', 'DECLINED']),
  declineReason: z.string().nullable(),
  at: z.string(),
});
export type PaymentModel = z.infer<typeof payment>;

/** One OCS balance bucket of a prepaid service. */
export const bucket = z.object({
  kind: z.enum(['MONEY', 'DATA', 'VOICE', 'SMS']),
  unit: z.string(),
  initial: z.number(),
  remaining: z.number(),
  expiresAt: z.string(),
});
export type BucketModel = z.infer<typeof bucket>;

export const balance = z.object({ serviceId: z.string(), at: z.string(), buckets: z.array(bucket) });
export type BalanceModel = z.infer<typeof balance>;

/** One OCS recharge of a prepaid service and its balance right after it. */
export const topUp = z.object({ id: z.string(), serviceId: z.string(), amount: z.number(), balance });
export type TopUpModel = z.infer<typeof topUp>;

export const loyaltyPoints = z.object({ customerId: z.string(), points: z.number() });
export type LoyaltyPointsModel = z.infer<typeof loyaltyPoints>;

/** The warehouse's call analytics of a set of services over a period. */
export const callAnalytics = z.object({
  perDay: z.array(
    z.object({
      date: z.string(),
      calls: z.number(),
      answered: z.number(),
      lost: z.number(),
      averageDurationSec: z.number(),
    }),
  ),
  perHour: z.array(z.object({ hour: z.number(), calls: z.number() })),
  availabilityRatio: z.number(),
  /** X1: calendar months (UTC) of the period, each with its own availability. */
  perMonth: z.array(
    z.object({
      month: z.string(),
      calls: z.number(),
      answered: z.number(),
      lost: z.number(),
      averageDurationSec: z.number(),
      availabilityRatio: z.number(),
    }),
  ),
});
export type CallAnalyticsModel = z.infer<typeof callAnalytics>;
