import type { ExecutionResult } from 'graphql';
import { LiveSubscription, type ResultStream } from './live';

/**
 * The payloads of a subscription that is still being opened (authenticated, charged, its target
 * checked through the graph), so that its SSE stream can start at once: response headers and
 * graphql-sse's first comment go out before the check, and its comment keep-alive runs during it.
 * Otherwise, when thousands of streams (re)connect together, the last ones wait for every check
 * before theirs with nothing on the wire, and a client or proxy waiting for response headers
 * (undici: 300 s; nginx: 60 s) gives up. A refusal is the stream's one payload. A client that
 * leaves before the opening ends closes the subscription as soon as it is open.
 */
export function openingResults(opening: Promise<LiveSubscription | ExecutionResult>): ResultStream {
  const done = (): IteratorResult<ExecutionResult> => ({ done: true, value: undefined });
  let left = false;
  let live: ResultStream | null = null;
  let refusal: ExecutionResult | null = null;
  const opened = opening.then((outcome) => {
    if (!(outcome instanceof LiveSubscription)) refusal = outcome;
    else if (left) outcome.close();
    else live = outcome.results();
  });
  const leave = async () => {
    left = true;
    await live?.return();
  };
  const iterator: ResultStream = {
    next: async () => {
      await opened;
      if (left) return done();
      if (live) return live.next();
      const value = refusal;
      refusal = null;
      return value ? { done: false, value } : done();
    },
    return: async () => {
      await leave();
      return done();
    },
    throw: async (error: unknown) => {
      await leave();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
