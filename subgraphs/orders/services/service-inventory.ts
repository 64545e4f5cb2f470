import { assertCanOrNotFound, assertOwned, requireUser } from '../../../lib/authz/assertions';
import type { Capability } from '../../../lib/authz/capabilities';
import { canSee, serviceTarget } from '../../../lib/authz/decisions';
import { notFound } from '../../../lib/errors';
import { connection, pageRequest, type PageWindow } from '../../../lib/pagination';
import type { ServiceModel } from '../../../legacy/ibss/models';
import type { OrdersContext } from '../context';

/** What reading the product inventory needs from the request. */
export type InventoryDeps = Pick<OrdersContext, 'actor' | 'loaders'>;

/** Grant-filtered listings filter at most this many of the customer's services, in one inventory call. */
const VISIBLE_SCAN_LIMIT = 500;

/**
 * A service the actor names (a root field or a mutation input): another customer's service, or
 * one the actor may not act on with `capability` (null: may not see), answers as NOT_FOUND (S3).
 */
export async function serviceForActor(
  deps: InventoryDeps,
  serviceId: string,
  capability: Capability | null,
): Promise<ServiceModel> {
  const service = await deps.loaders.service.load(serviceId);
  assertCanOrNotFound(
    deps.actor,
    capability,
    service ? serviceTarget(service) : undefined,
    'Service',
    serviceId,
  );
  return service as ServiceModel;
}

/** Query.service: signed-in users only, before any inventory call. */
export async function serviceById(deps: InventoryDeps, serviceId: string): Promise<ServiceModel> {
  requireUser(deps.actor);
  return serviceForActor(deps, serviceId, null);
}

/** A service reached through `_entities`: it must exist and belong to the actor's customer. */
export async function serviceByReference(deps: InventoryDeps, serviceId: string): Promise<ServiceModel> {
  const service = await deps.loaders.service.load(serviceId);
  if (!service) throw notFound('Service', serviceId);
  assertOwned(deps.actor, service.customerId);
  return service;
}

/**
 * A customer's services, one page. Managers page in the inventory; other users see only the
 * services their grants reach (R2/R3), so those are filtered first, then paged.
 */
export async function customerServices(
  deps: InventoryDeps,
  customerId: string,
  filter: { type?: string; state?: string },
  window: PageWindow,
) {
  assertOwned(deps.actor, customerId);
  const page = pageRequest(window.first, window.after, 200);
  const { type, state } = filter;
  if (deps.actor.kind === 'customerUser' && deps.actor.role === 'MANAGER') {
    const result = await deps.loaders.servicePage.load({ id: customerId, type, state, ...page });
    return connection(result.items, result.total, page);
  }
  const all = await deps.loaders.servicePage.load({
    id: customerId,
    type,
    state,
    offset: 0,
    limit: VISIBLE_SCAN_LIMIT,
  });
  const visible = all.items.filter((s) => canSee(deps.actor, serviceTarget(s)));
  return connection(visible.slice(page.offset, page.offset + page.limit), visible.length, page);
}
