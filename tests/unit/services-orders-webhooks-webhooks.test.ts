import type { Unsubscribe } from '../../lib/events/bus';
import { MemoryEventBus, type EventBus } from '../../lib/events/bus';
import type { DomainEvent } from '../../lib/events/event';
import { MemoryStore } from '../../lib/kv';
import type { Database } from '../../lib/store/database';
import type { OrderModel } from '../../legacy/ibss/models';
import { DeliveryQueue } from '../../subgraphs/orders/services/webhooks/delivery-queue';
import { SubscriptionStore } from '../../subgraphs/orders/services/webhooks/subscription-store';
import { WEBHOOK_GROUP, createWebhooks } from '../../subgraphs/orders/services/webhooks/webhooks';
import { order } from '../support/orders-fakes';
import { levelLogger } from '../support/webhooks-fakes';

/**
 * R4: how one orders process wires partner webhooks: the fan-in joins the bus's `webhooks`
 * group and wakes the dispatcher when it queued something; stop leaves nothing running. The
 * database is a fake that answers by statement, so what each part asked of it can be counted.
 */
function fakeDatabase(recipients: { id: string; partner_id: string; types: string[] }[]) {
  const statements: string[] = [];
  const kindOf = (sql: string): string => {
    if (sql.includes('SELECT s.id FROM event_subscriptions')) return 'endExpired';
    if (sql.includes('UPDATE webhook_deliveries d')) return 'claimDue';
    if (sql.includes('SELECT s.id, s.partner_id, s.types')) return 'recipients';
    if (sql.includes('FROM domain_events')) return 'position';
    if (sql.includes('INSERT INTO webhook_deliveries')) return 'enqueue';
    return sql;
  };
  const db: Database = {
    query: async <T>(sql: string) => {
      const kind = kindOf(sql);
      statements.push(kind);
      if (kind === 'recipients') return recipients as unknown as T[];
      if (kind === 'enqueue') return [{ id: 1 }] as T[];
      return [] as T[];
    },
    transaction: async (fn) => fn(db),
    close: async () => undefined,
  };
  return { db, statements };
}

const event: DomainEvent = {
  id: 'EV-1',
  type: 'order.state-changed',
  time: '2026-11-30T10:00:00.000Z',
  source: 'orders',
  customerId: 'C-1',
  accountId: 'A-1',
  subjectId: 'O-1',
  partnerId: 'P-1',
  recipients: [],
  data: { state: 'inProgress' },
};

const ibss = {
  getOrders: async (ids: string[]) =>
    ids.map((id) => ({
      ...order(id),
      items: [{ id: 'I-1', offeringId: 'TV', serviceId: 'S-1', partnerId: 'P-1' }],
    })) as OrderModel[],
};
const catalogue = { getOfferings: async () => [] };

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const settle10 = () => new Promise((resolve) => setTimeout(resolve, 10));
const count = (statements: string[], kind: string) => statements.filter((s) => s === kind).length;

function runtime(
  recipients: { id: string; partner_id: string; types: string[] }[],
  bus: EventBus = new MemoryEventBus(),
  pollIntervalMs = 60_000,
) {
  const { db, statements } = fakeDatabase(recipients);
  const { lines, logger } = levelLogger();
  const webhooks = createWebhooks(
    { db, bus, store: new MemoryStore(), webhooks: { pollIntervalMs } },
    ibss,
    catalogue,
    logger,
  );
  return { webhooks, statements, lines, bus };
}

it('R4: the service holds the store, the queue and the https rule of the settings', () => {
  const { db } = fakeDatabase([]);
  const base = { db, bus: new MemoryEventBus(), store: new MemoryStore() };
  const { logger } = levelLogger();
  const plain = createWebhooks(base, ibss, catalogue, logger);
  expect(plain.service.subscriptions).toBeInstanceOf(SubscriptionStore);
  expect(plain.service.queue).toBeInstanceOf(DeliveryQueue);
  expect(plain.service.httpsOnly).toBe(false);
  expect(
    createWebhooks({ ...base, webhooks: { httpsOnly: true } }, ibss, catalogue, logger).service.httpsOnly,
  ).toBe(true);
});

it("R4: start joins the bus's webhooks group and runs the dispatcher; a queued delivery wakes it", async () => {
  const { webhooks, statements, bus } = runtime([
    { id: 'ES-1', partner_id: 'P-1', types: ['org.ssm.order.state-changed'] },
  ]);
  const consume = jest.spyOn(bus, 'consume');
  webhooks.start();
  await settle();
  expect(WEBHOOK_GROUP).toBe('webhooks');
  expect(consume).toHaveBeenCalledWith('webhooks', expect.any(Function));
  expect(count(statements, 'claimDue')).toBe(1);
  await bus.publish([event]);
  await settle();
  expect(count(statements, 'enqueue')).toBe(1);
  expect(count(statements, 'claimDue')).toBe(2);
  await webhooks.stop();
  // Stopped: left the group, and the dispatcher no longer runs.
  await bus.publish([{ ...event, id: 'EV-2' }]);
  await settle();
  expect(count(statements, 'enqueue')).toBe(1);
  expect(count(statements, 'claimDue')).toBe(2);
});

it('R4: an event that queues nothing does not wake the dispatcher', async () => {
  const { webhooks, statements, bus } = runtime([]);
  webhooks.start();
  await settle();
  await bus.publish([event]);
  await settle();
  expect(count(statements, 'recipients')).toBe(1);
  expect(count(statements, 'claimDue')).toBe(1);
  await webhooks.stop();
});

it('R4: a bus it cannot join is logged; the dispatcher runs and stops all the same', async () => {
  const failure = new Error('redis down');
  const bus = new MemoryEventBus();
  bus.consume = async (): Promise<Unsubscribe> => {
    throw failure;
  };
  const { webhooks, statements, lines } = runtime([], bus);
  webhooks.start();
  await settle();
  expect(lines).toEqual([['error', { err: failure }, 'webhook fan-in could not join the event bus']]);
  expect(count(statements, 'claimDue')).toBe(1);
  await expect(webhooks.stop()).resolves.toBeUndefined();
});

it('R4: the dispatcher polls at the configured interval until stop', async () => {
  const { webhooks, statements } = runtime([], new MemoryEventBus(), 20);
  webhooks.start();
  // Waits for three polls (with a deadline: the machine may be busy), then stops.
  for (let waited = 0; count(statements, 'claimDue') < 3 && waited < 3_000; waited += 10) await settle10();
  await webhooks.stop();
  const polled = count(statements, 'claimDue');
  expect(polled).toBeGreaterThanOrEqual(3);
  await new Promise((resolve) => setTimeout(resolve, 80));
  expect(count(statements, 'claimDue')).toBe(polled);
});

it('stops cleanly when it was never started', async () => {
  const { webhooks } = runtime([]);
  await expect(webhooks.stop()).resolves.toBeUndefined();
});
