import type {
  AccountResolvers,
  CustomerResolvers,
  QueryResolvers,
  UserResolvers,
} from '../__generated__/resolvers-types';
import { requireUser } from '../../../lib/authz/assertions';
import { contactFor } from '../services/contact-details';
import {
  accountById,
  accountReference,
  customerById,
  customerReference,
  me,
  ownerCustomer,
  userReference,
  visibleAccounts,
} from '../services/customers';
import { notificationSettingsOf } from '../services/notification-preferences';
import { profileOf } from '../services/profile';

/** Customers, their accounts and users, as the CRM has them (TMF629/TMF632). */
export const customerQueries: QueryResolvers = {
  me: (_p, _a, ctx) => me(ctx),
  customer: (_p, { id }, ctx) => customerById(ctx, id),
  account: (_p, { id }, ctx) => accountById(ctx, id),
};

export const Customer: CustomerResolvers = {
  __resolveReference: (ref, ctx) => customerReference(ctx, ref.id),
  contact: (c, _a, ctx) => contactFor(ctx.actor, c, false),
  accounts: (c, _a, ctx) => visibleAccounts(ctx, c.id),
  users: (c, _a, ctx) => ctx.loaders.usersOfCustomer.load(c.id),
  customerSince: (c) => c.createdAt,
};

export const Account: AccountResolvers = {
  __resolveReference: (ref, ctx) => accountReference(ctx, ref.id),
  customer: (a, _x, ctx) => ownerCustomer(ctx, a.customerId),
};

export const User: UserResolvers = {
  __resolveReference: (ref, ctx) => userReference(ctx, ref.id),
  customer: (u, _a, ctx) => ownerCustomer(ctx, u.customerId),
  contact: (u, _a, ctx) =>
    contactFor(ctx.actor, u, ctx.actor.kind === 'customerUser' && ctx.actor.userId === u.id),
  profile: (u, _a, ctx) => profileOf(ctx.profiles, u.id),
  notificationSettings: (u, _a, ctx) => notificationSettingsOf(ctx.crm, requireUser(ctx.actor), u.id),
  // Only the user themself (permissions: isSelf).
  language: (u, _a, ctx) => ctx.languages.of(u.id),
};
