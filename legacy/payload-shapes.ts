import { z } from 'zod';

/** Envelopes the legacy REST systems share around their records, and how they take id lists. */

/** A bulk answer: `{ items: [...] }`. */
export const itemsOf = <T>(item: z.ZodType<T>) => z.object({ items: z.array(item) });

/** One page of a list: `{ items: [...], total }`. */
export const pageOf = <T>(item: z.ZodType<T>) => z.object({ items: z.array(item), total: z.number() });

/** Ids for a query parameter: comma-separated, each escaped. */
export const idList = (ids: readonly string[]): string => ids.map(encodeURIComponent).join(',');

/** A period for a query string: `from=...&to=...`. */
export const periodQuery = (from: string, to: string): string =>
  `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
