import DataLoader from 'dataloader';

/**
 * A DataLoader for look-ups that carry parameters besides the id (a page window, a period):
 * keys with equal parameters are fetched together in one legacy call that answers for all
 * their ids. `fallback` answers ids the legacy system returned nothing for.
 */
export function groupedLoader<K extends { id: string }, V>(
  paramsOf: (key: K) => string,
  fetch: (ids: string[], sample: K) => Promise<Map<string, V>>,
  fallback: V,
): DataLoader<K, V, string> {
  const keyOf = (k: K) => `${k.id}|${paramsOf(k)}`;
  return new DataLoader<K, V, string>(
    async (keys) => {
      const groups = new Map<string, K[]>();
      for (const k of keys) groups.set(paramsOf(k), [...(groups.get(paramsOf(k)) ?? []), k]);
      const results = new Map<string, V>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const found = await fetch([...new Set(group.map((k) => k.id))], group[0]);
          for (const k of group) results.set(keyOf(k), found.get(k.id) ?? fallback);
        }),
      );
      return keys.map((k) => results.get(keyOf(k)) ?? fallback);
    },
    { cacheKeyFn: keyOf },
  );
}
