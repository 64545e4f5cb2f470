import type { Actor } from '../../../lib/actor';
import type { KeyValueStore } from '../../../lib/kv';
import type { BudgetDecision } from './message-budget';

/**
 * Issue 12: self-registration creates a real customer, account and login in the CRM, so one
 * source may create a few per hour (a household, a shop counter) and no more. Five leaves room
 * for a family behind one address; a carrier-grade NAT sharing an address is why it is not one.
 */
export const REGISTRATION_LIMITS = { windowSeconds: 3_600, perSource: 5 };

/**
 * The caller's network as the gateway forwards it with mutations (lib/client-source.ts: a keyed
 * hash, never the address). Absent only when a subgraph is called other than through the gateway.
 */
export function sourceOf(actor: Actor): string | null {
  return actor.source ?? null;
}

/** Counts one registration attempt against its source, in fixed windows shared by every process. */
export async function chargeRegistration(
  store: KeyValueStore,
  source: string | null,
  limits = REGISTRATION_LIMITS,
): Promise<BudgetDecision> {
  if (!source) return { allowed: true };
  const now = Math.floor(Date.now() / 1000);
  const window = Math.floor(now / limits.windowSeconds);
  // The source is already a keyed hash of the network (no address in clear in the store).
  const count = await store.incr(`registrations:${source}:${window}`, limits.windowSeconds);
  if (count <= limits.perSource) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, (window + 1) * limits.windowSeconds - now) };
}
