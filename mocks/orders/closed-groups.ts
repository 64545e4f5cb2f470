import { badRequest, type Simulator } from '../common/sim-server';
import { ListIndex } from '../common/world-index';
import type { SeedWorld, Service } from '../seed/types';

/** A company's closed user group (F5): the business numbers that may call each other. */
export interface ClosedGroup {
  id: string;
  customerId: string;
  /** The member numbers, in inventory order. */
  members: string[];
}

const BUSINESS_MOBILE = 'OFF-MOB-BIZ';

/**
 * The group a business number belongs to. The seed names Northwind's group in the numbers'
 * `groupId` parameter; every other company's business numbers form one group named after the
 * customer, as the IBSS provisions a company group when the first business number is added.
 * Anything else (private numbers, fixed lines) is in no group.
 */
export function groupOf(service: Service): string | null {
  if (service.offeringId !== BUSINESS_MOBILE) return null;
  return service.parameters.groupId ?? `CUG-${service.customerId}`;
}

interface GroupIndex {
  byGroup: ListIndex<Service>;
  byCustomer: ListIndex<Service>;
}

const indexes = new WeakMap<SeedWorld, GroupIndex>();

function indexOf(world: SeedWorld): GroupIndex {
  let index = indexes.get(world);
  if (!index) {
    index = {
      byGroup: new ListIndex(
        () => world.services,
        (s) => groupOf(s) ?? '',
      ),
      byCustomer: new ListIndex(
        () => world.services,
        (s) => s.customerId,
      ),
    };
    indexes.set(world, index);
  }
  return index;
}

function members(world: SeedWorld, groupId: string): Service[] {
  return indexOf(world)
    .byGroup.all(groupId)
    .filter((s) => s.state !== 'terminated');
}

/** The customer that owns a group, or null for a group id nobody has. */
export function ownerOfGroup(world: SeedWorld, groupId: string): string | null {
  if (!groupId) return null;
  return indexOf(world).byGroup.first(groupId)?.customerId ?? null;
}

/** A customer's closed user groups, with their member numbers (an empty list for private customers). */
export function closedGroupsOf(world: SeedWorld, customerId: string): ClosedGroup[] {
  const ids = new Set<string>();
  for (const s of indexOf(world).byCustomer.all(customerId)) {
    const group = groupOf(s);
    if (group) ids.add(group);
  }
  return [...ids].map((id) => ({
    id,
    customerId,
    members: members(world, id).map((s) => s.identifier),
  }));
}

/** GET /ibss/customers/:id/closed-user-groups: the groups a customer may put its numbers in. */
export function registerClosedGroupRoutes(sim: Simulator, world: SeedWorld): void {
  sim.route('GET', '/ibss/customers/:id/closed-user-groups', 'listClosedUserGroups', (req) => {
    if (!req.params.id) return badRequest('customer id is required');
    return { status: 200, body: { items: closedGroupsOf(world, req.params.id) } };
  });
}
