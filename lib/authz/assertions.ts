import type { Actor } from '../actor';
import type { Capability } from './capabilities';
import { can, canSee, type Target } from './decisions';
import { forbidden, notFound, unauthenticated } from '../errors';

export type CustomerUser = Extract<Actor, { kind: 'customerUser' }>;

/** Every customer-data field needs a signed-in customer user. */
export function requireUser(actor: Actor): CustomerUser {
  if (actor.kind !== 'customerUser') throw unauthenticated();
  return actor;
}

/**
 * Object-level check for ids the client chose (root fields, mutation inputs): another customer's
 * object answers exactly like a missing one, so ids cannot be probed (S3).
 */
export function assertOwnedOrNotFound(
  actor: Actor,
  ownerCustomerId: string | undefined,
  what: string,
  id: string,
): CustomerUser {
  const user = requireUser(actor);
  if (ownerCustomerId !== user.customerId) throw notFound(what, id);
  return user;
}

/** Object-level check for entities reached through `_entities` or a parent's field. */
export function assertOwned(actor: Actor, ownerCustomerId: string | undefined): CustomerUser {
  const user = requireUser(actor);
  if (ownerCustomerId !== user.customerId) throw forbidden();
  return user;
}

/**
 * Object-level check with a capability (S3): a target the actor may not act on answers like a
 * missing one. `null` capability = may the actor see the target at all.
 */
export function assertCanOrNotFound(
  actor: Actor,
  capability: Capability | null,
  target: Target | undefined,
  what: string,
  id: string,
): CustomerUser {
  const user = requireUser(actor);
  const allowed =
    target !== undefined && (capability ? can(actor, capability, target) : canSee(actor, target));
  if (!allowed) throw notFound(what, id);
  return user;
}
