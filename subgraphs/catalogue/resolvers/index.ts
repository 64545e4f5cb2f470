import type { Resolvers } from '../__generated__/resolvers-types';
import { Announcement } from './announcement';
import { Mutation } from './mutation';
import { ProductOffering, ProductPrice } from './product-offering';
import { Query } from './query';

/**
 * The catalogue subgraph's resolvers, one file per type or domain. They read arguments, call the
 * services in ../services, and shape results; the (public) access rules are in ../permissions.ts.
 */
export const resolvers: Resolvers = {
  Query,
  Mutation,
  ProductOffering,
  ProductPrice,
  Announcement,
};
