import type { ReadThroughCache } from '../../lib/cache/read-through';
import { accountTag, customerTag, serviceTag } from '../../lib/cache/tags';
import { TTL } from '../../lib/cache/ttl';
import type { LegacyHttpClient } from '../base-client';
import type { Change } from '../change';
import type {
  BillModel,
  BillingAccountModel,
  LoyaltyPointsModel,
  PaymentModel,
  SubscriptionModel,
  UnbilledModel,
  UsageSummaryModel,
} from './models';
import { BossAdapter } from './client';

type BillPage = { items: BillModel[]; total: number };

/**
 * The BOSS adapter with read-through caching: settled bills for a day, open bills and accounts
 * for minutes (a payment or settings change invalidates them), usage of the current period for
 * seconds. The OCS prepaid balance (`balances`) is never cached, nor are payments.
 */
export class CachedBossAdapter extends BossAdapter {
  constructor(
    http: LegacyHttpClient,
    private readonly cache: ReadThroughCache,
  ) {
    super(http);
  }

  override subscriptions(serviceIds: readonly string[]): Promise<SubscriptionModel[]> {
    return this.cache.many({
      kind: 'subscription',
      ids: serviceIds,
      idOf: (s) => s.serviceId,
      ttlOf: () => TTL.inventory,
      tagOf: serviceTag,
      load: (missing) => super.subscriptions(missing),
    });
  }

  override accounts(ids: readonly string[]): Promise<BillingAccountModel[]> {
    return this.cache.many({
      kind: 'account',
      ids,
      idOf: (a) => a.id,
      ttlOf: () => TTL.billOpen,
      tagOf: accountTag,
      load: (missing) => super.accounts(missing),
    });
  }

  override async updateAccount(id: string, patch: Record<string, unknown>): Promise<Change<unknown>> {
    try {
      return await super.updateAccount(id, patch);
    } finally {
      await this.cache.invalidateTags(accountTag(id));
    }
  }

  override async billsOfAccounts(
    accountIds: readonly string[],
    offset: number,
    limit: number,
  ): Promise<Record<string, BillPage>> {
    const pages = await this.cache.many<{ accountId: string; page: BillPage }>({
      kind: `bills-page:${offset}|${limit}`,
      ids: accountIds,
      idOf: (p) => p.accountId,
      ttlOf: () => TTL.billOpen,
      tagOf: accountTag,
      load: async (missing) => {
        const byAccount = await super.billsOfAccounts(missing, offset, limit);
        return missing.map((accountId) => ({
          accountId,
          page: byAccount[accountId] ?? { items: [], total: 0 },
        }));
      },
    });
    return Object.fromEntries(pages.map((p) => [p.accountId, p.page]));
  }

  override bills(ids: readonly string[]): Promise<BillModel[]> {
    return this.cache.many({
      kind: 'bill',
      ids,
      idOf: (b) => b.id,
      ttlOf: (b) => (b.state === 'settled' ? TTL.billSettled : TTL.billOpen),
      load: (missing) => super.bills(missing),
    });
  }

  override unbilled(serviceIds: readonly string[]): Promise<UnbilledModel[]> {
    return this.cache.many({
      kind: 'unbilled',
      ids: serviceIds,
      idOf: (u) => u.serviceId,
      ttlOf: () => TTL.currentUsage,
      load: (missing) => super.unbilled(missing),
    });
  }

  override usageSummary(
    serviceIds: readonly string[],
    from: string,
    to: string,
  ): Promise<UsageSummaryModel[]> {
    const ended = Date.parse(to) < Date.now();
    return this.cache.many({
      kind: `usage-summary:${from}|${to}`,
      ids: serviceIds,
      idOf: (u) => u.serviceId,
      ttlOf: () => (ended ? TTL.pastUsage : TTL.currentUsage),
      load: (missing) => super.usageSummary(missing, from, to),
    });
  }

  override loyaltyPoints(customerIds: readonly string[]): Promise<LoyaltyPointsModel[]> {
    return this.cache.many({
      kind: 'loyalty',
      ids: customerIds,
      idOf: (p) => p.customerId,
      ttlOf: () => TTL.loyalty,
      tagOf: customerTag,
      load: (missing) => super.loyaltyPoints(missing),
    });
  }

  /**
   * BOSS issued a bill or settled a payment behind our back (billing journal): the bill, the
   * account's bill pages and outstanding amount, and the customer's cached answers are read afresh.
   */
  async billingChanged(change: { accountId: string; customerId: string; billId?: string }): Promise<void> {
    await Promise.all([
      change.billId ? this.cache.invalidateIds('bill', [change.billId]) : undefined,
      this.cache.invalidateTags(accountTag(change.accountId), customerTag(change.customerId)),
    ]);
  }

  override async pay(input: {
    idempotencyKey: string;
    billId: string;
    amount: number;
    method: string;
    paidBy?: string;
  }): Promise<Change<PaymentModel>> {
    const [bill] = await this.bills([input.billId]);
    try {
      return await super.pay(input);
    } finally {
      // Even a failed call may have reached the billing system: invalidate either way.
      await Promise.all([
        this.cache.invalidateIds('bill', [input.billId]),
        bill ? this.cache.invalidateTags(accountTag(bill.accountId)) : undefined,
      ]);
    }
  }
}
