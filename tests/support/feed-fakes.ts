import type { DomainEvent } from '../../lib/events/event';
import type { EventOutbox } from '../../lib/events/outbox';
import type { Logger } from '../../lib/logger';
import type { Database, Queryable } from '../../lib/store/database';

/**
 * In-memory stand-ins for what a legacy feed poller (lib/events/feed-poller.ts) writes to, so the
 * unit tests of the subgraphs' feed modules (services-billing-events, services-faults-fault-events)
 * see the events, positions and cache retirements a poll produced without a database.
 */

/** A feed of one log over fixed entries: the entries after `after`, at most `limit` of them. */
export function fixedFeed<E extends { seq: number }>(log: string, entries: readonly E[]) {
  return {
    read: async (after: number, limit: number) => {
      const items = entries.filter((e) => e.seq > after).slice(0, limit);
      return { log, last: entries.length ? entries[entries.length - 1].seq : 0, items };
    },
  };
}

/**
 * The poller's store: no saved position, each transaction's statements recorded with their
 * parameters, and events "recorded" into `events` (the outbox the poller writes them through).
 */
export function feedStore() {
  const events: DomainEvent[] = [];
  const positions: unknown[][] = [];
  const tx: Queryable = {
    query: async <T extends Record<string, unknown>>(_sql: string, params: unknown[] = []): Promise<T[]> => {
      positions.push(params);
      return [];
    },
  };
  const db = {
    query: async () => [],
    transaction: async <T>(fn: (q: Queryable) => Promise<T>) => fn(tx),
    close: async () => undefined,
  } as unknown as Database;
  let published = 0;
  const outbox = {
    record: async (_tx: Queryable, recorded: readonly DomainEvent[]) => void events.push(...recorded),
    publishSoon: () => void published++,
  } as unknown as EventOutbox;
  return { db, outbox, events, positions, published: () => published };
}

/** A logger whose `child` bindings are kept, so a test can see what the poller's lines carry. */
export function childLogger() {
  const bindings: Record<string, unknown>[] = [];
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const logger = {
    ...quiet,
    child: (fields: Record<string, unknown>) => {
      bindings.push(fields);
      return quiet;
    },
  } as unknown as Logger;
  return { logger, bindings };
}
