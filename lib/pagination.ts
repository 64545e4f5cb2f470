import { badInput } from './errors';
import { msg } from './i18n/text';

/** Relay cursors over offset-paged legacy lists: the cursor is the opaque offset of an item. */
export interface PageRequest {
  offset: number;
  limit: number;
}

/** A page window as the client gave it (Relay `first`/`after`). */
export interface PageWindow {
  first?: number | null;
  after?: string | null;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function pageRequest(
  first: number | null | undefined,
  after: string | null | undefined,
  max = 100,
): PageRequest {
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > max)
    throw badInput(msg`first must be between 1 and ${max}.`, 'first');
  if (!after) return { offset: 0, limit };
  const decoded = Buffer.from(after, 'base64url').toString('utf8');
  const match = /^o:(\d{1,9})$/.exec(decoded);
  if (!match) throw badInput('after is not a cursor returned by this API.', 'after');
  return { offset: Number(match[1]) + 1, limit };
}

export function connection<T>(items: T[], total: number, page: PageRequest) {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    edges,
    totalCount: total,
    pageInfo: {
      hasNextPage: page.offset + items.length < total,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
  };
}
