import { z } from 'zod';
import { LegacyAdapter } from '../base-client';
import type { Change } from '../change';
import { idList, pageOf, periodQuery } from '../payload-shapes';
import {
  balance,
  bill,
  billingAccount,
  callAnalytics,
  loyaltyPoints,
  payment,
  subscription,
  topUp,
  unbilled,
  usageRecord,
  usageSummary,
  type BalanceModel,
  type BillModel,
  type BillingAccountModel,
  type CallAnalyticsModel,
  type LoyaltyPointsModel,
  type PaymentModel,
  type SubscriptionModel,
  type TopUpModel,
  type UnbilledModel,
  type UsageRecordModel,
  type UsageSummaryModel,
} from './models';

/** Adapter for BOSS billing, the OCS, loyalty points and the warehouse (all REST/JSON). */
export class BossAdapter extends LegacyAdapter {
  // BOSS, the OCS, loyalty and the warehouse answer, and fail, as one system.
  static readonly system = 'billing';

  async subscriptions(serviceIds: readonly string[]): Promise<SubscriptionModel[]> {
    return this.http.getItems(`/boss/subscriptions/bulk?ids=${idList(serviceIds)}`, subscription);
  }
  async accounts(ids: readonly string[]): Promise<BillingAccountModel[]> {
    return this.http.getItems(`/boss/accounts/bulk?ids=${idList(ids)}`, billingAccount);
  }
  async updateAccount(id: string, patch: Record<string, unknown>): Promise<Change<unknown>> {
    return this.http.change('PATCH', `/boss/accounts/${encodeURIComponent(id)}`, patch, z.unknown());
  }
  async billsOfAccounts(
    accountIds: readonly string[],
    offset: number,
    limit: number,
  ): Promise<Record<string, { items: BillModel[]; total: number }>> {
    return (
      await this.http.getJson(
        `/boss/bills?accountIds=${idList(accountIds)}&offset=${offset}&limit=${limit}`,
        z.object({ byAccount: z.record(z.string(), pageOf(bill)) }),
      )
    ).byAccount;
  }
  async bills(ids: readonly string[]): Promise<BillModel[]> {
    return this.http.getItems(`/boss/bills/bulk?ids=${idList(ids)}`, bill);
  }
  async unbilled(serviceIds: readonly string[]): Promise<UnbilledModel[]> {
    return this.http.getItems(`/boss/unbilled?serviceIds=${idList(serviceIds)}`, unbilled);
  }
  async usage(
    serviceIds: readonly string[],
    from: string,
    to: string,
    offset: number,
    limit: number,
  ): Promise<{ items: UsageRecordModel[]; total: number }> {
    return this.http.getJson(
      `/boss/usage?serviceIds=${idList(serviceIds)}&${periodQuery(from, to)}&offset=${offset}&limit=${limit}`,
      pageOf(usageRecord),
    );
  }
  async usageSummary(serviceIds: readonly string[], from: string, to: string): Promise<UsageSummaryModel[]> {
    return this.http.getItems(
      `/boss/usage/summary?serviceIds=${idList(serviceIds)}&${periodQuery(from, to)}`,
      usageSummary,
    );
  }
  async callAnalytics(serviceIds: readonly string[], from: string, to: string): Promise<CallAnalyticsModel> {
    return this.http.getJson(
      `/dwh/call-analytics?serviceIds=${idList(serviceIds)}&${periodQuery(from, to)}`,
      callAnalytics,
    );
  }
  /** `paidBy`: the user paying online, named in the settlement event. */
  async pay(input: {
    idempotencyKey: string;
    billId: string;
    amount: number;
    method: string;
    paidBy?: string;
  }): Promise<Change<PaymentModel>> {
    return this.http.change('POST', '/boss/payments', input, payment);
  }
  /** The OCS's live balances of prepaid services. */
  async balances(serviceIds: readonly string[]): Promise<BalanceModel[]> {
    return this.http.getItems(`/ocs/balances?serviceIds=${idList(serviceIds)}`, balance);
  }
  /** Recharges a prepaid service; the OCS does it once per request id (409 if used otherwise). */
  async topUp(input: {
    requestId: string;
    serviceId: string;
    amount: number;
    method: string;
  }): Promise<Change<TopUpModel>> {
    return this.http.change('POST', '/ocs/topups', input, topUp);
  }
  async loyaltyPoints(customerIds: readonly string[]): Promise<LoyaltyPointsModel[]> {
    return this.http.getItems(`/loyalty/points?customerIds=${idList(customerIds)}`, loyaltyPoints);
  }
}
