/**
 * Memos whose keys come from clients (tokens, headers, documents) and whose entries are cheap to
 * compute again: when one is full it forgets everything at once, so memory stays bounded with no
 * bookkeeping per entry, and a steady working set smaller than the bound is never dropped.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  /** Sets `key`, having first forgotten everything if `limit` entries are held already. */
  remember(key: K, value: V): V {
    if (this.size >= this.limit) this.clear();
    this.set(key, value);
    return value;
  }
}

/** BoundedMap's set: adds a value, having first forgotten everything if full. */
export class BoundedSet<T> extends Set<T> {
  constructor(private readonly limit: number) {
    super();
  }

  remember(value: T): void {
    if (this.size >= this.limit) this.clear();
    this.add(value);
  }
}
