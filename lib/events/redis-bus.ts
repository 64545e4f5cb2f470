import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Cluster, Redis } from 'ioredis';
import { ConnectionState } from '../connection-state';
import { rootLogger, type Logger } from '../logger';
import { RecentIds, type EventBus, type Unsubscribe } from './bus';
import type { DomainEvent } from './event';
import { GroupConsumer } from './redis-group';
import {
  BLOCK_MS,
  EVENT_FIELD,
  backoff,
  compareIds,
  entriesOf,
  eventOf,
  pause,
  readerConnection,
  watched,
} from './redis-stream';

/** The stream keeps about this many entries (XADD MAXLEN ~): far more than a reader ever lags. */
const MAX_LENGTH = 100_000;
/** The stream goes after this long without an event (a day, as long as the outbox keeps events). */
const IDLE_EXPIRY_SECONDS = 24 * 60 * 60;
/** Entries one XREAD takes at most. */
const READ_COUNT = 500;

interface Follower {
  onEvent: (event: DomainEvent) => Promise<void> | void;
  /** The stream id current when it started following: it gets only entries after it. Null until known. */
  after: string | null;
  /** What the reader delivered before `after` was known. */
  early: [string, DomainEvent][];
  recent: RecentIds;
  chain: Promise<void>;
}

/**
 * The event bus on Redis Streams (issue 13), shared by every gateway and subgraph process of a
 * deployment: one stream, `<prefix>events`, on the store's Redis.
 *
 * - `publish` appends with XADD (a batch in one MULTI, in order) on the store's own client.
 * - `follow`: one reader connection per bus (per process) runs XREAD BLOCK and hands every entry to
 *   every follower of this process, each through its own promise chain. The reader remembers the
 *   last id it read and resumes there after a lost connection; after a Redis restart (an empty
 *   stream) new ids are time-based and so still sort after it. Ids seen are dropped a second time
 *   (the outbox republishes what it could not mark published).
 * - `consume`: a consumer group per name (redis-group.ts), a member per call, each on a connection
 *   of its own; handled entries are acknowledged, failed ones claimed again after `retryAfterMs`.
 *
 * Redis Cluster: the stream is a single key, so it lives in one slot and every command here names
 * only that key; it works unchanged (all event traffic goes to that slot's node).
 */
export class RedisEventBus implements EventBus {
  /** The stream's key for the store's client, which adds the prefix itself. */
  private static readonly KEY = 'events';
  /** The full key, for the reader connections that add no prefix. */
  private readonly fullKey: string;
  private readonly followers = new Set<Follower>();
  private readonly consumers = new Set<GroupConsumer>();
  private readonly connection: ConnectionState;
  /** This process's name in consumer groups (plus a counter per consume call). */
  private readonly memberName = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private members = 0;
  private reader: Redis | Cluster | null = null;
  private readerLoop: Promise<void> | null = null;
  private starting: Promise<void> | null = null;
  private lastId = '0-0';
  private closed = false;

  constructor(
    /** The store's client (RedisStore.redis): prefixes keys itself. */
    private readonly client: Redis | Cluster,
    keyPrefix: string,
    private readonly logger: Logger = rootLogger.child({ component: 'event-bus' }),
  ) {
    this.fullKey = keyPrefix + RedisEventBus.KEY;
    this.connection = new ConnectionState('redis-event-bus', logger);
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    if (this.closed) throw new Error('event bus closed');
    if (events.length === 0) return;
    const tx = this.client.multi();
    for (const event of events)
      tx.xadd(RedisEventBus.KEY, 'MAXLEN', '~', MAX_LENGTH, '*', EVENT_FIELD, JSON.stringify(event));
    // A deployment (or test run) that stopped publishing leaves no stream behind for ever; a live
    // one renews it with every batch. Losing an idle stream loses nothing: the ids of a new one
    // sort after every old one, and its consumer groups are made again (redis-group.ts).
    tx.expire(RedisEventBus.KEY, IDLE_EXPIRY_SECONDS);
    const results = await tx.exec();
    if (!results) throw new Error('event bus: publish transaction discarded');
    const failed = results.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }

  async follow(onEvent: (event: DomainEvent) => Promise<void> | void): Promise<Unsubscribe> {
    if (this.closed) throw new Error('event bus closed');
    const follower: Follower = {
      onEvent,
      after: null,
      early: [],
      recent: new RecentIds(),
      chain: Promise.resolve(),
    };
    // Registered before its starting id is read: whatever the reader delivers from here on is
    // either before that id (dropped) or after it (kept), so nothing falls between the two.
    this.followers.add(follower);
    this.starting ??= this.startReader();
    await this.starting;
    follower.after = await this.currentId();
    for (const [id, event] of follower.early.splice(0)) this.deliver(follower, id, event);
    return async () => {
      this.followers.delete(follower);
      await follower.chain;
    };
  }

  async consume(
    group: string,
    onEvent: (event: DomainEvent) => Promise<void>,
    options: { retryAfterMs?: number } = {},
  ): Promise<Unsubscribe> {
    if (this.closed) throw new Error('event bus closed');
    const consumer = new GroupConsumer(
      this.client,
      this.fullKey,
      group,
      `${this.memberName}:${++this.members}`,
      onEvent,
      options.retryAfterMs ?? 1000,
      this.connection,
      this.logger,
    );
    this.consumers.add(consumer);
    // The group exists before this resolves: an event published next is the group's.
    await consumer.ready;
    return async () => {
      this.consumers.delete(consumer);
      await consumer.stop();
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((c) => c.stop()));
    this.consumers.clear();
    this.reader?.disconnect();
    await this.readerLoop;
    await Promise.all([...this.followers].map((f) => f.chain));
    this.followers.clear();
  }

  /**
   * The id of the stream's newest entry ('0-0' for no stream). While Redis cannot be reached,
   * the present time as an id: entries the restarted server assigns sort after it.
   */
  private async currentId(): Promise<string> {
    try {
      const newest = await this.client.xrevrange(RedisEventBus.KEY, '+', '-', 'COUNT', 1);
      return newest[0]?.[0] ?? '0-0';
    } catch {
      return `${Date.now()}-0`;
    }
  }

  /** Starts the process's one reader at the stream's present end. */
  private async startReader(): Promise<void> {
    this.lastId = await this.currentId();
    this.reader = readerConnection(this.client);
    this.reader.on('error', (error: unknown) => this.connection.down(error));
    this.readerLoop = this.read(this.reader);
  }

  private async read(reader: Redis | Cluster): Promise<void> {
    let failures = 0;
    while (!this.closed) {
      try {
        const reply = await watched(
          reader,
          reader.call('XREAD', 'COUNT', READ_COUNT, 'BLOCK', BLOCK_MS, 'STREAMS', this.fullKey, this.lastId),
        );
        this.connection.up();
        failures = 0;
        for (const entry of entriesOf(reply)) {
          this.lastId = entry[0];
          const event = eventOf(entry, this.logger);
          if (event) for (const follower of this.followers) this.deliver(follower, entry[0], event);
        }
      } catch (error) {
        if (this.closed) break;
        // Logged once per change of state (connected → unreachable → reconnected), not per retry.
        this.connection.down(error);
        await pause(backoff(failures++), () => this.closed);
      }
    }
  }

  private deliver(follower: Follower, id: string, event: DomainEvent): void {
    if (follower.after === null) {
      follower.early.push([id, event]);
      return;
    }
    if (compareIds(id, follower.after) <= 0 || !follower.recent.fresh(event.id)) return;
    follower.chain = follower.chain
      .then(() => follower.onEvent(event))
      .catch((error: unknown) =>
        this.logger.error({ err: error, eventType: event.type }, 'event follower failed'),
      );
  }
}
