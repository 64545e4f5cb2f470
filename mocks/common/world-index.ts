import type { Account, Offering, SeedWorld, Service } from '../seed/types';

/**
 * A look-up of the items of a list by a key of theirs, built once and caught up with the items
 * appended since (the simulators only ever append to the world's lists: new services from
 * orders, new accounts from registrations), so a bulk look-up costs what it asks for, not the
 * size of the world. A list that shrank or was replaced is indexed again from the start.
 */
export class ListIndex<T> {
  private source: readonly T[] | null = null;
  private indexed = 0;
  private readonly byKey = new Map<string, { item: T; position: number }[]>();

  constructor(
    private readonly list: () => readonly T[],
    private readonly key: (item: T) => string,
  ) {}

  /** The first item with this key, as `list.find` would answer. */
  first(key: string): T | undefined {
    return this.entries(key)[0]?.item;
  }

  /** Every item with this key, in list order. */
  all(key: string): T[] {
    return this.entries(key).map((e) => e.item);
  }

  /** The items whose key is one of `keys`, in list order: what `list.filter(keys.has(key))` answers. */
  inListOrder(keys: Iterable<string>): T[] {
    const found: { item: T; position: number }[] = [];
    for (const key of new Set(keys)) found.push(...this.entries(key));
    return found.sort((a, b) => a.position - b.position).map((e) => e.item);
  }

  has(key: string): boolean {
    return this.entries(key).length > 0;
  }

  /** Indexes what the list holds now (at start, so no caller's request pays for the build). */
  build(): this {
    this.catchUp();
    return this;
  }

  private entries(key: string): { item: T; position: number }[] {
    this.catchUp();
    return this.byKey.get(key) ?? [];
  }

  private catchUp(): void {
    const list = this.list();
    if (list !== this.source || list.length < this.indexed) {
      this.byKey.clear();
      this.source = list;
      this.indexed = 0;
    }
    for (; this.indexed < list.length; this.indexed++) {
      const item = list[this.indexed];
      const key = this.key(item);
      const entries = this.byKey.get(key);
      if (entries) entries.push({ item, position: this.indexed });
      else this.byKey.set(key, [{ item, position: this.indexed }]);
    }
  }
}

/** The look-ups the simulators share over one world. */
export interface WorldIndex {
  serviceById: ListIndex<Service>;
  serviceByIdentifier: ListIndex<Service>;
  servicesByOffering: ListIndex<Service>;
  accountById: ListIndex<Account>;
  offeringById: ListIndex<Offering>;
}

const indexes = new WeakMap<SeedWorld, WorldIndex>();

/** The index of a world, one per world whichever simulator asks first. */
export function worldIndex(world: SeedWorld): WorldIndex {
  let index = indexes.get(world);
  if (!index) {
    index = {
      serviceById: new ListIndex(
        () => world.services,
        (s) => s.id,
      ),
      serviceByIdentifier: new ListIndex(
        () => world.services,
        (s) => s.identifier,
      ),
      servicesByOffering: new ListIndex(
        () => world.services,
        (s) => s.offeringId,
      ),
      accountById: new ListIndex(
        () => world.accounts,
        (a) => a.id,
      ),
      offeringById: new ListIndex(
        () => world.offerings,
        (o) => o.id,
      ),
    };
    // Built now, when a simulator is created, so no request pays for the first build.
    for (const look of Object.values(index)) (look as ListIndex<unknown>).build();
    indexes.set(world, index);
  }
  return index;
}

/**
 * A Map that also groups its values (tickets by service and by customer), kept in step on every
 * set and delete, so a look-up by group never walks every value. `order` is each key's place in
 * the Map's own iteration order, for answers that must come in that order.
 */
export class GroupedMap<K, V, G extends string> extends Map<K, V> {
  private readonly groups = new Map<G, Map<string, Map<K, V>>>();
  private readonly places = new Map<K, number>();
  private next = 0;
  private keyOf: Record<G, (value: V) => string> | null = null;

  static of<K, V, G extends string>(
    groupBy: Record<G, (value: V) => string>,
    entries: Iterable<readonly [K, V]>,
  ): GroupedMap<K, V, G> {
    // Map's constructor calls set() before a subclass's fields exist: entries are added after.
    const map = new GroupedMap<K, V, G>();
    map.keyOf = groupBy;
    for (const [k, v] of entries) map.set(k, v);
    return map;
  }

  override set(key: K, value: V): this {
    if (!this.keyOf) return super.set(key, value);
    const previous = super.get(key);
    if (previous !== undefined) this.ungroup(key, previous);
    else this.places.set(key, this.next++);
    super.set(key, value);
    for (const [name, keyOf] of Object.entries(this.keyOf) as [G, (value: V) => string][]) {
      const byGroup = this.groups.get(name) ?? new Map<string, Map<K, V>>();
      this.groups.set(name, byGroup);
      const members = byGroup.get(keyOf(value)) ?? new Map<K, V>();
      byGroup.set(keyOf(value), members);
      members.set(key, value);
    }
    return this;
  }

  override delete(key: K): boolean {
    const previous = super.get(key);
    if (previous !== undefined) {
      this.ungroup(key, previous);
      this.places.delete(key);
    }
    return super.delete(key);
  }

  override clear(): void {
    this.groups.clear();
    this.places.clear();
    super.clear();
  }

  /** The values in one group, in the order they were first set. */
  group(name: G, key: string): V[] {
    return [...(this.groups.get(name)?.get(key)?.values() ?? [])];
  }

  /** A key's place in the Map's iteration order (smaller first). */
  order(key: K): number {
    return this.places.get(key) ?? Number.MAX_SAFE_INTEGER;
  }

  private ungroup(key: K, value: V): void {
    if (!this.keyOf) return;
    for (const [name, keyOf] of Object.entries(this.keyOf) as [G, (value: V) => string][])
      this.groups.get(name)?.get(keyOf(value))?.delete(key);
  }
}
