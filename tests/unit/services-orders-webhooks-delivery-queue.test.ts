import type { Database } from '../../lib/store/database';
import { DeliveryQueue, type NewDelivery } from '../../subgraphs/orders/services/webhooks/delivery-queue';
import type { CloudEvent } from '../../subgraphs/orders/services/webhooks/models';
import type { ScratchDatabase } from '../../system/kit/scratch-database';
import { emptyWebhookTables, insertSubscription, webhooksDatabase } from '../support/webhooks-db';

/**
 * R4: the durable queue of webhook deliveries, on a real PostgreSQL scratch schema (its logic is
 * SQL: ordering per subscription, leases, retries, dead letters, the final `ends` event).
 */
let scratch: ScratchDatabase;
let db: Database;
let queue: DeliveryQueue;
beforeAll(async () => {
  scratch = await webhooksDatabase();
  db = scratch.db;
  queue = new DeliveryQueue(db);
});
afterAll(async () => {
  await scratch.drop();
});
beforeEach(async () => {
  await emptyWebhookTables(db);
});

const event = (id: string, time = '2026-11-30T10:00:00.000Z'): CloudEvent => ({
  specversion: '1.0',
  id,
  source: 'urn:ssm:orders',
  type: 'org.ssm.order.state-changed',
  time,
  subject: 'O-1',
  datacontenttype: 'application/json',
  data: { orderId: 'O-1', state: 'inProgress' },
});

const delivery = (subscriptionId: string, id: string, position: number | null = null): NewDelivery => ({
  subscriptionId,
  position,
  payload: event(id),
});

const rowsOf = (subscriptionId: string) =>
  db.query<{ event_id: string; position: string; state: string; last_error: string | null; type: string }>(
    `SELECT event_id, position, state, last_error, type FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY id`,
    [subscriptionId],
  );

describe('enqueue', () => {
  it('R4: queues one delivery per subscription and event, a second copy of the event is left alone', async () => {
    await insertSubscription(db, 'ES-1');
    await insertSubscription(db, 'ES-2');
    expect(await queue.enqueue([delivery('ES-1', 'E-1', 7), delivery('ES-2', 'E-1', 7)])).toBe(2);
    expect(await queue.enqueue([delivery('ES-1', 'E-1', 7), delivery('ES-1', 'E-2', 8)])).toBe(1);
    expect(await rowsOf('ES-1')).toEqual([
      {
        event_id: 'E-1',
        position: '7',
        state: 'pending',
        last_error: null,
        type: 'org.ssm.order.state-changed',
      },
      {
        event_id: 'E-2',
        position: '8',
        state: 'pending',
        last_error: null,
        type: 'org.ssm.order.state-changed',
      },
    ]);
    expect(await queue.pendingCount('ES-1')).toBe(2);
    expect(await queue.pendingCount('ES-2')).toBe(1);
  });

  it('R4: an event without an outbox position goes after everything queued for the subscription', async () => {
    await insertSubscription(db, 'ES-1');
    await queue.enqueue([delivery('ES-1', 'E-1', 41)]);
    await queue.enqueue([delivery('ES-1', 'E-2')]);
    await insertSubscription(db, 'ES-2');
    await queue.enqueue([delivery('ES-2', 'E-3')]);
    expect((await rowsOf('ES-1')).map((r) => r.position)).toEqual(['41', '42']);
    expect((await rowsOf('ES-2')).map((r) => r.position)).toEqual(['1']);
  });

  it('queues nothing and touches no database for an empty list', async () => {
    const closed = new DeliveryQueue({
      query: async () => {
        throw new Error('no database');
      },
      transaction: async () => {
        throw new Error('no database');
      },
      close: async () => undefined,
    });
    await expect(closed.enqueue([])).resolves.toBe(0);
  });
});

describe('claimDue', () => {
  it('R4: claims with what sending needs, counts the attempt and holds a lease', async () => {
    await insertSubscription(db, 'ES-1', { sink: 'https://a.example/hook', credential: 'tok' });
    await queue.enqueue([delivery('ES-1', 'E-1', 1)]);
    const [job, ...rest] = await queue.claimDue(10, 60_000);
    expect(rest).toEqual([]);
    expect(job).toEqual({
      id: expect.any(String),
      subscriptionId: 'ES-1',
      eventId: 'E-1',
      payload: event('E-1'),
      attempts: 1,
      sink: 'https://a.example/hook',
      credential: 'tok',
      secret: 'secret-ES-1',
    });
    expect(typeof job.id).toBe('string');
    // Leased: nobody else claims it until the lease runs out.
    expect(await queue.claimDue(10, 60_000)).toEqual([]);
  });

  it('R4: a lease that ran out is claimed again, as the next attempt', async () => {
    await insertSubscription(db, 'ES-1');
    await queue.enqueue([delivery('ES-1', 'E-1', 1)]);
    expect((await queue.claimDue(10, 1)).map((j) => j.attempts)).toEqual([1]);
    await new Promise((r) => setTimeout(r, 20));
    expect((await queue.claimDue(10, 60_000)).map((j) => j.attempts)).toEqual([2]);
  });

  it("R4: one subscription's deliveries go one at a time in position order; others go alongside", async () => {
    await insertSubscription(db, 'ES-1');
    await insertSubscription(db, 'ES-2');
    await queue.enqueue([delivery('ES-1', 'E-2', 2), delivery('ES-1', 'E-1', 1), delivery('ES-2', 'E-9', 5)]);
    const first = await queue.claimDue(10, 60_000);
    expect(first.map((j) => j.eventId).sort()).toEqual(['E-1', 'E-9']);
    await queue.delivered(first.find((j) => j.eventId === 'E-1')?.id as string);
    expect((await queue.claimDue(10, 60_000)).map((j) => j.eventId)).toEqual(['E-2']);
    expect(await queue.pendingCount('ES-1')).toBe(1);
  });

  it('claims at most `limit` deliveries', async () => {
    for (const id of ['ES-1', 'ES-2', 'ES-3']) {
      await insertSubscription(db, id);
      await queue.enqueue([delivery(id, 'E-1', 1)]);
    }
    expect(await queue.claimDue(2, 60_000)).toHaveLength(2);
    expect(await queue.claimDue(2, 60_000)).toHaveLength(1);
  });

  it('R4: a failed attempt waits for its retry time, and its successor waits behind it', async () => {
    await insertSubscription(db, 'ES-1');
    await queue.enqueue([delivery('ES-1', 'E-1', 1), delivery('ES-1', 'E-2', 2)]);
    const [job] = await queue.claimDue(10, 60_000);
    await queue.failed(job.id, 'HTTP 500', 60_000);
    expect(await queue.claimDue(10, 60_000)).toEqual([]);
    expect(await rowsOf('ES-1')).toMatchObject([
      { state: 'pending', last_error: 'HTTP 500' },
      { state: 'pending' },
    ]);
  });

  it('R4: a failed attempt due again at once is claimed again', async () => {
    await insertSubscription(db, 'ES-1');
    await queue.enqueue([delivery('ES-1', 'E-1', 1)]);
    const [job] = await queue.claimDue(10, 60_000);
    await queue.failed(job.id, 'HTTP 503', 0);
    expect((await queue.claimDue(10, 60_000)).map((j) => [j.eventId, j.attempts])).toEqual([['E-1', 2]]);
  });

  it('R4: a dead delivery lets the next one go and shows as a dead letter', async () => {
    await insertSubscription(db, 'ES-1');
    await queue.enqueue([delivery('ES-1', 'E-1', 1), delivery('ES-1', 'E-2', 2)]);
    const [job] = await queue.claimDue(10, 60_000);
    await queue.failed(job.id, 'no answer within 5000 ms', null);
    expect((await queue.claimDue(10, 60_000)).map((j) => j.eventId)).toEqual(['E-2']);
    expect(await queue.deadLetters('ES-1', 10)).toEqual([
      {
        eventId: 'E-1',
        type: 'org.ssm.order.state-changed',
        time: '2026-11-30T10:00:00.000Z',
        attempts: 1,
        lastError: 'no answer within 5000 ms',
      },
    ]);
    // Settled deliveries stay as they are.
    await queue.delivered(job.id);
    await queue.failed(job.id, 'late', 0);
    expect((await rowsOf('ES-1'))[0]).toMatchObject({
      state: 'dead',
      last_error: 'no answer within 5000 ms',
    });
  });

  it('R4: a delivered delivery is settled and its error forgotten', async () => {
    await insertSubscription(db, 'ES-1');
    await queue.enqueue([delivery('ES-1', 'E-1', 1)]);
    let [job] = await queue.claimDue(10, 60_000);
    await queue.failed(job.id, 'HTTP 500', 0);
    [job] = await queue.claimDue(10, 60_000);
    await queue.delivered(job.id);
    expect(await rowsOf('ES-1')).toMatchObject([{ state: 'delivered', last_error: null }]);
    await queue.failed(job.id, 'late', null);
    expect(await rowsOf('ES-1')).toMatchObject([{ state: 'delivered', last_error: null }]);
    expect(await queue.pendingCount('ES-1')).toBe(0);
  });

  it('R4: a deleted or expired subscription gets nothing but its ends event', async () => {
    await insertSubscription(db, 'ES-1', { deletedAt: '2026-01-01T00:00:00Z' });
    await insertSubscription(db, 'ES-2', { expiresAt: '2026-01-01T00:00:00Z' });
    await insertSubscription(db, 'ES-3', { expiresAt: '2999-01-01T00:00:00Z' });
    await queue.enqueue([delivery('ES-1', 'E-1', 1), delivery('ES-2', 'E-1', 1), delivery('ES-3', 'E-1', 1)]);
    expect((await queue.claimDue(10, 60_000)).map((j) => j.subscriptionId)).toEqual(['ES-3']);
    await db.transaction((tx) => queue.end(tx, 'ES-1', 'SUBSCRIPTION_DELETED'));
    expect((await queue.claimDue(10, 60_000)).map((j) => [j.subscriptionId, j.eventId])).toEqual([
      ['ES-1', 'ES-1:ends'],
    ]);
  });
});

describe('end', () => {
  it('R4: gives up what was pending and queues the ends event last, once', async () => {
    await insertSubscription(db, 'ES-1');
    await queue.enqueue([delivery('ES-1', 'E-1', 5)]);
    const before = Date.now();
    await db.transaction((tx) => queue.end(tx, 'ES-1', 'SUBSCRIPTION_DELETED'));
    await db.transaction((tx) => queue.end(tx, 'ES-1', 'SUBSCRIPTION_DELETED'));
    expect(await rowsOf('ES-1')).toEqual([
      {
        event_id: 'E-1',
        position: '5',
        state: 'dead',
        last_error: 'subscription deleted',
        type: 'org.ssm.order.state-changed',
      },
      {
        event_id: 'ES-1:ends',
        position: '6',
        state: 'pending',
        last_error: null,
        type: 'org.ssm.subscription.ends',
      },
    ]);
    const [job] = await queue.claimDue(10, 60_000);
    expect(job.payload).toEqual({
      specversion: '1.0',
      id: 'ES-1:ends',
      source: 'urn:ssm:orders',
      type: 'org.ssm.subscription.ends',
      time: expect.any(String),
      subject: 'ES-1',
      datacontenttype: 'application/json',
      data: { subscriptionId: 'ES-1', terminationReason: 'SUBSCRIPTION_DELETED' },
    });
    expect(Date.parse(job.payload.time)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(job.payload.time)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('R4: ends every expired subscription once, giving up its deliveries as expired', async () => {
    await insertSubscription(db, 'ES-1', { expiresAt: '2026-01-01T00:00:00Z' });
    await insertSubscription(db, 'ES-2', { expiresAt: '2999-01-01T00:00:00Z' });
    await insertSubscription(db, 'ES-3');
    await insertSubscription(db, 'ES-4', {
      expiresAt: '2026-01-01T00:00:00Z',
      deletedAt: '2026-01-01T00:00:00Z',
    });
    await queue.enqueue([delivery('ES-1', 'E-1', 1)]);
    expect(await queue.endExpired()).toBe(1);
    expect(await queue.endExpired()).toBe(0);
    expect((await rowsOf('ES-1')).map((r) => [r.event_id, r.state, r.last_error])).toEqual([
      ['E-1', 'dead', 'subscription expired'],
      ['ES-1:ends', 'pending', null],
    ]);
    const [job] = await queue.claimDue(10, 60_000);
    expect(job.payload.data).toEqual({ subscriptionId: 'ES-1', terminationReason: 'SUBSCRIPTION_EXPIRED' });
    expect(await rowsOf('ES-2')).toEqual([]);
    expect(await rowsOf('ES-4')).toEqual([]);
  });
});

describe('deadLetters', () => {
  it('R4: lists dead deliveries newest first, at most `limit`, of this subscription only', async () => {
    await insertSubscription(db, 'ES-1');
    await insertSubscription(db, 'ES-2');
    await queue.enqueue([
      { subscriptionId: 'ES-1', position: 1, payload: event('E-1', '2026-11-30T10:00:01.000Z') },
      { subscriptionId: 'ES-1', position: 2, payload: event('E-2', '2026-11-30T10:00:02.000Z') },
      { subscriptionId: 'ES-1', position: 3, payload: event('E-3', '2026-11-30T10:00:03.000Z') },
      delivery('ES-2', 'E-1', 1),
    ]);
    await db.transaction((tx) => queue.end(tx, 'ES-2', 'SUBSCRIPTION_DELETED'));
    for (let n = 0; n < 3; n++) {
      const [job] = (await queue.claimDue(10, 60_000)).filter((j) => j.subscriptionId === 'ES-1');
      await queue.failed(job.id, `error ${n}`, null);
    }
    expect(await queue.deadLetters('ES-1', 2)).toEqual([
      {
        eventId: 'E-3',
        type: 'org.ssm.order.state-changed',
        time: '2026-11-30T10:00:03.000Z',
        attempts: 1,
        lastError: 'error 2',
      },
      {
        eventId: 'E-2',
        type: 'org.ssm.order.state-changed',
        time: '2026-11-30T10:00:02.000Z',
        attempts: 1,
        lastError: 'error 1',
      },
    ]);
    expect((await queue.deadLetters('ES-2', 10)).map((d) => [d.eventId, d.attempts])).toEqual([['E-1', 0]]);
  });
});

describe('payloads stored as text', () => {
  // Some drivers hand jsonb back as text; the queue parses it either way.
  const textDb = (rows: Record<string, unknown>[]): Database => ({
    query: async <T>() => rows as T[],
    transaction: async () => {
      throw new Error('not used');
    },
    close: async () => undefined,
  });

  it('parses a payload that comes back as JSON text', async () => {
    const payload = JSON.stringify(event('E-1'));
    const text = new DeliveryQueue(
      textDb([
        {
          id: 7,
          subscription_id: 'ES-1',
          event_id: 'E-1',
          type: 'org.ssm.order.state-changed',
          payload,
          attempts: 3,
          sink: 's',
          credential: null,
          secret: 'x',
          last_error: null,
        },
      ]),
    );
    expect((await text.claimDue(1, 1))[0]).toMatchObject({ id: '7', payload: event('E-1'), attempts: 3 });
    expect((await text.deadLetters('ES-1', 1))[0].time).toBe('2026-11-30T10:00:00.000Z');
  });
});
