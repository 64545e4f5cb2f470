import { GraphQLError, type ExecutionResult } from 'graphql';
import { performance } from 'node:perf_hooks';
import type { DomainEvent } from '../../lib/events/event';
import { subscriptionEventDelay } from './registry';

/** What one event comes to for one subscriber, once re-resolved with their rights. */
export type Outcome =
  | { kind: 'deliver'; result: ExecutionResult; final: boolean }
  /** Not for this subscriber after all (e.g. an alarm the query answers null for). */
  | { kind: 'skip' }
  /** The subscription ends with this error (session ended, grant revoked, subject gone). */
  | { kind: 'end'; error: GraphQLError };

/** An async generator's shape (graphql-ws and graphql-sse call `return` on it when the client leaves). */
export interface ResultStream extends AsyncIterableIterator<ExecutionResult> {
  return(): Promise<IteratorResult<ExecutionResult>>;
  throw(error: unknown): Promise<IteratorResult<ExecutionResult>>;
}

type Item =
  /** `matchedAt`: when the registry handed it over (performance.now()), for the delay metric. */
  { kind: 'event'; event: DomainEvent; matchedAt: number } | { kind: 'outcome'; outcome: Outcome };

/**
 * How a transport ends a stream with an error: graphql-ws has an `error` message (thrown from the
 * iterator); GraphQL over SSE has none after the stream started, so the error goes out as the last
 * `next` payload before `complete`.
 */
export type EndStyle = 'throw' | 'last-result';

/**
 * One open subscription: the events matched for it wait here (raw, cheap) until its transport asks
 * for the next payload; each is re-resolved only then, in order. The queue is bounded: a client
 * that stops reading holds back its transport (both await the socket), the queue fills, and
 * `onOverflow` closes the client's stream instead of letting it hold memory.
 */
export class LiveSubscription {
  private readonly queue: Item[] = [];
  private wake: (() => void) | null = null;
  private closed = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    readonly key: string,
    readonly actorKey: string,
    private readonly resolve: (event: DomainEvent) => Promise<Outcome>,
    private readonly bufferLimit: number,
    private readonly endStyle: EndStyle,
    /** Called once when the client fell `bufferLimit` events behind. */
    readonly onOverflow: () => void,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  /** Run once when the subscription ends, whichever way (unregister, count down). */
  onClose(cleanup: () => void): void {
    if (this.closed) cleanup();
    else this.cleanups.push(cleanup);
  }

  /** Queues a matched event; false when the client is too far behind (the caller closes it). */
  push(event: DomainEvent): boolean {
    if (this.closed) return true;
    if (this.queue.length >= this.bufferLimit) {
      this.close();
      this.onOverflow();
      return false;
    }
    this.queue.push({ kind: 'event', event, matchedAt: performance.now() });
    this.wake?.();
    return true;
  }

  /** Queues an answer known already (the subject was final when subscribing). */
  pushOutcome(outcome: Outcome): void {
    this.queue.push({ kind: 'outcome', outcome });
    this.wake?.();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.wake?.();
  }

  /**
   * The payloads, for graphql-ws's and graphql-sse's `subscribe` hooks. Written by hand rather than
   * as an `async function*`: a generator waiting for the next event would not see `return()` (the
   * client's `complete`, a closed socket) until that event came, and would hold its registration.
   */
  results(): ResultStream {
    const done = (): IteratorResult<ExecutionResult> => ({ done: true, value: undefined });
    const next = async (): Promise<IteratorResult<ExecutionResult>> => {
      while (!this.closed) {
        const item = this.queue.shift();
        if (!item) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = null;
          continue;
        }
        const outcome = item.kind === 'event' ? await this.resolve(item.event) : item.outcome;
        if (this.closed) break;
        if (outcome.kind === 'skip') continue;
        if (outcome.kind === 'end') {
          this.close();
          if (this.endStyle === 'throw') throw outcome.error;
          return { done: false, value: { errors: [outcome.error] } };
        }
        if (item.kind === 'event')
          subscriptionEventDelay.observe({ stage: 'gateway' }, (performance.now() - item.matchedAt) / 1000);
        // The last payload goes out; the next call finds the subscription closed and completes.
        if (outcome.final) this.close();
        return { done: false, value: outcome.result };
      }
      return done();
    };
    const iterator: ResultStream = {
      next,
      return: async () => {
        this.close();
        return done();
      },
      throw: async (error: unknown) => {
        this.close();
        throw error;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}
