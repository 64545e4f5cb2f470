import { assertCanOrNotFound, assertOwned, requireUser } from '../../../lib/authz/assertions';
import { notFound } from '../../../lib/errors';
import { connection, pageRequest, type PageWindow } from '../../../lib/pagination';
import type { BossAdapter } from '../../../legacy/boss/client';
import type { BillModel } from '../../../legacy/boss/models';
import type { ServiceBillChargesModel, UsageComparisonModel } from '../models';
import type { BillingContext, BillingLoaders } from '../context';
import { accountTarget } from '../targets';

/** What bill reads need: the actor and the bill, account and subscription loaders. */
export type BillDeps = Pick<BillingContext, 'actor'> & {
  loaders: Pick<BillingLoaders, 'bill' | 'account' | 'billsPage' | 'latestBill' | 'subscription'>;
};

/** B1: a bill named by the client; one the actor may not view answers like a missing one (S3). */
export async function viewableBill(deps: BillDeps, id: string): Promise<BillModel | null> {
  requireUser(deps.actor);
  const bill = await deps.loaders.bill.load(id);
  const account = bill ? await deps.loaders.account.load(bill.accountId) : null;
  assertCanOrNotFound(deps.actor, 'billing.view', account ? accountTarget(account) : undefined, 'Bill', id);
  return bill;
}

/** A bill reached through `_entities`: only its own customer may hold the reference. */
export async function billReference(deps: BillDeps, id: string): Promise<BillModel> {
  const bill = await deps.loaders.bill.load(id);
  if (!bill) throw notFound('Bill', id);
  assertOwned(deps.actor, (await deps.loaders.account.load(bill.accountId))?.customerId);
  return bill;
}

/** A bill the caller already reached through its parent (e.g. the bill a payment settled). */
export async function existingBill(deps: BillDeps, id: string): Promise<BillModel> {
  const bill = await deps.loaders.bill.load(id);
  if (!bill) throw notFound('Bill', id);
  return bill;
}

/** Bills per page at most: three years of monthly bills. */
const MAX_BILLS_PER_PAGE = 36;

/** B1: one page of an account's bills, newest first. */
export async function billsOfAccount(deps: BillDeps, accountId: string, window: PageWindow) {
  const page = pageRequest(window.first, window.after, MAX_BILLS_PER_PAGE);
  const result = await deps.loaders.billsPage.load({ id: accountId, ...page });
  return connection(result.items, result.total, page);
}

/** What the account's latest bill charged for one service; prepaid services are not billed. */
export async function lastBillCharges(
  deps: BillDeps,
  serviceId: string,
): Promise<ServiceBillChargesModel | null> {
  const sub = await deps.loaders.subscription.load(serviceId);
  if (!sub || sub.prepaid) return null;
  const bill = await deps.loaders.latestBill.load(sub.accountId);
  if (!bill) return null;
  return {
    bill,
    amount: bill.items.filter((i) => i.serviceId === serviceId).reduce((sum, i) => sum + i.amount, 0),
  };
}

/**
 * B4: per service on the bill, the usage it billed against the usage BOSS recorded over the
 * bill's period, so a customer can see whether the bill matches the records.
 */
export async function usageComparison(
  deps: { boss: Pick<BossAdapter, 'usageSummary'> },
  bill: BillModel,
): Promise<UsageComparisonModel[]> {
  const usageItems = bill.items.filter((i) => i.description === 'Usage charges');
  const serviceIds = [...new Set(bill.items.map((i) => i.serviceId))];
  if (!serviceIds.length) return [];
  const recorded = await deps.boss.usageSummary(serviceIds, bill.periodStart, bill.periodEnd);
  return serviceIds.map((serviceId) => ({
    serviceId,
    billed: usageItems.filter((i) => i.serviceId === serviceId).reduce((n, i) => n + i.amount, 0),
    recorded: recorded.find((r) => r.serviceId === serviceId)?.charge ?? 0,
    records: recorded.find((r) => r.serviceId === serviceId)?.records ?? 0,
  }));
}
