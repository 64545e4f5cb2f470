import type { Resolvers } from '../__generated__/resolvers-types';
import { Account, Customer, User, customerQueries } from './customers';
import { Capability } from './enums';
import { Authorization, grantMutations, grantQueries } from './grants';
import { notificationMutations } from './notification-settings';
import { registrationMutations } from './registration';
import { securityEventQueries } from './security-events';
import { AuthSession, signInMutations } from './sign-in';
import { staffMutations } from './staff';

/**
 * The customer subgraph's resolvers, one domain per file. They read arguments, call the services
 * in ../services and shape results; the rules live in the services and in ../permissions.ts.
 */
export const resolvers: Resolvers = {
  Query: { ...customerQueries, ...grantQueries, ...securityEventQueries },
  Mutation: {
    ...signInMutations,
    ...registrationMutations,
    ...staffMutations,
    ...grantMutations,
    ...notificationMutations,
  },
  Customer,
  Account,
  User,
  AuthSession,
  Authorization,
  Capability,
};
