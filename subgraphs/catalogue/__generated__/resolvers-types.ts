import type { GraphQLResolveInfo } from 'graphql';
import type { InteractionModel } from '../../../legacy/crm/interactions';
import type { AnnouncementView } from '../services/announcements';
import type { OfferingModel, PartnerModel, PriceModel } from '../../../legacy/catalogue/models';
import type { MoneyModel } from '../../../lib/money';
import type { CatalogueContext } from '../context';
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

/** Something the operator publishes to its customers, valid for a while, for everyone or some areas. */
export type Announcement = {
  __typename?: 'Announcement';
  /** The network areas it is for; empty when it is for everyone. */
  areaIds: Array<Scalars['ID']['output']>;
  body: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: AnnouncementKind;
  /** The offering it presents, if any. */
  offering?: Maybe<ProductOffering>;
  /** True when it was chosen for the signed-in user by their profile. */
  targeted: Scalars['Boolean']['output'];
  title: Scalars['String']['output'];
  validFrom: Scalars['String']['output'];
  validUntil: Scalars['String']['output'];
};

/** Kinds of announcement. */
export type AnnouncementKind =
  | 'ACTIVITY_REPORT'
  /** General notices, e.g. a disaster or storm warning. */
  | 'GENERAL_NOTICE'
  | 'NEW_SERVICE'
  | 'PROMOTION';

/**
 * Cache hints read by Apollo Server's cache-control plugin; the gateway's response cache keeps a
 * response for the smallest maxAge of every subgraph it touched (0 or absent = never cached).
 * PRIVATE entries are keyed by the actor (docs/caching.md).
 */
export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

export type CharacteristicSpecification = {
  __typename?: 'CharacteristicSpecification';
  allowedValues: Array<Scalars['String']['output']>;
  configurable: Scalars['Boolean']['output'];
  defaultValue?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  valueType: Scalars['String']['output'];
};

/** A rating, suggestion or customisation request, as the CRM keeps it. */
export type CustomerInteraction = {
  __typename?: 'CustomerInteraction';
  createdAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: InteractionKind;
  /** 1 to 5, for ratings. */
  score?: Maybe<Scalars['Int']['output']>;
  state: InteractionState;
  /** The rated service, or the offering a suggestion or request is about. */
  subjectId?: Maybe<Scalars['ID']['output']>;
  text: Scalars['String']['output'];
};

/** Kinds of interaction a customer user starts. */
export type InteractionKind =
  /** A request to tailor an offering (a combination or option the catalogue does not have). */
  | 'CUSTOMISATION_REQUEST'
  /** A score of 1 to 5 for how a service is experienced. */
  | 'RATING'
  | 'SUGGESTION';

/** Where the operator is with it. */
export type InteractionState =
  | 'ANSWERED'
  | 'IN_REVIEW'
  | 'RECEIVED';

/** An amount of money in minor units (cents). */
export type Money = {
  __typename?: 'Money';
  /** Decimal text, e.g. "15.00". */
  amount: Scalars['String']['output'];
  currency: Scalars['String']['output'];
  minorUnits: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Client-credentials sign-in for partner (SP/CP) systems. Send the access token as `Authorization: Bearer <accessToken>`; it expires after 15 minutes. */
  partnerToken: PartnerTokenResult;
  /** Rate how a service one may report experience on is experienced (perceived quality of experience). */
  rateService: CustomerInteraction;
  /** Send a suggestion, or ask for an offering to be tailored. */
  sendCustomerRequest: CustomerInteraction;
};


export type MutationPartnerTokenArgs = {
  input: PartnerTokenInput;
};


export type MutationRateServiceArgs = {
  input: RateServiceInput;
};


export type MutationSendCustomerRequestArgs = {
  input: SendRequestInput;
};

export type NumberAvailability = {
  __typename?: 'NumberAvailability';
  available: Scalars['Boolean']['output'];
  number: Scalars['String']['output'];
};

export type OfferingFilter = {
  bundlesOnly?: InputMaybe<Scalars['Boolean']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  partnerId?: InputMaybe<Scalars['ID']['input']>;
  /** Matches name or description. */
  search?: InputMaybe<Scalars['String']['input']>;
  serviceType?: InputMaybe<ServiceType>;
};

/** Relay pagination info. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Partner = {
  __typename?: 'Partner';
  id: Scalars['ID']['output'];
  kind: PartnerKind;
  name: Scalars['String']['output'];
};

export type PartnerAuthFailed = {
  __typename?: 'PartnerAuthFailed';
  message: Scalars['String']['output'];
};

export type PartnerKind =
  | 'CP'
  | 'SP';

export type PartnerToken = {
  __typename?: 'PartnerToken';
  accessToken: Scalars['String']['output'];
  expiresAt: Scalars['String']['output'];
  partner: Partner;
  scopes: Array<Scalars['String']['output']>;
};

export type PartnerTokenInput = {
  clientId: Scalars['String']['input'];
  clientSecret: Scalars['String']['input'];
};

export type PartnerTokenResult = PartnerAuthFailed | PartnerToken;

export type PriceType =
  | 'ONE_TIME'
  | 'RECURRING'
  | 'USAGE';

/** A sellable product (TMF620 ProductOffering). */
export type ProductOffering = {
  __typename?: 'ProductOffering';
  /** The offerings a bundle is made of. */
  bundledOfferings: Array<ProductOffering>;
  category: Scalars['String']['output'];
  /** Characteristics a customer can choose or configure. */
  characteristics: Array<CharacteristicSpecification>;
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  isBundle: Scalars['Boolean']['output'];
  lifecycleStatus: Scalars['String']['output'];
  name: Scalars['String']['output'];
  prices: Array<ProductPrice>;
  provider: Provider;
  serviceType?: Maybe<ServiceType>;
};

export type ProductOfferingConnection = {
  __typename?: 'ProductOfferingConnection';
  edges: Array<ProductOfferingEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ProductOfferingEdge = {
  __typename?: 'ProductOfferingEdge';
  cursor: Scalars['String']['output'];
  node: ProductOffering;
};

export type ProductPrice = {
  __typename?: 'ProductPrice';
  name: Scalars['String']['output'];
  /** MONTH for recurring prices. */
  period?: Maybe<Scalars['String']['output']>;
  price: Money;
  type: PriceType;
  /** For usage prices: the unit (minute, sms, MB). */
  unit?: Maybe<Scalars['String']['output']>;
};

export type Provider = {
  __typename?: 'Provider';
  kind: ProviderKind;
  /** Set for partner (SP/CP) offerings. */
  partner?: Maybe<Partner>;
};

/** Who fulfils an offering (a bundle may mix providers). */
export type ProviderKind =
  | 'CONTENT_PROVIDER'
  | 'NETWORK_OPERATOR'
  | 'OPERATOR'
  | 'SERVICE_PROVIDER';

/**
 * The product catalogue (TMF620), partner registry and resource availability (TMF645).
 * Public: no login needed. Root fields are nullable: when the catalogue system fails, only they
 * are null (with a typed error) and the rest of a response that also asked other subgraphs survives.
 */
export type Query = {
  __typename?: 'Query';
  /**
   * Announcements valid now: those for everyone and for the given area. Signed-in users also get
   * those aimed at the topics of their profile, first; anyone else only the untargeted ones.
   */
  announcements: Array<Announcement>;
  /** Free numbers to choose from. */
  availableNumbers?: Maybe<Array<Scalars['String']['output']>>;
  /** The signed-in user's ratings, suggestions and requests (the manager sees the customer's), newest first. */
  customerInteractions: Array<CustomerInteraction>;
  /** Is this number free to take? */
  numberAvailability?: Maybe<NumberAvailability>;
  /** One offering with its prices, specification and bundle contents. */
  offering?: Maybe<ProductOffering>;
  /** Browse offerings, newest catalogue first, with filters. */
  offerings?: Maybe<ProductOfferingConnection>;
  /** Third-party service and content providers selling through the operator. */
  partners?: Maybe<Array<Partner>>;
  /** Offerings ranked by the signed-in user's profile (what they browsed); the catalogue order when anonymous. */
  recommendedOfferings?: Maybe<Array<ProductOffering>>;
  /** What can be delivered at an address. */
  serviceAvailability?: Maybe<ServiceAvailability>;
};


/**
 * The product catalogue (TMF620), partner registry and resource availability (TMF645).
 * Public: no login needed. Root fields are nullable: when the catalogue system fails, only they
 * are null (with a typed error) and the rest of a response that also asked other subgraphs survives.
 */
export type QueryAnnouncementsArgs = {
  areaId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The product catalogue (TMF620), partner registry and resource availability (TMF645).
 * Public: no login needed. Root fields are nullable: when the catalogue system fails, only they
 * are null (with a typed error) and the rest of a response that also asked other subgraphs survives.
 */
export type QueryAvailableNumbersArgs = {
  count?: InputMaybe<Scalars['Int']['input']>;
  prefix?: InputMaybe<Scalars['String']['input']>;
};


/**
 * The product catalogue (TMF620), partner registry and resource availability (TMF645).
 * Public: no login needed. Root fields are nullable: when the catalogue system fails, only they
 * are null (with a typed error) and the rest of a response that also asked other subgraphs survives.
 */
export type QueryNumberAvailabilityArgs = {
  number: Scalars['String']['input'];
};


/**
 * The product catalogue (TMF620), partner registry and resource availability (TMF645).
 * Public: no login needed. Root fields are nullable: when the catalogue system fails, only they
 * are null (with a typed error) and the rest of a response that also asked other subgraphs survives.
 */
export type QueryOfferingArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The product catalogue (TMF620), partner registry and resource availability (TMF645).
 * Public: no login needed. Root fields are nullable: when the catalogue system fails, only they
 * are null (with a typed error) and the rest of a response that also asked other subgraphs survives.
 */
export type QueryOfferingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OfferingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The product catalogue (TMF620), partner registry and resource availability (TMF645).
 * Public: no login needed. Root fields are nullable: when the catalogue system fails, only they
 * are null (with a typed error) and the rest of a response that also asked other subgraphs survives.
 */
export type QueryRecommendedOfferingsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The product catalogue (TMF620), partner registry and resource availability (TMF645).
 * Public: no login needed. Root fields are nullable: when the catalogue system fails, only they
 * are null (with a typed error) and the rest of a response that also asked other subgraphs survives.
 */
export type QueryServiceAvailabilityArgs = {
  postcode: Scalars['String']['input'];
};

export type RateServiceInput = {
  /** Optional, up to 1000 characters. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** 8 to 100 characters; a retry with the same key records one rating. */
  idempotencyKey: Scalars['String']['input'];
  /** 1 (poor) to 5 (excellent). */
  score: Scalars['Int']['input'];
  serviceId: Scalars['ID']['input'];
};

/** Suggestions and customisation requests. */
export type RequestKind =
  | 'CUSTOMISATION_REQUEST'
  | 'SUGGESTION';

export type SendRequestInput = {
  /** 8 to 100 characters; a retry with the same key records one request. */
  idempotencyKey: Scalars['String']['input'];
  kind: RequestKind;
  /** The offering it is about, if any. */
  offeringId?: InputMaybe<Scalars['ID']['input']>;
  /** 1 to 1000 characters. */
  text: Scalars['String']['input'];
};

export type ServiceAvailability = {
  __typename?: 'ServiceAvailability';
  postcode: Scalars['String']['output'];
  results: Array<ServiceTypeAvailability>;
};

/** One model for every kind of service. */
export type ServiceType =
  | 'BROADBAND'
  | 'FIXED_LINE'
  | 'IPTV'
  | 'MOBILE';

export type ServiceTypeAvailability = {
  __typename?: 'ServiceTypeAvailability';
  available: Scalars['Boolean']['output'];
  maxDownloadMbps?: Maybe<Scalars['Int']['output']>;
  reason?: Maybe<Scalars['String']['output']>;
  serviceType: ServiceType;
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
  ProductOffering: ProductOffering;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  ProductOffering:
    ( { __typename: 'ProductOffering' }
    & GraphQLRecursivePick<FederationTypes['ProductOffering'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  PartnerTokenResult:
    | ( PartnerAuthFailed & { __typename: 'PartnerAuthFailed' } )
    | ( Omit<PartnerToken, 'partner'> & { partner: _RefType['Partner'] } & { __typename: 'PartnerToken' } )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Announcement: ResolverTypeWrapper<AnnouncementView>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AnnouncementKind: AnnouncementKind;
  CacheControlScope: CacheControlScope;
  CharacteristicSpecification: ResolverTypeWrapper<CharacteristicSpecification>;
  CustomerInteraction: ResolverTypeWrapper<InteractionModel>;
  InteractionKind: InteractionKind;
  InteractionState: InteractionState;
  Money: ResolverTypeWrapper<MoneyModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NumberAvailability: ResolverTypeWrapper<NumberAvailability>;
  OfferingFilter: OfferingFilter;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Partner: ResolverTypeWrapper<PartnerModel>;
  PartnerAuthFailed: ResolverTypeWrapper<PartnerAuthFailed>;
  PartnerKind: PartnerKind;
  PartnerToken: ResolverTypeWrapper<Omit<PartnerToken, 'partner'> & { partner: ResolversTypes['Partner'] }>;
  PartnerTokenInput: PartnerTokenInput;
  PartnerTokenResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['PartnerTokenResult']>;
  PriceType: PriceType;
  ProductOffering: ResolverTypeWrapper<OfferingModel>;
  ProductOfferingConnection: ResolverTypeWrapper<Omit<ProductOfferingConnection, 'edges'> & { edges: Array<ResolversTypes['ProductOfferingEdge']> }>;
  ProductOfferingEdge: ResolverTypeWrapper<Omit<ProductOfferingEdge, 'node'> & { node: ResolversTypes['ProductOffering'] }>;
  ProductPrice: ResolverTypeWrapper<PriceModel>;
  Provider: ResolverTypeWrapper<Omit<Provider, 'partner'> & { partner?: Maybe<ResolversTypes['Partner']> }>;
  ProviderKind: ProviderKind;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RateServiceInput: RateServiceInput;
  RequestKind: RequestKind;
  SendRequestInput: SendRequestInput;
  ServiceAvailability: ResolverTypeWrapper<ServiceAvailability>;
  ServiceType: ServiceType;
  ServiceTypeAvailability: ResolverTypeWrapper<ServiceTypeAvailability>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Announcement: AnnouncementView;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  CharacteristicSpecification: CharacteristicSpecification;
  CustomerInteraction: InteractionModel;
  Money: MoneyModel;
  Mutation: Record<PropertyKey, never>;
  NumberAvailability: NumberAvailability;
  OfferingFilter: OfferingFilter;
  PageInfo: PageInfo;
  Partner: PartnerModel;
  PartnerAuthFailed: PartnerAuthFailed;
  PartnerToken: Omit<PartnerToken, 'partner'> & { partner: ResolversParentTypes['Partner'] };
  PartnerTokenInput: PartnerTokenInput;
  PartnerTokenResult: ResolversUnionTypes<ResolversParentTypes>['PartnerTokenResult'];
  ProductOffering: OfferingModel;
  ProductOfferingConnection: Omit<ProductOfferingConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProductOfferingEdge']> };
  ProductOfferingEdge: Omit<ProductOfferingEdge, 'node'> & { node: ResolversParentTypes['ProductOffering'] };
  ProductPrice: PriceModel;
  Provider: Omit<Provider, 'partner'> & { partner?: Maybe<ResolversParentTypes['Partner']> };
  Query: Record<PropertyKey, never>;
  RateServiceInput: RateServiceInput;
  SendRequestInput: SendRequestInput;
  ServiceAvailability: ServiceAvailability;
  ServiceTypeAvailability: ServiceTypeAvailability;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = CatalogueContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AnnouncementResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['Announcement'] = ResolversParentTypes['Announcement']> = ResolversObject<{
  areaIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AnnouncementKind'], ParentType, ContextType>;
  offering?: Resolver<Maybe<ResolversTypes['ProductOffering']>, ParentType, ContextType>;
  targeted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CharacteristicSpecificationResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['CharacteristicSpecification'] = ResolversParentTypes['CharacteristicSpecification']> = ResolversObject<{
  allowedValues?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  configurable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  defaultValue?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  valueType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CustomerInteractionResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['CustomerInteraction'] = ResolversParentTypes['CustomerInteraction']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['InteractionKind'], ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['InteractionState'], ParentType, ContextType>;
  subjectId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  minorUnits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  partnerToken?: Resolver<ResolversTypes['PartnerTokenResult'], ParentType, ContextType, RequireFields<MutationPartnerTokenArgs, 'input'>>;
  rateService?: Resolver<ResolversTypes['CustomerInteraction'], ParentType, ContextType, RequireFields<MutationRateServiceArgs, 'input'>>;
  sendCustomerRequest?: Resolver<ResolversTypes['CustomerInteraction'], ParentType, ContextType, RequireFields<MutationSendCustomerRequestArgs, 'input'>>;
}>;

export type NumberAvailabilityResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['NumberAvailability'] = ResolversParentTypes['NumberAvailability']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PartnerResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['Partner'] = ResolversParentTypes['Partner']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PartnerKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PartnerAuthFailedResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['PartnerAuthFailed'] = ResolversParentTypes['PartnerAuthFailed']> = ResolversObject<{
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PartnerTokenResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['PartnerToken'] = ResolversParentTypes['PartnerToken']> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['Partner'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PartnerTokenResultResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['PartnerTokenResult'] = ResolversParentTypes['PartnerTokenResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'PartnerAuthFailed' | 'PartnerToken', ParentType, ContextType>;
}>;

export type ProductOfferingResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['ProductOffering'] = ResolversParentTypes['ProductOffering'], FederationReferenceType extends FederationReferenceTypes['ProductOffering'] = FederationReferenceTypes['ProductOffering']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProductOffering']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bundledOfferings?: Resolver<Array<ResolversTypes['ProductOffering']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  characteristics?: Resolver<Array<ResolversTypes['CharacteristicSpecification']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isBundle?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lifecycleStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prices?: Resolver<Array<ResolversTypes['ProductPrice']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  serviceType?: Resolver<Maybe<ResolversTypes['ServiceType']>, ParentType, ContextType>;
}>;

export type ProductOfferingConnectionResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['ProductOfferingConnection'] = ResolversParentTypes['ProductOfferingConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProductOfferingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProductOfferingEdgeResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['ProductOfferingEdge'] = ResolversParentTypes['ProductOfferingEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ProductOffering'], ParentType, ContextType>;
}>;

export type ProductPriceResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['ProductPrice'] = ResolversParentTypes['ProductPrice']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  period?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['PriceType'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ProviderResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['Provider'] = ResolversParentTypes['Provider']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['ProviderKind'], ParentType, ContextType>;
  partner?: Resolver<Maybe<ResolversTypes['Partner']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  announcements?: Resolver<Array<ResolversTypes['Announcement']>, ParentType, ContextType, RequireFields<QueryAnnouncementsArgs, 'first'>>;
  availableNumbers?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType, RequireFields<QueryAvailableNumbersArgs, 'count' | 'prefix'>>;
  customerInteractions?: Resolver<Array<ResolversTypes['CustomerInteraction']>, ParentType, ContextType>;
  numberAvailability?: Resolver<Maybe<ResolversTypes['NumberAvailability']>, ParentType, ContextType, RequireFields<QueryNumberAvailabilityArgs, 'number'>>;
  offering?: Resolver<Maybe<ResolversTypes['ProductOffering']>, ParentType, ContextType, RequireFields<QueryOfferingArgs, 'id'>>;
  offerings?: Resolver<Maybe<ResolversTypes['ProductOfferingConnection']>, ParentType, ContextType, RequireFields<QueryOfferingsArgs, 'first'>>;
  partners?: Resolver<Maybe<Array<ResolversTypes['Partner']>>, ParentType, ContextType>;
  recommendedOfferings?: Resolver<Maybe<Array<ResolversTypes['ProductOffering']>>, ParentType, ContextType, RequireFields<QueryRecommendedOfferingsArgs, 'first'>>;
  serviceAvailability?: Resolver<Maybe<ResolversTypes['ServiceAvailability']>, ParentType, ContextType, RequireFields<QueryServiceAvailabilityArgs, 'postcode'>>;
}>;

export type ServiceAvailabilityResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['ServiceAvailability'] = ResolversParentTypes['ServiceAvailability']> = ResolversObject<{
  postcode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['ServiceTypeAvailability']>, ParentType, ContextType>;
}>;

export type ServiceTypeAvailabilityResolvers<ContextType = CatalogueContext, ParentType extends ResolversParentTypes['ServiceTypeAvailability'] = ResolversParentTypes['ServiceTypeAvailability']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  maxDownloadMbps?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serviceType?: Resolver<ResolversTypes['ServiceType'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CatalogueContext> = ResolversObject<{
  Announcement?: AnnouncementResolvers<ContextType>;
  CharacteristicSpecification?: CharacteristicSpecificationResolvers<ContextType>;
  CustomerInteraction?: CustomerInteractionResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NumberAvailability?: NumberAvailabilityResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Partner?: PartnerResolvers<ContextType>;
  PartnerAuthFailed?: PartnerAuthFailedResolvers<ContextType>;
  PartnerToken?: PartnerTokenResolvers<ContextType>;
  PartnerTokenResult?: PartnerTokenResultResolvers<ContextType>;
  ProductOffering?: ProductOfferingResolvers<ContextType>;
  ProductOfferingConnection?: ProductOfferingConnectionResolvers<ContextType>;
  ProductOfferingEdge?: ProductOfferingEdgeResolvers<ContextType>;
  ProductPrice?: ProductPriceResolvers<ContextType>;
  Provider?: ProviderResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ServiceAvailability?: ServiceAvailabilityResolvers<ContextType>;
  ServiceTypeAvailability?: ServiceTypeAvailabilityResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = CatalogueContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
