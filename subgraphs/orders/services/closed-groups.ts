import type { Actor } from '../../../lib/actor';
import { can } from '../../../lib/authz/decisions';
import { notFound } from '../../../lib/errors';
import { maskLastDigits } from '../../../lib/text';
import type { CallRestrictionModel, ClosedUserGroupRecord } from '../../../legacy/ibss/models';
import type { OrdersContext } from '../context';

/** What reading closed user groups needs from the request. */
type GroupDeps = Pick<OrdersContext, 'actor' | 'ibss'>;

/**
 * F5 + S6: a customer's closed user groups as this actor may read them. The member numbers are
 * the company's staff numbers: in full for the manager, who administers the groups, masked for
 * anyone else of the customer (enough to pick a group, not to build a phone list).
 */
export async function closedGroupsFor(deps: GroupDeps, customerId: string): Promise<ClosedUserGroupRecord[]> {
  const groups = await deps.ibss.listClosedUserGroups(customerId);
  if (seesMembers(deps.actor, customerId)) return groups;
  return groups.map((g) => ({ ...g, members: g.members.map(maskLastDigits) }));
}

function seesMembers(actor: Actor, customerId: string): boolean {
  // A target with no service or account: only a manager of the customer reaches it.
  return can(actor, 'service.configure', { customerId });
}

/**
 * F5 + S3: every closed group named in new restrictions must be one of the service's customer.
 * Another customer's group and a group nobody has answer the same NOT_FOUND, so group ids cannot
 * be probed; the IBSS refuses them too, this check only gives the client a clear typed error.
 */
export async function assertOwnGroups(
  deps: GroupDeps,
  customerId: string,
  restrictions: readonly CallRestrictionModel[],
): Promise<void> {
  const named = restrictions.flatMap((r) => (r.kind === 'CLOSED_USER_GROUP' ? [r.groupId] : []));
  if (named.length === 0) return;
  const own = new Set((await deps.ibss.listClosedUserGroups(customerId)).map((g) => g.id));
  for (const groupId of named) if (!own.has(groupId)) throw notFound('Closed user group', groupId);
}
