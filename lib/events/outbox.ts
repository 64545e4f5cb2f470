import { rootLogger, type Logger } from '../logger';
import type { Database, Queryable } from '../store/database';
import type { EventBus } from './bus';
import { domainEventSchema, type DomainEvent } from './event';

/**
 * Only one relay publishes at a time, in every process sharing the store, so events keep their
 * order. The lock is per schema (two-key advisory lock with the schema's hash): deployments or
 * test runs sharing one PostgreSQL database in different schemas do not wait for each other.
 */
const RELAY_LOCK = 7_345_346;
/** While another process relays, try again this often (ms), this many times, before leaving it to the poll. */
const LOCKED_RETRY_MS = 10;
const LOCKED_RETRIES = 50;
const BATCH = 200;
const LOCKED = -1;
/** Published events are kept this long (for inspection), then deleted. */
const RETENTION = '1 day';

/**
 * Transactional outbox of domain events (issue 13). A change and the events it causes are written
 * in one SQL transaction (`record`), so an event exists if and only if its change does; the relay
 * then moves unpublished events to the bus in the order they were written, marking them published
 * in the same transaction as it reads them. A relay that dies after publishing and before
 * committing publishes them again: every consumer drops a second delivery of an id.
 *
 * A change made in a legacy system (an IBSS callback, a fault-management feed) has no transaction
 * of ours: there `emit` records the event with a stable id derived from what the legacy system
 * reported, so a retried callback or a feed read twice records it once.
 */
export class EventOutbox {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly bus: EventBus,
    private readonly logger: Logger = rootLogger.child({ component: 'event-outbox' }),
  ) {}

  /** Writes events inside the caller's transaction; call `publishSoon()` after it commits. */
  async record(tx: Queryable, events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const checked = events.map((e) => domainEventSchema.parse(e));
    // One statement for the batch; WITH ORDINALITY keeps the caller's order in seq.
    await tx.query(
      `INSERT INTO domain_events (id, type, payload)
       SELECT e.id, e.type, e.payload::jsonb
       FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS e(id, type, payload, n)
       ORDER BY e.n
       ON CONFLICT (id) DO NOTHING`,
      [checked.map((e) => e.id), checked.map((e) => e.type), checked.map((e) => JSON.stringify(e))],
    );
  }

  /**
   * `record` for a change written in one statement: a WITH step that writes `event` when the step
   * named `after` returned a row. One statement is atomic without a transaction, so the change and
   * its event take one round trip instead of four (BEGIN, change, event, COMMIT). Its parameters
   * are numbered from `from`; call `publishSoon()` after the statement.
   */
  recordAfter(after: string, event: DomainEvent, from: number): { sql: string; params: unknown[] } {
    const checked = domainEventSchema.parse(event);
    return {
      sql: `INSERT INTO domain_events (id, type, payload)
            SELECT $${from}, $${from + 1}, $${from + 2}::jsonb FROM ${after}
            ON CONFLICT (id) DO NOTHING`,
      params: [checked.id, checked.type, JSON.stringify(checked)],
    };
  }

  /** Records events of a change that has no transaction here (a legacy system's) and publishes them. */
  async emit(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.db.transaction((tx) => this.record(tx, events));
    this.publishSoon();
  }

  /** Runs the relay now (or once more after the current run); never throws. */
  publishSoon(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      let lockedRetries = 0;
      do {
        this.again = false;
        try {
          let published: number;
          // A full batch means more may be waiting.
          while ((published = await this.relayOnce()) === BATCH) this.again = false;
          // Another process holds the lock: our events wait behind its batch, so look again soon
          // rather than at the next poll.
          if (published === LOCKED && lockedRetries++ < LOCKED_RETRIES) {
            await new Promise((r) => setTimeout(r, LOCKED_RETRY_MS));
            this.again = true;
          }
        } catch (error) {
          this.logger.warn({ err: error }, 'event relay failed; will retry');
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
  }

  /** Publishes the oldest unpublished events: how many it published, or LOCKED (-1) when another relay runs. */
  async relayOnce(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [{ locked }] = await tx.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1, hashtext(current_schema())) AS locked',
        [RELAY_LOCK],
      );
      if (!locked) {
        // Another process is relaying; it, a retry or our next poll will pick these up.
        return LOCKED;
      }
      const rows = await tx.query<{ seq: string; payload: DomainEvent }>(
        'SELECT seq, payload FROM domain_events WHERE published_at IS NULL ORDER BY seq LIMIT $1',
        [BATCH],
      );
      if (rows.length === 0) return 0;
      await this.bus.publish(rows.map((r) => domainEventSchema.parse(r.payload)));
      await tx.query('UPDATE domain_events SET published_at = now() WHERE seq = ANY($1::bigint[])', [
        rows.map((r) => r.seq),
      ]);
      return rows.length;
    });
  }

  /** Polls for events recorded by a process that died before relaying them, and prunes old ones. */
  start(intervalMs = 500): void {
    this.stopped = false;
    let ticks = 0;
    this.timer = setInterval(() => {
      this.publishSoon();
      if (++ticks % 600 === 0)
        this.db
          .query(`DELETE FROM domain_events WHERE published_at < now() - interval '${RETENTION}'`)
          .catch((error: unknown) => this.logger.warn({ err: error }, 'pruning published events failed'));
    }, intervalMs);
    this.timer.unref();
    this.publishSoon();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
