import { randomBytes } from 'node:crypto';
import type { Simulator } from './sim-server';

/** One entry of a legacy system's change log, as its feed serves it. */
export type LogEntry<E> = E & { seq: number; at: string };

const MAX_PAGE = 500;

/**
 * A legacy system's change log (the OSS event log, the BOSS billing journal): entries numbered by
 * a monotonic `seq`, read with `GET <path>?after=<seq>&limit=<n>`. The log has an id of its own,
 * new at every start of the simulator: a reader that remembers a position in an older log (the
 * simulator restarted, its memory gone) knows to read this one from the start.
 */
export class EventLog<E extends object> {
  readonly id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  private readonly entries: LogEntry<E>[] = [];

  append(entry: E): LogEntry<E> {
    const logged = { ...entry, seq: this.entries.length + 1, at: new Date().toISOString() };
    this.entries.push(logged);
    return logged;
  }

  /** Entries after `after`, oldest first. */
  read(after: number, limit: number): LogEntry<E>[] {
    // seq n sits at index n - 1: no scan, however long the log grows.
    const from = Math.max(0, Math.floor(after));
    return this.entries.slice(from, from + Math.min(Math.max(1, limit), MAX_PAGE));
  }

  /** Serves the log as a background feed (not counted or faulted; see Simulator.feed). */
  serve(sim: Simulator, path: string): void {
    sim.feed(path, (req) => {
      const after = Number(req.query.get('after') ?? '0');
      const limit = Number(req.query.get('limit') ?? '100');
      if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit) || limit < 1)
        return {
          status: 400,
          body: { error: 'badRequest', message: 'after and limit must be whole numbers' },
        };
      return {
        status: 200,
        body: { log: this.id, last: this.entries.length, items: this.read(after, limit) },
      };
    });
  }
}
