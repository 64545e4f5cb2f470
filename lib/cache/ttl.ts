/**
 * How long each kind of legacy data may be served from the read-through caches, in seconds.
 * Chosen by how the data changes, with every change we make ourselves invalidated at once
 * (docs/caching.md); the time-to-live only bounds changes made behind our back.
 */
export const TTL = {
  /** Offerings, prices, partners: published by the product team, rarely changed. */
  catalogue: 300,
  availability: 60,
  /** CRM customers, accounts, users, preferences ("profile minutes"). */
  crm: 300,
  /** Installed services in the inventory: changed by orders, which invalidate them. */
  inventory: 60,
  /** A finished order never changes again; an open one is always read afresh. */
  orderFinal: 86_400,
  orderOpen: 1,
  /** A settled bill never changes; an open one changes with payments, which invalidate it. */
  billSettled: 86_400,
  billOpen: 300,
  /** Usage of the current period grows with every call: seconds. */
  currentUsage: 10,
  /** Usage of a period that has ended. */
  pastUsage: 3_600,
  /** Tickets and network status move on the fault desk's side: half a minute. */
  tickets: 30,
  networkStatus: 30,
  sla: 3_600,
  loyalty: 300,
  /** The OCS prepaid balance is never cached: it is real time (B7). */
} as const;
