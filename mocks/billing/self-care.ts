import type { EventLog } from '../common/event-log';
import { Simulator, badRequest, ids, notFoundResponse, parseJson } from '../common/sim-server';
import type { Account, Bill, SeedWorld, Service, UsageRecord } from '../seed/types';
import type { BillingLogEntry } from './feed';

/** A tariff plan as BOSS sells it: its billing mode and prices (minor units, EUR). */
export interface TariffPlan {
  id: string;
  name: string;
  billingMode: Account['billingMode'];
  monthlyFee: number;
  voicePerMinute: number;
  dataPerMb: number;
  smsEach: number;
}

/** The tariff plans of the seed operator; BOSS accepts an account's plan only from its mode's list. */
export const TARIFF_PLANS: TariffPlan[] = [
  {
    id: 'TP-PREPAID',
    name: 'Prepaid',
    billingMode: 'PREPAID',
    monthlyFee: 0,
    voicePerMinute: 12,
    dataPerMb: 2,
    smsEach: 8,
  },
  {
    id: 'TP-STANDARD',
    name: 'Standard',
    billingMode: 'POSTPAID',
    monthlyFee: 1500,
    voicePerMinute: 8,
    dataPerMb: 1,
    smsEach: 6,
  },
  {
    id: 'TP-BUSINESS',
    name: 'Business',
    billingMode: 'POSTPAID',
    monthlyFee: 3500,
    voicePerMinute: 5,
    dataPerMb: 1,
    smsEach: 4,
  },
  {
    id: 'TP-FAMILY',
    name: 'Family',
    billingMode: 'POSTPAID',
    monthlyFee: 2500,
    voicePerMinute: 6,
    dataPerMb: 1,
    smsEach: 5,
  },
];

/** Spend limits of one service for the current month, as BOSS keeps them. */
interface SpendLimits {
  alertMinorUnits: number | null;
  capMinorUnits: number | null;
  setBy: string | null;
  /** The month ("YYYY-MM") whose alert was sent: one alert per month and threshold. */
  alertedFor: string | null;
}

const csvCell = (v: string | number) =>
  /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
const decimal = (minor: number) => (minor / 100).toFixed(2);

/**
 * BOSS self-care extras: bill documents (TMF678 billDocument, as CSV of the bill lines), the
 * tariff plans with prices, and spend limits per service (an alert threshold the journal reports
 * once a month when crossed, and a hard cap above which the charging refuses chargeable usage).
 */
export function registerSelfCare(
  sim: Simulator,
  world: SeedWorld,
  log: EventLog<BillingLogEntry>,
  lookups: {
    bill: (id: string) => Bill | undefined;
    account: (id: string) => Account | undefined;
    service: (id: string) => Service | undefined;
  },
): void {
  const limits = new Map<string, SpendLimits>();
  const month = () => new Date().toISOString().slice(0, 7);
  const charged = (serviceId: string) => {
    const d = new Date();
    const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    return (world.usage.get(serviceId) ?? [])
      .filter((u) => u.start >= start)
      .reduce((s, u) => s + u.charge, 0);
  };
  const view = (serviceId: string) => {
    const l = limits.get(serviceId);
    const spent = charged(serviceId);
    return {
      serviceId,
      alertMinorUnits: l?.alertMinorUnits ?? null,
      capMinorUnits: l?.capMinorUnits ?? null,
      chargedMinorUnits: spent,
      barred: l?.capMinorUnits != null && spent >= l.capMinorUnits,
    };
  };
  // The journal reports a crossed threshold once per month, to whoever set it.
  const checkAlert = (service: Service) => {
    const l = limits.get(service.id);
    const spent = charged(service.id);
    if (!l || l.alertMinorUnits === null || spent < l.alertMinorUnits || l.alertedFor === month()) return;
    l.alertedFor = month();
    log.append({
      type: 'spend.alert',
      serviceId: service.id,
      accountId: service.accountId,
      customerId: service.customerId,
      thresholdMinorUnits: l.alertMinorUnits,
      chargedMinorUnits: spent,
      setBy: l.setBy,
    });
  };

  sim.route('GET', '/boss/bills/:id/document', 'getBillDocument', (req) => {
    const bill = lookups.bill(req.params.id);
    if (!bill) return notFoundResponse('no such bill');
    const rows = [
      ['bill', bill.id],
      ['account', bill.accountId],
      ['period', `${bill.periodStart.slice(0, 10)} to ${bill.periodEnd.slice(0, 10)}`],
      ['issued', bill.issueDate.slice(0, 10)],
      ['due', bill.dueDate.slice(0, 10)],
      [],
      ['service', 'description', 'amountMinorUnits', `amount${bill.currency}`],
      ...bill.items.map((i) => [i.serviceId, i.description, i.amount, decimal(i.amount)]),
      ['TOTAL', '', bill.amountDue, decimal(bill.amountDue)],
    ];
    return {
      status: 200,
      body: {
        billId: bill.id,
        accountId: bill.accountId,
        filename: `${bill.id}.csv`,
        contentType: 'text/csv',
        content: rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n',
      },
    };
  });

  sim.route('GET', '/boss/tariff-plans', 'listTariffPlans', () => ({
    status: 200,
    body: { items: TARIFF_PLANS },
  }));

  sim.route('GET', '/boss/spend-limits', 'getSpendLimits', (req) => ({
    status: 200,
    body: {
      items: ids(req.query, 'serviceIds')
        .filter((id) => lookups.service(id))
        .map(view),
    },
  }));
  sim.route('PUT', '/boss/services/:id/spend-limits', 'setSpendLimits', (req) => {
    const service = lookups.service(req.params.id);
    if (!service) return notFoundResponse('no such service');
    const b = parseJson(req.body);
    const amount = (v: unknown) =>
      v === null || (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 100_000_000);
    if (!b || !amount(b.alertMinorUnits ?? null) || !amount(b.capMinorUnits ?? null))
      return badRequest('alertMinorUnits and capMinorUnits must be null or positive whole minor units');
    const alert = (b.alertMinorUnits ?? null) as number | null;
    const cap = (b.capMinorUnits ?? null) as number | null;
    if (alert !== null && cap !== null && alert > cap)
      return {
        status: 422,
        body: { error: 'rejected', reason: 'The alert threshold must not exceed the cap' },
      };
    const previous = limits.get(service.id);
    limits.set(service.id, {
      alertMinorUnits: alert,
      capMinorUnits: cap,
      setBy: typeof b.setBy === 'string' ? b.setBy : null,
      // A new threshold may alert again this month; the same one does not.
      alertedFor: previous?.alertMinorUnits === alert ? previous.alertedFor : null,
    });
    checkAlert(service);
    return { status: 200, body: view(service.id) };
  });

  // The network's charging: a chargeable usage rated now, refused once the service's cap is reached.
  sim.route('POST', '/boss/_control/usage', '', (req) => {
    const b = parseJson(req.body);
    const service = lookups.service(String(b?.serviceId));
    if (!service) return notFoundResponse('no such service');
    const charge = b?.charge;
    if (typeof charge !== 'number' || !Number.isInteger(charge) || charge < 0)
      return badRequest('charge must be whole minor units');
    const cap = limits.get(service.id)?.capMinorUnits ?? null;
    if (cap !== null && charged(service.id) + charge > cap)
      return {
        status: 422,
        body: { error: 'rejected', reason: 'Spend cap reached: chargeable usage is barred', barred: true },
      };
    const list = world.usage.get(service.id) ?? [];
    const record: UsageRecord = {
      id: `U-${service.id}-live-${list.length + 1}`,
      serviceId: service.id,
      start: Date.now(),
      kind: 'VOICE',
      direction: 'OUT',
      counterpart: null,
      durationSec: 60,
      volumeKb: 0,
      answered: true,
      charge,
    };
    world.usage.set(service.id, [...list, record]);
    checkAlert(service);
    return { status: 201, body: record };
  });
}
