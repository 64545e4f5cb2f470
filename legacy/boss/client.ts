import { z } from 'zod';
import { LegacyError } from '../../lib/errors';
import { LegacyHttpClient } from '../base-client';
import type {
  BillModel,
  BillingAccountModel,
  BucketModel,
  PaymentModel,
  SubscriptionModel,
  UsageRecordModel,
  UsageSummaryModel,
} from './models';

const bill = z.object({
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
  items: z.array(z.object({ serviceId: z.string(), description: z.string(), amount: z.number().int() })),
});
const account = z.object({
  id: z.string(),
  customerId: z.string(),
  billingMode: z.enum(['PREPAID', 'POSTPAID']),
  tariffPlanId: z.string(),
  eBillEnabled: z.boolean(),
  eBillEmail: z.string().nullable(),
  autoPay: z.boolean(),
  outstanding: z.number().int(),
});
const usage = z.object({
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
const summary = z.object({
  serviceId: z.string(),
  records: z.number(),
  calls: z.number(),
  voiceSeconds: z.number(),
  sms: z.number(),
  dataKb: z.number(),
  videoKb: z.number(),
  charge: z.number().int(),
});
const payment = z.object({
  id: z.string(),
  billId: z.string(),
  amount: z.number().int(),
  method: z.enum(['CARD', 'BANK_TRANSFER', 'DIRECT_DEBIT', 'WALLET']),
  status: z.enum(['ACCEPTED', 'DECLINED']),
  declineReason: z.string().nullable(),
  at: z.string(),
});
const subscription = z.object({
  serviceId: z.string(),
  customerId: z.string(),
  accountId: z.string(),
  offeringId: z.string(),
  prepaid: z.boolean(),
  recurringFee: z.number().int(),
});
const bucket = z.object({
  kind: z.enum(['MONEY', 'DATA', 'VOICE', 'SMS']),
  unit: z.string(),
  initial: z.number(),
  remaining: z.number(),
  expiresAt: z.string(),
});
const analytics = z.object({
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
});
export type CallAnalyticsModel = z.infer<typeof analytics>;

const list = (ids: readonly string[]) => ids.map(encodeURIComponent).join(',');
export type Change<T> =
  { ok: true; value: T } | { ok: false; reason: string } | { ok: false; conflict: true };

/** Adapter for BOSS billing, the OCS, loyalty points and the warehouse (all REST/JSON). */
export class BossAdapter {
  constructor(private readonly http: LegacyHttpClient) {}

  static create(baseUrl: string, timeoutMs?: number): BossAdapter {
    return new BossAdapter(new LegacyHttpClient({ system: 'billing', baseUrl, timeoutMs }));
  }

  private parse<T>(schema: z.ZodType<T>, value: unknown): T {
    const r = schema.safeParse(value);
    if (!r.success)
      throw new LegacyError(
        'billing',
        'UPSTREAM_ERROR',
        'billing returned data the adapter does not understand.',
      );
    return r.data;
  }

  private async get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const res = await this.http.json<unknown>('GET', path);
    if (res.status >= 400)
      throw new LegacyError(
        'billing',
        'UPSTREAM_ERROR',
        `billing refused the request (HTTP ${res.status}).`,
        res.status,
      );
    return this.parse(schema, res.body);
  }

  private async change<T>(
    method: 'POST' | 'PATCH',
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
  ): Promise<Change<T>> {
    const res = await this.http.json<unknown>(method, path, body);
    if (res.status === 409) return { ok: false, conflict: true };
    if (res.status >= 400) {
      const err = this.parse(
        z.object({ reason: z.string().optional(), message: z.string().optional() }),
        res.body,
      );
      return { ok: false, reason: err.reason ?? err.message ?? `Refused (HTTP ${res.status})` };
    }
    return { ok: true, value: this.parse(schema, res.body) };
  }

  async subscriptions(serviceIds: readonly string[]): Promise<SubscriptionModel[]> {
    return (
      await this.get(
        `/boss/subscriptions/bulk?ids=${list(serviceIds)}`,
        z.object({ items: z.array(subscription) }),
      )
    ).items;
  }
  async accounts(ids: readonly string[]): Promise<BillingAccountModel[]> {
    return (await this.get(`/boss/accounts/bulk?ids=${list(ids)}`, z.object({ items: z.array(account) })))
      .items;
  }
  async updateAccount(id: string, patch: Record<string, unknown>): Promise<Change<unknown>> {
    return this.change('PATCH', `/boss/accounts/${encodeURIComponent(id)}`, patch, z.unknown());
  }
  async billsOfAccounts(
    accountIds: readonly string[],
    offset: number,
    limit: number,
  ): Promise<Record<string, { items: BillModel[]; total: number }>> {
    return (
      await this.get(
        `/boss/bills?accountIds=${list(accountIds)}&offset=${offset}&limit=${limit}`,
        z.object({ byAccount: z.record(z.string(), z.object({ items: z.array(bill), total: z.number() })) }),
      )
    ).byAccount;
  }
  async bills(ids: readonly string[]): Promise<BillModel[]> {
    return (await this.get(`/boss/bills/bulk?ids=${list(ids)}`, z.object({ items: z.array(bill) }))).items;
  }
  async unbilled(
    serviceIds: readonly string[],
  ): Promise<{ serviceId: string; periodStart: string; usageCharges: number; records: number }[]> {
    return (
      await this.get(
        `/boss/unbilled?serviceIds=${list(serviceIds)}`,
        z.object({
          items: z.array(
            z.object({
              serviceId: z.string(),
              periodStart: z.string(),
              usageCharges: z.number().int(),
              records: z.number(),
            }),
          ),
        }),
      )
    ).items;
  }
  async usage(
    serviceIds: readonly string[],
    from: string,
    to: string,
    offset: number,
    limit: number,
  ): Promise<{ items: UsageRecordModel[]; total: number }> {
    return this.get(
      `/boss/usage?serviceIds=${list(serviceIds)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&offset=${offset}&limit=${limit}`,
      z.object({ items: z.array(usage), total: z.number() }),
    );
  }
  async usageSummary(serviceIds: readonly string[], from: string, to: string): Promise<UsageSummaryModel[]> {
    return (
      await this.get(
        `/boss/usage/summary?serviceIds=${list(serviceIds)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        z.object({ items: z.array(summary) }),
      )
    ).items;
  }
  async callAnalytics(serviceIds: readonly string[], from: string, to: string): Promise<CallAnalyticsModel> {
    return this.get(
      `/dwh/call-analytics?serviceIds=${list(serviceIds)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      analytics,
    );
  }
  async pay(input: {
    idempotencyKey: string;
    billId: string;
    amount: number;
    method: string;
  }): Promise<Change<PaymentModel>> {
    return this.change('POST', '/boss/payments', input, payment);
  }
  async balances(
    serviceIds: readonly string[],
  ): Promise<{ serviceId: string; at: string; buckets: BucketModel[] }[]> {
    return (
      await this.get(
        `/ocs/balances?serviceIds=${list(serviceIds)}`,
        z.object({
          items: z.array(z.object({ serviceId: z.string(), at: z.string(), buckets: z.array(bucket) })),
        }),
      )
    ).items;
  }
  async loyaltyPoints(customerIds: readonly string[]): Promise<{ customerId: string; points: number }[]> {
    return (
      await this.get(
        `/loyalty/points?customerIds=${list(customerIds)}`,
        z.object({ items: z.array(z.object({ customerId: z.string(), points: z.number() })) }),
      )
    ).items;
  }
}
