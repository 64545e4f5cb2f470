import { z } from 'zod';
import type { LegacyUrls, SubgraphConfig } from '../lib/config';
import { Resilience } from '../lib/resilience';
import type { LegacyEndpoint, LegacyHttpClient } from './base-client';

/**
 * Where a legacy system's feed is read: its system's address, with breakers of its own, so that
 * polls (several a second) neither trip nor are reported as the breaker customers' requests use.
 */
export function feedEndpoint(
  config: Pick<SubgraphConfig, 'legacy' | 'legacyTimeoutMs'>,
  system: keyof LegacyUrls,
): LegacyEndpoint {
  return { baseUrl: config.legacy[system], timeoutMs: config.legacyTimeoutMs, resilience: new Resilience() };
}

/**
 * A legacy change feed (the fault-management event log, the BOSS billing journal): entries
 * numbered by a monotonic `seq` within a log; a log with another id is a new log (the system
 * lost its memory) and is read from its start.
 */
export const feedPageOf = <T>(entry: z.ZodType<T>) =>
  z.object({
    log: z.string().min(1),
    last: z.number().int(),
    items: z.array(z.intersection(z.object({ seq: z.number().int(), at: z.string() }), entry)),
  });

export type FeedEntry<T> = T & { seq: number; at: string };

export interface FeedPage<T> {
  log: string;
  last: number;
  items: FeedEntry<T>[];
}

/** What a feed poller reads: the entries after a position. */
export interface LegacyFeed<T> {
  read(after: number, limit: number): Promise<FeedPage<T>>;
}

/** Reads a feed at `path` through a legacy HTTP client, validating every entry. */
export function feedReader<T>(http: LegacyHttpClient, path: string, entry: z.ZodType<T>): LegacyFeed<T> {
  const schema = feedPageOf(entry);
  return {
    read: async (after, limit) =>
      (await http.getJson(`${path}?after=${after}&limit=${limit}`, schema)) as FeedPage<T>,
  };
}
