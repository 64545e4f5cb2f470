import DataLoader from 'dataloader';
import type { SecurityEventLog } from '../../lib/audit/security-events';
import { groupedLoader } from '../../lib/loaders';
import type { SubgraphBaseContext } from '../../lib/subgraph-server';
import type { CatalogueAdapter } from '../../legacy/catalogue/client';
import type { BossAdapter } from '../../legacy/boss/client';
import type { LoyaltyShopAdapter } from '../../legacy/boss/loyalty-shop';
import type { BossSelfCareAdapter } from '../../legacy/boss/self-care';
import type {
  BillModel,
  BillingAccountModel,
  BucketModel,
  SubscriptionModel,
  UsageSummaryModel,
} from '../../legacy/boss/models';

export interface BillingContext extends SubgraphBaseContext {
  boss: BossAdapter;
  /** The loyalty shop (X4): rewards and redemptions. */
  loyaltyShop: LoyaltyShopAdapter;
  /** Bill documents, tariff plans, spend limits (issue 16). */
  selfCare: BossSelfCareAdapter;
  audit: SecurityEventLog;
  loaders: BillingLoaders;
}

/** The per-request loaders; services name the few they use (`Pick<BillingLoaders, ...>`). */
export type BillingLoaders = ReturnType<typeof createLoaders>;

const index = <T>(keys: readonly string[], items: T[], key: (t: T) => string) => {
  const map = new Map(items.map((i) => [key(i), i]));
  return keys.map((k) => map.get(k) ?? null);
};

/** Per-request loaders: one billing-system call per kind of data per query level. */
export function createLoaders(boss: BossAdapter, catalogue: CatalogueAdapter) {
  const bill = new DataLoader<string, BillModel | null>(async (ids) =>
    index(ids, await boss.bills(ids), (b) => b.id),
  );
  return {
    /** R4: which partner (if any) sells an offering. */
    partnerOfOffering: new DataLoader<string, string | null>(async (ids) => {
      const offerings = await catalogue.getOfferings(ids);
      return ids.map((id) => offerings.find((o) => o.id === id)?.partnerId ?? null);
    }),
    subscription: new DataLoader<string, SubscriptionModel | null>(async (ids) =>
      index(ids, await boss.subscriptions(ids), (s) => s.serviceId),
    ),
    account: new DataLoader<string, BillingAccountModel | null>(async (ids) =>
      index(ids, await boss.accounts(ids), (a) => a.id),
    ),
    bill,
    /** The latest bill of each account (dashboards ask for it per number). */
    latestBill: new DataLoader<string, BillModel | null>(async (accountIds) => {
      const byAccount = await boss.billsOfAccounts(accountIds, 0, 1);
      return accountIds.map((id) => {
        const latest = byAccount[id]?.items[0] ?? null;
        if (latest) bill.prime(latest.id, latest);
        return latest;
      });
    }),
    /** A page of bills per account; accounts asking for the same window share one call. */
    billsPage: groupedLoader<
      { id: string; offset: number; limit: number },
      { items: BillModel[]; total: number }
    >(
      (k) => `${k.offset}|${k.limit}`,
      async (accountIds, { offset, limit }) =>
        new Map(Object.entries(await boss.billsOfAccounts(accountIds, offset, limit))),
      { items: [], total: 0 },
    ),
    /** Usage totals per service over a period; services asking for the same period share one call. */
    usageSummary: groupedLoader<{ id: string; from: string; to: string }, UsageSummaryModel | null>(
      (k) => `${k.from}|${k.to}`,
      async (serviceIds, { from, to }) =>
        new Map((await boss.usageSummary(serviceIds, from, to)).map((u) => [u.serviceId, u])),
      null,
    ),
    unbilled: new DataLoader<string, { periodStart: string; usageCharges: number; records: number } | null>(
      async (ids) => index(ids, await boss.unbilled(ids), (u) => u.serviceId),
    ),
    balance: new DataLoader<string, { at: string; buckets: BucketModel[] } | null>(async (ids) =>
      index(ids, await boss.balances(ids), (b) => b.serviceId),
    ),
    points: new DataLoader<string, number | null>(async (ids) => {
      const items = await boss.loyaltyPoints(ids);
      return ids.map((id) => items.find((p) => p.customerId === id)?.points ?? null);
    }),
  };
}
