import { assertCanOrNotFound, assertOwned, requireUser } from '../../../lib/authz/assertions';
import type { Capability } from '../../../lib/authz/capabilities';
import { serviceTarget } from '../../../lib/authz/decisions';
import { notFound } from '../../../lib/errors';
import type { FaultServiceModel } from '../../../legacy/fault-management/models';
import type { FaultsContext, FaultsLoaders } from '../context';

/** What service checks need: the actor and the service loader. */
export type ServiceAccessDeps = Pick<FaultsContext, 'actor'> & { loaders: Pick<FaultsLoaders, 'service'> };

/**
 * A service named by the client that the actor may act on with `capability`; someone else's is
 * indistinguishable from a missing one (S3). `what` and `id` name the object the client asked
 * for when that is not the service itself (a service test, for instance).
 */
export async function serviceInScope(
  deps: ServiceAccessDeps,
  serviceId: string,
  capability: Capability,
  what = 'Service',
  id = serviceId,
): Promise<FaultServiceModel> {
  requireUser(deps.actor);
  const service = await deps.loaders.service.load(serviceId);
  if (!service) throw notFound(what, id);
  assertCanOrNotFound(deps.actor, capability, serviceTarget(service), what, id);
  return service;
}

/** A service reached through `_entities`: only its own customer may hold the reference. */
export async function serviceReference(deps: ServiceAccessDeps, id: string): Promise<FaultServiceModel> {
  const service = await deps.loaders.service.load(id);
  if (!service) throw notFound('Service', id);
  assertOwned(deps.actor, service.customerId);
  return service;
}

/** The service a ticket or test concerns (null if fault management no longer knows it). */
export function serviceOf(
  deps: { loaders: Pick<FaultsLoaders, 'service'> },
  serviceId: string,
): Promise<FaultServiceModel | null> {
  return deps.loaders.service.load(serviceId);
}
