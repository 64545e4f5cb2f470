import type { Actor } from './actor';
import { forbidden, notFound, unauthenticated } from './errors';

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
