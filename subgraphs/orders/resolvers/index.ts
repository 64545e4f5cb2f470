import type { Resolvers } from '../__generated__/resolvers-types';
import { Customer } from './customer';
import { EventSubscription, EventSubscriptionMutation, EventSubscriptionQuery } from './event-subscriptions';
import { Mutation } from './mutation';
import { PartnerOrder, PartnerOrderItem, PartnerSubscription } from './partner';
import { ProductOrder, ProductOrderItem } from './product-order';
import { Query } from './query';
import { ClosedUserGroup, MonthlyAllowance, Service } from './service';

/**
 * The orders subgraph's resolvers, one file per type or domain. They read arguments, call the
 * services in ../services, and shape results; the access rules are in ../permissions.ts.
 */
export const resolvers: Resolvers = {
  Query: { ...Query, ...EventSubscriptionQuery },
  Mutation: { ...Mutation, ...EventSubscriptionMutation },
  Customer,
  Service,
  MonthlyAllowance,
  ClosedUserGroup,
  ProductOrder,
  ProductOrderItem,
  PartnerSubscription,
  PartnerOrder,
  PartnerOrderItem,
  EventSubscription,
};
