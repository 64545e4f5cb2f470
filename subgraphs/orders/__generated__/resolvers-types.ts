import type { GraphQLResolveInfo } from 'graphql';
import type { ServiceModel, OrderModel, OrderItemModel, PartnerSubscriptionModel, IncomingTimeWindowModel, ClosedUserGroupModel, OutgoingWhitelistModel, MonthlyAllowanceModel } from '../../../legacy/ibss/models';
import type { EventSubscriptionModel, DeadLetterModel } from '../services/webhooks/models';
import type { EntityRef } from '../../../lib/entity-ref';
import type { MoneyModel } from '../../../lib/money';
import type { OrdersContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
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

export type Account = {
  __typename?: 'Account';
  id: Scalars['ID']['output'];
};

/**
 * Cache hints read by Apollo Server's cache-control plugin; the gateway's response cache keeps a
 * response for the smallest maxAge of every subgraph it touched (0 or absent = never cached).
 * PRIVATE entries are keyed by the actor (docs/caching.md).
 */
export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

export type CallRestriction = ClosedUserGroup | IncomingCallTimeWindow | MonthlyAllowance | OutgoingCallWhitelist;

/** Exactly one member must be set. */
export type CallRestrictionInput = {
  closedUserGroup?: InputMaybe<ClosedUserGroupInput>;
  incomingTimeWindow?: InputMaybe<IncomingCallTimeWindowInput>;
  monthlyAllowance?: InputMaybe<MonthlyAllowanceInput>;
  outgoingWhitelist?: InputMaybe<OutgoingCallWhitelistInput>;
};

export type CancelOrderResult = OrderCancellationRefused | ProductOrder;

export type CancelProductOrderInput = {
  /** Client-chosen key: repeating the call with the same key cancels once and answers the same. */
  idempotencyKey: Scalars['String']['input'];
  /** The order to cancel, as returned when it was placed (including a queued order's id). */
  orderId: Scalars['ID']['input'];
  /** Why the customer cancels, passed on to the order system. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type ChangeServiceParametersInput = {
  idempotencyKey: Scalars['String']['input'];
  parameters: Array<ServiceParameterInput>;
  serviceId: Scalars['ID']['input'];
};

/** Calls only inside the company group. */
export type ClosedUserGroup = {
  __typename?: 'ClosedUserGroup';
  allowEmergencyCalls: Scalars['Boolean']['output'];
  groupId: Scalars['String']['output'];
};

export type ClosedUserGroupInput = {
  allowEmergencyCalls?: Scalars['Boolean']['input'];
  groupId: Scalars['String']['input'];
};

/** A company's closed user group: the numbers that may call each other when restricted to it. */
export type CompanyClosedUserGroup = {
  __typename?: 'CompanyClosedUserGroup';
  /** The id a ClosedUserGroupInput names. */
  id: Scalars['ID']['output'];
  /** The member numbers: in full for the customer's manager, masked for other users. */
  members: Array<Scalars['String']['output']>;
};

export type ConfigureCallRestrictionsInput = {
  idempotencyKey: Scalars['String']['input'];
  /** Empty list removes every restriction. */
  restrictions: Array<CallRestrictionInput>;
  serviceId: Scalars['ID']['input'];
};

export type CreateEventSubscriptionInput = {
  /** ISO 8601; after it the subscription ends. Unset: it lasts until deleted. */
  expiresAt?: InputMaybe<Scalars['String']['input']>;
  /** Where deliveries are POSTed: an absolute http(s) URL (https only in production). */
  sink: Scalars['String']['input'];
  sinkCredential?: InputMaybe<SinkCredentialInput>;
  types: Array<PartnerEventType>;
};

/** A new subscription and its signing secret, which is shown only here. */
export type CreatedEventSubscription = {
  __typename?: 'CreatedEventSubscription';
  /** Verify each delivery's `x-ssm-signature` with it (docs/partners.md). Store it: it is not shown again. */
  signingSecret: Scalars['String']['output'];
  subscription: EventSubscription;
};

export type Customer = {
  __typename?: 'Customer';
  /** The customer's own closed user groups; a closed-group restriction may name only these. */
  closedUserGroups: Array<CompanyClosedUserGroup>;
  id: Scalars['ID']['output'];
  /** The customer's orders, newest first. */
  productOrders?: Maybe<ProductOrderConnection>;
  /** The customer's installed services, of every type. */
  services?: Maybe<ServiceConnection>;
};


export type CustomerProductOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<OrderState>;
};


export type CustomerServicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ServiceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A delivery given up after its last attempt (or when its subscription ended before it could be sent). */
export type DeadLetter = {
  __typename?: 'DeadLetter';
  attempts: Scalars['Int']['output'];
  /** The CloudEvents `id` it would have had. */
  eventId: Scalars['ID']['output'];
  /** Why the last attempt failed (an HTTP status or a network error), without the sink's answer. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** The CloudEvents `time`. */
  time: Scalars['String']['output'];
  /** The CloudEvents `type`. */
  type: Scalars['String']['output'];
};

/** A partner's registration of a sink for some event types. */
export type EventSubscription = {
  __typename?: 'EventSubscription';
  createdAt: Scalars['String']['output'];
  /** Deliveries given up after the last retry, newest first. */
  deadLetters: Array<DeadLetter>;
  expiresAt?: Maybe<Scalars['String']['output']>;
  /** Whether deliveries carry the sink credential given at registration (never shown again). */
  hasSinkCredential: Scalars['Boolean']['output'];
  /** Unique and stable, a cache key for clients. */
  id: Scalars['ID']['output'];
  /** Deliveries waiting to be sent or retried. */
  pendingDeliveries: Scalars['Int']['output'];
  sink: Scalars['String']['output'];
  status: EventSubscriptionStatus;
  types: Array<PartnerEventType>;
};


/** A partner's registration of a sink for some event types. */
export type EventSubscriptionDeadLettersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** ACTIVE until `expiresAt`, then EXPIRED (nothing more is delivered). */
export type EventSubscriptionStatus =
  | 'ACTIVE'
  | 'EXPIRED';

/** Receives calls only within a time window. */
export type IncomingCallTimeWindow = {
  __typename?: 'IncomingCallTimeWindow';
  days: Array<Weekday>;
  /** HH:MM, inclusive. */
  from: Scalars['String']['output'];
  /** HH:MM, exclusive. */
  to: Scalars['String']['output'];
};

export type IncomingCallTimeWindowInput = {
  days: Array<Weekday>;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};

export type Money = {
  __typename?: 'Money';
  amount: Scalars['String']['output'];
  currency: Scalars['String']['output'];
  minorUnits: Scalars['Int']['output'];
};

/** A monthly allowance, after which only listed numbers can be called. */
export type MonthlyAllowance = {
  __typename?: 'MonthlyAllowance';
  allowance: Money;
  numbersAfterAllowance: Array<Scalars['String']['output']>;
};

export type MonthlyAllowanceInput = {
  /** Cents. */
  allowanceMinorUnits: Scalars['Int']['input'];
  numbersAfterAllowance: Array<Scalars['String']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Cancel an order that has not started yet (acknowledged, pending or held); a queued order is never sent. */
  cancelProductOrder: CancelOrderResult;
  /** Change configurable parameters of a service. */
  changeServiceParameters: OrderResult;
  /** Set the call restrictions of a business mobile number (replaces the current ones). */
  configureCallRestrictions: OrderResult;
  /** Registers a sink for events about the partner's own products. The signing secret is shown once, here. */
  createEventSubscription: CreatedEventSubscription;
  /** Ends a subscription: nothing more is sent to its sink but a final `org.ssm.subscription.ends` event. Answers its id. */
  deleteEventSubscription: Scalars['ID']['output'];
  /** Order new products or a bundle (items may be fulfilled by different providers). */
  placeProductOrder: OrderResult;
  /** Resume a suspended service. */
  resumeService: OrderResult;
  /** Suspend a service. */
  suspendService: OrderResult;
  /** Terminate a service. */
  terminateService: OrderResult;
};


export type MutationCancelProductOrderArgs = {
  input: CancelProductOrderInput;
};


export type MutationChangeServiceParametersArgs = {
  input: ChangeServiceParametersInput;
};


export type MutationConfigureCallRestrictionsArgs = {
  input: ConfigureCallRestrictionsInput;
};


export type MutationCreateEventSubscriptionArgs = {
  input: CreateEventSubscriptionInput;
};


export type MutationDeleteEventSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPlaceProductOrderArgs = {
  input: PlaceProductOrderInput;
};


export type MutationResumeServiceArgs = {
  input: ServiceLifecycleInput;
};


export type MutationSuspendServiceArgs = {
  input: ServiceLifecycleInput;
};


export type MutationTerminateServiceArgs = {
  input: ServiceLifecycleInput;
};

/** The order system would not cancel the order (work on it has started or it has finished); nothing was changed. */
export type OrderCancellationRefused = {
  __typename?: 'OrderCancellationRefused';
  reason: Scalars['String']['output'];
};

export type OrderItemAction =
  | 'ADD'
  | 'MODIFY'
  | 'RESUME'
  | 'SUSPEND'
  | 'TERMINATE';

export type OrderItemInput = {
  /** For a mobile offering: the number, in E.164 form, chosen among free ones (Query.availableNumbers). */
  number?: InputMaybe<Scalars['String']['input']>;
  offeringId: Scalars['ID']['input'];
  parameters?: InputMaybe<Array<ServiceParameterInput>>;
};

/** The order was refused; nothing was changed. */
export type OrderRejected = {
  __typename?: 'OrderRejected';
  code: OrderRejectionCode;
  reason: Scalars['String']['output'];
};

/** Why an order was refused. */
export type OrderRejectionCode =
  /** A product needs a network (e.g. fibre) that the customer's address does not have. */
  | 'NOT_AVAILABLE_AT_ADDRESS'
  /** The chosen number is taken (or was just reserved by another order). */
  | 'NUMBER_TAKEN'
  /** The order system refused it; the reason says why. */
  | 'ORDER_SYSTEM_REFUSED';

export type OrderResult = OrderRejected | ProductOrder;

/** TMF622 order and order item states. */
export type OrderState =
  | 'acknowledged'
  | 'assessingCancellation'
  | 'cancelled'
  | 'completed'
  | 'failed'
  | 'held'
  | 'inProgress'
  | 'partial'
  | 'pending'
  | 'pendingCancellation'
  | 'rejected';

/** May call only the listed numbers. */
export type OutgoingCallWhitelist = {
  __typename?: 'OutgoingCallWhitelist';
  numbers: Array<Scalars['String']['output']>;
};

export type OutgoingCallWhitelistInput = {
  numbers: Array<Scalars['String']['input']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/**
 * Event types a partner can subscribe to; each is delivered as the CloudEvents `type` named here.
 * `org.ssm.subscription.ends` (the subscription expired or was deleted) is always sent.
 */
export type PartnerEventType =
  /** `org.ssm.order.completed`: such an order completed. Subscribed with ORDER_STATE_CHANGED, the completion comes once, as this type. */
  | 'ORDER_COMPLETED'
  /** `org.ssm.order.state-changed`: every state change of an order that includes the partner's products. */
  | 'ORDER_STATE_CHANGED';

/** An order as a partner sees it: only the items of its own products. */
export type PartnerOrder = {
  __typename?: 'PartnerOrder';
  createdAt: Scalars['String']['output'];
  /** The order's id: unique and stable, a cache key for clients. */
  id: Scalars['ID']['output'];
  items: Array<PartnerOrderItem>;
  /** @deprecated Use `id`, which has the same value. */
  orderId: Scalars['ID']['output'];
  state: OrderState;
};

export type PartnerOrderConnection = {
  __typename?: 'PartnerOrderConnection';
  edges: Array<PartnerOrderEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PartnerOrderEdge = {
  __typename?: 'PartnerOrderEdge';
  cursor: Scalars['String']['output'];
  node: PartnerOrder;
};

export type PartnerOrderItem = {
  __typename?: 'PartnerOrderItem';
  offering?: Maybe<ProductOffering>;
  state: OrderState;
};

/** A subscription to one of the partner's products, as the partner sees it: no number, customer or account. */
export type PartnerSubscription = {
  __typename?: 'PartnerSubscription';
  /** The subscription's id: unique and stable, a cache key for clients. */
  id: Scalars['ID']['output'];
  offering: ProductOffering;
  startDate: Scalars['String']['output'];
  state: ProductState;
  /** @deprecated Use `id`, which has the same value. */
  subscriptionId: Scalars['ID']['output'];
};

export type PartnerSubscriptionConnection = {
  __typename?: 'PartnerSubscriptionConnection';
  edges: Array<PartnerSubscriptionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PartnerSubscriptionEdge = {
  __typename?: 'PartnerSubscriptionEdge';
  cursor: Scalars['String']['output'];
  node: PartnerSubscription;
};

export type PlaceProductOrderInput = {
  accountId: Scalars['ID']['input'];
  /** Client-chosen key: repeating the call with the same key returns the first order. */
  idempotencyKey: Scalars['String']['input'];
  items: Array<OrderItemInput>;
  note?: InputMaybe<Scalars['String']['input']>;
};

export type ProductOffering = {
  __typename?: 'ProductOffering';
  id: Scalars['ID']['output'];
};

/** A product order (TMF622). */
export type ProductOrder = {
  __typename?: 'ProductOrder';
  account?: Maybe<Account>;
  completedAt?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  items: Array<ProductOrderItem>;
  note?: Maybe<Scalars['String']['output']>;
  state: OrderState;
};

export type ProductOrderConnection = {
  __typename?: 'ProductOrderConnection';
  edges: Array<ProductOrderEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ProductOrderEdge = {
  __typename?: 'ProductOrderEdge';
  cursor: Scalars['String']['output'];
  node: ProductOrder;
};

export type ProductOrderItem = {
  __typename?: 'ProductOrderItem';
  action: OrderItemAction;
  failureReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The offering ordered (ADD) or of the service changed. */
  offering?: Maybe<ProductOffering>;
  /** The service created or changed, once known. */
  service?: Maybe<Service>;
  state: OrderState;
  /** Work order sent to the network element or partner platform. */
  workOrderId: Scalars['String']['output'];
};

/** TMF637 product states. */
export type ProductState =
  | 'aborted'
  | 'active'
  | 'cancelled'
  | 'created'
  | 'pendingActive'
  | 'pendingTerminate'
  | 'suspended'
  | 'terminated';

/**
 * Product ordering (TMF622) and the product inventory (TMF637) of the IBSS order system.
 * Every change to a service is an order: it is acknowledged at once and completed asynchronously.
 */
export type Query = {
  __typename?: 'Query';
  /** One of the calling partner's event subscriptions; anyone else's id answers NOT_FOUND, like an unknown one. */
  eventSubscription?: Maybe<EventSubscription>;
  /** The calling partner's live and expired event subscriptions (deleted ones are gone), oldest first. */
  eventSubscriptions: Array<EventSubscription>;
  /** Orders that include the calling partner's products, showing only those items. */
  partnerOrders?: Maybe<PartnerOrderConnection>;
  /** Subscriptions to the calling partner's products, without customer data. */
  partnerSubscriptions?: Maybe<PartnerSubscriptionConnection>;
  /** An order of the signed-in user's customer. */
  productOrder?: Maybe<ProductOrder>;
  /** An installed service of the signed-in user's customer. */
  service?: Maybe<Service>;
};


/**
 * Product ordering (TMF622) and the product inventory (TMF637) of the IBSS order system.
 * Every change to a service is an order: it is acknowledged at once and completed asynchronously.
 */
export type QueryEventSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Product ordering (TMF622) and the product inventory (TMF637) of the IBSS order system.
 * Every change to a service is an order: it is acknowledged at once and completed asynchronously.
 */
export type QueryPartnerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Product ordering (TMF622) and the product inventory (TMF637) of the IBSS order system.
 * Every change to a service is an order: it is acknowledged at once and completed asynchronously.
 */
export type QueryPartnerSubscriptionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Product ordering (TMF622) and the product inventory (TMF637) of the IBSS order system.
 * Every change to a service is an order: it is acknowledged at once and completed asynchronously.
 */
export type QueryProductOrderArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Product ordering (TMF622) and the product inventory (TMF637) of the IBSS order system.
 * Every change to a service is an order: it is acknowledged at once and completed asynchronously.
 */
export type QueryServiceArgs = {
  id: Scalars['ID']['input'];
};

/** An installed product / service instance: a mobile number, a fixed line, a broadband line, an IPTV subscription. */
export type Service = {
  __typename?: 'Service';
  account?: Maybe<Account>;
  /** Call restrictions in force (business mobile numbers). */
  callRestrictions: Array<CallRestriction>;
  customer?: Maybe<Customer>;
  id: Scalars['ID']['output'];
  /** MSISDN, fixed number, circuit id or subscription id. */
  identifier: Scalars['String']['output'];
  offering?: Maybe<ProductOffering>;
  /** Current values of the service's characteristics. */
  parameters: Array<ServiceParameter>;
  startDate: Scalars['String']['output'];
  state: ProductState;
  type: ServiceType;
};

export type ServiceConnection = {
  __typename?: 'ServiceConnection';
  edges: Array<ServiceEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ServiceEdge = {
  __typename?: 'ServiceEdge';
  cursor: Scalars['String']['output'];
  node: Service;
};

export type ServiceFilter = {
  state?: InputMaybe<ProductState>;
  type?: InputMaybe<ServiceType>;
};

export type ServiceLifecycleInput = {
  idempotencyKey: Scalars['String']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  serviceId: Scalars['ID']['input'];
};

export type ServiceParameter = {
  __typename?: 'ServiceParameter';
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type ServiceParameterInput = {
  name: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

/** Kinds of service; one model for all of them. */
export type ServiceType =
  | 'BROADBAND'
  | 'FIXED_LINE'
  | 'IPTV'
  | 'MOBILE';

/** How the API authenticates to the sink (CAMARA `sinkCredential`): sent as `Authorization: Bearer <accessToken>`. */
export type SinkCredentialInput = {
  accessToken: Scalars['String']['input'];
};

/** Pushed over graphql-ws or GraphQL over SSE at the gateway (issue 13): each event is resolved as the equivalent query, with the subscriber's rights. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Every state change of an order the signed-in user may follow (as Query.productOrder), until it is final. */
  orderUpdated: ProductOrder;
};


/** Pushed over graphql-ws or GraphQL over SSE at the gateway (issue 13): each event is resolved as the equivalent query, with the subscriber's rights. */
export type SubscriptionOrderUpdatedArgs = {
  id: Scalars['ID']['input'];
};

export type Weekday =
  | 'FRI'
  | 'MON'
  | 'SAT'
  | 'SUN'
  | 'THU'
  | 'TUE'
  | 'WED';

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
  Customer: Customer;
  PartnerSubscription: PartnerSubscription;
  ProductOrder: ProductOrder;
  Service: Service;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  PartnerSubscription:
    ( { __typename: 'PartnerSubscription' }
    & GraphQLRecursivePick<FederationTypes['PartnerSubscription'], {"id":true}> );
  ProductOrder:
    ( { __typename: 'ProductOrder' }
    & GraphQLRecursivePick<FederationTypes['ProductOrder'], {"id":true}> );
  Service:
    ( { __typename: 'Service' }
    & GraphQLRecursivePick<FederationTypes['Service'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  CallRestriction:
    | ( ClosedUserGroupModel & { __typename: 'ClosedUserGroup' } )
    | ( IncomingTimeWindowModel & { __typename: 'IncomingCallTimeWindow' } )
    | ( MonthlyAllowanceModel & { __typename: 'MonthlyAllowance' } )
    | ( OutgoingWhitelistModel & { __typename: 'OutgoingCallWhitelist' } )
  ;
  CancelOrderResult:
    | ( OrderCancellationRefused & { __typename: 'OrderCancellationRefused' } )
    | ( OrderModel & { __typename: 'ProductOrder' } )
  ;
  OrderResult:
    | ( OrderRejected & { __typename: 'OrderRejected' } )
    | ( OrderModel & { __typename: 'ProductOrder' } )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Account: ResolverTypeWrapper<EntityRef>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CacheControlScope: CacheControlScope;
  CallRestriction: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CallRestriction']>;
  CallRestrictionInput: CallRestrictionInput;
  CancelOrderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CancelOrderResult']>;
  CancelProductOrderInput: CancelProductOrderInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ChangeServiceParametersInput: ChangeServiceParametersInput;
  ClosedUserGroup: ResolverTypeWrapper<ClosedUserGroupModel>;
  ClosedUserGroupInput: ClosedUserGroupInput;
  CompanyClosedUserGroup: ResolverTypeWrapper<CompanyClosedUserGroup>;
  ConfigureCallRestrictionsInput: ConfigureCallRestrictionsInput;
  CreateEventSubscriptionInput: CreateEventSubscriptionInput;
  CreatedEventSubscription: ResolverTypeWrapper<Omit<CreatedEventSubscription, 'subscription'> & { subscription: ResolversTypes['EventSubscription'] }>;
  Customer: ResolverTypeWrapper<EntityRef>;
  DeadLetter: ResolverTypeWrapper<DeadLetterModel>;
  EventSubscription: ResolverTypeWrapper<EventSubscriptionModel>;
  EventSubscriptionStatus: EventSubscriptionStatus;
  IncomingCallTimeWindow: ResolverTypeWrapper<IncomingTimeWindowModel>;
  IncomingCallTimeWindowInput: IncomingCallTimeWindowInput;
  Money: ResolverTypeWrapper<MoneyModel>;
  MonthlyAllowance: ResolverTypeWrapper<MonthlyAllowanceModel>;
  MonthlyAllowanceInput: MonthlyAllowanceInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OrderCancellationRefused: ResolverTypeWrapper<OrderCancellationRefused>;
  OrderItemAction: OrderItemAction;
  OrderItemInput: OrderItemInput;
  OrderRejected: ResolverTypeWrapper<OrderRejected>;
  OrderRejectionCode: OrderRejectionCode;
  OrderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['OrderResult']>;
  OrderState: OrderState;
  OutgoingCallWhitelist: ResolverTypeWrapper<OutgoingWhitelistModel>;
  OutgoingCallWhitelistInput: OutgoingCallWhitelistInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PartnerEventType: PartnerEventType;
  PartnerOrder: ResolverTypeWrapper<OrderModel>;
  PartnerOrderConnection: ResolverTypeWrapper<Omit<PartnerOrderConnection, 'edges'> & { edges: Array<ResolversTypes['PartnerOrderEdge']> }>;
  PartnerOrderEdge: ResolverTypeWrapper<Omit<PartnerOrderEdge, 'node'> & { node: ResolversTypes['PartnerOrder'] }>;
  PartnerOrderItem: ResolverTypeWrapper<OrderItemModel>;
  PartnerSubscription: ResolverTypeWrapper<PartnerSubscriptionModel>;
  PartnerSubscriptionConnection: ResolverTypeWrapper<Omit<PartnerSubscriptionConnection, 'edges'> & { edges: Array<ResolversTypes['PartnerSubscriptionEdge']> }>;
  PartnerSubscriptionEdge: ResolverTypeWrapper<Omit<PartnerSubscriptionEdge, 'node'> & { node: ResolversTypes['PartnerSubscription'] }>;
  PlaceProductOrderInput: PlaceProductOrderInput;
  ProductOffering: ResolverTypeWrapper<EntityRef>;
  ProductOrder: ResolverTypeWrapper<OrderModel>;
  ProductOrderConnection: ResolverTypeWrapper<Omit<ProductOrderConnection, 'edges'> & { edges: Array<ResolversTypes['ProductOrderEdge']> }>;
  ProductOrderEdge: ResolverTypeWrapper<Omit<ProductOrderEdge, 'node'> & { node: ResolversTypes['ProductOrder'] }>;
  ProductOrderItem: ResolverTypeWrapper<OrderItemModel>;
  ProductState: ProductState;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Service: ResolverTypeWrapper<ServiceModel>;
  ServiceConnection: ResolverTypeWrapper<Omit<ServiceConnection, 'edges'> & { edges: Array<ResolversTypes['ServiceEdge']> }>;
  ServiceEdge: ResolverTypeWrapper<Omit<ServiceEdge, 'node'> & { node: ResolversTypes['Service'] }>;
  ServiceFilter: ServiceFilter;
  ServiceLifecycleInput: ServiceLifecycleInput;
  ServiceParameter: ResolverTypeWrapper<ServiceParameter>;
  ServiceParameterInput: ServiceParameterInput;
  ServiceType: ServiceType;
  SinkCredentialInput: SinkCredentialInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Weekday: Weekday;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Account: EntityRef;
  ID: Scalars['ID']['output'];
  CallRestriction: ResolversUnionTypes<ResolversParentTypes>['CallRestriction'];
  CallRestrictionInput: CallRestrictionInput;
  CancelOrderResult: ResolversUnionTypes<ResolversParentTypes>['CancelOrderResult'];
  CancelProductOrderInput: CancelProductOrderInput;
  String: Scalars['String']['output'];
  ChangeServiceParametersInput: ChangeServiceParametersInput;
  ClosedUserGroup: ClosedUserGroupModel;
  ClosedUserGroupInput: ClosedUserGroupInput;
  CompanyClosedUserGroup: CompanyClosedUserGroup;
  ConfigureCallRestrictionsInput: ConfigureCallRestrictionsInput;
  CreateEventSubscriptionInput: CreateEventSubscriptionInput;
  CreatedEventSubscription: Omit<CreatedEventSubscription, 'subscription'> & { subscription: ResolversParentTypes['EventSubscription'] };
  Customer: EntityRef;
  DeadLetter: DeadLetterModel;
  EventSubscription: EventSubscriptionModel;
  IncomingCallTimeWindow: IncomingTimeWindowModel;
  IncomingCallTimeWindowInput: IncomingCallTimeWindowInput;
  Money: MoneyModel;
  MonthlyAllowance: MonthlyAllowanceModel;
  MonthlyAllowanceInput: MonthlyAllowanceInput;
  Mutation: Record<PropertyKey, never>;
  OrderCancellationRefused: OrderCancellationRefused;
  OrderItemInput: OrderItemInput;
  OrderRejected: OrderRejected;
  OrderResult: ResolversUnionTypes<ResolversParentTypes>['OrderResult'];
  OutgoingCallWhitelist: OutgoingWhitelistModel;
  OutgoingCallWhitelistInput: OutgoingCallWhitelistInput;
  PageInfo: PageInfo;
  PartnerOrder: OrderModel;
  PartnerOrderConnection: Omit<PartnerOrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['PartnerOrderEdge']> };
  PartnerOrderEdge: Omit<PartnerOrderEdge, 'node'> & { node: ResolversParentTypes['PartnerOrder'] };
  PartnerOrderItem: OrderItemModel;
  PartnerSubscription: PartnerSubscriptionModel;
  PartnerSubscriptionConnection: Omit<PartnerSubscriptionConnection, 'edges'> & { edges: Array<ResolversParentTypes['PartnerSubscriptionEdge']> };
  PartnerSubscriptionEdge: Omit<PartnerSubscriptionEdge, 'node'> & { node: ResolversParentTypes['PartnerSubscription'] };
  PlaceProductOrderInput: PlaceProductOrderInput;
  ProductOffering: EntityRef;
  ProductOrder: OrderModel;
  ProductOrderConnection: Omit<ProductOrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProductOrderEdge']> };
  ProductOrderEdge: Omit<ProductOrderEdge, 'node'> & { node: ResolversParentTypes['ProductOrder'] };
  ProductOrderItem: OrderItemModel;
  Query: Record<PropertyKey, never>;
  Service: ServiceModel;
  ServiceConnection: Omit<ServiceConnection, 'edges'> & { edges: Array<ResolversParentTypes['ServiceEdge']> };
  ServiceEdge: Omit<ServiceEdge, 'node'> & { node: ResolversParentTypes['Service'] };
  ServiceFilter: ServiceFilter;
  ServiceLifecycleInput: ServiceLifecycleInput;
  ServiceParameter: ServiceParameter;
  ServiceParameterInput: ServiceParameterInput;
  SinkCredentialInput: SinkCredentialInput;
  Subscription: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = OrdersContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AccountResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CallRestrictionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['CallRestriction'] = ResolversParentTypes['CallRestriction']> = ResolversObject<{
  __resolveType: TypeResolveFn<'ClosedUserGroup' | 'IncomingCallTimeWindow' | 'MonthlyAllowance' | 'OutgoingCallWhitelist', ParentType, ContextType>;
}>;

export type CancelOrderResultResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['CancelOrderResult'] = ResolversParentTypes['CancelOrderResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'OrderCancellationRefused' | 'ProductOrder', ParentType, ContextType>;
}>;

export type ClosedUserGroupResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ClosedUserGroup'] = ResolversParentTypes['ClosedUserGroup']> = ResolversObject<{
  allowEmergencyCalls?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  groupId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CompanyClosedUserGroupResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['CompanyClosedUserGroup'] = ResolversParentTypes['CompanyClosedUserGroup']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CreatedEventSubscriptionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['CreatedEventSubscription'] = ResolversParentTypes['CreatedEventSubscription']> = ResolversObject<{
  signingSecret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscription?: Resolver<ResolversTypes['EventSubscription'], ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  closedUserGroups?: Resolver<Array<ResolversTypes['CompanyClosedUserGroup']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  productOrders?: Resolver<Maybe<ResolversTypes['ProductOrderConnection']>, ParentType, ContextType, RequireFields<CustomerProductOrdersArgs, 'first'>>;
  services?: Resolver<Maybe<ResolversTypes['ServiceConnection']>, ParentType, ContextType, RequireFields<CustomerServicesArgs, 'first'>>;
}>;

export type DeadLetterResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['DeadLetter'] = ResolversParentTypes['DeadLetter']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  time?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type EventSubscriptionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['EventSubscription'] = ResolversParentTypes['EventSubscription']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deadLetters?: Resolver<Array<ResolversTypes['DeadLetter']>, ParentType, ContextType, RequireFields<EventSubscriptionDeadLettersArgs, 'first'>>;
  expiresAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasSinkCredential?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pendingDeliveries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sink?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['EventSubscriptionStatus'], ParentType, ContextType>;
  types?: Resolver<Array<ResolversTypes['PartnerEventType']>, ParentType, ContextType>;
}>;

export type IncomingCallTimeWindowResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['IncomingCallTimeWindow'] = ResolversParentTypes['IncomingCallTimeWindow']> = ResolversObject<{
  days?: Resolver<Array<ResolversTypes['Weekday']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  minorUnits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MonthlyAllowanceResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['MonthlyAllowance'] = ResolversParentTypes['MonthlyAllowance']> = ResolversObject<{
  allowance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  numbersAfterAllowance?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelProductOrder?: Resolver<ResolversTypes['CancelOrderResult'], ParentType, ContextType, RequireFields<MutationCancelProductOrderArgs, 'input'>>;
  changeServiceParameters?: Resolver<ResolversTypes['OrderResult'], ParentType, ContextType, RequireFields<MutationChangeServiceParametersArgs, 'input'>>;
  configureCallRestrictions?: Resolver<ResolversTypes['OrderResult'], ParentType, ContextType, RequireFields<MutationConfigureCallRestrictionsArgs, 'input'>>;
  createEventSubscription?: Resolver<ResolversTypes['CreatedEventSubscription'], ParentType, ContextType, RequireFields<MutationCreateEventSubscriptionArgs, 'input'>>;
  deleteEventSubscription?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<MutationDeleteEventSubscriptionArgs, 'id'>>;
  placeProductOrder?: Resolver<ResolversTypes['OrderResult'], ParentType, ContextType, RequireFields<MutationPlaceProductOrderArgs, 'input'>>;
  resumeService?: Resolver<ResolversTypes['OrderResult'], ParentType, ContextType, RequireFields<MutationResumeServiceArgs, 'input'>>;
  suspendService?: Resolver<ResolversTypes['OrderResult'], ParentType, ContextType, RequireFields<MutationSuspendServiceArgs, 'input'>>;
  terminateService?: Resolver<ResolversTypes['OrderResult'], ParentType, ContextType, RequireFields<MutationTerminateServiceArgs, 'input'>>;
}>;

export type OrderCancellationRefusedResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderCancellationRefused'] = ResolversParentTypes['OrderCancellationRefused']> = ResolversObject<{
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OrderRejectedResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderRejected'] = ResolversParentTypes['OrderRejected']> = ResolversObject<{
  code?: Resolver<ResolversTypes['OrderRejectionCode'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OrderResultResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderResult'] = ResolversParentTypes['OrderResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'OrderRejected' | 'ProductOrder', ParentType, ContextType>;
}>;

export type OutgoingCallWhitelistResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OutgoingCallWhitelist'] = ResolversParentTypes['OutgoingCallWhitelist']> = ResolversObject<{
  numbers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PartnerOrderResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PartnerOrder'] = ResolversParentTypes['PartnerOrder']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['PartnerOrderItem']>, ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['OrderState'], ParentType, ContextType>;
}>;

export type PartnerOrderConnectionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PartnerOrderConnection'] = ResolversParentTypes['PartnerOrderConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PartnerOrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PartnerOrderEdgeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PartnerOrderEdge'] = ResolversParentTypes['PartnerOrderEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PartnerOrder'], ParentType, ContextType>;
}>;

export type PartnerOrderItemResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PartnerOrderItem'] = ResolversParentTypes['PartnerOrderItem']> = ResolversObject<{
  offering?: Resolver<Maybe<ResolversTypes['ProductOffering']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['OrderState'], ParentType, ContextType>;
}>;

export type PartnerSubscriptionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PartnerSubscription'] = ResolversParentTypes['PartnerSubscription'], FederationReferenceType extends FederationReferenceTypes['PartnerSubscription'] = FederationReferenceTypes['PartnerSubscription']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PartnerSubscription']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  offering?: Resolver<ResolversTypes['ProductOffering'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ProductState'], ParentType, ContextType>;
  subscriptionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PartnerSubscriptionConnectionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PartnerSubscriptionConnection'] = ResolversParentTypes['PartnerSubscriptionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PartnerSubscriptionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PartnerSubscriptionEdgeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PartnerSubscriptionEdge'] = ResolversParentTypes['PartnerSubscriptionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PartnerSubscription'], ParentType, ContextType>;
}>;

export type ProductOfferingResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ProductOffering'] = ResolversParentTypes['ProductOffering']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ProductOrderResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ProductOrder'] = ResolversParentTypes['ProductOrder'], FederationReferenceType extends FederationReferenceTypes['ProductOrder'] = FederationReferenceTypes['ProductOrder']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProductOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['ProductOrderItem']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['OrderState'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProductOrderConnectionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ProductOrderConnection'] = ResolversParentTypes['ProductOrderConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProductOrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProductOrderEdgeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ProductOrderEdge'] = ResolversParentTypes['ProductOrderEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ProductOrder'], ParentType, ContextType>;
}>;

export type ProductOrderItemResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ProductOrderItem'] = ResolversParentTypes['ProductOrderItem']> = ResolversObject<{
  action?: Resolver<ResolversTypes['OrderItemAction'], ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  offering?: Resolver<Maybe<ResolversTypes['ProductOffering']>, ParentType, ContextType>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['OrderState'], ParentType, ContextType>;
  workOrderId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  eventSubscription?: Resolver<Maybe<ResolversTypes['EventSubscription']>, ParentType, ContextType, RequireFields<QueryEventSubscriptionArgs, 'id'>>;
  eventSubscriptions?: Resolver<Array<ResolversTypes['EventSubscription']>, ParentType, ContextType>;
  partnerOrders?: Resolver<Maybe<ResolversTypes['PartnerOrderConnection']>, ParentType, ContextType, RequireFields<QueryPartnerOrdersArgs, 'first'>>;
  partnerSubscriptions?: Resolver<Maybe<ResolversTypes['PartnerSubscriptionConnection']>, ParentType, ContextType, RequireFields<QueryPartnerSubscriptionsArgs, 'first'>>;
  productOrder?: Resolver<Maybe<ResolversTypes['ProductOrder']>, ParentType, ContextType, RequireFields<QueryProductOrderArgs, 'id'>>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType, RequireFields<QueryServiceArgs, 'id'>>;
}>;

export type ServiceResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Service'] = ResolversParentTypes['Service'], FederationReferenceType extends FederationReferenceTypes['Service'] = FederationReferenceTypes['Service']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Service']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  callRestrictions?: Resolver<Array<ResolversTypes['CallRestriction']>, ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  offering?: Resolver<Maybe<ResolversTypes['ProductOffering']>, ParentType, ContextType>;
  parameters?: Resolver<Array<ResolversTypes['ServiceParameter']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ProductState'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ServiceType'], ParentType, ContextType>;
}>;

export type ServiceConnectionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ServiceConnection'] = ResolversParentTypes['ServiceConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ServiceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ServiceEdgeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ServiceEdge'] = ResolversParentTypes['ServiceEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Service'], ParentType, ContextType>;
}>;

export type ServiceParameterResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ServiceParameter'] = ResolversParentTypes['ServiceParameter']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  orderUpdated?: SubscriptionResolver<ResolversTypes['ProductOrder'], "orderUpdated", ParentType, ContextType, RequireFields<SubscriptionOrderUpdatedArgs, 'id'>>;
}>;

export type Resolvers<ContextType = OrdersContext> = ResolversObject<{
  Account?: AccountResolvers<ContextType>;
  CallRestriction?: CallRestrictionResolvers<ContextType>;
  CancelOrderResult?: CancelOrderResultResolvers<ContextType>;
  ClosedUserGroup?: ClosedUserGroupResolvers<ContextType>;
  CompanyClosedUserGroup?: CompanyClosedUserGroupResolvers<ContextType>;
  CreatedEventSubscription?: CreatedEventSubscriptionResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DeadLetter?: DeadLetterResolvers<ContextType>;
  EventSubscription?: EventSubscriptionResolvers<ContextType>;
  IncomingCallTimeWindow?: IncomingCallTimeWindowResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  MonthlyAllowance?: MonthlyAllowanceResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OrderCancellationRefused?: OrderCancellationRefusedResolvers<ContextType>;
  OrderRejected?: OrderRejectedResolvers<ContextType>;
  OrderResult?: OrderResultResolvers<ContextType>;
  OutgoingCallWhitelist?: OutgoingCallWhitelistResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PartnerOrder?: PartnerOrderResolvers<ContextType>;
  PartnerOrderConnection?: PartnerOrderConnectionResolvers<ContextType>;
  PartnerOrderEdge?: PartnerOrderEdgeResolvers<ContextType>;
  PartnerOrderItem?: PartnerOrderItemResolvers<ContextType>;
  PartnerSubscription?: PartnerSubscriptionResolvers<ContextType>;
  PartnerSubscriptionConnection?: PartnerSubscriptionConnectionResolvers<ContextType>;
  PartnerSubscriptionEdge?: PartnerSubscriptionEdgeResolvers<ContextType>;
  ProductOffering?: ProductOfferingResolvers<ContextType>;
  ProductOrder?: ProductOrderResolvers<ContextType>;
  ProductOrderConnection?: ProductOrderConnectionResolvers<ContextType>;
  ProductOrderEdge?: ProductOrderEdgeResolvers<ContextType>;
  ProductOrderItem?: ProductOrderItemResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Service?: ServiceResolvers<ContextType>;
  ServiceConnection?: ServiceConnectionResolvers<ContextType>;
  ServiceEdge?: ServiceEdgeResolvers<ContextType>;
  ServiceParameter?: ServiceParameterResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = OrdersContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
