import { rootLogger, type Logger } from '../logger';
import type { DomainEvent } from './event';

/** Stops a follower or consumer; resolves once no handler of it runs any more. */
export type Unsubscribe = () => Promise<void>;

/**
 * The event bus every gateway and subgraph process shares (issue 13): Redis Streams when Redis is
 * configured (lib/events/redis-bus.ts), this process's memory otherwise (MemoryEventBus); callers
 * cannot tell them apart. Events reach the bus from the SSM store's outbox (lib/events/outbox.ts),
 * never straight from a request, so none is lost when a process dies after its change.
 */
export interface EventBus {
  /** Appends events, in order. Resolves once the bus holds them (durable on Redis). */
  publish(events: readonly DomainEvent[]): Promise<void>;
  /**
   * Fan-out: `onEvent` sees every event published from now on, in order, once each (a second
   * delivery of an id is dropped). Every follower in every process sees every event: the gateway
   * follows to feed its subscriptions. A follower resumes after a lost connection from where it was.
   */
  follow(onEvent: (event: DomainEvent) => Promise<void> | void): Promise<Unsubscribe>;
  /**
   * Work queue: each event published after the group first existed goes to one member of `group`,
   * across processes (the notifier, the webhook dispatcher). Within a member, events of one
   * subject (type and subject id) are handled one after the other, in order, and those of
   * different subjects side by side; members of a group (other processes) run independently. An
   * event whose handler throws is delivered again after `retryAfterMs` (at-least-once: handlers
   * are idempotent per event id); on Redis an event of its subject read after the failure may be
   * handled before that retry, so a handler that needs order keeps it itself (the webhook queue
   * sends each subscription's deliveries by the events' outbox positions).
   */
  consume(
    group: string,
    onEvent: (event: DomainEvent) => Promise<void>,
    options?: { retryAfterMs?: number },
  ): Promise<Unsubscribe>;
  close(): Promise<void>;
}

/** How many event ids a follower remembers to drop duplicates (a relay retried after a crash). */
export const DEDUPLICATION_WINDOW = 10_000;

/** Remembers the last `size` ids seen; `fresh(id)` is false for an id seen before. */
export class RecentIds {
  private readonly seen = new Set<string>();
  constructor(private readonly size = DEDUPLICATION_WINDOW) {}
  fresh(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.size) {
      // Sets iterate in insertion order: the first is the oldest.
      const oldest = this.seen.values().next().value as string;
      this.seen.delete(oldest);
    }
    return true;
  }
}

interface Member {
  onEvent: (event: DomainEvent) => Promise<void>;
  retryAfterMs: number;
}

interface Group {
  members: Member[];
  next: number;
  /** The last handling queued per subject: the next event of that subject waits for it. */
  lanes: Map<string, Promise<void>>;
}

/**
 * The embedded bus: one process, nothing survives a restart (the outbox still holds what was not
 * yet published). Followers get events in order, each through its own promise chain, so a slow
 * follower delays only itself; consumer groups hand each event to one member, round robin, in
 * order per subject.
 */
export class MemoryEventBus implements EventBus {
  private readonly followers = new Set<(event: DomainEvent) => void>();
  private readonly groups = new Map<string, Group>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly logger: Logger = rootLogger.child({ component: 'event-bus' })) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    if (this.closed) throw new Error('event bus closed');
    for (const event of events) {
      for (const follower of this.followers) follower(event);
      for (const [name, group] of this.groups) this.deliver(name, group, event);
    }
  }

  async follow(onEvent: (event: DomainEvent) => Promise<void> | void): Promise<Unsubscribe> {
    const recent = new RecentIds();
    let chain: Promise<void> = Promise.resolve();
    const follower = (event: DomainEvent) => {
      if (!recent.fresh(event.id)) return;
      chain = chain
        .then(() => onEvent(event))
        .catch((error: unknown) =>
          this.logger.error({ err: error, eventType: event.type }, 'event follower failed'),
        );
    };
    this.followers.add(follower);
    return async () => {
      this.followers.delete(follower);
      await chain;
    };
  }

  async consume(
    group: string,
    onEvent: (event: DomainEvent) => Promise<void>,
    options: { retryAfterMs?: number } = {},
  ): Promise<Unsubscribe> {
    const entry: Group = this.groups.get(group) ?? { members: [], next: 0, lanes: new Map() };
    this.groups.set(group, entry);
    const member: Member = { onEvent, retryAfterMs: options.retryAfterMs ?? 1000 };
    entry.members.push(member);
    return async () => {
      entry.members = entry.members.filter((m) => m !== member);
    };
  }

  private deliver(name: string, group: Group, event: DomainEvent): void {
    if (this.closed || group.members.length === 0) return;
    const subject = `${event.type}:${event.subjectId}`;
    let member: Member | undefined;
    const handled = (group.lanes.get(subject) ?? Promise.resolve())
      .then(() => {
        // Picked when its turn comes: a member that left (stopped) or a closed bus gets nothing more.
        if (this.closed || group.members.length === 0) return;
        member = group.members[group.next++ % group.members.length];
        return member.onEvent(event);
      })
      .catch((error: unknown) => {
        this.logger.warn(
          { err: error, group: name, eventType: event.type },
          'event handler failed; will retry',
        );
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.deliver(name, group, event);
        }, member?.retryAfterMs ?? 1000);
        timer.unref();
        this.timers.add(timer);
      })
      .finally(() => {
        if (group.lanes.get(subject) === handled) group.lanes.delete(subject);
      });
    group.lanes.set(subject, handled);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.followers.clear();
    this.groups.clear();
  }
}
