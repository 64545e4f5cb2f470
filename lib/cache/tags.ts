import type { KeyValueStore } from '../kv';

/**
 * Invalidation tags. A cached entry that depends on, say, everything of customer C1 carries the
 * current version of the tag `customer:C1` in its key; bumping the version retires all such
 * entries at once, in every subgraph and gateway process sharing the store, without finding them.
 */

/** Tag versions outlive every cached entry, so a tag that expires cannot resurrect old entries. */
const TAG_TTL_SECONDS = 7 * 86_400;

export function tagKey(tag: string): string {
  return `cache-tag:${tag}`;
}

export const customerTag = (customerId: string): string => `customer:${customerId}`;

/** Current versions of the tags ("0" for a tag never bumped). */
export async function tagVersions(store: KeyValueStore, tags: readonly string[]): Promise<string[]> {
  const values = await store.getMany(tags.map(tagKey));
  return values.map((v) => v ?? '0');
}

export async function bumpTags(store: KeyValueStore, tags: readonly string[]): Promise<void> {
  await Promise.all(tags.map((tag) => store.incr(tagKey(tag), TAG_TTL_SECONDS)));
}

export const accountTag = (accountId: string): string => `account:${accountId}`;

export const serviceTag = (serviceId: string): string => `service:${serviceId}`;

/** R4: a partner's views (partnerOrders, partnerSubscriptions), retired together by order events. */
export const partnerTag = (partnerId: string): string => `partner:${partnerId}`;
