import { forbidden } from '../../../lib/errors';
import { connection, pageRequest, type PageWindow } from '../../../lib/pagination';
import type { PartnerSubscriptionModel } from '../../../legacy/ibss/models';
import type { OrdersContext } from '../context';

/**
 * R4: what a partner system sees of the orders and inventory: only its own products, no
 * customer data. Which offerings are the partner's comes from the catalogue.
 */
export type PartnerViewDeps = Pick<OrdersContext, 'actor' | 'ibss' | 'catalogue' | 'loaders'>;

/** The offerings of the calling partner; anyone else is FORBIDDEN. */
async function partnerOfferings(deps: PartnerViewDeps): Promise<string[]> {
  if (deps.actor.kind !== 'partner') throw forbidden('Only partner systems have a partner view.');
  return (await deps.catalogue.listOfferings({ partnerId: deps.actor.partnerId }, 0, 200)).items.map(
    (o) => o.id,
  );
}

/** Subscriptions to the partner's offerings, one page. */
export async function partnerSubscriptions(deps: PartnerViewDeps, window: PageWindow) {
  const offeringIds = await partnerOfferings(deps);
  const page = pageRequest(window.first, window.after, 200);
  if (!offeringIds.length) return connection([], 0, page);
  const result = await deps.ibss.listSubscriptions(offeringIds, page.offset, page.limit);
  return connection(result.items, result.total, page);
}

/** Orders that include the partner's offerings, one page, each showing only those items. */
export async function partnerOrders(deps: PartnerViewDeps, window: PageWindow) {
  const offeringIds = await partnerOfferings(deps);
  const page = pageRequest(window.first, window.after, 100);
  if (!offeringIds.length) return connection([], 0, page);
  const result = await deps.ibss.listOrdersOfOfferings(offeringIds, page.offset, page.limit);
  // Only the partner's own items: other providers' products in the same order stay hidden.
  const own = new Set(offeringIds);
  return connection(
    result.items.map((o) => ({
      ...o,
      items: o.items.filter((i) => i.offeringId !== null && own.has(i.offeringId)),
    })),
    result.total,
    page,
  );
}

/** A subscription reached through `_entities`: only by the partner whose product it is. */
export async function partnerSubscriptionByReference(
  deps: PartnerViewDeps,
  subscriptionId: string,
): Promise<PartnerSubscriptionModel> {
  const offeringIds = await partnerOfferings(deps);
  const service = await deps.loaders.service.load(subscriptionId);
  if (!service || !offeringIds.includes(service.offeringId)) throw forbidden();
  return {
    serviceId: service.id,
    offeringId: service.offeringId,
    state: service.state,
    startDate: service.startDate,
  };
}
