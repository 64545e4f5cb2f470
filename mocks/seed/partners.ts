import { DAY, iso, pad, type SeedBuilder } from './builder';
import { HOUSEHOLD_ID, NORTHWIND_ID, PREPAID_ID } from './demo';
import { Random } from './random';
import { addService } from './services';
import type { Customer, SeedOrder, Service, UsageRecord } from './types';

/** Subscriptions every partner has at least, whatever the size of the world. */
const MIN_SUBSCRIPTIONS = 4;
/** Past orders seeded per partner (each the order that added one of its subscriptions). */
const ORDERS_PER_PARTNER = 3;
/** The demo customers keep exactly the services their scenarios describe. */
const DEMO_CUSTOMERS = new Set([NORTHWIND_ID, HOUSEHOLD_ID, PREPAID_ID]);

/**
 * The partners' business in the demo world, so that every demo partner client (docs/partners.md)
 * has subscriptions and orders to see: each partner's products get at least MIN_SUBSCRIPTIONS
 * subscribers among the generated households (recent ones, with video usage since they started),
 * and the orders that added some of them are in the order system's history.
 *
 * Runs after everything else and draws from a random stream of its own: the rest of the world is
 * the same as without it (the seed stays deterministic, and nothing drawn earlier moves).
 */
export function generatePartnerBusiness(builder: SeedBuilder): void {
  const { world, now } = builder;
  const rnd = new Random(world.seed ^ 0x5eed_9a27);
  const own: SeedBuilder = { ...builder, rnd };
  const customers = new Map(world.customers.map((c) => [c.id, c]));
  const households = world.accounts.filter(
    (a) =>
      !DEMO_CUSTOMERS.has(a.customerId) &&
      a.billingMode === 'POSTPAID' &&
      customers.get(a.customerId)?.kind === 'PERSON',
  );
  if (!households.length) return;
  for (const partner of world.partners) {
    const offerings = world.offerings.filter(
      (o) => o.partnerId === partner.id && !o.isBundle && o.lifecycleStatus === 'ACTIVE',
    );
    if (!offerings.length) continue;
    const ids = new Set(offerings.map((o) => o.id));
    const subscribed = () =>
      world.services.filter((s) => ids.has(s.offeringId) && !DEMO_CUSTOMERS.has(s.customerId));
    for (let i = subscribed().length; i < MIN_SUBSCRIPTIONS; i++) {
      const account = rnd.pick(households);
      const customer = customers.get(account.customerId) as Customer;
      const offeringId = offerings[i % offerings.length].id;
      const service = addService(own, customer, account, 'IPTV', offeringId, customer.address.areaId);
      // Subscribed in the last weeks: not on any bill yet, with usage since the start.
      service.startDate = iso(now - rnd.int(3, 40) * DAY);
      addVideoUsage(own, service);
    }
    for (const service of subscribed().slice(0, ORDERS_PER_PARTNER))
      world.orders.push(originatingOrder(own, service));
  }
  // The order system hands out its ids in the order the orders came in.
  world.orders.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  world.orders.forEach((order, i) => {
    order.id = `PO-${pad(i + 1, 7)}`;
    order.requestId = `seed-${order.id}`;
    order.items.forEach((item) => (item.workOrderId = `WO-${pad(i + 1, 7)}-${item.id}`));
  });
}

/** The completed order that added `service`, placed on the day it started. */
function originatingOrder({ world }: SeedBuilder, service: Service): SeedOrder {
  const offering = world.offerings.find((o) => o.id === service.offeringId);
  const placed = Date.parse(service.startDate);
  return {
    id: '',
    requestId: '',
    customerId: service.customerId,
    accountId: service.accountId,
    state: 'completed',
    note: null,
    requestedBy: null,
    createdAt: iso(placed),
    completedAt: iso(placed + 3_600_000),
    items: [
      {
        id: '1',
        action: 'add',
        offeringId: service.offeringId,
        serviceId: service.id,
        parameters: {},
        callRestrictions: null,
        state: 'completed',
        workOrderId: '',
        providerKind: offering?.providerKind ?? null,
        failureReason: null,
      },
    ],
  };
}

/** A few viewing sessions between the service's start and now, numbered after the others. */
function addVideoUsage({ world, rnd, now }: SeedBuilder, service: Service): void {
  const start = Date.parse(service.startDate);
  const records: UsageRecord[] = [];
  const count = rnd.int(3, 8);
  for (let i = 0; i < count; i++)
    records.push({
      id: `UR-${pad(world.usageCount + i + 1, 8)}`,
      serviceId: service.id,
      start: start + rnd.int(0, Math.max(1, Math.floor((now - start) / 60_000))) * 60_000,
      kind: 'VIDEO',
      direction: 'OUT',
      counterpart: null,
      durationSec: rnd.int(600, 7200),
      volumeKb: rnd.int(100_000, 3_000_000),
      answered: true,
      charge: 0,
    });
  records.sort((a, b) => a.start - b.start);
  world.usage.set(service.id, records);
  world.usageCount += count;
}
