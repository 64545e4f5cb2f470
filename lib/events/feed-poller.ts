import { rootLogger, type Logger } from '../logger';
import type { Database } from '../store/database';
import type { DomainEvent } from './event';
import type { EventOutbox } from './outbox';

/** How often a legacy feed is read when it had nothing new. */
export const FEED_POLL_INTERVAL_MS = 250;
const BATCH = 100;

/** A legacy change feed: entries after a position, in one log (see legacy/feed.ts). */
export interface FeedSource<E extends { seq: number }> {
  read(after: number, limit: number): Promise<{ log: string; items: E[] }>;
}

export interface FeedPollerOptions<E extends { seq: number }> {
  /** Names the feed's row in `event_feeds` and prefixes event ids: `<name>:<log>:<seq>`. */
  name: string;
  source: FeedSource<E>;
  /**
   * Retires what the entries changed from the caches, before their events are recorded: a
   * consumer that re-reads through the graph on an event must see the new state.
   */
  retire(entries: readonly E[]): Promise<void>;
  /** The event of an entry (null: nothing to tell), with the id the poller derived from it. */
  toEvent(entry: E, id: string): DomainEvent | null;
  db: Database;
  outbox: EventOutbox;
  logger?: Logger;
  intervalMs?: number;
}

interface Position {
  log: string;
  seq: number;
}

/**
 * Turns a legacy system's change feed into domain events (issue 13). Each entry's event id comes
 * from the log and the entry's seq, so two processes reading the same feed (or one reading it
 * again after a crash) record each event once. The position is kept in the SSM store, written in
 * the same transaction as the events, so a restart continues where the last poll ended.
 */
export class FeedPoller<E extends { seq: number }> {
  private readonly logger: Logger;
  private position: Position | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private failing = false;

  constructor(private readonly options: FeedPollerOptions<E>) {
    this.logger = options.logger ?? rootLogger.child({ component: 'feed-poller', feed: options.name });
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Reads the feed until it has nothing new; how many entries it turned into events. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.pollOnce();
      total += n;
      if (n < BATCH || this.stopped) return total;
    }
  }

  /** One read of at most a batch of entries, their caches retired, their events recorded. */
  async pollOnce(): Promise<number> {
    const { name, source, db, outbox } = this.options;
    const at = this.position ?? (await this.load());
    let page = await source.read(at.seq, BATCH);
    if (page.log !== at.log) {
      // Another log: the legacy system lost its memory (a restarted simulator); start it over.
      if (at.log) this.logger.info({ event: 'feed.new-log', log: page.log }, 'legacy feed restarted');
      if (at.seq !== 0) page = await source.read(0, BATCH);
    }
    this.position = { log: page.log, seq: page.log === at.log ? at.seq : 0 };
    if (page.items.length === 0) return 0;
    await this.options.retire(page.items);
    const events = page.items.flatMap(
      (entry) => this.options.toEvent(entry, `${name}:${page.log}:${entry.seq}`) ?? [],
    );
    const last = page.items[page.items.length - 1].seq;
    await db.transaction(async (tx) => {
      await outbox.record(tx, events);
      await tx.query(
        `INSERT INTO event_feeds (feed, log_id, position) VALUES ($1, $2, $3)
         ON CONFLICT (feed) DO UPDATE SET
           position = CASE WHEN event_feeds.log_id = EXCLUDED.log_id
                           THEN GREATEST(event_feeds.position, EXCLUDED.position) ELSE EXCLUDED.position END,
           log_id = EXCLUDED.log_id,
           updated_at = now()`,
        [name, page.log, last],
      );
    });
    outbox.publishSoon();
    this.position = { log: page.log, seq: last };
    return page.items.length;
  }

  private async load(): Promise<Position> {
    const rows = await this.options.db.query<{ log_id: string; position: string }>(
      'SELECT log_id, position FROM event_feeds WHERE feed = $1',
      [this.options.name],
    );
    return rows.length ? { log: rows[0].log_id, seq: Number(rows[0].position) } : { log: '', seq: 0 };
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then(() => {
          if (this.failing) this.logger.info({ event: 'feed.recovered' }, 'legacy feed readable again');
          this.failing = false;
        })
        .catch((error: unknown) => {
          // Logged once per outage, not four times a second; the next tick tries again.
          if (!this.failing)
            this.logger.warn({ err: error, event: 'feed.failed' }, 'reading legacy feed failed');
          this.failing = true;
        })
        .finally(() => {
          this.running = null;
          this.schedule(this.options.intervalMs ?? FEED_POLL_INTERVAL_MS);
        });
    }, delayMs);
    this.timer.unref();
  }
}
