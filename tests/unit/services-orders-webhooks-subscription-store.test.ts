import type { Database } from '../../lib/store/database';
import { DeliveryQueue } from '../../subgraphs/orders/services/webhooks/delivery-queue';
import { SubscriptionStore } from '../../subgraphs/orders/services/webhooks/subscription-store';
import type { ScratchDatabase } from '../../system/kit/scratch-database';
import { emptyWebhookTables, insertSubscription, webhooksDatabase } from '../support/webhooks-db';

/**
 * R4: partners' event subscriptions on a real PostgreSQL scratch schema: every read and write is
 * the partner's own, deleting ends the subscription, and only live ones receive events.
 */
let scratch: ScratchDatabase;
let db: Database;
let store: SubscriptionStore;
beforeAll(async () => {
  scratch = await webhooksDatabase();
  db = scratch.db;
  store = new SubscriptionStore(db, new DeliveryQueue(db));
});
afterAll(async () => {
  await scratch.drop();
});
beforeEach(async () => {
  await emptyWebhookTables(db);
});

const STATE = 'org.ssm.order.state-changed';
const COMPLETED = 'org.ssm.order.completed';

describe('create', () => {
  it('R4: stores the subscription and hands out a fresh signing secret once', async () => {
    const before = Date.now();
    const created = await store.create({
      partnerId: 'P-1',
      types: ['ORDER_COMPLETED', 'ORDER_STATE_CHANGED'],
      sink: 'https://a.example/hook',
      credential: 'tok',
      expiresAt: new Date('2999-01-02T03:04:05.000Z'),
    });
    expect(created?.subscription).toEqual({
      id: expect.stringMatching(/^ES-[0-9a-f]{20}$/),
      partnerId: 'P-1',
      types: ['ORDER_COMPLETED', 'ORDER_STATE_CHANGED'],
      sink: 'https://a.example/hook',
      hasSinkCredential: true,
      expiresAt: '2999-01-02T03:04:05.000Z',
      createdAt: expect.any(String),
    });
    expect(Date.parse(created?.subscription.createdAt as string)).toBeGreaterThanOrEqual(before - 1000);
    expect(created?.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.query<{ types: string[]; credential: string; secret: string }>(
      'SELECT types, credential, secret FROM event_subscriptions',
    );
    expect(row).toEqual({ types: [COMPLETED, STATE], credential: 'tok', secret: created?.secret });

    const other = await store.create({
      partnerId: 'P-1',
      types: ['ORDER_STATE_CHANGED'],
      sink: 'https://b.example/hook',
      credential: null,
      expiresAt: null,
    });
    expect(other?.subscription).toMatchObject({ hasSinkCredential: false, expiresAt: null });
    expect(other?.subscription.id).not.toBe(created?.subscription.id);
    expect(other?.secret).not.toBe(created?.secret);
  });

  it('R4: null for a second live subscription of the partner to the same sink; another partner may', async () => {
    const input = {
      partnerId: 'P-1',
      types: ['ORDER_STATE_CHANGED' as const],
      sink: 'https://a.example/hook',
      credential: null,
      expiresAt: null,
    };
    const first = await store.create(input);
    expect(await store.create(input)).toBeNull();
    expect(await store.create({ ...input, partnerId: 'P-2' })).not.toBeNull();
    await store.delete('P-1', first?.subscription.id as string);
    expect(await store.create(input)).not.toBeNull();
  });
});

describe('reads', () => {
  it("R4: lists the partner's own subscriptions not deleted, expired ones included, oldest first", async () => {
    await insertSubscription(db, 'ES-b', {
      createdAt: '2026-01-02T00:00:00Z',
      expiresAt: '2026-02-01T00:00:00Z',
    });
    await insertSubscription(db, 'ES-a', { createdAt: '2026-01-03T00:00:00Z' });
    await insertSubscription(db, 'ES-c', { createdAt: '2026-01-02T00:00:00Z' });
    await insertSubscription(db, 'ES-d', { deletedAt: '2026-01-05T00:00:00Z' });
    await insertSubscription(db, 'ES-x', { partnerId: 'P-2' });
    const list = await store.list('P-1');
    expect(list.map((s) => s.id)).toEqual(['ES-b', 'ES-c', 'ES-a']);
    expect(list[0]).toEqual({
      id: 'ES-b',
      partnerId: 'P-1',
      types: ['ORDER_STATE_CHANGED'],
      sink: 'https://sink.example/ES-b',
      hasSinkCredential: false,
      expiresAt: '2026-02-01T00:00:00.000Z',
      createdAt: '2026-01-02T00:00:00.000Z',
    });
  });

  it('R4: a type the API does not name (any more) is left out of the model', async () => {
    await insertSubscription(db, 'ES-1', { types: ['org.ssm.retired', COMPLETED] });
    expect((await store.get('P-1', 'ES-1'))?.types).toEqual(['ORDER_COMPLETED']);
  });

  it("R4: get answers null for another partner's, a deleted or an unknown subscription", async () => {
    await insertSubscription(db, 'ES-1', { credential: 'tok' });
    await insertSubscription(db, 'ES-2', { deletedAt: '2026-01-05T00:00:00Z' });
    expect(await store.get('P-1', 'ES-1')).toMatchObject({
      id: 'ES-1',
      partnerId: 'P-1',
      hasSinkCredential: true,
    });
    expect(await store.get('P-2', 'ES-1')).toBeNull();
    expect(await store.get('P-1', 'ES-2')).toBeNull();
    expect(await store.get('P-1', 'ES-9')).toBeNull();
  });
});

describe('delete', () => {
  it('R4: deletes and ends the subscription (its ends event is queued); only its own partner may', async () => {
    await insertSubscription(db, 'ES-1');
    expect(await store.delete('P-2', 'ES-1')).toBe(false);
    expect(await store.get('P-1', 'ES-1')).not.toBeNull();
    expect(await store.delete('P-1', 'ES-1')).toBe(true);
    expect(await store.get('P-1', 'ES-1')).toBeNull();
    expect(await store.delete('P-1', 'ES-1')).toBe(false);
    const deliveries = await db.query<{ event_id: string; type: string }>(
      'SELECT event_id, type FROM webhook_deliveries',
    );
    expect(deliveries).toEqual([{ event_id: 'ES-1:ends', type: 'org.ssm.subscription.ends' }]);
    const [ends] = await db.query<{ payload: { data: Record<string, string> } }>(
      'SELECT payload FROM webhook_deliveries',
    );
    expect(ends.payload.data.terminationReason).toBe('SUBSCRIPTION_DELETED');
  });
});

describe('recipients', () => {
  it('R4: live subscriptions of the partners that asked for any of the types, oldest first', async () => {
    await insertSubscription(db, 'ES-3', { createdAt: '2026-01-03T00:00:00Z', types: [COMPLETED] });
    await insertSubscription(db, 'ES-1', { createdAt: '2026-01-01T00:00:00Z', types: [STATE, COMPLETED] });
    await insertSubscription(db, 'ES-2', { createdAt: '2026-01-02T00:00:00Z', partnerId: 'P-2' });
    await insertSubscription(db, 'ES-4', { partnerId: 'P-3' });
    await insertSubscription(db, 'ES-5', { deletedAt: '2026-01-05T00:00:00Z' });
    await insertSubscription(db, 'ES-6', { expiresAt: '2026-01-05T00:00:00Z' });
    await insertSubscription(db, 'ES-7', { expiresAt: '2999-01-05T00:00:00Z' });
    expect(await store.recipients(['P-1', 'P-2'], [STATE])).toEqual([
      { id: 'ES-1', partnerId: 'P-1', types: [STATE, COMPLETED] },
      { id: 'ES-2', partnerId: 'P-2', types: [STATE] },
      { id: 'ES-7', partnerId: 'P-1', types: [STATE] },
    ]);
    expect((await store.recipients(['P-1'], [COMPLETED])).map((r) => r.id)).toEqual(['ES-1', 'ES-3']);
  });

  it('asks no database when no partner is named', async () => {
    const none = new SubscriptionStore(
      {
        query: async () => {
          throw new Error('no database');
        },
        transaction: async () => {
          throw new Error('no database');
        },
        close: async () => undefined,
      },
      new DeliveryQueue(db),
    );
    await expect(none.recipients([], [STATE])).resolves.toEqual([]);
  });
});
