import {
  assertCanOrNotFound,
  assertOwned,
  assertOwnedOrNotFound,
  requireUser,
} from '../../lib/authz/assertions';
import { subscriptionTarget } from './permissions';
import { apiError, badInput, forbidden, notFound } from '../../lib/errors';
import { money } from '../../lib/money';
import { connection, pageRequest } from '../../lib/pagination';
import type { Resolvers } from './__generated__/resolvers-types';
import type { Change } from '../../legacy/boss/client';
import type { BillingContext } from './context';
import type { BillingAccountModel, UsageSummaryModel } from '../../legacy/boss/models';

const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,255}\.[^\s@<>]{2,}$/;
const MAX_RANGE_DAYS = 366;

/** Validates a period: ISO dates, from <= to, at most a year (usage queries are expensive). */
function period(from: string, to: string): { from: string; to: string } {
  const f = Date.parse(from);
  const t = Date.parse(to.length === 10 ? `${to}T23:59:59.999Z` : to);
  if (
    !/^\d{4}-\d{2}-\d{2}/.test(from) ||
    !/^\d{4}-\d{2}-\d{2}/.test(to) ||
    Number.isNaN(f) ||
    Number.isNaN(t)
  )
    throw badInput('from and to must be ISO dates such as 2026-01-31.', 'from');
  if (f > t) throw badInput('from must not be after to.', 'from');
  if (t - f > MAX_RANGE_DAYS * 86_400_000)
    throw badInput(`The period must be at most ${MAX_RANGE_DAYS} days.`, 'to');
  return { from: new Date(f).toISOString(), to: new Date(t).toISOString() };
}

async function ownAccount(ctx: BillingContext, accountId: string): Promise<BillingAccountModel> {
  requireUser(ctx.actor);
  const account = await ctx.loaders.account.load(accountId);
  assertOwnedOrNotFound(ctx.actor, account?.customerId, 'Account', accountId);
  return account as BillingAccountModel;
}

/** Billing settings changes are security events (S4), stored before the change is made. */
async function changeSettings(ctx: BillingContext, accountId: string, patch: Record<string, unknown>) {
  const user = requireUser(ctx.actor);
  const change = await ctx.audit.guard(
    { kind: 'BILLING_SETTINGS_CHANGE', customerId: user.customerId, actorId: user.userId, target: accountId },
    () => ctx.boss.updateAccount(accountId, patch),
    (r) => (r.ok ? 'SUCCESS' : 'FAILURE'),
  );
  return settingsResult(ctx, accountId, change);
}

async function settingsResult(ctx: BillingContext, accountId: string, change: Change<unknown>) {
  if (!change.ok)
    return {
      __typename: 'BillingChangeRejected' as const,
      reason: 'reason' in change ? change.reason : 'Conflicting change.',
    };
  ctx.loaders.account.clear(accountId);
  const account = await ctx.loaders.account.load(accountId);
  if (!account) throw notFound('Account', accountId);
  return { __typename: 'BillingSettings' as const, ...account };
}

/** Masks the other party of a call except its last three digits (S6: minimum exposure). */
const maskNumber = (n: string | null) =>
  n ? `${'*'.repeat(Math.max(0, n.length - 3))}${n.slice(-3)}` : null;

/** Usage totals as the API shows them (minutes, megabytes, money). */
function summaryView(summary: UsageSummaryModel) {
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

export const resolvers: Resolvers = {
  Query: {
    bill: async (_p, { id }, ctx) => {
      requireUser(ctx.actor);
      const bill = await ctx.loaders.bill.load(id);
      const account = bill ? await ctx.loaders.account.load(bill.accountId) : null;
      assertCanOrNotFound(
        ctx.actor,
        'billing.view',
        account ? { customerId: account.customerId, accountId: account.id } : undefined,
        'Bill',
        id,
      );
      return bill;
    },
  },
  Mutation: {
    payBill: async (_p, { input }, ctx) => {
      const user = requireUser(ctx.actor);
      if (!/^[A-Za-z0-9._:-]{8,100}$/.test(input.idempotencyKey))
        throw badInput(
          'idempotencyKey must be 8 to 100 letters, digits, dots, dashes, colons or underscores.',
          'idempotencyKey',
        );
      if (
        !Number.isInteger(input.amountMinorUnits) ||
        input.amountMinorUnits < 1 ||
        input.amountMinorUnits > 100_000_000
      )
        throw badInput('amountMinorUnits must be between 1 and 100000000.', 'amountMinorUnits');
      const bill = await ctx.loaders.bill.load(input.billId);
      const account = bill ? await ctx.loaders.account.load(bill.accountId) : null;
      assertOwnedOrNotFound(ctx.actor, account?.customerId, 'Bill', input.billId);
      // S4: stored before the payment is taken; no event, no payment.
      const result = await ctx.audit.guard(
        {
          kind: 'PAYMENT',
          customerId: user.customerId,
          actorId: user.userId,
          target: input.billId,
          detail: { amount: input.amountMinorUnits },
        },
        () =>
          ctx.boss.pay({
            idempotencyKey: `${user.customerId}:${input.idempotencyKey}`,
            billId: input.billId,
            amount: input.amountMinorUnits,
            method: input.method,
          }),
        (r) => (r.ok && r.value.status === 'ACCEPTED' ? 'SUCCESS' : 'FAILURE'),
      );
      if (!result.ok) {
        if ('conflict' in result)
          throw apiError('CONFLICT', 'This idempotencyKey was already used for a different payment.');
        return { __typename: 'PaymentDeclined', reason: result.reason };
      }
      ctx.logger.info(
        { event: 'payment', paymentId: result.value.id, billId: input.billId, status: result.value.status },
        'payment processed',
      );
      if (result.value.status === 'DECLINED')
        return { __typename: 'PaymentDeclined', reason: result.value.declineReason ?? 'Declined' };
      ctx.loaders.bill.clear(input.billId);
      return { __typename: 'Payment', ...result.value };
    },
    changeBillingMode: async (_p, { input }, ctx) => {
      await ownAccount(ctx, input.accountId);
      if (input.tariffPlanId && !/^TP-[A-Z]{3,20}$/.test(input.tariffPlanId))
        throw badInput('tariffPlanId must look like TP-STANDARD.', 'tariffPlanId');
      return changeSettings(ctx, input.accountId, {
        billingMode: input.billingMode,
        ...(input.tariffPlanId ? { tariffPlanId: input.tariffPlanId } : {}),
      });
    },
    updateEBillSettings: async (_p, { input }, ctx) => {
      await ownAccount(ctx, input.accountId);
      if (input.email != null && !EMAIL.test(input.email))
        throw badInput('email is not an e-mail address.', 'email');
      const patch =
        input.email != null
          ? { eBillEnabled: input.enabled, eBillEmail: input.email }
          : { eBillEnabled: input.enabled };
      return changeSettings(ctx, input.accountId, patch);
    },
    updatePaymentSettings: async (_p, { input }, ctx) => {
      await ownAccount(ctx, input.accountId);
      return changeSettings(ctx, input.accountId, { autoPay: input.autoPay });
    },
  },
  Account: {
    __resolveReference: async (ref, ctx) => {
      const account = await ctx.loaders.account.load(ref.id);
      if (!account) throw notFound('Account', ref.id);
      assertOwned(ctx.actor, account.customerId);
      return { id: ref.id };
    },
    billingSettings: async (a, _x, ctx) => {
      const account = await ctx.loaders.account.load(a.id);
      if (!account) throw notFound('Account', a.id);
      return account;
    },
    bills: async (a, { first, after }, ctx) => {
      const page = pageRequest(first, after, 36);
      const page1 = await ctx.loaders.billsPage.load({ id: a.id, ...page });
      return connection(page1.items, page1.total, page);
    },
    outstanding: async (a, _x, ctx) => money((await ctx.loaders.account.load(a.id))?.outstanding ?? 0),
  },
  BillingSettings: {
    eBill: (a) => ({ enabled: a.eBillEnabled, email: a.eBillEmail }),
  },
  Customer: {
    __resolveReference: (ref, ctx) => {
      assertOwned(ctx.actor, ref.id);
      return { id: ref.id };
    },
    loyaltyPoints: async (c, _a, ctx) => (await ctx.loaders.points.load(c.id)) ?? 0,
    spendReport: async (c, { serviceIds, from, to }, ctx) => {
      assertOwned(ctx.actor, c.id);
      if (serviceIds.length < 1 || serviceIds.length > 100)
        throw badInput('serviceIds must name 1 to 100 services.', 'serviceIds');
      const range = period(from, to);
      const subs = await ctx.loaders.subscription.loadMany(serviceIds);
      subs.forEach((s, i) =>
        assertCanOrNotFound(
          ctx.actor,
          'billing.view',
          s && !(s instanceof Error) ? subscriptionTarget(s) : undefined,
          'Service',
          serviceIds[i],
        ),
      );
      const summaries = await ctx.boss.usageSummary(serviceIds, range.from, range.to);
      return summaries.map((s) => ({
        serviceId: s.serviceId,
        from: range.from,
        to: range.to,
        charge: s.charge,
        records: s.records,
      }));
    },
  },
  Service: {
    __resolveReference: async (ref, ctx) => {
      const sub = await ctx.loaders.subscription.load(ref.id);
      if (!sub) throw notFound('Service', ref.id);
      assertOwned(ctx.actor, sub.customerId);
      return { id: ref.id };
    },
    currentCharges: async (s, _a, ctx) => {
      const [unbilled, sub] = await Promise.all([
        ctx.loaders.unbilled.load(s.id),
        ctx.loaders.subscription.load(s.id),
      ]);
      if (!unbilled || !sub) throw notFound('Service', s.id);
      return {
        periodStart: unbilled.periodStart,
        usageCharges: money(unbilled.usageCharges),
        recurringCharges: money(sub.recurringFee),
        total: money(unbilled.usageCharges + sub.recurringFee),
        recordCount: unbilled.records,
      };
    },
    usage: async (s, { from, to, first, after }, ctx) => {
      const range = period(from, to);
      const page = pageRequest(first, after, 200);
      const result = await ctx.boss.usage([s.id], range.from, range.to, page.offset, page.limit);
      return connection(result.items, result.total, page);
    },
    usageSummary: async (s, { from, to }, ctx) => {
      const summary = await ctx.loaders.usageSummary.load({ id: s.id, ...period(from, to) });
      if (!summary) throw notFound('Service', s.id);
      return summaryView(summary);
    },
    prepaidBalance: async (s, _a, ctx) => {
      const sub = await ctx.loaders.subscription.load(s.id);
      if (!sub?.prepaid) return null;
      const balance = await ctx.loaders.balance.load(s.id);
      return balance ? { asOf: balance.at, buckets: balance.buckets } : null;
    },
    lastBillCharges: async (s, _a, ctx) => {
      const sub = await ctx.loaders.subscription.load(s.id);
      if (!sub || sub.prepaid) return null;
      const bill = await ctx.loaders.latestBill.load(sub.accountId);
      if (!bill) return null;
      return {
        bill,
        amount: bill.items.filter((i) => i.serviceId === s.id).reduce((sum, i) => sum + i.amount, 0),
      };
    },
    callAnalytics: async (s, { from, to }, ctx) => {
      const range = period(from, to);
      const a = await ctx.boss.callAnalytics([s.id], range.from, range.to);
      const total = a.perDay.reduce((n, d) => n + d.calls, 0);
      const answered = a.perDay.reduce((n, d) => n + d.answered, 0);
      const weighted = a.perDay.reduce((n, d) => n + d.averageDurationSec * d.answered, 0);
      return {
        totalCalls: total,
        answered,
        lost: total - answered,
        answeredRatio: total ? answered / total : 0,
        averageDurationSeconds: answered ? Math.round(weighted / answered) : 0,
        perDay: a.perDay.map((d) => ({
          date: d.date,
          calls: d.calls,
          answered: d.answered,
          lost: d.lost,
          averageDurationSeconds: d.averageDurationSec,
        })),
        busyHours: [...a.perHour]
          .filter((h) => h.calls > 0)
          .sort((x, y) => y.calls - x.calls || x.hour - y.hour)
          .slice(0, 3),
        availabilityRatio: a.availabilityRatio,
      };
    },
  },
  Bill: {
    __resolveReference: async (ref, ctx) => {
      const bill = await ctx.loaders.bill.load(ref.id);
      if (!bill) throw notFound('Bill', ref.id);
      assertOwned(ctx.actor, (await ctx.loaders.account.load(bill.accountId))?.customerId);
      return bill;
    },
    account: (b) => ({ id: b.accountId }),
    amountDue: (b) => money(b.amountDue, b.currency),
    paid: (b) => money(b.paidAmount, b.currency),
    openAmount: (b) => money(b.amountDue - b.paidAmount, b.currency),
    usageComparison: async (b, _a, ctx) => {
      const usageItems = b.items.filter((i) => i.description === 'Usage charges');
      const serviceIds = [...new Set(b.items.map((i) => i.serviceId))];
      if (!serviceIds.length) return [];
      const recorded = await ctx.boss.usageSummary(serviceIds, b.periodStart, b.periodEnd);
      return serviceIds.map((serviceId) => ({
        serviceId,
        billed: usageItems.filter((i) => i.serviceId === serviceId).reduce((n, i) => n + i.amount, 0),
        recorded: recorded.find((r) => r.serviceId === serviceId)?.charge ?? 0,
        records: recorded.find((r) => r.serviceId === serviceId)?.records ?? 0,
      }));
    },
  },
  BillItem: {
    service: (i) => ({ id: i.serviceId }),
    amount: (i) => money(i.amount),
  },
  UsageComparison: {
    service: (u) => ({ id: u.serviceId }),
    billedUsage: (u) => money(u.billed),
    recordedUsage: (u) => money(u.recorded),
    recordCount: (u) => u.records,
    matches: (u) => u.billed === u.recorded,
  },
  UsageRecord: {
    start: (u) => new Date(u.start).toISOString(),
    counterpart: (u) => maskNumber(u.counterpart),
    durationSeconds: (u) => u.durationSec,
    charge: (u) => money(u.charge),
  },
  ServiceSpend: {
    service: (s) => ({ id: s.serviceId }),
    charges: (s) => money(s.charge),
  },
  ServiceBillCharges: {
    amount: (c) => money(c.amount),
  },
  Payment: {
    bill: async (p, _a, ctx) => {
      const bill = await ctx.loaders.bill.load(p.billId);
      if (!bill) throw notFound('Bill', p.billId);
      return bill;
    },
    amount: (p) => money(p.amount),
  },
  PartnerSubscription: {
    // R4: only the partner whose product it is may reach a subscription (checked before any field).
    __resolveReference: async (ref, ctx) => {
      if (ctx.actor.kind !== 'partner') throw forbidden();
      const sub = await ctx.loaders.subscription.load(ref.subscriptionId);
      const partnerId = sub ? await ctx.loaders.partnerOfOffering.load(sub.offeringId) : null;
      if (!sub || partnerId !== ctx.actor.partnerId) throw forbidden();
      return sub;
    },
    subscriptionId: (s) => s.serviceId,
    usageSummary: async (s, { from, to }, ctx) => {
      const summary = await ctx.loaders.usageSummary.load({ id: s.serviceId, ...period(from, to) });
      return summary ? summaryView(summary) : null;
    },
  },
};
