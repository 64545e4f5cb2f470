import { serviceTarget } from '../../lib/authz/decisions';
import {
  allow,
  holds,
  isManager,
  isPartnerWith,
  isSignedIn,
  ofOwnCustomer,
  onParent,
  type Rules,
} from '../../lib/authz/shield';
import type { EntityRef } from '../../lib/entity-ref';
import type { OrderModel, ServiceModel } from '../../legacy/ibss/models';

/**
 * Who may do what in the orders subgraph. Rules that need no data sit on root fields; object
 * rules on the types, so entities reached through `_entities` are guarded like root fields.
 * Mutations also check the named service or account in the resolver (NOT_FOUND when not allowed).
 */
export const permissions: Rules = {
  Query: {
    _service: allow,
    _entities: allow,
    productOrder: isSignedIn,
    service: isSignedIn,
    partnerSubscriptions: isPartnerWith('subscriptions:read'),
    partnerOrders: isPartnerWith('orders:read'),
    // R4 webhooks carry order events: the scope that reads orders. Each partner sees only its own.
    eventSubscriptions: isPartnerWith('orders:read'),
    eventSubscription: isPartnerWith('orders:read'),
  },
  Mutation: {
    placeProductOrder: holds('service.order'),
    cancelProductOrder: holds('service.order'),
    changeServiceParameters: holds('service.configure'),
    configureCallRestrictions: holds('service.configure'),
    suspendService: holds('service.order'),
    resumeService: holds('service.order'),
    terminateService: holds('service.order'),
    createEventSubscription: isPartnerWith('orders:read'),
    deleteEventSubscription: isPartnerWith('orders:read'),
  },
  _Service: allow,
  Customer: { '*': ofOwnCustomer<EntityRef>('orders.Customer', (c) => c.id), productOrders: isManager },
  Service: onParent<ServiceModel>('orders.Service', null, serviceTarget),
  ProductOrder: onParent<OrderModel>('orders.ProductOrder', 'service.order', (o) => ({
    customerId: o.customerId,
    accountId: o.accountId,
  })),
  ProductOrderItem: allow,
  Account: allow,
  ProductOffering: allow,
  ServiceParameter: allow,
  IncomingCallTimeWindow: allow,
  ClosedUserGroup: allow,
  // Reached only through Customer.closedUserGroups, which the Customer rule guards.
  CompanyClosedUserGroup: allow,
  OutgoingCallWhitelist: allow,
  MonthlyAllowance: allow,
  Money: allow,
  ServiceConnection: allow,
  ServiceEdge: allow,
  ProductOrderConnection: allow,
  ProductOrderEdge: allow,
  PageInfo: allow,
  OrderRejected: allow,
  OrderCancellationRefused: allow,
  PartnerSubscription: allow,
  PartnerSubscriptionConnection: allow,
  PartnerSubscriptionEdge: allow,
  PartnerOrder: allow,
  PartnerOrderItem: allow,
  PartnerOrderConnection: allow,
  PartnerOrderEdge: allow,
  // Reached only through the partner's own root fields above (no @key, so no _entities).
  EventSubscription: allow,
  DeadLetter: allow,
  CreatedEventSubscription: allow,
};
