import type { Capability } from '../../../lib/authz/capabilities';
import type { Locale as Language } from '../../../lib/i18n/locale';
import type { GraphQLResolveInfo } from 'graphql';
import type { CustomerModel, AccountModel, UserModel } from '../../../legacy/crm/models';
import type { AuthSessionModel } from '../models';
import type { Grant } from '../../../lib/authz/grants';
import type { CustomerContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type EnumResolverSignature<T, AllowedValues = any> = { [key in keyof T]?: AllowedValues };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A billing account of a customer (services are billed to one account). */
export type Account = {
  __typename?: 'Account';
  customer?: Maybe<Customer>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type ActOnBehalfInput = {
  customerId: Scalars['ID']['input'];
  /** Why the help desk acts for the customer (10 to 500 characters); recorded with every action. */
  reason: Scalars['String']['input'];
};

export type Address = {
  __typename?: 'Address';
  /** Network area the address is served from. */
  areaId: Scalars['ID']['output'];
  city: Scalars['String']['output'];
  postcode: Scalars['String']['output'];
  street: Scalars['String']['output'];
};

/** An access token for staff acting for one customer, in the staff member's own session. */
export type AssistedSession = {
  __typename?: 'AssistedSession';
  accessToken: Scalars['String']['output'];
  accessTokenExpiresAt: Scalars['String']['output'];
  customerId: Scalars['ID']['output'];
};

/** Tokens of a signed-in session. */
export type AuthSession = {
  __typename?: 'AuthSession';
  accessToken: Scalars['String']['output'];
  accessTokenExpiresAt: Scalars['String']['output'];
  /** Single use: each refresh returns a new one. */
  refreshToken: Scalars['String']['output'];
  user: User;
};

/** A grant of rights (a TMF672-like permission under the M.3345 non-propagation rule). */
export type Authorization = {
  __typename?: 'Authorization';
  capabilities: Array<Capability>;
  /** The authorization this one was passed on from. Authorized users can enable functions for SSM users only out of an authorization they hold themselves, and what they enable stops working when that authorization does. Null when the self-service manager gave it. */
  derivedFromId?: Maybe<Scalars['ID']['output']>;
  /** When it stopped working: revoked, expired, or ended with an authorization it is derived from. */
  endedAt?: Maybe<Scalars['String']['output']>;
  /** The authorization whose revocation or expiry ended this one: itself, or one it is derived from. */
  endedById?: Maybe<Scalars['ID']['output']>;
  grantedBy: Scalars['ID']['output'];
  grantee?: Maybe<User>;
  granteeId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  revokedAt?: Maybe<Scalars['String']['output']>;
  scopeIds: Array<Scalars['ID']['output']>;
  scopeKind: ScopeKind;
  /** Whether it works now, judged together with every authorization it is derived from. */
  state: AuthorizationState;
  validFrom: Scalars['String']['output'];
  validUntil?: Maybe<Scalars['String']['output']>;
};

/** M.3345 Appendix I levels: 1 = configuration and experience reports, 2 = service checks, 3 = billing and charging checks, TOTAL = payment and billing settings (manager only, never granted). */
export type AuthorizationLevel =
  | 'AUTHORIZATION_1'
  | 'AUTHORIZATION_2'
  | 'AUTHORIZATION_3'
  | 'TOTAL';

/** Whether an authorization works. The default authorizations list shows only PENDING and ACTIVE ones. */
export type AuthorizationState =
  /** It works. */
  | 'ACTIVE'
  /** Its validity period is over. */
  | 'EXPIRED'
  /** Its validity period (or that of an authorization it is derived from) has not started. */
  | 'PENDING'
  /** It was revoked. */
  | 'REVOKED'
  /** An authorization it is derived from was revoked or expired, so this one ended too. */
  | 'SOURCE_ENDED';

/**
 * Cache hints read by Apollo Server's cache-control plugin; the gateway's response cache keeps a
 * response for the smallest maxAge of every subgraph it touched (0 or absent = never cached).
 * PRIVATE entries are keyed by the actor (docs/caching.md).
 */
export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

export { Capability };

export type ChangePasswordInput = {
  /** Keep the session this request came from (other sessions end either way). */
  keepThisSession?: Scalars['Boolean']['input'];
  /** 10 to 200 characters with letters and digits (as at registration). */
  newPassword: Scalars['String']['input'];
  oldPassword: Scalars['String']['input'];
};

export type ChangePasswordResult = PasswordChangeRefused | PasswordChanged;

export type CompleteLoginInput = {
  challengeId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
};

export type CompletePasswordResetInput = {
  actorId: Scalars['String']['input'];
  code: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};

export type CompletePasswordResetResult = PasswordResetCompleted | PasswordResetRefused;

/** The channel was confirmed, or why not. */
export type ConfirmContactResult = ContactConfirmationRefused | ContactConfirmed;

/** A user's contact channel, to confirm after a change. */
export type ContactChannel =
  /** The e-mail address (the code goes by e-mail). */
  | 'EMAIL'
  /** The phone number (the code goes by SMS). */
  | 'PHONE';

/** Why a contact confirmation was refused. */
export type ContactConfirmationRefusal =
  /** The channel is verified already: there is nothing to confirm (and no code was sent). */
  | 'ALREADY_VERIFIED'
  /** The code is wrong, used, expired, or was never sent; ask for a new one. */
  | 'INVALID_CODE'
  /** Too many wrong codes; wait retryAfterSeconds. */
  | 'LOCKED_OUT';

/** Nothing was sent or confirmed, and why. */
export type ContactConfirmationRefused = {
  __typename?: 'ContactConfirmationRefused';
  /** The reason in words, for the user. */
  message: Scalars['String']['output'];
  /** Why. */
  reason: ContactConfirmationRefusal;
  /** Seconds until the lock-out ends (LOCKED_OUT only). */
  retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
};

/** A confirmation code was sent to the changed contact channel. */
export type ContactConfirmationSent = {
  __typename?: 'ContactConfirmationSent';
  /** The channel the code was sent to. */
  channel: ContactChannel;
  /** When the code stops working (ISO 8601). */
  expiresAt: Scalars['String']['output'];
  /** Where the code went, masked. */
  sentTo: Scalars['String']['output'];
};

/** The channel is verified: one-time codes may go to it again. */
export type ContactConfirmed = {
  __typename?: 'ContactConfirmed';
  /** The channel confirmed. */
  channel: ContactChannel;
  /** The signed-in user, with the contact details now confirmed. */
  user: User;
};

export type ContactDetails = {
  __typename?: 'ContactDetails';
  email: Scalars['String']['output'];
  phone: Scalars['String']['output'];
};

/** A customer of the operator: a person or a company. */
export type Customer = {
  __typename?: 'Customer';
  /** Billing accounts of the customer. */
  accounts: Array<Account>;
  address: Address;
  /** Contact details of the customer. */
  contact: ContactDetails;
  customerSince: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: CustomerKind;
  name: Scalars['String']['output'];
  /** People who can sign in for this customer. */
  users: Array<User>;
};

export type CustomerDataExport = {
  __typename?: 'CustomerDataExport';
  customerId: Scalars['ID']['output'];
  /** JSON: the customer, its users (contact, verification, notification settings, profile topics, inbox, authorizations) and its security events. */
  document: Scalars['String']['output'];
  generatedAt: Scalars['String']['output'];
};

export type CustomerKind =
  | 'COMPANY'
  | 'PERSON';

export type GrantAuthorizationInput = {
  /** ...or one account (managers only). */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  capabilities?: InputMaybe<Array<Capability>>;
  /** The user (actor id) receiving the rights; must belong to the same customer. */
  granteeId: Scalars['ID']['input'];
  levels?: InputMaybe<Array<AuthorizationLevel>>;
  /** Scope: named service instances... */
  serviceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** ISO date-time; default now. */
  validFrom?: InputMaybe<Scalars['String']['input']>;
  /** ISO date-time; default open-ended. */
  validUntil?: InputMaybe<Scalars['String']['input']>;
};

export type GrantRefusalReason =
  /** The grantee is not a user of this customer, is a manager, or is the granter. */
  | 'INVALID_GRANTEE'
  /** No capability named, both or neither of serviceIds and accountId, or a bad validity period. */
  | 'INVALID_REQUEST'
  /** TOTAL authorization (payment, billing settings) stays with the manager. */
  | 'MANAGER_ONLY_CAPABILITY'
  /** Authorized users may only enable usage functions for SSM users within their own scope. */
  | 'NON_PROPAGATION'
  /** A service or account in the scope is not the customer's, or not within the granter's scope. */
  | 'OUT_OF_SCOPE';

/** The grant was refused; nothing was stored. */
export type GrantRefused = {
  __typename?: 'GrantRefused';
  message: Scalars['String']['output'];
  reason: GrantRefusalReason;
};

export type GrantResult = Authorization | GrantRefused;

export { Language };

/** A one-time code was sent; complete the login with it. */
export type LoginChallenge = {
  __typename?: 'LoginChallenge';
  challengeId: Scalars['ID']['output'];
  channel: NotificationChannel;
  expiresAt: Scalars['String']['output'];
  /** Where the code went, masked (e.g. +35*******12). */
  sentTo: Scalars['String']['output'];
};

export type LoginFailure = {
  __typename?: 'LoginFailure';
  message: Scalars['String']['output'];
  reason: LoginFailureReason;
  /** When locked out: seconds until another attempt is allowed. */
  retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
};

export type LoginFailureReason =
  | 'CHALLENGE_EXPIRED'
  | 'INVALID_CODE'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_REFRESH_TOKEN'
  | 'LOCKED_OUT';

export type LoginResult = AuthSession | LoginFailure;

export type LogoutResult = {
  __typename?: 'LogoutResult';
  loggedOut: Scalars['Boolean']['output'];
};

export type MarkNotificationsReadResult = {
  __typename?: 'MarkNotificationsReadResult';
  /** How many notifications this call marked (already read or unknown ids count nothing). */
  marked: Scalars['Int']['output'];
  /** How many of the user's notifications are still unread. */
  unreadCount: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Operator staff start acting for a customer, stating why; both identities are recorded. */
  actOnBehalfOf: AssistedSession;
  /** The signed-in user's own password: the CRM checks the old one. Every other session of the user ends (this one too unless keepThisSession). A wrong old password counts toward the sign-in lock-out. */
  changePassword: ChangePasswordResult;
  /** Sign-in, step 2: check the one-time code and open a session. */
  completeLogin: LoginResult;
  /** Sets a new password with the reset code (single use, expires); every session of the user ends. */
  completePasswordReset: CompletePasswordResetResult;
  /** Confirms the signed-in user's changed e-mail address or phone with the code sent to it: the channel is verified again and sign-in codes may go to it. A code works once and expires; wrong codes count toward a temporary lock-out of confirmation. */
  confirmContact: ConfirmContactResult;
  /** Erases a user of the manager's customer (not the manager): contact data anonymised in the CRM, profile and inbox deleted, authorizations revoked, sessions ended. Security events and bills stay, naming the actor id. */
  eraseUser: UserErased;
  /** Everything the SSM store and the CRM hold on the customer and its users, as one JSON document (the manager's). */
  exportCustomerData: CustomerDataExport;
  /** Give a user of the same customer rights over named services or one account. */
  grantAuthorization: GrantResult;
  /** End the session: its access and refresh tokens stop working. */
  logout: LogoutResult;
  /** Marks the named notifications of the signed-in user's inbox, or all of them (all: true), as read. */
  markNotificationsRead: MarkNotificationsReadResult;
  /** Exchange a refresh token for a new session; the old refresh token stops working. */
  refreshSession: LoginResult;
  /** Create a customer, its first account and its manager login. */
  registerCustomer: RegisterCustomerResult;
  /** Sends a one-time code to the signed-in user's own changed, not yet confirmed e-mail address (EMAIL) or phone (PHONE), within the message limits. Nothing is sent when that channel is already verified. A new code replaces the previous one. */
  requestContactConfirmation: RequestContactConfirmationResult;
  /** Withdraw an authorization; it stops working on the very next request. */
  revokeAuthorization: RevokeResult;
  /** Sets the signed-in user's own language, or with null clears the choice. It applies from the next request on, and to the SMS and e-mail notifications they are sent. */
  setLanguage: SetLanguageResult;
  /** Sign-in, step 1: check the actor id and static password, then send a one-time code. */
  startLogin: StartLoginResult;
  /** Sends a one-time reset code to the user's verified phone or e-mail. The answer is the same whether or not the actor id exists. */
  startPasswordReset: PasswordResetStarted;
  /** The signed-in user's own e-mail and/or phone, in the CRM. A changed one is unverified: no code goes to it until it is confirmed, so one verified channel must remain. */
  updateContactDetails: User;
  /** The customer's address, in the CRM (the manager's). */
  updateCustomerAddress: Customer;
  /** Which events reach the signed-in user, on which channels. */
  updateNotificationSettings: NotificationSettingsResult;
};


export type MutationActOnBehalfOfArgs = {
  input: ActOnBehalfInput;
};


export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


export type MutationCompleteLoginArgs = {
  input: CompleteLoginInput;
};


export type MutationCompletePasswordResetArgs = {
  input: CompletePasswordResetInput;
};


export type MutationConfirmContactArgs = {
  channel: ContactChannel;
  code: Scalars['String']['input'];
};


export type MutationEraseUserArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationGrantAuthorizationArgs = {
  input: GrantAuthorizationInput;
};


export type MutationMarkNotificationsReadArgs = {
  all?: InputMaybe<Scalars['Boolean']['input']>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRegisterCustomerArgs = {
  input: RegisterCustomerInput;
};


export type MutationRequestContactConfirmationArgs = {
  channel: ContactChannel;
};


export type MutationRevokeAuthorizationArgs = {
  authorizationId: Scalars['ID']['input'];
};


export type MutationSetLanguageArgs = {
  language?: InputMaybe<Language>;
};


export type MutationStartLoginArgs = {
  input: StartLoginInput;
};


export type MutationStartPasswordResetArgs = {
  actorId: Scalars['String']['input'];
};


export type MutationUpdateContactDetailsArgs = {
  input: UpdateContactDetailsInput;
};


export type MutationUpdateCustomerAddressArgs = {
  input: UpdateAddressInput;
};


export type MutationUpdateNotificationSettingsArgs = {
  input: Array<NotificationSettingInput>;
};

/** A message in the signed-in user's in-app inbox. */
export type Notification = {
  __typename?: 'Notification';
  body: Scalars['String']['output'];
  createdAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Which kind of event it tells of; the user's notification settings for that kind decide its channels. */
  kind: NotificationEvent;
  read: Scalars['Boolean']['output'];
  /** The order, ticket, test, bill, payment or alarm it is about. */
  subjectId?: Maybe<Scalars['ID']['output']>;
  /** One line, in the user's language. */
  title: Scalars['String']['output'];
};

export type NotificationChannel =
  | 'EMAIL'
  /** The in-app inbox (Query.notifications); not a way to send a sign-in code. */
  | 'IN_APP'
  | 'SMS';

/** A page of the inbox. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  edges: Array<NotificationEdge>;
  pageInfo: PageInfo;
  /** How many notifications match (all of them, or the unread ones with unreadOnly). */
  totalCount: Scalars['Int']['output'];
  /** How many of the user's notifications are unread, whatever the filter. */
  unreadCount: Scalars['Int']['output'];
};

export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  cursor: Scalars['String']['output'];
  node: Notification;
};

export type NotificationEvent =
  | 'BILL_ISSUED'
  | 'NETWORK_ALARM'
  | 'ORDER_COMPLETED'
  | 'PAYMENT_RECEIVED'
  | 'TICKET_UPDATED'
  /** A service's monthly spend passed the alert threshold the user set. */
  | 'USAGE_ALERT';

export type NotificationSetting = {
  __typename?: 'NotificationSetting';
  /** Empty means the event is not sent. */
  channels: Array<NotificationChannel>;
  event: NotificationEvent;
};

export type NotificationSettingInput = {
  channels: Array<NotificationChannel>;
  event: NotificationEvent;
};

export type NotificationSettingsResult = {
  __typename?: 'NotificationSettingsResult';
  settings: Array<NotificationSetting>;
};

/** Relay pagination info. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PasswordChangeRefusal =
  /** The old password is wrong. */
  | 'INVALID_CREDENTIALS'
  /** Too many wrong passwords; wait retryAfterSeconds. */
  | 'LOCKED_OUT';

export type PasswordChangeRefused = {
  __typename?: 'PasswordChangeRefused';
  message: Scalars['String']['output'];
  reason: PasswordChangeRefusal;
  retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
};

export type PasswordChanged = {
  __typename?: 'PasswordChanged';
  /** How many other open sessions ended. */
  sessionsEnded: Scalars['Int']['output'];
};

export type PasswordResetCompleted = {
  __typename?: 'PasswordResetCompleted';
  /** Sign in with the new password. */
  actorId: Scalars['String']['output'];
};

export type PasswordResetRefusal =
  /** The code is wrong, used, expired, or was never sent. */
  | 'INVALID_CODE'
  | 'LOCKED_OUT';

export type PasswordResetRefused = {
  __typename?: 'PasswordResetRefused';
  message: Scalars['String']['output'];
  reason: PasswordResetRefusal;
  retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
};

/** Always the same answer: a code was sent if the actor id exists and has a verified channel. */
export type PasswordResetStarted = {
  __typename?: 'PasswordResetStarted';
  /** Minutes the code stays valid. */
  expiresInMinutes: Scalars['Int']['output'];
  message: Scalars['String']['output'];
};

/** The self-service profile of a user: usage history used to personalise the catalogue. */
export type Profile = {
  __typename?: 'Profile';
  topics: Array<ProfileTopic>;
};

export type ProfileTopic = {
  __typename?: 'ProfileTopic';
  hits: Scalars['Int']['output'];
  /** category:<name> or type:<service type>. */
  topic: Scalars['String']['output'];
};

/** Customers, accounts, users and sign-in, served from the operator's CRM (TMF629/TMF632). */
export type Query = {
  __typename?: 'Query';
  /** An account by id; only accounts of the signed-in user's customer are visible. */
  account?: Maybe<Account>;
  /** The manager sees every authorization of the customer; other users their own. */
  authorizations: Array<Authorization>;
  /** A customer by id; only the signed-in user's own customer is visible. */
  customer?: Maybe<Customer>;
  /** The signed-in user (null when anonymous). */
  me?: Maybe<User>;
  /** One notification of the signed-in user's own inbox (another user's id answers NOT_FOUND, like an unknown one). */
  notification?: Maybe<Notification>;
  /** The signed-in user's in-app inbox, newest first. Never cached: it changes with every event. */
  notifications: NotificationConnection;
  /** Alarms raised for the customer's users (manager), or for all customers (operator staff). */
  securityAlarms: Array<SecurityAlarm>;
  /** Security events, newest first: the manager's own customer's; operator staff see all customers' (or one, with customerId). */
  securityEvents: SecurityEventConnection;
};


/** Customers, accounts, users and sign-in, served from the operator's CRM (TMF629/TMF632). */
export type QueryAccountArgs = {
  id: Scalars['ID']['input'];
};


/** Customers, accounts, users and sign-in, served from the operator's CRM (TMF629/TMF632). */
export type QueryAuthorizationsArgs = {
  includeRevoked?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Customers, accounts, users and sign-in, served from the operator's CRM (TMF629/TMF632). */
export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


/** Customers, accounts, users and sign-in, served from the operator's CRM (TMF629/TMF632). */
export type QueryNotificationArgs = {
  id: Scalars['ID']['input'];
};


/** Customers, accounts, users and sign-in, served from the operator's CRM (TMF629/TMF632). */
export type QueryNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Customers, accounts, users and sign-in, served from the operator's CRM (TMF629/TMF632). */
export type QuerySecurityAlarmsArgs = {
  customerId?: InputMaybe<Scalars['ID']['input']>;
};


/** Customers, accounts, users and sign-in, served from the operator's CRM (TMF629/TMF632). */
export type QuerySecurityEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<SecurityEventKind>;
};

export type RegisterCustomerInput = {
  /** The login name to create. */
  actorId: Scalars['String']['input'];
  city: Scalars['String']['input'];
  email: Scalars['String']['input'];
  /** Client-chosen key, scoped to the e-mail address: repeating the same registration with the same key registers once and answers alike; the same key under another address is a new registration, and the same key with different details is CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  kind?: CustomerKind;
  name: Scalars['String']['input'];
  password: Scalars['String']['input'];
  phone: Scalars['String']['input'];
  postcode: Scalars['String']['input'];
  street: Scalars['String']['input'];
};

export type RegisterCustomerResult = Registration | RegistrationRejected;

/** The registration was accepted. The answer is the same whether or not the actor id was free, so it tells no one which login names exist: the outcome (the new customer, account and login, or that the login name is not available) is sent to the e-mail address given, and sign-in codes go there too until the phone number is verified. */
export type Registration = {
  __typename?: 'Registration';
  /** The login name that was asked for. */
  actorId: Scalars['String']['output'];
  /** Where the outcome was sent: the e-mail address given, masked. */
  sentTo: Scalars['String']['output'];
};

export type RegistrationRejected = {
  __typename?: 'RegistrationRejected';
  message: Scalars['String']['output'];
  reason: RegistrationRejectionReason;
  /** Seconds until another registration may be accepted. */
  retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
};

export type RegistrationRejectionReason =
  /** Too many registrations from this source, or too many messages to this e-mail address, for now. */
  | 'TOO_MANY_REGISTRATIONS';

/** The code was sent, or why not. */
export type RequestContactConfirmationResult = ContactConfirmationRefused | ContactConfirmationSent;

export type RevokeRefused = {
  __typename?: 'RevokeRefused';
  message: Scalars['String']['output'];
};

export type RevokeResult = Authorization | RevokeRefused;

export type ScopeKind =
  | 'ACCOUNT'
  | 'SERVICES';

/** A suspicious pattern of events. */
export type SecurityAlarm = {
  __typename?: 'SecurityAlarm';
  actorId?: Maybe<Scalars['String']['output']>;
  at: Scalars['String']['output'];
  eventCount: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: SecurityAlarmKind;
};

export type SecurityAlarmKind =
  | 'ACCESS_DENIAL_BURST'
  | 'REPEATED_LOGIN_FAILURES';

/** One recorded security event. */
export type SecurityEvent = {
  __typename?: 'SecurityEvent';
  /** The actor id that acted (or tried to). */
  actorId?: Maybe<Scalars['String']['output']>;
  at: Scalars['String']['output'];
  customerId?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  kind: SecurityEventKind;
  outcome: SecurityEventOutcome;
  /** What was acted on (service, bill, grant, order id). */
  target?: Maybe<Scalars['String']['output']>;
};

export type SecurityEventConnection = {
  __typename?: 'SecurityEventConnection';
  edges: Array<SecurityEventEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SecurityEventEdge = {
  __typename?: 'SecurityEventEdge';
  cursor: Scalars['String']['output'];
  node: SecurityEvent;
};

/** Kinds of security event. */
export type SecurityEventKind =
  | 'ACCESS_DENIED'
  | 'ACTIVATION'
  | 'ASSISTED_ACCESS'
  | 'BILLING_SETTINGS_CHANGE'
  | 'CANCELLATION'
  | 'CONTACT_CHANGE'
  /** A code sent to a changed e-mail address or phone, a wrong code tried, or the channel confirmed. */
  | 'CONTACT_CONFIRMATION'
  | 'DATA_EXPORT'
  | 'ERASURE'
  | 'GRANT'
  | 'LOCKOUT'
  | 'LOGIN'
  | 'LOGOUT'
  | 'PARAMETER_CHANGE'
  /** Issue 16: account self-care. */
  | 'PASSWORD_CHANGE'
  | 'PASSWORD_RESET'
  | 'PAYMENT'
  | 'RESUME'
  | 'REVOKE'
  | 'SUSPEND'
  | 'TERMINATE'
  | 'TOKEN_REFRESH';

/** PENDING: stored before the operation ran and its outcome was not recorded (investigate). */
export type SecurityEventOutcome =
  | 'DENIED'
  | 'FAILURE'
  | 'PENDING'
  | 'SUCCESS';

/** The signed-in user's language after the change. */
export type SetLanguageResult = {
  __typename?: 'SetLanguageResult';
  /** The language now chosen; null when the choice was cleared. */
  language?: Maybe<Language>;
};

export type StartLoginInput = {
  /** The actor id (login name) registered in the CRM. */
  actorId: Scalars['String']['input'];
  /** Where to send the one-time code. */
  channel?: NotificationChannel;
  password: Scalars['String']['input'];
};

export type StartLoginResult = LoginChallenge | LoginFailure;

/** Pushed at the gateway (issue 13). */
export type Subscription = {
  __typename?: 'Subscription';
  /** Each notification as it lands in the signed-in user's inbox (as Query.notification). */
  notificationReceived: Notification;
};

export type UpdateAddressInput = {
  city: Scalars['String']['input'];
  /** Five digits. */
  postcode: Scalars['String']['input'];
  street: Scalars['String']['input'];
};

export type UpdateContactDetailsInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  /** The user's current password: a session alone cannot change where codes and password resets go. A wrong one counts toward the sign-in lock-out. */
  password: Scalars['String']['input'];
  /** E.164, e.g. +358401234567. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** A person who signs in for a customer. */
export type User = {
  __typename?: 'User';
  contact: ContactDetails;
  customer: Customer;
  id: Scalars['ID']['output'];
  /** The language this user chose (only for the user themself). Null: each request's Accept-Language decides, English when it names neither. */
  language?: Maybe<Language>;
  name: Scalars['String']['output'];
  /** Notification settings, one entry per event kind. */
  notificationSettings: Array<NotificationSetting>;
  /** The user's profile (only for the user themself). Never cached: browsing changes it. */
  profile?: Maybe<Profile>;
  role: UserRole;
};

export type UserErased = {
  __typename?: 'UserErased';
  authorizationsRevoked: Scalars['Int']['output'];
  /** False when the user had been erased before (nothing more was done). */
  erasedNow: Scalars['Boolean']['output'];
  sessionsEnded: Scalars['Int']['output'];
  userId: Scalars['ID']['output'];
};

/** Role of a customer's user. */
export type UserRole =
  | 'AUTHORIZED_USER'
  | 'MANAGER'
  | 'SSM_USER'
  /** Operator help-desk staff. */
  | 'STAFF';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Account: Account;
  Customer: Customer;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Account:
    ( { __typename: 'Account' }
    & GraphQLRecursivePick<FederationTypes['Account'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  ChangePasswordResult:
    | ( PasswordChangeRefused & { __typename: 'PasswordChangeRefused' } )
    | ( PasswordChanged & { __typename: 'PasswordChanged' } )
  ;
  CompletePasswordResetResult:
    | ( PasswordResetCompleted & { __typename: 'PasswordResetCompleted' } )
    | ( PasswordResetRefused & { __typename: 'PasswordResetRefused' } )
  ;
  ConfirmContactResult:
    | ( ContactConfirmationRefused & { __typename: 'ContactConfirmationRefused' } )
    | ( Omit<ContactConfirmed, 'user'> & { user: _RefType['User'] } & { __typename: 'ContactConfirmed' } )
  ;
  GrantResult:
    | ( Grant & { __typename: 'Authorization' } )
    | ( GrantRefused & { __typename: 'GrantRefused' } )
  ;
  LoginResult:
    | ( AuthSessionModel & { __typename: 'AuthSession' } )
    | ( LoginFailure & { __typename: 'LoginFailure' } )
  ;
  RegisterCustomerResult:
    | ( Registration & { __typename: 'Registration' } )
    | ( RegistrationRejected & { __typename: 'RegistrationRejected' } )
  ;
  RequestContactConfirmationResult:
    | ( ContactConfirmationRefused & { __typename: 'ContactConfirmationRefused' } )
    | ( ContactConfirmationSent & { __typename: 'ContactConfirmationSent' } )
  ;
  RevokeResult:
    | ( Grant & { __typename: 'Authorization' } )
    | ( RevokeRefused & { __typename: 'RevokeRefused' } )
  ;
  StartLoginResult:
    | ( LoginChallenge & { __typename: 'LoginChallenge' } )
    | ( LoginFailure & { __typename: 'LoginFailure' } )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Account: ResolverTypeWrapper<AccountModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ActOnBehalfInput: ActOnBehalfInput;
  Address: ResolverTypeWrapper<Address>;
  AssistedSession: ResolverTypeWrapper<AssistedSession>;
  AuthSession: ResolverTypeWrapper<AuthSessionModel>;
  Authorization: ResolverTypeWrapper<Grant>;
  AuthorizationLevel: AuthorizationLevel;
  AuthorizationState: AuthorizationState;
  CacheControlScope: CacheControlScope;
  Capability: Capability;
  ChangePasswordInput: ChangePasswordInput;
  ChangePasswordResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ChangePasswordResult']>;
  CompleteLoginInput: CompleteLoginInput;
  CompletePasswordResetInput: CompletePasswordResetInput;
  CompletePasswordResetResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CompletePasswordResetResult']>;
  ConfirmContactResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ConfirmContactResult']>;
  ContactChannel: ContactChannel;
  ContactConfirmationRefusal: ContactConfirmationRefusal;
  ContactConfirmationRefused: ResolverTypeWrapper<ContactConfirmationRefused>;
  ContactConfirmationSent: ResolverTypeWrapper<ContactConfirmationSent>;
  ContactConfirmed: ResolverTypeWrapper<Omit<ContactConfirmed, 'user'> & { user: ResolversTypes['User'] }>;
  ContactDetails: ResolverTypeWrapper<ContactDetails>;
  Customer: ResolverTypeWrapper<CustomerModel>;
  CustomerDataExport: ResolverTypeWrapper<CustomerDataExport>;
  CustomerKind: CustomerKind;
  GrantAuthorizationInput: GrantAuthorizationInput;
  GrantRefusalReason: GrantRefusalReason;
  GrantRefused: ResolverTypeWrapper<GrantRefused>;
  GrantResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['GrantResult']>;
  Language: Language;
  LoginChallenge: ResolverTypeWrapper<LoginChallenge>;
  LoginFailure: ResolverTypeWrapper<LoginFailure>;
  LoginFailureReason: LoginFailureReason;
  LoginResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['LoginResult']>;
  LogoutResult: ResolverTypeWrapper<LogoutResult>;
  MarkNotificationsReadResult: ResolverTypeWrapper<MarkNotificationsReadResult>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Notification: ResolverTypeWrapper<Notification>;
  NotificationChannel: NotificationChannel;
  NotificationConnection: ResolverTypeWrapper<NotificationConnection>;
  NotificationEdge: ResolverTypeWrapper<NotificationEdge>;
  NotificationEvent: NotificationEvent;
  NotificationSetting: ResolverTypeWrapper<NotificationSetting>;
  NotificationSettingInput: NotificationSettingInput;
  NotificationSettingsResult: ResolverTypeWrapper<NotificationSettingsResult>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PasswordChangeRefusal: PasswordChangeRefusal;
  PasswordChangeRefused: ResolverTypeWrapper<PasswordChangeRefused>;
  PasswordChanged: ResolverTypeWrapper<PasswordChanged>;
  PasswordResetCompleted: ResolverTypeWrapper<PasswordResetCompleted>;
  PasswordResetRefusal: PasswordResetRefusal;
  PasswordResetRefused: ResolverTypeWrapper<PasswordResetRefused>;
  PasswordResetStarted: ResolverTypeWrapper<PasswordResetStarted>;
  Profile: ResolverTypeWrapper<Profile>;
  ProfileTopic: ResolverTypeWrapper<ProfileTopic>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterCustomerInput: RegisterCustomerInput;
  RegisterCustomerResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RegisterCustomerResult']>;
  Registration: ResolverTypeWrapper<Registration>;
  RegistrationRejected: ResolverTypeWrapper<RegistrationRejected>;
  RegistrationRejectionReason: RegistrationRejectionReason;
  RequestContactConfirmationResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RequestContactConfirmationResult']>;
  RevokeRefused: ResolverTypeWrapper<RevokeRefused>;
  RevokeResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RevokeResult']>;
  ScopeKind: ScopeKind;
  SecurityAlarm: ResolverTypeWrapper<SecurityAlarm>;
  SecurityAlarmKind: SecurityAlarmKind;
  SecurityEvent: ResolverTypeWrapper<SecurityEvent>;
  SecurityEventConnection: ResolverTypeWrapper<SecurityEventConnection>;
  SecurityEventEdge: ResolverTypeWrapper<SecurityEventEdge>;
  SecurityEventKind: SecurityEventKind;
  SecurityEventOutcome: SecurityEventOutcome;
  SetLanguageResult: ResolverTypeWrapper<SetLanguageResult>;
  StartLoginInput: StartLoginInput;
  StartLoginResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['StartLoginResult']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UpdateAddressInput: UpdateAddressInput;
  UpdateContactDetailsInput: UpdateContactDetailsInput;
  User: ResolverTypeWrapper<UserModel>;
  UserErased: ResolverTypeWrapper<UserErased>;
  UserRole: UserRole;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Account: AccountModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  ActOnBehalfInput: ActOnBehalfInput;
  Address: Address;
  AssistedSession: AssistedSession;
  AuthSession: AuthSessionModel;
  Authorization: Grant;
  ChangePasswordInput: ChangePasswordInput;
  ChangePasswordResult: ResolversUnionTypes<ResolversParentTypes>['ChangePasswordResult'];
  CompleteLoginInput: CompleteLoginInput;
  CompletePasswordResetInput: CompletePasswordResetInput;
  CompletePasswordResetResult: ResolversUnionTypes<ResolversParentTypes>['CompletePasswordResetResult'];
  ConfirmContactResult: ResolversUnionTypes<ResolversParentTypes>['ConfirmContactResult'];
  ContactConfirmationRefused: ContactConfirmationRefused;
  ContactConfirmationSent: ContactConfirmationSent;
  ContactConfirmed: Omit<ContactConfirmed, 'user'> & { user: ResolversParentTypes['User'] };
  ContactDetails: ContactDetails;
  Customer: CustomerModel;
  CustomerDataExport: CustomerDataExport;
  GrantAuthorizationInput: GrantAuthorizationInput;
  GrantRefused: GrantRefused;
  GrantResult: ResolversUnionTypes<ResolversParentTypes>['GrantResult'];
  LoginChallenge: LoginChallenge;
  LoginFailure: LoginFailure;
  LoginResult: ResolversUnionTypes<ResolversParentTypes>['LoginResult'];
  LogoutResult: LogoutResult;
  MarkNotificationsReadResult: MarkNotificationsReadResult;
  Mutation: Record<PropertyKey, never>;
  Notification: Notification;
  NotificationConnection: NotificationConnection;
  NotificationEdge: NotificationEdge;
  NotificationSetting: NotificationSetting;
  NotificationSettingInput: NotificationSettingInput;
  NotificationSettingsResult: NotificationSettingsResult;
  PageInfo: PageInfo;
  PasswordChangeRefused: PasswordChangeRefused;
  PasswordChanged: PasswordChanged;
  PasswordResetCompleted: PasswordResetCompleted;
  PasswordResetRefused: PasswordResetRefused;
  PasswordResetStarted: PasswordResetStarted;
  Profile: Profile;
  ProfileTopic: ProfileTopic;
  Query: Record<PropertyKey, never>;
  RegisterCustomerInput: RegisterCustomerInput;
  RegisterCustomerResult: ResolversUnionTypes<ResolversParentTypes>['RegisterCustomerResult'];
  Registration: Registration;
  RegistrationRejected: RegistrationRejected;
  RequestContactConfirmationResult: ResolversUnionTypes<ResolversParentTypes>['RequestContactConfirmationResult'];
  RevokeRefused: RevokeRefused;
  RevokeResult: ResolversUnionTypes<ResolversParentTypes>['RevokeResult'];
  SecurityAlarm: SecurityAlarm;
  SecurityEvent: SecurityEvent;
  SecurityEventConnection: SecurityEventConnection;
  SecurityEventEdge: SecurityEventEdge;
  SetLanguageResult: SetLanguageResult;
  StartLoginInput: StartLoginInput;
  StartLoginResult: ResolversUnionTypes<ResolversParentTypes>['StartLoginResult'];
  Subscription: Record<PropertyKey, never>;
  UpdateAddressInput: UpdateAddressInput;
  UpdateContactDetailsInput: UpdateContactDetailsInput;
  User: UserModel;
  UserErased: UserErased;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = CustomerContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AccountResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account'], FederationReferenceType extends FederationReferenceTypes['Account'] = FederationReferenceTypes['Account']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Account']> | FederationReferenceType, FederationReferenceType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AddressResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  areaId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postcode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  street?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AssistedSessionResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['AssistedSession'] = ResolversParentTypes['AssistedSession']> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accessTokenExpiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type AuthSessionResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['AuthSession'] = ResolversParentTypes['AuthSession']> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accessTokenExpiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AuthorizationResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['Authorization'] = ResolversParentTypes['Authorization']> = ResolversObject<{
  capabilities?: Resolver<Array<ResolversTypes['Capability']>, ParentType, ContextType>;
  derivedFromId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endedById?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  grantedBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  grantee?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  granteeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scopeIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  scopeKind?: Resolver<ResolversTypes['ScopeKind'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['AuthorizationState'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CapabilityResolvers = EnumResolverSignature<{ BILLING_PAY?: any, BILLING_SETTINGS?: any, BILLING_VIEW?: any, EXPERIENCE_REPORT?: any, FAULT_REPORT?: any, SERVICE_CHECK?: any, SERVICE_CONFIGURE?: any, SERVICE_ORDER?: any, USAGE_VIEW?: any }, ResolversTypes['Capability']>;

export type ChangePasswordResultResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['ChangePasswordResult'] = ResolversParentTypes['ChangePasswordResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'PasswordChangeRefused' | 'PasswordChanged', ParentType, ContextType>;
}>;

export type CompletePasswordResetResultResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['CompletePasswordResetResult'] = ResolversParentTypes['CompletePasswordResetResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'PasswordResetCompleted' | 'PasswordResetRefused', ParentType, ContextType>;
}>;

export type ConfirmContactResultResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['ConfirmContactResult'] = ResolversParentTypes['ConfirmContactResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'ContactConfirmationRefused' | 'ContactConfirmed', ParentType, ContextType>;
}>;

export type ContactConfirmationRefusedResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['ContactConfirmationRefused'] = ResolversParentTypes['ContactConfirmationRefused']> = ResolversObject<{
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['ContactConfirmationRefusal'], ParentType, ContextType>;
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ContactConfirmationSentResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['ContactConfirmationSent'] = ResolversParentTypes['ContactConfirmationSent']> = ResolversObject<{
  channel?: Resolver<ResolversTypes['ContactChannel'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sentTo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ContactConfirmedResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['ContactConfirmed'] = ResolversParentTypes['ContactConfirmed']> = ResolversObject<{
  channel?: Resolver<ResolversTypes['ContactChannel'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ContactDetailsResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['ContactDetails'] = ResolversParentTypes['ContactDetails']> = ResolversObject<{
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accounts?: Resolver<Array<ResolversTypes['Account']>, ParentType, ContextType>;
  address?: Resolver<ResolversTypes['Address'], ParentType, ContextType>;
  contact?: Resolver<ResolversTypes['ContactDetails'], ParentType, ContextType>;
  customerSince?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CustomerKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  users?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type CustomerDataExportResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['CustomerDataExport'] = ResolversParentTypes['CustomerDataExport']> = ResolversObject<{
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  document?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type GrantRefusedResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['GrantRefused'] = ResolversParentTypes['GrantRefused']> = ResolversObject<{
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['GrantRefusalReason'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type GrantResultResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['GrantResult'] = ResolversParentTypes['GrantResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Authorization' | 'GrantRefused', ParentType, ContextType>;
}>;

export type LanguageResolvers = EnumResolverSignature<{ EN?: any, ZH_HANS?: any }, ResolversTypes['Language']>;

export type LoginChallengeResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['LoginChallenge'] = ResolversParentTypes['LoginChallenge']> = ResolversObject<{
  challengeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['NotificationChannel'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sentTo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type LoginFailureResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['LoginFailure'] = ResolversParentTypes['LoginFailure']> = ResolversObject<{
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['LoginFailureReason'], ParentType, ContextType>;
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type LoginResultResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['LoginResult'] = ResolversParentTypes['LoginResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'AuthSession' | 'LoginFailure', ParentType, ContextType>;
}>;

export type LogoutResultResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['LogoutResult'] = ResolversParentTypes['LogoutResult']> = ResolversObject<{
  loggedOut?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type MarkNotificationsReadResultResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['MarkNotificationsReadResult'] = ResolversParentTypes['MarkNotificationsReadResult']> = ResolversObject<{
  marked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  actOnBehalfOf?: Resolver<ResolversTypes['AssistedSession'], ParentType, ContextType, RequireFields<MutationActOnBehalfOfArgs, 'input'>>;
  changePassword?: Resolver<ResolversTypes['ChangePasswordResult'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'input'>>;
  completeLogin?: Resolver<ResolversTypes['LoginResult'], ParentType, ContextType, RequireFields<MutationCompleteLoginArgs, 'input'>>;
  completePasswordReset?: Resolver<ResolversTypes['CompletePasswordResetResult'], ParentType, ContextType, RequireFields<MutationCompletePasswordResetArgs, 'input'>>;
  confirmContact?: Resolver<ResolversTypes['ConfirmContactResult'], ParentType, ContextType, RequireFields<MutationConfirmContactArgs, 'channel' | 'code'>>;
  eraseUser?: Resolver<ResolversTypes['UserErased'], ParentType, ContextType, RequireFields<MutationEraseUserArgs, 'userId'>>;
  exportCustomerData?: Resolver<ResolversTypes['CustomerDataExport'], ParentType, ContextType>;
  grantAuthorization?: Resolver<ResolversTypes['GrantResult'], ParentType, ContextType, RequireFields<MutationGrantAuthorizationArgs, 'input'>>;
  logout?: Resolver<ResolversTypes['LogoutResult'], ParentType, ContextType>;
  markNotificationsRead?: Resolver<ResolversTypes['MarkNotificationsReadResult'], ParentType, ContextType, Partial<MutationMarkNotificationsReadArgs>>;
  refreshSession?: Resolver<ResolversTypes['LoginResult'], ParentType, ContextType, RequireFields<MutationRefreshSessionArgs, 'refreshToken'>>;
  registerCustomer?: Resolver<ResolversTypes['RegisterCustomerResult'], ParentType, ContextType, RequireFields<MutationRegisterCustomerArgs, 'input'>>;
  requestContactConfirmation?: Resolver<ResolversTypes['RequestContactConfirmationResult'], ParentType, ContextType, RequireFields<MutationRequestContactConfirmationArgs, 'channel'>>;
  revokeAuthorization?: Resolver<ResolversTypes['RevokeResult'], ParentType, ContextType, RequireFields<MutationRevokeAuthorizationArgs, 'authorizationId'>>;
  setLanguage?: Resolver<ResolversTypes['SetLanguageResult'], ParentType, ContextType, Partial<MutationSetLanguageArgs>>;
  startLogin?: Resolver<ResolversTypes['StartLoginResult'], ParentType, ContextType, RequireFields<MutationStartLoginArgs, 'input'>>;
  startPasswordReset?: Resolver<ResolversTypes['PasswordResetStarted'], ParentType, ContextType, RequireFields<MutationStartPasswordResetArgs, 'actorId'>>;
  updateContactDetails?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateContactDetailsArgs, 'input'>>;
  updateCustomerAddress?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<MutationUpdateCustomerAddressArgs, 'input'>>;
  updateNotificationSettings?: Resolver<ResolversTypes['NotificationSettingsResult'], ParentType, ContextType, RequireFields<MutationUpdateNotificationSettingsArgs, 'input'>>;
}>;

export type NotificationResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification']> = ResolversObject<{
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NotificationEvent'], ParentType, ContextType>;
  read?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  subjectId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type NotificationConnectionResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['NotificationConnection'] = ResolversParentTypes['NotificationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['NotificationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type NotificationEdgeResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['NotificationEdge'] = ResolversParentTypes['NotificationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Notification'], ParentType, ContextType>;
}>;

export type NotificationSettingResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['NotificationSetting'] = ResolversParentTypes['NotificationSetting']> = ResolversObject<{
  channels?: Resolver<Array<ResolversTypes['NotificationChannel']>, ParentType, ContextType>;
  event?: Resolver<ResolversTypes['NotificationEvent'], ParentType, ContextType>;
}>;

export type NotificationSettingsResultResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['NotificationSettingsResult'] = ResolversParentTypes['NotificationSettingsResult']> = ResolversObject<{
  settings?: Resolver<Array<ResolversTypes['NotificationSetting']>, ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PasswordChangeRefusedResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['PasswordChangeRefused'] = ResolversParentTypes['PasswordChangeRefused']> = ResolversObject<{
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['PasswordChangeRefusal'], ParentType, ContextType>;
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PasswordChangedResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['PasswordChanged'] = ResolversParentTypes['PasswordChanged']> = ResolversObject<{
  sessionsEnded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PasswordResetCompletedResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['PasswordResetCompleted'] = ResolversParentTypes['PasswordResetCompleted']> = ResolversObject<{
  actorId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PasswordResetRefusedResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['PasswordResetRefused'] = ResolversParentTypes['PasswordResetRefused']> = ResolversObject<{
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['PasswordResetRefusal'], ParentType, ContextType>;
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PasswordResetStartedResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['PasswordResetStarted'] = ResolversParentTypes['PasswordResetStarted']> = ResolversObject<{
  expiresInMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ProfileResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['Profile'] = ResolversParentTypes['Profile']> = ResolversObject<{
  topics?: Resolver<Array<ResolversTypes['ProfileTopic']>, ParentType, ContextType>;
}>;

export type ProfileTopicResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['ProfileTopic'] = ResolversParentTypes['ProfileTopic']> = ResolversObject<{
  hits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType, RequireFields<QueryAccountArgs, 'id'>>;
  authorizations?: Resolver<Array<ResolversTypes['Authorization']>, ParentType, ContextType, RequireFields<QueryAuthorizationsArgs, 'includeRevoked'>>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  notification?: Resolver<Maybe<ResolversTypes['Notification']>, ParentType, ContextType, RequireFields<QueryNotificationArgs, 'id'>>;
  notifications?: Resolver<ResolversTypes['NotificationConnection'], ParentType, ContextType, RequireFields<QueryNotificationsArgs, 'first' | 'unreadOnly'>>;
  securityAlarms?: Resolver<Array<ResolversTypes['SecurityAlarm']>, ParentType, ContextType, Partial<QuerySecurityAlarmsArgs>>;
  securityEvents?: Resolver<ResolversTypes['SecurityEventConnection'], ParentType, ContextType, RequireFields<QuerySecurityEventsArgs, 'first'>>;
}>;

export type RegisterCustomerResultResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['RegisterCustomerResult'] = ResolversParentTypes['RegisterCustomerResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Registration' | 'RegistrationRejected', ParentType, ContextType>;
}>;

export type RegistrationResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['Registration'] = ResolversParentTypes['Registration']> = ResolversObject<{
  actorId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sentTo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RegistrationRejectedResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['RegistrationRejected'] = ResolversParentTypes['RegistrationRejected']> = ResolversObject<{
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['RegistrationRejectionReason'], ParentType, ContextType>;
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RequestContactConfirmationResultResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['RequestContactConfirmationResult'] = ResolversParentTypes['RequestContactConfirmationResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'ContactConfirmationRefused' | 'ContactConfirmationSent', ParentType, ContextType>;
}>;

export type RevokeRefusedResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['RevokeRefused'] = ResolversParentTypes['RevokeRefused']> = ResolversObject<{
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RevokeResultResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['RevokeResult'] = ResolversParentTypes['RevokeResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Authorization' | 'RevokeRefused', ParentType, ContextType>;
}>;

export type SecurityAlarmResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['SecurityAlarm'] = ResolversParentTypes['SecurityAlarm']> = ResolversObject<{
  actorId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SecurityAlarmKind'], ParentType, ContextType>;
}>;

export type SecurityEventResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['SecurityEvent'] = ResolversParentTypes['SecurityEvent']> = ResolversObject<{
  actorId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SecurityEventKind'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['SecurityEventOutcome'], ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type SecurityEventConnectionResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['SecurityEventConnection'] = ResolversParentTypes['SecurityEventConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['SecurityEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SecurityEventEdgeResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['SecurityEventEdge'] = ResolversParentTypes['SecurityEventEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SecurityEvent'], ParentType, ContextType>;
}>;

export type SetLanguageResultResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['SetLanguageResult'] = ResolversParentTypes['SetLanguageResult']> = ResolversObject<{
  language?: Resolver<Maybe<ResolversTypes['Language']>, ParentType, ContextType>;
}>;

export type StartLoginResultResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['StartLoginResult'] = ResolversParentTypes['StartLoginResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'LoginChallenge' | 'LoginFailure', ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  notificationReceived?: SubscriptionResolver<ResolversTypes['Notification'], "notificationReceived", ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  contact?: Resolver<ResolversTypes['ContactDetails'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<Maybe<ResolversTypes['Language']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  notificationSettings?: Resolver<Array<ResolversTypes['NotificationSetting']>, ParentType, ContextType>;
  profile?: Resolver<Maybe<ResolversTypes['Profile']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['UserRole'], ParentType, ContextType>;
}>;

export type UserErasedResolvers<ContextType = CustomerContext, ParentType extends ResolversParentTypes['UserErased'] = ResolversParentTypes['UserErased']> = ResolversObject<{
  authorizationsRevoked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  erasedNow?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sessionsEnded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CustomerContext> = ResolversObject<{
  Account?: AccountResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  AssistedSession?: AssistedSessionResolvers<ContextType>;
  AuthSession?: AuthSessionResolvers<ContextType>;
  Authorization?: AuthorizationResolvers<ContextType>;
  Capability?: CapabilityResolvers;
  ChangePasswordResult?: ChangePasswordResultResolvers<ContextType>;
  CompletePasswordResetResult?: CompletePasswordResetResultResolvers<ContextType>;
  ConfirmContactResult?: ConfirmContactResultResolvers<ContextType>;
  ContactConfirmationRefused?: ContactConfirmationRefusedResolvers<ContextType>;
  ContactConfirmationSent?: ContactConfirmationSentResolvers<ContextType>;
  ContactConfirmed?: ContactConfirmedResolvers<ContextType>;
  ContactDetails?: ContactDetailsResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerDataExport?: CustomerDataExportResolvers<ContextType>;
  GrantRefused?: GrantRefusedResolvers<ContextType>;
  GrantResult?: GrantResultResolvers<ContextType>;
  Language?: LanguageResolvers;
  LoginChallenge?: LoginChallengeResolvers<ContextType>;
  LoginFailure?: LoginFailureResolvers<ContextType>;
  LoginResult?: LoginResultResolvers<ContextType>;
  LogoutResult?: LogoutResultResolvers<ContextType>;
  MarkNotificationsReadResult?: MarkNotificationsReadResultResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  NotificationConnection?: NotificationConnectionResolvers<ContextType>;
  NotificationEdge?: NotificationEdgeResolvers<ContextType>;
  NotificationSetting?: NotificationSettingResolvers<ContextType>;
  NotificationSettingsResult?: NotificationSettingsResultResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PasswordChangeRefused?: PasswordChangeRefusedResolvers<ContextType>;
  PasswordChanged?: PasswordChangedResolvers<ContextType>;
  PasswordResetCompleted?: PasswordResetCompletedResolvers<ContextType>;
  PasswordResetRefused?: PasswordResetRefusedResolvers<ContextType>;
  PasswordResetStarted?: PasswordResetStartedResolvers<ContextType>;
  Profile?: ProfileResolvers<ContextType>;
  ProfileTopic?: ProfileTopicResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RegisterCustomerResult?: RegisterCustomerResultResolvers<ContextType>;
  Registration?: RegistrationResolvers<ContextType>;
  RegistrationRejected?: RegistrationRejectedResolvers<ContextType>;
  RequestContactConfirmationResult?: RequestContactConfirmationResultResolvers<ContextType>;
  RevokeRefused?: RevokeRefusedResolvers<ContextType>;
  RevokeResult?: RevokeResultResolvers<ContextType>;
  SecurityAlarm?: SecurityAlarmResolvers<ContextType>;
  SecurityEvent?: SecurityEventResolvers<ContextType>;
  SecurityEventConnection?: SecurityEventConnectionResolvers<ContextType>;
  SecurityEventEdge?: SecurityEventEdgeResolvers<ContextType>;
  SetLanguageResult?: SetLanguageResultResolvers<ContextType>;
  StartLoginResult?: StartLoginResultResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserErased?: UserErasedResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = CustomerContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
