import { assertOwned } from '../../../lib/authz/assertions';
import { forbidden, notFound } from '../../../lib/errors';
import type { EntityRef } from '../../../lib/entity-ref';
import type { SubscriptionModel } from '../../../legacy/boss/models';
import type { BillingContext, BillingLoaders } from '../context';

/** What subscription references need: the actor and the subscription and partner loaders. */
export type SubscriptionDeps = Pick<BillingContext, 'actor'> & {
  loaders: Pick<BillingLoaders, 'subscription' | 'partnerOfOffering'>;
};

/** A service reached through `_entities`: only its own customer may hold the reference. */
export async function serviceReference(deps: SubscriptionDeps, id: string): Promise<EntityRef> {
  const sub = await deps.loaders.subscription.load(id);
  if (!sub) throw notFound('Service', id);
  assertOwned(deps.actor, sub.customerId);
  return { id };
}

/**
 * R4: only the partner whose product it is may reach a subscription, checked before any field;
 * a missing subscription looks the same as someone else's.
 */
export async function partnerSubscription(
  deps: SubscriptionDeps,
  subscriptionId: string,
): Promise<SubscriptionModel> {
  if (deps.actor.kind !== 'partner') throw forbidden();
  const sub = await deps.loaders.subscription.load(subscriptionId);
  const partnerId = sub ? await deps.loaders.partnerOfOffering.load(sub.offeringId) : null;
  if (!sub || partnerId !== deps.actor.partnerId) throw forbidden();
  return sub;
}
