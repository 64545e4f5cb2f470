import type { Resolvers } from '../__generated__/resolvers-types';
import { Account, Customer, User, customerQueries } from './customers';
import { accountCareMutations } from './account-care';
import { Capability, Language } from './enums';
import { Authorization, grantMutations, grantQueries } from './grants';
import { notificationMutations } from './notification-settings';
import { notificationInboxMutations, notificationQueries } from './notifications';
import { languageMutations } from './language';
import { registrationMutations } from './registration';
import { securityEventQueries } from './security-events';
import { AuthSession, signInMutations } from './sign-in';
import { staffMutations } from './staff';

/**
 * The customer subgraph's resolvers, one domain per file. They read arguments, call the services
 * in ../services and shape results; the rules live in the services and in ../permissions.ts.
 */
export const resolvers: Resolvers = {
  Query: { ...customerQueries, ...grantQueries, ...securityEventQueries, ...notificationQueries },
  Mutation: {
    ...signInMutations,
    ...registrationMutations,
    ...staffMutations,
    ...grantMutations,
    ...notificationMutations,
    ...notificationInboxMutations,
    ...accountCareMutations,
    ...languageMutations,
  },
  Customer,
  Account,
  User,
  AuthSession,
  Authorization,
  Capability,
  Language,
};
