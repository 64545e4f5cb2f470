import { Simulator, badRequest, ids, notFoundResponse, page, parseJson } from '../common/sim-server';
import { registerLoyaltyShop } from './loyalty';
import { TARIFF_PLANS, registerSelfCare } from './self-care';
import type { Account, Bill, Bucket, SeedWorld, UsageRecord } from '../seed/types';
import { worldIndex } from '../common/world-index';
import { EventLog } from '../common/event-log';
import { billingControls, type BillingLogEntry } from './feed';
import { availabilityRatio, perMonth } from './call-availability';

export interface Payment {
  id: string;
  idempotencyKey: string;
  billId: string;
  accountId: string;
  amount: number;
  method: string;
  status: 'ACCEPTED' | 'DECLINED';
  declineReason: string | null;
  at: string;
}

const TARIFFS: Record<Account['billingMode'], string[]> = {
  PREPAID: TARIFF_PLANS.filter((t) => t.billingMode === 'PREPAID').map((t) => t.id),
  POSTPAID: TARIFF_PLANS.filter((t) => t.billingMode === 'POSTPAID').map((t) => t.id),
};
const METHODS = ['CARD', 'BANK_TRANSFER', 'DIRECT_DEBIT', 'WALLET'];
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

function timeRange(q: URLSearchParams): { from: number; to: number } | undefined {
  const from = q.get('from') ? Date.parse(q.get('from') as string) : 0;
  const to = q.get('to') ? Date.parse(q.get('to') as string) : Date.now() + 86_400_000;
  if (Number.isNaN(from) || Number.isNaN(to) || from > to) return undefined;
  return { from, to };
}

/** One OCS recharge and the balance right after it. */
interface TopUp {
  id: string;
  requestId: string;
  serviceId: string;
  amount: number;
  method: string;
  at: string;
  balance: { serviceId: string; at: string; buckets: Bucket[] };
}

/** BOSS billing + OCS prepaid balances + loyalty points + the warehouse's call analytics. */
export function createBilling(world: SeedWorld): { sim: Simulator; payments: Payment[] } {
  const sim = new Simulator('billing');
  // Look-ups from indexes built once (issue 17): a bulk call costs what it asks for, not the world.
  const index = worldIndex(world);
  const accounts = index.accountById;
  const bills = new Map(world.bills.map((b) => [b.id, b]));
  const billsByAccount = new Map<string, Bill[]>();
  for (const b of world.bills)
    billsByAccount.set(b.accountId, [b, ...(billsByAccount.get(b.accountId) ?? [])]);
  const payments: Payment[] = [];
  const paymentsByKey = new Map<string, Payment>();
  const log = new EventLog<BillingLogEntry>();
  log.serve(sim, '/boss/events');
  billingControls(
    sim,
    world,
    log,
    (bill) => {
      world.bills.push(bill);
      bills.set(bill.id, bill);
      billsByAccount.set(bill.accountId, [bill, ...(billsByAccount.get(bill.accountId) ?? [])]);
    },
    (id) => accounts.first(id),
  );
  const usageOf = (serviceIds: string[], range: { from: number; to: number }): UsageRecord[] =>
    serviceIds.flatMap((id) =>
      (world.usage.get(id) ?? []).filter((u) => u.start >= range.from && u.start <= range.to),
    );
  const periodStart = () => {
    const d = new Date();
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  };

  sim.route('GET', '/boss/accounts/bulk', 'getBillingAccounts', (req) => {
    const items = ids(req.query).flatMap((id) => {
      const a = accounts.first(id);
      if (!a) return [];
      const due = (billsByAccount.get(id) ?? []).reduce((sum, b) => sum + b.amountDue - b.paidAmount, 0);
      return [
        {
          id: a.id,
          customerId: a.customerId,
          billingMode: a.billingMode,
          tariffPlanId: a.tariffPlanId,
          eBillEnabled: a.eBillEnabled,
          eBillEmail: a.eBillEmail,
          autoPay: a.autoPay,
          currency: 'EUR',
          outstanding: due,
        },
      ];
    });
    return { status: 200, body: { items } };
  });
  sim.route('PATCH', '/boss/accounts/:id', 'updateBillingAccount', (req) => {
    const account = accounts.first(req.params.id);
    if (!account) return notFoundResponse('no such account');
    const b = parseJson(req.body);
    if (!b) return badRequest('body must be a JSON object');
    const mode = (b.billingMode ?? account.billingMode) as Account['billingMode'];
    if (mode !== 'PREPAID' && mode !== 'POSTPAID')
      return badRequest('billingMode must be PREPAID or POSTPAID');
    const tariff =
      typeof b.tariffPlanId === 'string'
        ? b.tariffPlanId
        : mode === account.billingMode
          ? account.tariffPlanId
          : TARIFFS[mode][0];
    if (!TARIFFS[mode].includes(tariff))
      return {
        status: 422,
        body: { error: 'rejected', reason: `Tariff plan ${tariff} is not offered with ${mode} billing` },
      };
    const outstanding = (billsByAccount.get(account.id) ?? []).reduce(
      (sum, x) => sum + x.amountDue - x.paidAmount,
      0,
    );
    if (mode === 'PREPAID' && account.billingMode === 'POSTPAID' && outstanding > 0)
      return {
        status: 422,
        body: { error: 'rejected', reason: 'Settle outstanding bills before switching to prepaid' },
      };
    if (
      'eBillEmail' in b &&
      b.eBillEmail !== null &&
      (typeof b.eBillEmail !== 'string' || !EMAIL.test(b.eBillEmail))
    )
      return badRequest('eBillEmail must be an e-mail address');
    const eBillEnabled = typeof b.eBillEnabled === 'boolean' ? b.eBillEnabled : account.eBillEnabled;
    const eBillEmail = 'eBillEmail' in b ? (b.eBillEmail as string | null) : account.eBillEmail;
    if (eBillEnabled && !eBillEmail)
      return { status: 422, body: { error: 'rejected', reason: 'E-bills need an e-mail address' } };
    Object.assign(account, {
      billingMode: mode,
      tariffPlanId: tariff,
      eBillEnabled,
      eBillEmail,
      autoPay: typeof b.autoPay === 'boolean' ? b.autoPay : account.autoPay,
    });
    return {
      status: 200,
      body: {
        id: account.id,
        billingMode: account.billingMode,
        tariffPlanId: account.tariffPlanId,
        eBillEnabled,
        eBillEmail,
        autoPay: account.autoPay,
      },
    };
  });
  sim.route('GET', '/boss/bills', 'listBills', (req) => {
    const accountIds = ids(req.query, 'accountIds');
    if (!accountIds.length || accountIds.length > 100)
      return badRequest('accountIds must name 1 to 100 accounts');
    const byAccount: Record<string, { items: Bill[]; total: number }> = {};
    for (const id of accountIds) {
      const p = page(billsByAccount.get(id) ?? [], req.query);
      byAccount[id] = { items: p.items, total: p.total };
    }
    return { status: 200, body: { byAccount } };
  });
  sim.route('GET', '/boss/bills/bulk', 'getBills', (req) => ({
    status: 200,
    body: { items: ids(req.query).flatMap((id) => bills.get(id) ?? []) },
  }));
  sim.route('GET', '/boss/unbilled', 'getUnbilled', (req) => {
    const start = periodStart();
    const items = ids(req.query, 'serviceIds').map((serviceId) => {
      const records = usageOf([serviceId], { from: start, to: Date.now() + 86_400_000 });
      return {
        serviceId,
        periodStart: new Date(start).toISOString(),
        usageCharges: records.reduce((s, u) => s + u.charge, 0),
        records: records.length,
      };
    });
    return { status: 200, body: { items } };
  });
  // Rated usage records: the expensive, paged query of every billing system.
  sim.route('GET', '/boss/usage', 'listUsage', (req) => {
    const range = timeRange(req.query);
    if (!range) return badRequest('from/to must be ISO dates with from <= to');
    const serviceIds = ids(req.query, 'serviceIds');
    if (!serviceIds.length || serviceIds.length > 100)
      return badRequest('serviceIds must name 1 to 100 services');
    const records = usageOf(serviceIds, range).sort((a, b) => b.start - a.start || a.id.localeCompare(b.id));
    return { status: 200, body: page(records, req.query, 500) };
  });
  sim.route('GET', '/boss/usage/summary', 'summariseUsage', (req) => {
    const range = timeRange(req.query);
    if (!range) return badRequest('from/to must be ISO dates with from <= to');
    const items = ids(req.query, 'serviceIds').map((serviceId) => {
      const records = usageOf([serviceId], range);
      const voice = records.filter((r) => r.kind === 'VOICE');
      return {
        serviceId,
        records: records.length,
        calls: voice.length,
        voiceSeconds: voice.reduce((s, r) => s + r.durationSec, 0),
        sms: records.filter((r) => r.kind === 'SMS').length,
        dataKb: records.reduce((s, r) => s + (r.kind === 'DATA' ? r.volumeKb : 0), 0),
        videoKb: records.reduce((s, r) => s + (r.kind === 'VIDEO' ? r.volumeKb : 0), 0),
        charge: records.reduce((s, r) => s + r.charge, 0),
      };
    });
    return { status: 200, body: { items } };
  });
  sim.route('GET', '/dwh/call-analytics', 'callAnalytics', (req) => {
    const range = timeRange(req.query);
    if (!range) return badRequest('from/to must be ISO dates with from <= to');
    const serviceIds = ids(req.query, 'serviceIds');
    const calls = usageOf(serviceIds, range).filter((r) => r.kind === 'VOICE');
    const perDay = new Map<string, { calls: number; answered: number; seconds: number }>();
    const perHour = new Array<number>(24).fill(0);
    for (const c of calls) {
      const day = new Date(c.start).toISOString().slice(0, 10);
      const d = perDay.get(day) ?? { calls: 0, answered: 0, seconds: 0 };
      d.calls++;
      if (c.answered) d.answered++;
      d.seconds += c.durationSec;
      perDay.set(day, d);
      perHour[new Date(c.start).getUTCHours()]++;
    }
    const services = index.serviceById.inListOrder(serviceIds);
    return {
      status: 200,
      body: {
        perDay: [...perDay.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([date, d]) => ({
            date,
            calls: d.calls,
            answered: d.answered,
            lost: d.calls - d.answered,
            averageDurationSec: d.answered ? Math.round(d.seconds / d.answered) : 0,
          })),
        perHour: perHour.map((n, hour) => ({ hour, calls: n })),
        // X1: over the period from the network fault history, and month by month.
        availabilityRatio: availabilityRatio(world, services, range.from, range.to, Date.now()),
        perMonth: perMonth(world, services, calls, range.from, range.to, Date.now()),
      },
    };
  });
  sim.route('POST', '/boss/payments', 'createPayment', (req) => {
    const b = parseJson(req.body);
    if (!b || typeof b.idempotencyKey !== 'string' || b.idempotencyKey.length < 8)
      return badRequest('idempotencyKey of at least 8 characters is required');
    const previous = paymentsByKey.get(b.idempotencyKey);
    if (previous) {
      if (previous.billId !== b.billId || previous.amount !== b.amount)
        return {
          status: 409,
          body: { error: 'conflict', message: 'idempotencyKey was used for a different payment' },
        };
      return { status: 200, body: previous };
    }
    const bill = bills.get(String(b.billId));
    if (!bill) return notFoundResponse('no such bill');
    if (typeof b.amount !== 'number' || !Number.isInteger(b.amount) || b.amount <= 0)
      return badRequest('amount must be a positive whole number of cents');
    if (!METHODS.includes(String(b.method))) return badRequest(`method must be one of ${METHODS.join(', ')}`);
    const open = bill.amountDue - bill.paidAmount;
    const declineReason =
      open <= 0 ? 'Bill is already settled' : b.amount > open ? 'Amount exceeds the open balance' : null;
    const payment: Payment = {
      id: `PAY-${payments.length + 1}`,
      idempotencyKey: b.idempotencyKey,
      billId: bill.id,
      accountId: bill.accountId,
      amount: b.amount,
      method: String(b.method),
      status: declineReason ? 'DECLINED' : 'ACCEPTED',
      declineReason,
      at: new Date().toISOString(),
    };
    if (!declineReason) {
      bill.paidAmount += b.amount;
      bill.state = bill.paidAmount >= bill.amountDue ? 'settled' : 'partiallyPaid';
    }
    payments.push(payment);
    paymentsByKey.set(payment.idempotencyKey, payment);
    if (!declineReason)
      log.append({
        type: 'payment.settled',
        paymentId: payment.id,
        billId: bill.id,
        accountId: bill.accountId,
        customerId: accounts.first(bill.accountId)?.customerId ?? '',
        paidBy: typeof b.paidBy === 'string' && b.paidBy ? b.paidBy : null,
        online: typeof b.paidBy === 'string' && b.paidBy.length > 0,
      });
    return { status: 201, body: payment };
  });
  sim.route('GET', '/boss/payments', 'listPayments', (req) => {
    const accountIds = new Set(ids(req.query, 'accountIds'));
    return { status: 200, body: { items: payments.filter((p) => accountIds.has(p.accountId)) } };
  });
  // Charging subscriptions: which account and customer each service is billed to.
  sim.route('GET', '/boss/subscriptions/bulk', 'getSubscriptions', (req) => {
    const items = index.serviceById.inListOrder(ids(req.query)).map((s) => {
      const offering = index.offeringById.first(s.offeringId);
      return {
        serviceId: s.id,
        customerId: s.customerId,
        accountId: s.accountId,
        offeringId: s.offeringId,
        prepaid: accounts.first(s.accountId)?.billingMode === 'PREPAID',
        recurringFee: offering?.prices.find((p) => p.type === 'RECURRING')?.amount ?? 0,
      };
    });
    return { status: 200, body: { items } };
  });
  sim.route('GET', '/ocs/balances', 'getBalances', (req) => ({
    status: 200,
    body: {
      items: ids(req.query, 'serviceIds').flatMap((serviceId) => {
        const buckets = world.balances.get(serviceId);
        return buckets ? [{ serviceId, buckets, at: new Date().toISOString() }] : [];
      }),
    },
  }));
  // OCS recharge: adds money to a prepaid service's MONEY bucket, exactly once per request id.
  const topUps = new Map<string, TopUp>();
  sim.route('POST', '/ocs/topups', 'topUp', (req) => {
    const b = parseJson(req.body);
    if (!b || typeof b.requestId !== 'string') return badRequest('requestId is required');
    const previous = topUps.get(b.requestId);
    if (previous) {
      if (previous.serviceId !== b.serviceId || previous.amount !== b.amount)
        return {
          status: 409,
          body: { error: 'conflict', message: 'requestId was used for a different top-up' },
        };
      return { status: 200, body: previous };
    }
    if (typeof b.amount !== 'number' || !Number.isInteger(b.amount) || b.amount <= 0)
      return badRequest('amount must be a positive whole number of cents');
    if (!METHODS.includes(String(b.method))) return badRequest(`method must be one of ${METHODS.join(', ')}`);
    const serviceId = String(b.serviceId);
    const money = world.balances.get(serviceId)?.find((k) => k.kind === 'MONEY');
    if (!money)
      return { status: 422, body: { error: 'rejected', reason: 'The service has no prepaid balance.' } };
    money.remaining += b.amount;
    const at = new Date().toISOString();
    const topUp: TopUp = {
      id: `TOP-${topUps.size + 1}`,
      requestId: b.requestId,
      serviceId,
      amount: b.amount,
      method: String(b.method),
      at,
      balance: { serviceId, at, buckets: structuredClone(world.balances.get(serviceId) ?? []) },
    };
    topUps.set(topUp.requestId, topUp);
    return { status: 201, body: topUp };
  });
  sim.route('GET', '/loyalty/points', 'getPoints', (req) => ({
    status: 200,
    body: {
      items: ids(req.query, 'customerIds').flatMap((customerId) => {
        const points = world.loyalty.get(customerId);
        return points === undefined ? [] : [{ customerId, points }];
      }),
    },
  }));
  // The loyalty shop (X4) lives in the same system as the points it spends.
  registerLoyaltyShop(sim, world);
  registerSelfCare(sim, world, log, {
    bill: (id) => bills.get(id),
    account: (id) => accounts.first(id),
    service: (id) => index.serviceById.first(id),
  });
  return { sim, payments };
}
