import type { Cluster, Redis } from 'ioredis';
import type { ConnectionState } from '../connection-state';
import type { Logger } from '../logger';
import type { DomainEvent } from './event';
import {
  BLOCK_MS,
  backoff,
  entriesOf,
  eventOf,
  isRedisError,
  pause,
  readerConnection,
  watched,
  type StreamEntry,
} from './redis-stream';

/** How many entries one read or claim takes at most. */
const COUNT = 100;
/**
 * Subjects whose entries are handled at once. One at a time, a member handled an event per chain
 * of store round trips (the notifier's are about a dozen), far below the rate events come at
 * (docs/performance.md, subscriptions); together, their store commands also share round trips.
 */
const LANES = 16;

/**
 * One member of a consumer group on the bus's stream (EventBus.consume): reads new entries with
 * XREADGROUP on a connection of its own, acknowledges an entry (XACK) only after its handler
 * succeeded, and takes over entries that stayed unacknowledged longer than `retryAfterMs`
 * (XAUTOCLAIM): its own failed ones (the retry) and those of a member that died holding them.
 */
export class GroupConsumer {
  private readonly conn: Redis | Cluster;
  private stopping = false;
  /** Handlers from their start until their entry is acknowledged: `stop` must not cut an XACK off. */
  private busy = 0;
  private readonly loop: Promise<void>;
  /** Settles once the group exists (or its first creation failed: Redis down, made on reconnect). */
  readonly ready: Promise<void>;
  private created: () => void = () => undefined;

  constructor(
    client: Redis | Cluster,
    private readonly key: string,
    private readonly group: string,
    private readonly consumer: string,
    private readonly onEvent: (event: DomainEvent) => Promise<void>,
    private readonly retryAfterMs: number,
    private readonly connection: ConnectionState,
    private readonly logger: Logger,
  ) {
    this.conn = readerConnection(client);
    this.conn.on('error', (error: unknown) => this.connection.down(error));
    this.ready = new Promise((resolve) => {
      this.created = resolve;
    });
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    let failures = 0;
    // '$': the group gets what is published from now on. After a restarted Redis lost the group
    // (NOGROUP) it is made again from '0': the new stream holds only what the outbox republished
    // since, which the group has not seen.
    let createFrom: string | null = '$';
    let lastClaim = 0;
    // Short blocks when retries are due often, so a retry does not wait for a block to end.
    const blockMs = Math.max(50, Math.min(BLOCK_MS, this.retryAfterMs));
    while (!this.stopping) {
      try {
        if (createFrom) {
          try {
            await this.createGroup(createFrom);
          } finally {
            this.created();
          }
          createFrom = null;
        }
        if (Date.now() - lastClaim >= blockMs) {
          lastClaim = Date.now();
          await this.claimStale();
        }
        const reply = await watched(
          this.conn,
          this.conn.call(
            'XREADGROUP',
            'GROUP',
            this.group,
            this.consumer,
            'COUNT',
            COUNT,
            'BLOCK',
            blockMs,
            'STREAMS',
            this.key,
            '>',
          ),
        );
        this.connection.up();
        failures = 0;
        await this.handle(entriesOf(reply));
      } catch (error) {
        if (this.stopping) break;
        if (isRedisError(error, 'NOGROUP')) {
          createFrom = '0';
          continue;
        }
        this.connection.down(error);
        await pause(backoff(failures++), () => this.stopping);
      }
    }
  }

  private async createGroup(from: string): Promise<void> {
    try {
      await watched(this.conn, this.conn.call('XGROUP', 'CREATE', this.key, this.group, from, 'MKSTREAM'));
    } catch (error) {
      // Another member (or this one, before a lost connection) made it already.
      if (!isRedisError(error, 'BUSYGROUP')) throw error;
    }
  }

  /** Takes and handles entries of this group nobody acknowledged within `retryAfterMs`. */
  private async claimStale(): Promise<void> {
    let start = '0-0';
    // Bounded: a long backlog is worked through over several loop turns, new entries keep flowing.
    for (let round = 0; round < 10 && !this.stopping; round++) {
      const reply = (await watched(
        this.conn,
        this.conn.call(
          'XAUTOCLAIM',
          this.key,
          this.group,
          this.consumer,
          this.retryAfterMs,
          start,
          'COUNT',
          COUNT,
        ),
      )) as [string, (StreamEntry | null)[]];
      const [next, entries] = reply;
      await this.handle(entries.filter((e): e is StreamEntry => Array.isArray(e)));
      if (next === '0-0') return;
      start = next;
    }
  }

  /**
   * Handles a read's entries: those of one subject in the order of the stream (a failed one holds
   * back the rest of its subject in this read), different subjects side by side, LANES at a time.
   */
  private async handle(entries: StreamEntry[]): Promise<void> {
    const lanes = new Map<string, { entry: StreamEntry; event: DomainEvent | null }[]>();
    for (const entry of entries) {
      const event = eventOf(entry, this.logger);
      const subject = event ? `${event.type}:${event.subjectId}` : entry[0];
      const lane = lanes.get(subject);
      if (lane) lane.push({ entry, event });
      else lanes.set(subject, [{ entry, event }]);
    }
    const waiting = [...lanes.values()];
    const worker = async () => {
      for (let lane = waiting.shift(); lane; lane = waiting.shift())
        for (const { entry, event } of lane) {
          if (this.stopping) return;
          // A failed entry stops its lane: the rest of its subject stays pending behind it and
          // comes back with it, in order (XAUTOCLAIM hands out by id).
          if (!(await this.handleOne(entry, event))) break;
        }
    };
    // handleOne never throws: every worker has ended when this returns, so no handler outlives
    // the read it came from (the loop's next read, or stop(), would otherwise run beside it).
    await Promise.all(Array.from({ length: Math.min(LANES, waiting.length) }, worker));
  }

  /** Handles and acknowledges one entry; false when it stays pending (handler or XACK failed). */
  private async handleOne(entry: StreamEntry, event: DomainEvent | null): Promise<boolean> {
    this.busy++;
    try {
      if (event) {
        try {
          await this.onEvent(event);
        } catch (error) {
          // Left pending: XAUTOCLAIM hands it out again once idle for retryAfterMs.
          this.logger.warn(
            { err: error, group: this.group, eventType: event.type },
            'event handler failed; will retry',
          );
          return false;
        }
      }
      // Handled, or not an event at all (never will be one): done with it.
      await watched(this.conn, this.conn.call('XACK', this.key, this.group, entry[0]));
      return true;
    } catch (error) {
      // The acknowledgement was lost (the connection broke): handled again after retryAfterMs,
      // which handlers allow (at least once); the loop's next read reports the connection.
      this.logger.warn(
        { err: error, group: this.group },
        'event acknowledgement failed; will be redelivered',
      );
      return false;
    } finally {
      this.busy--;
    }
  }

  /** Stops reading; resolves once no handler runs any more (an entry being handled is acknowledged first). */
  async stop(): Promise<void> {
    this.stopping = true;
    // Disconnecting ends a blocked read at once; while a handler runs, its XACK goes first.
    if (this.busy === 0) this.conn.disconnect();
    await this.loop;
    this.conn.disconnect();
  }
}
