import { serviceTarget, type Target } from '../../lib/authz/decisions';
import type { BillingAccountModel, SubscriptionModel } from '../../legacy/boss/models';

/**
 * What grants are matched against for billing objects. Shared by the rule map (permissions.ts)
 * and the object-level checks in services, so both judge an object the same way.
 */
export const subscriptionTarget = (s: SubscriptionModel): Target =>
  serviceTarget({ id: s.serviceId, customerId: s.customerId, accountId: s.accountId });

/** An account, and every bill on it, is judged by its customer and account. */
export const accountTarget = (a: BillingAccountModel): Target => ({
  customerId: a.customerId,
  accountId: a.id,
});
