import { HOUSEHOLD_ID } from './demo';
import { Random } from './random';
import type { SeedBuilder } from './builder';

/**
 * One deliberately wrong bill, so B4 (bill against recorded usage) has something to disagree
 * about: the household broadband's oldest bill charges more usage than BOSS recorded. It runs
 * last, on its own random stream, so every other generated value stays as it was.
 */
export function generateBillingDispute({ world }: SeedBuilder): void {
  const rnd = new Random(world.seed ^ 0x0b1_11b4);
  const broadband = world.services.find((s) => s.customerId === HOUSEHOLD_ID && s.type === 'BROADBAND');
  if (!broadband) return;
  const bill = world.bills
    .filter((b) => b.accountId === broadband.accountId)
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart))[0];
  if (!bill) return;
  const overcharge = rnd.int(100, 900);
  const item = bill.items.find((i) => i.serviceId === broadband.id && i.description === 'Usage charges');
  if (item) item.amount += overcharge;
  else bill.items.push({ serviceId: broadband.id, description: 'Usage charges', amount: overcharge });
  bill.amountDue += overcharge;
  if (bill.state === 'settled') bill.paidAmount = bill.amountDue;
}
