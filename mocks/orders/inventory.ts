import { Simulator, badRequest, ids, notFoundResponse, page } from '../common/sim-server';
import { worldIndex } from '../common/world-index';
import type { SeedWorld, Service } from '../seed/types';

/**
 * The IBSS product inventory's read routes: installed services by id or by customer, and the
 * partner view of a partner's products. `services` and `servicesByCustomer` are the order
 * handling's own maps, which provisioning keeps up to date (mocks/orders/server.ts).
 */
export function registerInventoryRoutes(
  sim: Simulator,
  world: SeedWorld,
  services: Map<string, Service>,
  servicesByCustomer: Map<string, Service[]>,
): void {
  // Partner view (ISMP subscription relations): products of given offerings, no customer data.
  sim.route('GET', '/ibss/subscriptions', 'listSubscriptions', (req) => {
    const offeringIds = new Set(ids(req.query, 'offeringIds'));
    if (!offeringIds.size) return badRequest('offeringIds is required');
    // Every service of the world is in `services` too, in the same order (apply() adds to both).
    const items = worldIndex(world)
      .servicesByOffering.inListOrder(offeringIds)
      .map((s) => ({ serviceId: s.id, offeringId: s.offeringId, state: s.state, startDate: s.startDate }));
    return { status: 200, body: page(items, req.query, 500) };
  });
  sim.route('GET', '/ibss/inventory/services/bulk', 'getServices', (req) => ({
    status: 200,
    body: { items: ids(req.query).flatMap((id) => services.get(id) ?? []) },
  }));
  // One call answers for many customers at once (a page per customer), so lists batch.
  sim.route('GET', '/ibss/inventory/services', 'listServices', (req) => {
    const customerIds = ids(req.query, 'customerIds');
    if (!customerIds.length || customerIds.length > 100)
      return badRequest('customerIds must name 1 to 100 customers');
    const type = req.query.get('type');
    const state = req.query.get('state');
    const byCustomer: Record<string, { items: Service[]; total: number }> = {};
    for (const cid of customerIds) {
      const all = (servicesByCustomer.get(cid) ?? []).filter(
        (s) => (!type || s.type === type) && (!state || s.state === state),
      );
      const p = page(all, req.query, 500);
      byCustomer[cid] = { items: p.items, total: p.total };
    }
    return { status: 200, body: { byCustomer } };
  });
  sim.route('GET', '/ibss/inventory/services/:id', 'getService', (req) => {
    const s = services.get(req.params.id);
    return s ? { status: 200, body: s } : notFoundResponse('no such service');
  });
}
