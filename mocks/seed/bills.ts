import { DAY, iso, type SeedBuilder } from './builder';
import type { Bill, Service } from './types';

/** Three closed monthly bills per postpaid account, each the sum of recurring fees and rated usage. */
export function generateBills({ world, now }: SeedBuilder): void {
  const servicesByAccount = new Map<string, Service[]>();
  for (const s of world.services) {
    const list = servicesByAccount.get(s.accountId) ?? [];
    list.push(s);
    servicesByAccount.set(s.accountId, list);
  }
  const current = new Date(now);
  for (const account of world.accounts) {
    if (account.billingMode !== 'POSTPAID') continue;
    const services = servicesByAccount.get(account.id) ?? [];
    for (let back = 3; back >= 1; back--) {
      const start = Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - back, 1);
      const end = Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - back + 1, 1);
      const items = [];
      for (const s of services) {
        const offering = world.offerings.find((o) => o.id === s.offeringId);
        const fee = offering?.prices.find((p) => p.type === 'RECURRING')?.amount ?? 0;
        if (fee)
          items.push({
            serviceId: s.id,
            description: `${offering?.name ?? 'Service'} monthly fee`,
            amount: fee,
          });
        const used = (world.usage.get(s.id) ?? [])
          .filter((u) => u.start >= start && u.start < end)
          .reduce((sum, u) => sum + u.charge, 0);
        if (used) items.push({ serviceId: s.id, description: 'Usage charges', amount: used });
      }
      const amountDue = items.reduce((sum, i) => sum + i.amount, 0);
      const period = new Date(start).toISOString().slice(0, 7).replace('-', '');
      const settled = back > 1;
      const bill: Bill = {
        id: `BILL-${account.id.slice(4)}-${period}`,
        accountId: account.id,
        periodStart: iso(start),
        periodEnd: iso(end - 1),
        issueDate: iso(end + 2 * DAY),
        dueDate: iso(end + 20 * DAY),
        state: settled ? 'settled' : 'sent',
        amountDue,
        paidAmount: settled ? amountDue : 0,
        currency: 'EUR',
        items,
      };
      world.bills.push(bill);
    }
  }
}
