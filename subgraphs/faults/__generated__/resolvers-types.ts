import type { GraphQLResolveInfo } from 'graphql';
import type { TicketModel, TestRunModel, AlarmModel, NetworkStatusModel, FaultServiceModel, ExperienceReportModel } from '../../../legacy/fault-management/models';
import type { EntityRef } from '../../../lib/entity-ref';
import type { FaultsContext } from '../context';
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

export type AddTicketNoteInput = {
  text: Scalars['String']['input'];
  ticketId: Scalars['ID']['input'];
};

export type AlarmKind =
  /** A fault the network reported. */
  | 'ALARM'
  /** Maintenance announced ahead. */
  | 'PLANNED_OUTAGE';

/** TMF642 perceived severities. */
export type AlarmSeverity =
  | 'cleared'
  | 'critical'
  | 'indeterminate'
  | 'major'
  | 'minor'
  | 'warning';

/**
 * Cache hints read by Apollo Server's cache-control plugin; the gateway's response cache keeps a
 * response for the smallest maxAge of every subgraph it touched (0 or absent = never cached).
 * PRIVATE entries are keyed by the actor (docs/caching.md).
 */
export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

export type CloseTroubleTicketInput = {
  comment?: InputMaybe<Scalars['String']['input']>;
  /** Client-chosen key: a retried close answers like the first. */
  idempotencyKey: Scalars['String']['input'];
  /** 1 to 5; omit to close without rating. */
  rating?: InputMaybe<Scalars['Int']['input']>;
  ticketId: Scalars['ID']['input'];
};

export type Customer = {
  __typename?: 'Customer';
  /** Experience reports the customer's users submitted. */
  experienceReports?: Maybe<Array<ExperienceReport>>;
  id: Scalars['ID']['output'];
  /** The customer's trouble tickets, newest first. */
  troubleTickets?: Maybe<TroubleTicketConnection>;
};


export type CustomerTroubleTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  openOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ExperienceKind =
  | 'CALL_DROPS'
  | 'NO_SERVICE'
  | 'OTHER'
  | 'SLOW_DATA'
  | 'WEAK_SIGNAL';

export type ExperienceReport = {
  __typename?: 'ExperienceReport';
  areaId: Scalars['ID']['output'];
  comment: Scalars['String']['output'];
  createdAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: ExperienceKind;
};

export type ExperienceReportInput = {
  areaId: Scalars['ID']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey: Scalars['String']['input'];
  kind: ExperienceKind;
  /** The service concerned, if any. */
  serviceId?: InputMaybe<Scalars['ID']['input']>;
};

export type FaultReportRejected = {
  __typename?: 'FaultReportRejected';
  reason: Scalars['String']['output'];
};

export type HandsetState =
  | 'NOT_APPLICABLE'
  | 'OFF'
  | 'ON';

export type Measurement = {
  __typename?: 'Measurement';
  name: Scalars['String']['output'];
  target?: Maybe<Scalars['Float']['output']>;
  unit: Scalars['String']['output'];
  value: Scalars['Float']['output'];
  withinTarget?: Maybe<Scalars['Boolean']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Add a note to a ticket; the provider's answer appears in the conversation. */
  addTicketNote: TicketNoteResult;
  /** Close a resolved ticket, optionally rating its resolution (1-5); a retry with the same key changes nothing again. */
  closeTroubleTicket: TicketFeedbackResult;
  /** Reopen a resolved ticket whose resolution does not satisfy; the provider works on it again. */
  reopenTroubleTicket: TicketFeedbackResult;
  /** Report a fault on a service. */
  reportFault: ReportFaultResult;
  /** Start a line, speed or SLA test; poll serviceTest for the measurements. */
  startServiceTest: StartServiceTestResult;
  /** Report the experience in an area (weak signal, no service, ...). */
  submitExperienceReport: ExperienceReport;
};


export type MutationAddTicketNoteArgs = {
  input: AddTicketNoteInput;
};


export type MutationCloseTroubleTicketArgs = {
  input: CloseTroubleTicketInput;
};


export type MutationReopenTroubleTicketArgs = {
  input: ReopenTroubleTicketInput;
};


export type MutationReportFaultArgs = {
  input: ReportFaultInput;
};


export type MutationStartServiceTestArgs = {
  input: StartServiceTestInput;
};


export type MutationSubmitExperienceReportArgs = {
  input: ExperienceReportInput;
};

export type NetworkAlarm = {
  __typename?: 'NetworkAlarm';
  areaId: Scalars['ID']['output'];
  /** When it was cleared; null while it lasts. */
  clearedAt?: Maybe<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: AlarmKind;
  probableCause: Scalars['String']['output'];
  raisedAt: Scalars['String']['output'];
  /** cleared once it is over (TMF642). */
  severity: AlarmSeverity;
};

/** Why a service is or is not reachable. */
export type NetworkStatus = {
  __typename?: 'NetworkStatus';
  alarm?: Maybe<NetworkAlarm>;
  /** Plain-language diagnosis. */
  diagnosis: Scalars['String']['output'];
  handsetState: HandsetState;
  /** True when a network fault in the service's area explains the outage. */
  networkFault: Scalars['Boolean']['output'];
  provisioned: Scalars['Boolean']['output'];
  reachable: Scalars['Boolean']['output'];
};

export type NoteAuthor =
  | 'CUSTOMER'
  | 'PROVIDER';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type QualityMetric =
  | 'AVAILABILITY'
  | 'CALL_SETUP_SUCCESS'
  | 'DOWNLOAD_MBPS'
  | 'LATENCY_MS';

export type QualitySample = {
  __typename?: 'QualitySample';
  at: Scalars['String']['output'];
  metric: QualityMetric;
  value: Scalars['Float']['output'];
};

/**
 * Assurance from the fault management and network monitoring system:
 * trouble tickets (TMF621), alarms (TMF642), service tests (TMF653) and quality (TMF657).
 */
export type Query = {
  __typename?: 'Query';
  /** A network alarm that affects one of the signed-in customer's services (that service, when given); null otherwise. */
  networkAlarm?: Maybe<NetworkAlarm>;
  /** A service test started earlier. */
  serviceTest?: Maybe<ServiceTest>;
  /** One trouble ticket of the signed-in user's customer. */
  troubleTicket?: Maybe<TroubleTicket>;
};


/**
 * Assurance from the fault management and network monitoring system:
 * trouble tickets (TMF621), alarms (TMF642), service tests (TMF653) and quality (TMF657).
 */
export type QueryNetworkAlarmArgs = {
  id: Scalars['ID']['input'];
  serviceId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Assurance from the fault management and network monitoring system:
 * trouble tickets (TMF621), alarms (TMF642), service tests (TMF653) and quality (TMF657).
 */
export type QueryServiceTestArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Assurance from the fault management and network monitoring system:
 * trouble tickets (TMF621), alarms (TMF642), service tests (TMF653) and quality (TMF657).
 */
export type QueryTroubleTicketArgs = {
  id: Scalars['ID']['input'];
};

export type ReopenTroubleTicketInput = {
  /** Why the resolution does not satisfy (added to the conversation). */
  comment: Scalars['String']['input'];
  idempotencyKey: Scalars['String']['input'];
  ticketId: Scalars['ID']['input'];
};

export type ReportFaultInput = {
  category: TicketCategory;
  description: Scalars['String']['input'];
  /** Client-chosen key: a retried report returns the first ticket. */
  idempotencyKey: Scalars['String']['input'];
  serviceId: Scalars['ID']['input'];
  severity?: InputMaybe<TicketSeverity>;
};

export type ReportFaultResult = FaultReportRejected | TroubleTicket;

export type Service = {
  __typename?: 'Service';
  id: Scalars['ID']['output'];
  /** Active network alarms affecting this service (shown before a ticket is raised). */
  knownIssues?: Maybe<Array<NetworkAlarm>>;
  /** Can the network reach this service right now, and if not, why. */
  networkStatus?: Maybe<NetworkStatus>;
  /** Quality measurements over a period. */
  qualityHistory?: Maybe<Array<QualitySample>>;
  /** The contracted service level. */
  slaTarget?: Maybe<SlaTarget>;
  /** Tickets on this service, newest first. */
  troubleTickets?: Maybe<TroubleTicketConnection>;
};


export type ServiceQualityHistoryArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type ServiceTroubleTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  openOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A test run and its measured values against targets. */
export type ServiceTest = {
  __typename?: 'ServiceTest';
  completedAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: ServiceTestKind;
  measurements: Array<Measurement>;
  service?: Maybe<Service>;
  startedAt: Scalars['String']['output'];
  state: ServiceTestState;
  verdict?: Maybe<TestVerdict>;
};

export type ServiceTestKind =
  | 'LINE_TEST'
  | 'SLA_TEST'
  | 'SPEED_TEST';

export type ServiceTestRejected = {
  __typename?: 'ServiceTestRejected';
  reason: Scalars['String']['output'];
};

export type ServiceTestState =
  | 'completed'
  | 'failed'
  | 'running';

export type SlaTarget = {
  __typename?: 'SlaTarget';
  availabilityPercent: Scalars['Float']['output'];
  callSetupSuccessPercent?: Maybe<Scalars['Float']['output']>;
  downloadMbps?: Maybe<Scalars['Float']['output']>;
  latencyMs: Scalars['Float']['output'];
};

export type StartServiceTestInput = {
  kind: ServiceTestKind;
  serviceId: Scalars['ID']['input'];
};

export type StartServiceTestResult = ServiceTest | ServiceTestRejected;

/** Pushed at the gateway (issue 13): each event is resolved as the equivalent query, with the subscriber's rights. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Network alarms and planned outages raised or cleared that affect one service, or any of the customer's services. */
  networkAlarms: NetworkAlarm;
  /** The test's result once it completes (as Query.serviceTest). */
  serviceTestCompleted: ServiceTest;
  /** Each note or state change of a ticket (as Query.troubleTicket). */
  troubleTicketUpdated: TroubleTicket;
};


/** Pushed at the gateway (issue 13): each event is resolved as the equivalent query, with the subscriber's rights. */
export type SubscriptionNetworkAlarmsArgs = {
  serviceId?: InputMaybe<Scalars['ID']['input']>;
};


/** Pushed at the gateway (issue 13): each event is resolved as the equivalent query, with the subscriber's rights. */
export type SubscriptionServiceTestCompletedArgs = {
  id: Scalars['ID']['input'];
};


/** Pushed at the gateway (issue 13): each event is resolved as the equivalent query, with the subscriber's rights. */
export type SubscriptionTroubleTicketUpdatedArgs = {
  id: Scalars['ID']['input'];
};

export type TestVerdict =
  | 'FAIL'
  | 'PASS';

export type TicketCategory =
  | 'billingQuery'
  | 'callDrops'
  | 'equipment'
  | 'noService'
  | 'other'
  | 'slowService';

export type TicketFeedbackRefused = {
  __typename?: 'TicketFeedbackRefused';
  code: TicketRefusalCode;
  reason: Scalars['String']['output'];
};

export type TicketFeedbackResult = TicketFeedbackRefused | TroubleTicket;

export type TicketNote = {
  __typename?: 'TicketNote';
  at: Scalars['String']['output'];
  author: NoteAuthor;
  id: Scalars['ID']['output'];
  text: Scalars['String']['output'];
};

export type TicketNoteResult = FaultReportRejected | TroubleTicket;

/** Why fault management would not close or reopen the ticket. */
export type TicketRefusalCode =
  /** The ticket is already closed, cancelled or rejected. */
  | 'ALREADY_CLOSED'
  /** Only a resolved ticket can be closed or reopened; this one is still being worked on. */
  | 'NOT_RESOLVED';

export type TicketSatisfaction = {
  __typename?: 'TicketSatisfaction';
  at: Scalars['String']['output'];
  comment: Scalars['String']['output'];
  /** 1 (poor) to 5 (excellent). */
  rating: Scalars['Int']['output'];
};

export type TicketSeverity =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** TMF621 trouble ticket states. */
export type TicketState =
  | 'acknowledged'
  | 'cancelled'
  | 'closed'
  | 'held'
  | 'inProgress'
  | 'pending'
  | 'rejected'
  | 'resolved';

/** A trouble ticket with its conversation (TMF621). */
export type TroubleTicket = {
  __typename?: 'TroubleTicket';
  category: TicketCategory;
  createdAt: Scalars['String']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The conversation with the provider. */
  notes: Array<TicketNote>;
  /**
   * The network alarm or planned outage affecting the service when the fault was reported, which
   * fault management linked the ticket to (null: no known outage then). Shown in the reportFault
   * result, so the customer sees the known cause at once.
   */
  relatedAlarm?: Maybe<NetworkAlarm>;
  resolution?: Maybe<Scalars['String']['output']>;
  /** The customer's rating of the resolution, given when closing; null until then. */
  satisfaction?: Maybe<TicketSatisfaction>;
  service?: Maybe<Service>;
  severity: TicketSeverity;
  state: TicketState;
  updatedAt: Scalars['String']['output'];
};

export type TroubleTicketConnection = {
  __typename?: 'TroubleTicketConnection';
  edges: Array<TroubleTicketEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type TroubleTicketEdge = {
  __typename?: 'TroubleTicketEdge';
  cursor: Scalars['String']['output'];
  node: TroubleTicket;
};

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
  Service: Service;
  TroubleTicket: TroubleTicket;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Service:
    ( { __typename: 'Service' }
    & GraphQLRecursivePick<FederationTypes['Service'], {"id":true}> );
  TroubleTicket:
    ( { __typename: 'TroubleTicket' }
    & GraphQLRecursivePick<FederationTypes['TroubleTicket'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  ReportFaultResult:
    | ( FaultReportRejected & { __typename: 'FaultReportRejected' } )
    | ( TicketModel & { __typename: 'TroubleTicket' } )
  ;
  StartServiceTestResult:
    | ( TestRunModel & { __typename: 'ServiceTest' } )
    | ( ServiceTestRejected & { __typename: 'ServiceTestRejected' } )
  ;
  TicketFeedbackResult:
    | ( TicketFeedbackRefused & { __typename: 'TicketFeedbackRefused' } )
    | ( TicketModel & { __typename: 'TroubleTicket' } )
  ;
  TicketNoteResult:
    | ( FaultReportRejected & { __typename: 'FaultReportRejected' } )
    | ( TicketModel & { __typename: 'TroubleTicket' } )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AddTicketNoteInput: AddTicketNoteInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AlarmKind: AlarmKind;
  AlarmSeverity: AlarmSeverity;
  CacheControlScope: CacheControlScope;
  CloseTroubleTicketInput: CloseTroubleTicketInput;
  Customer: ResolverTypeWrapper<EntityRef>;
  ExperienceKind: ExperienceKind;
  ExperienceReport: ResolverTypeWrapper<ExperienceReportModel>;
  ExperienceReportInput: ExperienceReportInput;
  FaultReportRejected: ResolverTypeWrapper<FaultReportRejected>;
  HandsetState: HandsetState;
  Measurement: ResolverTypeWrapper<Measurement>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NetworkAlarm: ResolverTypeWrapper<AlarmModel>;
  NetworkStatus: ResolverTypeWrapper<NetworkStatusModel>;
  NoteAuthor: NoteAuthor;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  QualityMetric: QualityMetric;
  QualitySample: ResolverTypeWrapper<QualitySample>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReopenTroubleTicketInput: ReopenTroubleTicketInput;
  ReportFaultInput: ReportFaultInput;
  ReportFaultResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ReportFaultResult']>;
  Service: ResolverTypeWrapper<FaultServiceModel>;
  ServiceTest: ResolverTypeWrapper<TestRunModel>;
  ServiceTestKind: ServiceTestKind;
  ServiceTestRejected: ResolverTypeWrapper<ServiceTestRejected>;
  ServiceTestState: ServiceTestState;
  SlaTarget: ResolverTypeWrapper<SlaTarget>;
  StartServiceTestInput: StartServiceTestInput;
  StartServiceTestResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['StartServiceTestResult']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TestVerdict: TestVerdict;
  TicketCategory: TicketCategory;
  TicketFeedbackRefused: ResolverTypeWrapper<TicketFeedbackRefused>;
  TicketFeedbackResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['TicketFeedbackResult']>;
  TicketNote: ResolverTypeWrapper<TicketNote>;
  TicketNoteResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['TicketNoteResult']>;
  TicketRefusalCode: TicketRefusalCode;
  TicketSatisfaction: ResolverTypeWrapper<TicketSatisfaction>;
  TicketSeverity: TicketSeverity;
  TicketState: TicketState;
  TroubleTicket: ResolverTypeWrapper<TicketModel>;
  TroubleTicketConnection: ResolverTypeWrapper<Omit<TroubleTicketConnection, 'edges'> & { edges: Array<ResolversTypes['TroubleTicketEdge']> }>;
  TroubleTicketEdge: ResolverTypeWrapper<Omit<TroubleTicketEdge, 'node'> & { node: ResolversTypes['TroubleTicket'] }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AddTicketNoteInput: AddTicketNoteInput;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  CloseTroubleTicketInput: CloseTroubleTicketInput;
  Customer: EntityRef;
  ExperienceReport: ExperienceReportModel;
  ExperienceReportInput: ExperienceReportInput;
  FaultReportRejected: FaultReportRejected;
  Measurement: Measurement;
  Float: Scalars['Float']['output'];
  Mutation: Record<PropertyKey, never>;
  NetworkAlarm: AlarmModel;
  NetworkStatus: NetworkStatusModel;
  PageInfo: PageInfo;
  QualitySample: QualitySample;
  Query: Record<PropertyKey, never>;
  ReopenTroubleTicketInput: ReopenTroubleTicketInput;
  ReportFaultInput: ReportFaultInput;
  ReportFaultResult: ResolversUnionTypes<ResolversParentTypes>['ReportFaultResult'];
  Service: FaultServiceModel;
  ServiceTest: TestRunModel;
  ServiceTestRejected: ServiceTestRejected;
  SlaTarget: SlaTarget;
  StartServiceTestInput: StartServiceTestInput;
  StartServiceTestResult: ResolversUnionTypes<ResolversParentTypes>['StartServiceTestResult'];
  Subscription: Record<PropertyKey, never>;
  TicketFeedbackRefused: TicketFeedbackRefused;
  TicketFeedbackResult: ResolversUnionTypes<ResolversParentTypes>['TicketFeedbackResult'];
  TicketNote: TicketNote;
  TicketNoteResult: ResolversUnionTypes<ResolversParentTypes>['TicketNoteResult'];
  TicketSatisfaction: TicketSatisfaction;
  TroubleTicket: TicketModel;
  TroubleTicketConnection: Omit<TroubleTicketConnection, 'edges'> & { edges: Array<ResolversParentTypes['TroubleTicketEdge']> };
  TroubleTicketEdge: Omit<TroubleTicketEdge, 'node'> & { node: ResolversParentTypes['TroubleTicket'] };
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = FaultsContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CustomerResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  experienceReports?: Resolver<Maybe<Array<ResolversTypes['ExperienceReport']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  troubleTickets?: Resolver<Maybe<ResolversTypes['TroubleTicketConnection']>, ParentType, ContextType, RequireFields<CustomerTroubleTicketsArgs, 'first' | 'openOnly'>>;
}>;

export type ExperienceReportResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['ExperienceReport'] = ResolversParentTypes['ExperienceReport']> = ResolversObject<{
  areaId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  comment?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ExperienceKind'], ParentType, ContextType>;
}>;

export type FaultReportRejectedResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['FaultReportRejected'] = ResolversParentTypes['FaultReportRejected']> = ResolversObject<{
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MeasurementResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['Measurement'] = ResolversParentTypes['Measurement']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  withinTarget?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addTicketNote?: Resolver<ResolversTypes['TicketNoteResult'], ParentType, ContextType, RequireFields<MutationAddTicketNoteArgs, 'input'>>;
  closeTroubleTicket?: Resolver<ResolversTypes['TicketFeedbackResult'], ParentType, ContextType, RequireFields<MutationCloseTroubleTicketArgs, 'input'>>;
  reopenTroubleTicket?: Resolver<ResolversTypes['TicketFeedbackResult'], ParentType, ContextType, RequireFields<MutationReopenTroubleTicketArgs, 'input'>>;
  reportFault?: Resolver<ResolversTypes['ReportFaultResult'], ParentType, ContextType, RequireFields<MutationReportFaultArgs, 'input'>>;
  startServiceTest?: Resolver<ResolversTypes['StartServiceTestResult'], ParentType, ContextType, RequireFields<MutationStartServiceTestArgs, 'input'>>;
  submitExperienceReport?: Resolver<ResolversTypes['ExperienceReport'], ParentType, ContextType, RequireFields<MutationSubmitExperienceReportArgs, 'input'>>;
}>;

export type NetworkAlarmResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['NetworkAlarm'] = ResolversParentTypes['NetworkAlarm']> = ResolversObject<{
  areaId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  clearedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AlarmKind'], ParentType, ContextType>;
  probableCause?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  raisedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['AlarmSeverity'], ParentType, ContextType>;
}>;

export type NetworkStatusResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['NetworkStatus'] = ResolversParentTypes['NetworkStatus']> = ResolversObject<{
  alarm?: Resolver<Maybe<ResolversTypes['NetworkAlarm']>, ParentType, ContextType>;
  diagnosis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  handsetState?: Resolver<ResolversTypes['HandsetState'], ParentType, ContextType>;
  networkFault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  provisioned?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reachable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QualitySampleResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['QualitySample'] = ResolversParentTypes['QualitySample']> = ResolversObject<{
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['QualityMetric'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  networkAlarm?: Resolver<Maybe<ResolversTypes['NetworkAlarm']>, ParentType, ContextType, RequireFields<QueryNetworkAlarmArgs, 'id'>>;
  serviceTest?: Resolver<Maybe<ResolversTypes['ServiceTest']>, ParentType, ContextType, RequireFields<QueryServiceTestArgs, 'id'>>;
  troubleTicket?: Resolver<Maybe<ResolversTypes['TroubleTicket']>, ParentType, ContextType, RequireFields<QueryTroubleTicketArgs, 'id'>>;
}>;

export type ReportFaultResultResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['ReportFaultResult'] = ResolversParentTypes['ReportFaultResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'FaultReportRejected' | 'TroubleTicket', ParentType, ContextType>;
}>;

export type ServiceResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['Service'] = ResolversParentTypes['Service'], FederationReferenceType extends FederationReferenceTypes['Service'] = FederationReferenceTypes['Service']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Service']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  knownIssues?: Resolver<Maybe<Array<ResolversTypes['NetworkAlarm']>>, ParentType, ContextType>;
  networkStatus?: Resolver<Maybe<ResolversTypes['NetworkStatus']>, ParentType, ContextType>;
  qualityHistory?: Resolver<Maybe<Array<ResolversTypes['QualitySample']>>, ParentType, ContextType, RequireFields<ServiceQualityHistoryArgs, 'from' | 'to'>>;
  slaTarget?: Resolver<Maybe<ResolversTypes['SlaTarget']>, ParentType, ContextType>;
  troubleTickets?: Resolver<Maybe<ResolversTypes['TroubleTicketConnection']>, ParentType, ContextType, RequireFields<ServiceTroubleTicketsArgs, 'first' | 'openOnly'>>;
}>;

export type ServiceTestResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['ServiceTest'] = ResolversParentTypes['ServiceTest']> = ResolversObject<{
  completedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ServiceTestKind'], ParentType, ContextType>;
  measurements?: Resolver<Array<ResolversTypes['Measurement']>, ParentType, ContextType>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ServiceTestState'], ParentType, ContextType>;
  verdict?: Resolver<Maybe<ResolversTypes['TestVerdict']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ServiceTestRejectedResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['ServiceTestRejected'] = ResolversParentTypes['ServiceTestRejected']> = ResolversObject<{
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SlaTargetResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['SlaTarget'] = ResolversParentTypes['SlaTarget']> = ResolversObject<{
  availabilityPercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  callSetupSuccessPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  downloadMbps?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type StartServiceTestResultResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['StartServiceTestResult'] = ResolversParentTypes['StartServiceTestResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'ServiceTest' | 'ServiceTestRejected', ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  networkAlarms?: SubscriptionResolver<ResolversTypes['NetworkAlarm'], "networkAlarms", ParentType, ContextType, Partial<SubscriptionNetworkAlarmsArgs>>;
  serviceTestCompleted?: SubscriptionResolver<ResolversTypes['ServiceTest'], "serviceTestCompleted", ParentType, ContextType, RequireFields<SubscriptionServiceTestCompletedArgs, 'id'>>;
  troubleTicketUpdated?: SubscriptionResolver<ResolversTypes['TroubleTicket'], "troubleTicketUpdated", ParentType, ContextType, RequireFields<SubscriptionTroubleTicketUpdatedArgs, 'id'>>;
}>;

export type TicketFeedbackRefusedResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['TicketFeedbackRefused'] = ResolversParentTypes['TicketFeedbackRefused']> = ResolversObject<{
  code?: Resolver<ResolversTypes['TicketRefusalCode'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type TicketFeedbackResultResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['TicketFeedbackResult'] = ResolversParentTypes['TicketFeedbackResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'TicketFeedbackRefused' | 'TroubleTicket', ParentType, ContextType>;
}>;

export type TicketNoteResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['TicketNote'] = ResolversParentTypes['TicketNote']> = ResolversObject<{
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  author?: Resolver<ResolversTypes['NoteAuthor'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TicketNoteResultResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['TicketNoteResult'] = ResolversParentTypes['TicketNoteResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'FaultReportRejected' | 'TroubleTicket', ParentType, ContextType>;
}>;

export type TicketSatisfactionResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['TicketSatisfaction'] = ResolversParentTypes['TicketSatisfaction']> = ResolversObject<{
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  comment?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TroubleTicketResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['TroubleTicket'] = ResolversParentTypes['TroubleTicket'], FederationReferenceType extends FederationReferenceTypes['TroubleTicket'] = FederationReferenceTypes['TroubleTicket']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['TroubleTicket']> | FederationReferenceType, FederationReferenceType, ContextType>;
  category?: Resolver<ResolversTypes['TicketCategory'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['TicketNote']>, ParentType, ContextType>;
  relatedAlarm?: Resolver<Maybe<ResolversTypes['NetworkAlarm']>, ParentType, ContextType>;
  resolution?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  satisfaction?: Resolver<Maybe<ResolversTypes['TicketSatisfaction']>, ParentType, ContextType>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['TicketSeverity'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['TicketState'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type TroubleTicketConnectionResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['TroubleTicketConnection'] = ResolversParentTypes['TroubleTicketConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['TroubleTicketEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TroubleTicketEdgeResolvers<ContextType = FaultsContext, ParentType extends ResolversParentTypes['TroubleTicketEdge'] = ResolversParentTypes['TroubleTicketEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['TroubleTicket'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = FaultsContext> = ResolversObject<{
  Customer?: CustomerResolvers<ContextType>;
  ExperienceReport?: ExperienceReportResolvers<ContextType>;
  FaultReportRejected?: FaultReportRejectedResolvers<ContextType>;
  Measurement?: MeasurementResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NetworkAlarm?: NetworkAlarmResolvers<ContextType>;
  NetworkStatus?: NetworkStatusResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  QualitySample?: QualitySampleResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReportFaultResult?: ReportFaultResultResolvers<ContextType>;
  Service?: ServiceResolvers<ContextType>;
  ServiceTest?: ServiceTestResolvers<ContextType>;
  ServiceTestRejected?: ServiceTestRejectedResolvers<ContextType>;
  SlaTarget?: SlaTargetResolvers<ContextType>;
  StartServiceTestResult?: StartServiceTestResultResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TicketFeedbackRefused?: TicketFeedbackRefusedResolvers<ContextType>;
  TicketFeedbackResult?: TicketFeedbackResultResolvers<ContextType>;
  TicketNote?: TicketNoteResolvers<ContextType>;
  TicketNoteResult?: TicketNoteResultResolvers<ContextType>;
  TicketSatisfaction?: TicketSatisfactionResolvers<ContextType>;
  TroubleTicket?: TroubleTicketResolvers<ContextType>;
  TroubleTicketConnection?: TroubleTicketConnectionResolvers<ContextType>;
  TroubleTicketEdge?: TroubleTicketEdgeResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = FaultsContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
