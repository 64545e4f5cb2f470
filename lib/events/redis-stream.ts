import { Cluster, Redis } from 'ioredis';
import type { Logger } from '../logger';
import { parseEvent, type DomainEvent } from './event';

/** A Redis Streams entry as XREAD, XREADGROUP and XAUTOCLAIM return it: id and field/value list. */
export type StreamEntry = [id: string, fields: string[]];

/** The one field of an entry: the event as JSON. */
export const EVENT_FIELD = 'e';

/** How long a blocking read waits before it returns empty (and the loop checks whether to stop). */
export const BLOCK_MS = 2000;

/**
 * A connection of its own for one reader loop. A blocking XREAD/XREADGROUP holds its connection
 * until it returns, so it must not share the store's client (whose other commands would queue
 * behind it and whose 1 s commandTimeout would cut every block short). Keys are written out in
 * full here (no keyPrefix), no auto-pipelining. A server that stopped answering is noticed by
 * `watched`, not ioredis's `blockingTimeout` (whose timers outlive a closed connection).
 */
export function readerConnection(client: Redis | Cluster): Redis | Cluster {
  const blocking = {
    commandTimeout: undefined,
    maxRetriesPerRequest: 0,
    enableAutoPipelining: false,
    // Closing ends the socket at once: a blocked read has nothing to flush, and Redis answers the
    // half-close only when the block ends (a stop would otherwise wait up to 2 s).
    disconnectTimeout: 10,
  };
  return client instanceof Cluster
    ? client.duplicate([], { keyPrefix: '', enableAutoPipelining: false, redisOptions: blocking })
    : client.duplicate({ ...blocking, keyPrefix: '' });
}

/**
 * Runs a command of a reader loop; a reply that has not come `BLOCK_MS * 3` after it was sent
 * means a server that stopped answering (frozen, a half-open connection): the connection is
 * dropped and made again, which fails the command and lets the loop retry.
 */
export async function watched<T>(conn: Redis | Cluster, command: Promise<T>): Promise<T> {
  const timer = setTimeout(() => conn.disconnect(true), BLOCK_MS * 3);
  timer.unref();
  try {
    return await command;
  } finally {
    clearTimeout(timer);
  }
}

/** Stream ids are "<ms>-<seq>"; -1, 0 or 1 as `a` sorts before, with or after `b`. */
export function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(Number);
  const [bm, bs] = b.split('-').map(Number);
  return am !== bm ? Math.sign(am - bm) : Math.sign((as ?? 0) - (bs ?? 0));
}

/**
 * The entries of a one-stream XREAD/XREADGROUP reply (null when the block timed out). Over RESP2
 * the reply is a list of [key, entries] pairs; over RESP3 (ioredis's `call` on a RESP3
 * connection) a map, which arrives flattened as [key, entries].
 */
export function entriesOf(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  const pair: unknown = typeof reply[0] === 'string' ? reply : reply[0];
  const entries = Array.isArray(pair) ? (pair[1] as unknown) : null;
  return Array.isArray(entries) ? (entries as StreamEntry[]) : [];
}

/** The event an entry carries; null (logged) for anything else, e.g. an entry deleted while pending. */
export function eventOf(entry: StreamEntry, logger: Logger): DomainEvent | null {
  const [id, fields] = entry;
  const index = Array.isArray(fields) ? fields.indexOf(EVENT_FIELD) : -1;
  const event = index >= 0 ? parseEvent(fields[index + 1] ?? '') : null;
  if (!event) logger.error({ entryId: id }, 'event bus entry is not an event; skipped');
  return event;
}

/** An error Redis answered with a given code (e.g. NOGROUP, BUSYGROUP). */
export function isRedisError(error: unknown, code: string): boolean {
  return error instanceof Error && error.message.startsWith(code);
}

/** Waits `ms`, or less once `stopped()` is true (checked every 50 ms). */
export async function pause(ms: number, stopped: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (!stopped() && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, until - Date.now())));
  }
}

/** Retry delays after a failed read: 100 ms doubling to 2 s, so a dead Redis costs little. */
export function backoff(failures: number): number {
  return Math.min(2000, 100 * 2 ** Math.min(failures, 5));
}
