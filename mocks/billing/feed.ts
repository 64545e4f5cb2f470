import type { EventLog } from '../common/event-log';
import { Simulator, badRequest, notFoundResponse, parseJson } from '../common/sim-server';
import type { Account, Bill, SeedWorld } from '../seed/types';

/** The BOSS billing journal (GET /boss/events): bills issued and payments settled, in order. */
export type BillingLogEntry =
  | { type: 'bill.issued'; billId: string; accountId: string; customerId: string; period: string }
  | {
      type: 'payment.settled';
      paymentId: string;
      billId: string;
      accountId: string;
      customerId: string;
      /** The user who paid online, when the payment came through self-service. */
      paidBy: string | null;
      /** Paid through self-service (a user named), not collected by BOSS itself (direct debit). */
      online: boolean;
    }
  | {
      /** A service's spend this month crossed the alert threshold set in self-care (once a month). */
      type: 'spend.alert';
      serviceId: string;
      accountId: string;
      customerId: string;
      thresholdMinorUnits: number;
      chargedMinorUnits: number;
      /** The user who set the threshold, told of it. */
      setBy: string | null;
    };

const DAY = 86_400_000;

/** "YYYY-MM" of a bill, from its period start. */
export const periodOf = (bill: Pick<Bill, 'periodStart'>): string => bill.periodStart.slice(0, 7);

/**
 * The billing run, for tests and demos: `POST /boss/_control/bills {accountId, period?}` issues a
 * bill of the account's monthly fees for a period ("YYYY-MM", default the current month), once
 * per account and period.
 */
export function billingControls(
  sim: Simulator,
  world: SeedWorld,
  log: EventLog<BillingLogEntry>,
  issue: (bill: Bill) => void,
  accountOf: (id: string) => Account | undefined,
): void {
  sim.route('POST', '/boss/_control/bills', '', (req) => {
    const b = parseJson(req.body);
    const account = accountOf(String(b?.accountId));
    if (!account) return notFoundResponse('no such account');
    const now = new Date();
    const period = typeof b?.period === 'string' ? b.period : now.toISOString().slice(0, 7);
    const match = /^(\d{4})-(\d{2})$/.exec(period);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return badRequest('period must be YYYY-MM');
    const start = Date.UTC(Number(match[1]), Number(match[2]) - 1, 1);
    const end = Date.UTC(Number(match[1]), Number(match[2]), 1);
    const id = `BILL-${account.id.slice(4)}-${period.replace('-', '')}`;
    if (world.bills.some((x) => x.id === id))
      return {
        status: 409,
        body: { error: 'conflict', message: 'A bill for this period was issued already' },
      };
    const items = world.services
      .filter((s) => s.accountId === account.id)
      .flatMap((s) => {
        const offering = world.offerings.find((o) => o.id === s.offeringId);
        const fee = offering?.prices.find((p) => p.type === 'RECURRING')?.amount ?? 0;
        return fee
          ? [{ serviceId: s.id, description: `${offering?.name ?? 'Service'} monthly fee`, amount: fee }]
          : [];
      });
    const amountDue = items.reduce((sum, i) => sum + i.amount, 0);
    const bill: Bill = {
      id,
      accountId: account.id,
      periodStart: new Date(start).toISOString(),
      periodEnd: new Date(end - 1).toISOString(),
      issueDate: now.toISOString(),
      dueDate: new Date(now.getTime() + 18 * DAY).toISOString(),
      state: amountDue > 0 ? 'sent' : 'settled',
      amountDue,
      paidAmount: 0,
      currency: 'EUR',
      items,
    };
    issue(bill);
    log.append({
      type: 'bill.issued',
      billId: bill.id,
      accountId: account.id,
      customerId: account.customerId,
      period: periodOf(bill),
    });
    return { status: 201, body: bill };
  });
}
