import {
  allow,
  isSignedIn,
  ofOwnCustomer,
  onParent,
  or,
  and,
  isManager,
  type Rules,
} from '../../lib/authz/shield';
import { rule } from 'graphql-shield';
import { forbidden, unauthenticated } from '../../lib/errors';
import type { CustomerContext } from './context';
import type { AccountModel, CustomerModel, UserModel } from '../../legacy/crm/models';
import type { Grant } from '../../lib/authz/grants';
import { mayView } from './services/grants';

const ownCustomer = ofOwnCustomer<CustomerModel>('customer.Customer', (c) => c.id);
const ownAccount = onParent<AccountModel>('customer.Account', null, (a) => ({
  customerId: a.customerId,
  accountId: a.id,
}));
const colleague = ofOwnCustomer<UserModel>('customer.User', (u) => u.customerId);
/** The user whose session this very request opened (completeLogin / refreshSession answers). */
const justSignedIn = rule('justSignedIn', { cache: 'no_cache' })(
  (user: UserModel, _a, ctx: CustomerContext) =>
    ctx.session.openedFor === user.id ? true : unauthenticated(),
);
/** Managers and authorized users may grant; what exactly is checked in services/grants.ts (R2). */
const mayGrant = rule('customer.mayGrant', { cache: 'contextual' })((_p, _a, ctx: CustomerContext) => {
  if (ctx.actor.kind !== 'customerUser') return unauthenticated();
  if (ctx.actor.assistedBy)
    return forbidden('Authorizations are granted by the customer, not by staff acting for them.');
  return ctx.actor.role === 'SSM_USER' ? forbidden('SSM users cannot grant or revoke authorizations.') : true;
});
/**
 * R2: an authorization (its scope, its source, what ended it) is shown to the customer's manager,
 * its holder and the user who gave it; services/grants.ts already filters lists the same way.
 */
const visibleGrant = rule('customer.visibleGrant', { cache: 'no_cache' })((
  grant: Grant,
  _a,
  ctx: CustomerContext,
) => {
  if (ctx.actor.kind !== 'customerUser') return unauthenticated();
  return mayView(ctx.actor, grant) ? true : forbidden();
});
/** R5: operator staff (signed in, whether or not already acting for a customer). */
const isStaff = rule('customer.isStaff', { cache: 'contextual' })((_p, _a, ctx: CustomerContext) =>
  ctx.actor.kind === 'staff' ? true : forbidden('Only operator staff may act on behalf of a customer.'),
);
const hasSession = rule('customer.hasSession', { cache: 'contextual' })((_p, _a, ctx: CustomerContext) =>
  ctx.actor.kind === 'anonymous' ? unauthenticated() : true,
);
const isSelf = rule('isSelf', { cache: 'no_cache' })((user: UserModel, _a, ctx: CustomerContext) => {
  if (ctx.actor.kind !== 'customerUser') return unauthenticated();
  return ctx.actor.userId === user.id ? true : forbidden('Only the user themself may do this.');
});

/**
 * Issue 16: passwords and contact details are the signed-in user's own, personal-data export and
 * erasure the manager's; staff acting for a customer (R5) do none of them.
 */
const inPerson = rule('customer.inPerson', { cache: 'contextual' })((_p, _a, ctx: CustomerContext) => {
  if (ctx.actor.kind !== 'customerUser') return unauthenticated();
  return ctx.actor.assistedBy
    ? forbidden('Only the user themself may do this, not staff acting for them.')
    : true;
});
const managerInPerson = and(isManager, inPerson);

/**
 * Who may do what in the customer subgraph (R1-R3, S1-S3). Sign-in and registration are open;
 * everything else needs a signed-in user of the same customer. Contact details are shown in full
 * to the manager and to their holder, masked to colleagues (S6, services/contact-details.ts).
 */
export const permissions: Rules = {
  Query: {
    _service: allow,
    _entities: allow,
    me: allow,
    customer: isSignedIn,
    account: isSignedIn,
    authorizations: isSignedIn,
    securityEvents: or(isManager, isStaff),
    securityAlarms: or(isManager, isStaff),
    // The inbox is the signed-in user's own: the resolvers read and mark by the actor's user id.
    notifications: isSignedIn,
    notification: isSignedIn,
  },
  Mutation: {
    startLogin: allow,
    completeLogin: allow,
    refreshSession: allow,
    registerCustomer: allow,
    logout: hasSession,
    actOnBehalfOf: isStaff,
    updateNotificationSettings: isSignedIn,
    setLanguage: isSignedIn,
    markNotificationsRead: isSignedIn,
    grantAuthorization: mayGrant,
    revokeAuthorization: mayGrant,
    // Issue 16 account self-care (services/passwords.ts, contact-change.ts,
    // contact-confirmation.ts, personal-data.ts).
    changePassword: inPerson,
    startPasswordReset: allow,
    completePasswordReset: allow,
    updateContactDetails: inPerson,
    requestContactConfirmation: inPerson,
    confirmContact: inPerson,
    updateCustomerAddress: managerInPerson,
    exportCustomerData: managerInPerson,
    eraseUser: managerInPerson,
  },
  _Service: allow,
  Customer: ownCustomer,
  Account: { '*': ownAccount },
  User: { '*': or(colleague, justSignedIn), notificationSettings: isSelf, profile: isSelf, language: isSelf },
  ContactDetails: allow,
  Address: allow,
  NotificationSetting: allow,
  NotificationSettingsResult: allow,
  SetLanguageResult: allow,
  // Reached only through the user's own inbox (notifications / notification / markNotificationsRead).
  Notification: allow,
  NotificationConnection: allow,
  NotificationEdge: allow,
  MarkNotificationsReadResult: allow,
  LoginChallenge: allow,
  LoginFailure: allow,
  AuthSession: allow,
  LogoutResult: allow,
  Registration: allow,
  RegistrationRejected: allow,
  Authorization: visibleGrant,
  GrantRefused: allow,
  RevokeRefused: allow,
  SecurityEvent: allow,
  SecurityEventConnection: allow,
  SecurityEventEdge: allow,
  SecurityAlarm: allow,
  Profile: allow,
  AssistedSession: allow,
  ProfileTopic: allow,
  PageInfo: allow,
  PasswordChanged: allow,
  PasswordChangeRefused: allow,
  PasswordResetStarted: allow,
  PasswordResetCompleted: allow,
  PasswordResetRefused: allow,
  CustomerDataExport: allow,
  UserErased: allow,
  // Answers of the user's own contact confirmation (the mutations are inPerson).
  ContactConfirmationSent: allow,
  ContactConfirmed: allow,
  ContactConfirmationRefused: allow,
};
