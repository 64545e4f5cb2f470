import { assertCanOrNotFound, assertOwned } from '../../../lib/authz/assertions';
import { badInput, notFound } from '../../../lib/errors';
import { period } from '../../../lib/input/period';
import { money, type MoneyModel } from '../../../lib/money';
import { connection, pageRequest, type PageWindow } from '../../../lib/pagination';
import { maskLastDigits } from '../../../lib/text';
import type { BossAdapter } from '../../../legacy/boss/client';
import type { UsageSummaryModel } from '../../../legacy/boss/models';
import type { ServiceSpendModel } from '../models';
import type { BillingContext, BillingLoaders } from '../context';
import { subscriptionTarget } from '../targets';
import { msg } from '../../../lib/i18n/text';

/** What usage views need: the actor, BOSS for uncached reads, and the usage loaders. */
export type UsageDeps = Pick<BillingContext, 'actor'> & {
  boss: Pick<BossAdapter, 'usage' | 'usageSummary'>;
  loaders: Pick<BillingLoaders, 'subscription' | 'unbilled' | 'usageSummary'>;
};

/** Charges of the running, not yet billed period. */
export interface CurrentChargesView {
  periodStart: string;
  usageCharges: MoneyModel;
  recurringCharges: MoneyModel;
  total: MoneyModel;
  recordCount: number;
}

/** Usage totals as the API shows them: minutes, megabytes and money. */
export interface UsageTotalsView {
  records: number;
  calls: number;
  voiceMinutes: number;
  sms: number;
  dataMb: number;
  videoMb: number;
  charges: MoneyModel;
}

/** Usage records per page at most. */
const MAX_USAGE_PER_PAGE = 200;

/** Spend reports name at most this many services: one BOSS call answers for all of them. */
const MAX_SPEND_REPORT_SERVICES = 100;

/** Minutes and megabytes are shown to one decimal place. */
function totalsView(summary: UsageSummaryModel): UsageTotalsView {
  return {
    records: summary.records,
    calls: summary.calls,
    voiceMinutes: Math.round((summary.voiceSeconds / 60) * 10) / 10,
    sms: summary.sms,
    dataMb: Math.round(summary.dataKb / 102.4) / 10,
    videoMb: Math.round(summary.videoKb / 102.4) / 10,
    charges: money(summary.charge),
  };
}

/** B2: usage so far in the running period plus the service's recurring fee. */
export async function currentCharges(deps: UsageDeps, serviceId: string): Promise<CurrentChargesView> {
  const [unbilled, sub] = await Promise.all([
    deps.loaders.unbilled.load(serviceId),
    deps.loaders.subscription.load(serviceId),
  ]);
  if (!unbilled || !sub) throw notFound('Service', serviceId);
  return {
    periodStart: unbilled.periodStart,
    usageCharges: money(unbilled.usageCharges),
    recurringCharges: money(sub.recurringFee),
    total: money(unbilled.usageCharges + sub.recurringFee),
    recordCount: unbilled.records,
  };
}

/** B3: one page of a service's rated usage records over a period, newest first. */
export async function usageRecords(
  deps: UsageDeps,
  serviceId: string,
  from: string,
  to: string,
  window: PageWindow,
) {
  const range = period(from, to);
  const page = pageRequest(window.first, window.after, MAX_USAGE_PER_PAGE);
  const result = await deps.boss.usage([serviceId], range.from, range.to, page.offset, page.limit);
  return connection(result.items, result.total, page);
}

/** B3: usage totals of a service over a period, or null when BOSS has none for it. */
export async function usageTotals(
  deps: UsageDeps,
  serviceId: string,
  from: string,
  to: string,
): Promise<UsageTotalsView | null> {
  const summary = await deps.loaders.usageSummary.load({ id: serviceId, ...period(from, to) });
  return summary ? totalsView(summary) : null;
}

/** B3 for a customer's own service: a service BOSS has no totals for is not found. */
export async function serviceUsageTotals(
  deps: UsageDeps,
  serviceId: string,
  from: string,
  to: string,
): Promise<UsageTotalsView> {
  const totals = await usageTotals(deps, serviceId, from, to);
  if (!totals) throw notFound('Service', serviceId);
  return totals;
}

/**
 * B9: what the given services of the customer cost over a period. Every service must be one
 * the actor may view the billing of; any other answers like a missing one (S3).
 */
export async function spendReport(
  deps: UsageDeps,
  customerId: string,
  serviceIds: string[],
  from: string,
  to: string,
): Promise<ServiceSpendModel[]> {
  assertOwned(deps.actor, customerId);
  if (serviceIds.length < 1 || serviceIds.length > MAX_SPEND_REPORT_SERVICES)
    throw badInput(msg`serviceIds must name 1 to ${MAX_SPEND_REPORT_SERVICES} services.`, 'serviceIds');
  const range = period(from, to);
  const subs = await deps.loaders.subscription.loadMany(serviceIds);
  subs.forEach((s, i) =>
    assertCanOrNotFound(
      deps.actor,
      'billing.view',
      s && !(s instanceof Error) ? subscriptionTarget(s) : undefined,
      'Service',
      serviceIds[i],
    ),
  );
  const summaries = await deps.boss.usageSummary(serviceIds, range.from, range.to);
  return summaries.map((s) => ({
    serviceId: s.serviceId,
    from: range.from,
    to: range.to,
    charge: s.charge,
    records: s.records,
  }));
}

/** S6 (minimum exposure): the other party of a call shows only its last three digits. */
export function maskCounterpart(n: string | null): string | null {
  return n ? maskLastDigits(n) : null;
}
