import { randomUUID } from 'node:crypto';
import { MemoryEventBus, type EventBus } from '../../lib/events/bus';
import { createEventBus } from '../../lib/events/create';
import { domainEvent, type DomainEvent } from '../../lib/events/event';
import { EventOutbox } from '../../lib/events/outbox';
import { RedisEventBus } from '../../lib/events/redis-bus';
import { RedisStore } from '../../lib/kv';
import { migrate } from '../../lib/store/migrations';
import { startPrivateRedis, startRedisCluster, type PrivateRedisCluster } from '../support/redis-servers';
import { testDatabase } from '../support/system';

const sharedRedis = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two handles on one bus, as two processes of a deployment have. */
interface BusPair {
  a: EventBus;
  b: EventBus;
  close(): Promise<void>;
}

const orderEvent = (n: number): DomainEvent =>
  domainEvent({
    type: 'order.state-changed',
    source: 'test',
    customerId: 'c-1',
    subjectId: `order-${n}`,
    data: { state: 'inProgress' },
  });

/** Waits until `done()` holds (a test's own timeout ends a wait that never ends). */
async function until(done: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The behaviour every EventBus promises (lib/events/bus.ts), whatever carries it. */
function busContract(kind: string, open: () => Promise<BusPair>): void {
  describe(`event bus contract: ${kind}`, () => {
    let pair: BusPair;
    beforeEach(async () => {
      pair = await open();
    });
    afterEach(async () => {
      await pair.close();
    });

    it('F9: a follower sees each event published after it started, in order, once', async () => {
      await pair.a.publish([orderEvent(0)]);
      const seen: string[] = [];
      await pair.a.follow((e) => {
        seen.push(e.subjectId);
      });
      const events = [1, 2, 3, 4, 5].map(orderEvent);
      await pair.a.publish(events.slice(0, 3));
      // The outbox republishes a batch it could not mark published: a second copy of an id.
      await pair.a.publish([events[2], events[3]]);
      await pair.a.publish([events[4]]);
      await until(() => seen.includes('order-5'), 'order-5');
      expect(seen).toEqual(['order-1', 'order-2', 'order-3', 'order-4', 'order-5']);
    });

    it('F9: followers in two processes both see every event, whichever process published it', async () => {
      const seenA: string[] = [];
      const seenB: string[] = [];
      await pair.a.follow((e) => {
        seenA.push(e.subjectId);
      });
      await pair.b.follow((e) => {
        seenB.push(e.subjectId);
      });
      const expected: string[] = [];
      for (let n = 1; n <= 10; n++) {
        await (n % 2 ? pair.a : pair.b).publish([orderEvent(n)]);
        expected.push(`order-${n}`);
      }
      await until(() => seenA.length >= 10 && seenB.length >= 10, 'ten events at both');
      expect(seenA).toEqual(expected);
      expect(seenB).toEqual(expected);
    });

    it('F9: a consumer group gives each event to exactly one of its members across processes', async () => {
      const handled: { member: string; subject: string }[] = [];
      const other: string[] = [];
      const member = (name: string) => async (e: DomainEvent) => {
        handled.push({ member: name, subject: e.subjectId });
      };
      await pair.a.consume('notifier', member('a'));
      await pair.b.consume('notifier', member('b'));
      await pair.a.consume('webhooks', async (e) => {
        other.push(e.subjectId);
      });
      const expected = Array.from({ length: 30 }, (_, i) => `order-${i + 1}`);
      await pair.a.publish(expected.map((_, i) => orderEvent(i + 1)));
      await until(() => handled.length >= 30 && other.length >= 30, 'thirty events in both groups');
      // Publish a last one and wait for it: a duplicate would have arrived before it.
      await pair.b.publish([orderEvent(31)]);
      await until(
        () => handled.some((h) => h.subject === 'order-31') && other.includes('order-31'),
        'order-31 in both groups',
      );
      const all = [...expected, 'order-31'].sort();
      expect(handled.map((h) => h.subject).sort()).toEqual(all);
      // Another group gets every event too.
      expect([...other].sort()).toEqual(all);
    });

    it('F9: a consumer handles events of different subjects side by side, those of one subject in order', async () => {
      const log: string[] = [];
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const step = (n: number) =>
        domainEvent({ ...orderEvent(1), id: randomUUID(), data: { state: `step-${n}` } });
      await pair.a.consume('lanes', async (e) => {
        const name = `${e.subjectId}/${String(e.data.state)}`;
        log.push(`start ${name}`);
        // The first event of order-1 is slow: order-1's next waits for it, order-2 does not.
        if (name === 'order-1/step-1') await held;
        log.push(`end ${name}`);
      });
      await pair.a.publish([step(1), orderEvent(2), step(2)]);
      try {
        await until(() => log.includes('end order-2/inProgress'), 'order-2 handled', 5_000);
        expect(log).toEqual(['start order-1/step-1', 'start order-2/inProgress', 'end order-2/inProgress']);
      } finally {
        // Also when it failed: a handler held for ever would hold the bus's close.
        release();
      }
      await until(() => log.includes('end order-1/step-2'), 'order-1 step 2 handled');
      expect(log.slice(3)).toEqual(['end order-1/step-1', 'start order-1/step-2', 'end order-1/step-2']);
    });

    it('F9: a member that stopped handles nothing more, not even an event queued behind the one it was handling', async () => {
      const seen: string[] = [];
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const step = (n: number) =>
        domainEvent({ ...orderEvent(1), id: randomUUID(), data: { state: `step-${n}` } });
      const stop = await pair.a.consume('leaving', async (e) => {
        seen.push(String(e.data.state));
        if (e.data.state === 'step-1') await held;
      });
      await pair.a.publish([step(1), step(2)]);
      await until(() => seen.length === 1, 'step 1 started');
      const stopped = stop();
      release();
      await stopped;
      await new Promise((r) => setTimeout(r, 200));
      expect(seen).toEqual(['step-1']);
    });

    it('F9: an event whose handler throws is delivered again', async () => {
      const attempts = new Map<string, number>();
      await pair.a.consume(
        'flaky',
        async (e) => {
          const n = (attempts.get(e.subjectId) ?? 0) + 1;
          attempts.set(e.subjectId, n);
          if (e.subjectId === 'order-2' && n === 1) throw new Error('sink down');
        },
        { retryAfterMs: 100 },
      );
      await pair.a.publish([1, 2, 3].map(orderEvent));
      await until(() => attempts.get('order-2') === 2, 'the second attempt at order-2');
      await pair.a.publish([orderEvent(4)]);
      await until(() => attempts.has('order-4'), 'order-4');
      expect(Object.fromEntries(attempts)).toEqual({
        'order-1': 1,
        'order-2': 2,
        'order-3': 1,
        'order-4': 1,
      });
    });
  });
}

busContract('in-process (MemoryEventBus)', async () => {
  const bus = new MemoryEventBus();
  return { a: bus, b: bus, close: () => bus.close() };
});

busContract('Redis Streams (RedisEventBus) on the shared Redis', async () => {
  // Each test its own prefix: its own stream, nothing of another run's.
  const prefix = `bus-test:${randomUUID()}:`;
  const stores = [RedisStore.connect(sharedRedis, prefix), RedisStore.connect(sharedRedis, prefix)];
  const [a, b] = stores.map((s) => createEventBus(s));
  return {
    a,
    b,
    close: async () => {
      await Promise.all([a.close(), b.close()]);
      await stores[0].redis.del('events');
      await Promise.all(stores.map((s) => s.close()));
    },
  };
});

// The stream is one key, so one slot: the same bus works on a Redis Cluster (REDIS_CLUSTER_NODES).
let cluster: Promise<PrivateRedisCluster> | null = null;
afterAll(async () => {
  await (await cluster)?.stop();
});
busContract('Redis Streams (RedisEventBus) on a 3-master Redis Cluster', async () => {
  cluster ??= startRedisCluster();
  const { nodes } = await cluster;
  const prefix = `bus-test:${randomUUID()}:`;
  const stores = [RedisStore.connectCluster(nodes, prefix), RedisStore.connectCluster(nodes, prefix)];
  const [a, b] = stores.map((s) => createEventBus(s));
  return {
    a,
    b,
    close: async () => {
      await Promise.all([a.close(), b.close()]);
      await Promise.all(stores.map((s) => s.close()));
    },
  };
});

describe('event bus on Redis Streams: a Redis restart mid-stream', () => {
  it('createEventBus gives a Redis store the Redis Streams bus', async () => {
    const store = RedisStore.connect(sharedRedis, `bus-test:${randomUUID()}:`);
    const bus = createEventBus(store);
    expect(bus).toBeInstanceOf(RedisEventBus);
    await bus.close();
    await store.close();
  });

  it('F9: events published before, during (kept by the outbox) and after a restart all reach a follower and a consumer group, none twice', async () => {
    const redis = await startPrivateRedis();
    const database = await testDatabase();
    await migrate(database.db);
    const prefix = `bus-restart:${randomUUID()}:`;
    const store = RedisStore.connect(redis.url, prefix);
    const bus = createEventBus(store);
    const outbox = new EventOutbox(database.db, bus);
    outbox.start(100);
    try {
      const followed: string[] = [];
      const consumed = new Set<string>();
      await bus.follow((e) => {
        followed.push(e.subjectId);
      });
      await bus.consume('notifier', async (e) => {
        consumed.add(e.subjectId);
      });
      const unpublished = async () => {
        const [{ n }] = await database.db.query<{ n: string }>(
          'SELECT count(*) AS n FROM domain_events WHERE published_at IS NULL',
        );
        return Number(n);
      };
      const emit = (from: number, to: number) =>
        outbox.emit(Array.from({ length: to - from + 1 }, (_, i) => orderEvent(from + i)));

      await emit(1, 3);
      await until(() => followed.length >= 3 && consumed.size >= 3, 'the events before the restart');
      // The relay marks them published just after the bus took them.
      while ((await unpublished()) > 0) await new Promise((r) => setTimeout(r, 20));

      await redis.kill();
      // Recorded while Redis is down: the relay cannot publish them and keeps them.
      await emit(4, 6);
      expect(await unpublished()).toBe(3);
      await redis.restart();

      await until(() => followed.length >= 6, 'the events recorded while Redis was down');
      await emit(7, 9);
      await until(() => followed.length >= 9 && consumed.size >= 9, 'the events after the restart');
      // A last one: any duplicate of the earlier ones would have arrived before it.
      await emit(10, 10);
      await until(() => followed.includes('order-10'), 'order-10');

      const expected = Array.from({ length: 10 }, (_, i) => `order-${i + 1}`);
      expect(followed).toEqual(expected);
      await until(() => consumed.size >= 10, 'order-10 in the group');
      expect([...consumed].sort()).toEqual([...expected].sort());
    } finally {
      await outbox.stop();
      await bus.close();
      await store.close();
      await database.drop();
      await redis.stop();
    }
  }, 60_000);
});
