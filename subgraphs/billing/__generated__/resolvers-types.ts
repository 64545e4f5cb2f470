import type { GraphQLResolveInfo } from 'graphql';
import type { RedemptionModel } from '../../../legacy/boss/loyalty-shop';
import type { TariffPlanModel, SpendLimitsModel, BillDocumentModel } from '../../../legacy/boss/self-care';
import type { EntityRef } from '../../../lib/entity-ref';
import type { BillModel, BillItemModel, PaymentModel, BillingAccountModel, UsageRecordModel, SubscriptionModel } from '../../../legacy/boss/models';
import type { UsageComparisonModel, ServiceSpendModel, ServiceBillChargesModel } from '../models';
import type { MoneyModel } from '../../../lib/money';
import type { BillingContext } from '../context';
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
  /** How the account is billed and paid. */
  billingSettings?: Maybe<BillingSettings>;
  /** Bills, newest first. */
  bills?: Maybe<BillConnection>;
  id: Scalars['ID']['output'];
  /** Unpaid total over all bills. */
  outstanding?: Maybe<Money>;
};


export type AccountBillsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type BalanceBucket = {
  __typename?: 'BalanceBucket';
  expiresAt: Scalars['String']['output'];
  initial: Scalars['Float']['output'];
  kind: BucketKind;
  remaining: Scalars['Float']['output'];
  unit: Scalars['String']['output'];
};

/** A monthly bill (TMF678 CustomerBill). */
export type Bill = {
  __typename?: 'Bill';
  account?: Maybe<Account>;
  amountDue: Money;
  /** The bill as a document: its lines and total, as CSV. */
  document?: Maybe<BillDocument>;
  dueDate: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  issueDate: Scalars['String']['output'];
  items: Array<BillItem>;
  openAmount: Money;
  paid: Money;
  periodEnd: Scalars['String']['output'];
  periodStart: Scalars['String']['output'];
  state: BillState;
  /** Billed usage compared with the recorded usage records of the period. */
  usageComparison: Array<UsageComparison>;
};

export type BillConnection = {
  __typename?: 'BillConnection';
  edges: Array<BillEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A bill's document, downloaded by who may read the bill. */
export type BillDocument = {
  __typename?: 'BillDocument';
  /** The document itself (text/csv: header lines, one line per bill item, then TOTAL). */
  content: Scalars['String']['output'];
  contentType: Scalars['String']['output'];
  filename: Scalars['String']['output'];
};

export type BillEdge = {
  __typename?: 'BillEdge';
  cursor: Scalars['String']['output'];
  node: Bill;
};

export type BillItem = {
  __typename?: 'BillItem';
  amount: Money;
  description: Scalars['String']['output'];
  service?: Maybe<Service>;
};

/** TMF678 bill states. */
export type BillState =
  | 'new'
  | 'onHold'
  | 'partiallyPaid'
  | 'sent'
  | 'settled'
  | 'validated';

export type BillingChangeRejected = {
  __typename?: 'BillingChangeRejected';
  reason: Scalars['String']['output'];
};

export type BillingMode =
  | 'POSTPAID'
  | 'PREPAID';

export type BillingSettings = {
  __typename?: 'BillingSettings';
  autoPay: Scalars['Boolean']['output'];
  billingMode: BillingMode;
  eBill: EBillSettings;
  tariffPlanId: Scalars['String']['output'];
};

export type BillingSettingsResult = BillingChangeRejected | BillingSettings;

export type BucketKind =
  | 'DATA'
  | 'MONEY'
  | 'SMS'
  | 'VOICE';

/**
 * Cache hints read by Apollo Server's cache-control plugin; the gateway's response cache keeps a
 * response for the smallest maxAge of every subgraph it touched (0 or absent = never cached).
 * PRIVATE entries are keyed by the actor (docs/caching.md).
 */
export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

/** Self-analytics for call-centre-like customers over a period. */
export type CallAnalytics = {
  __typename?: 'CallAnalytics';
  answered: Scalars['Int']['output'];
  answeredRatio: Scalars['Float']['output'];
  /**
   * Share of the period the service was available (0 to 1): 1 - outage time / observed time. Outages
   * are the network alarms and planned outages in the service's area for its type (minor and
   * warning alarms excluded); observed time is the period from the service's start up to now.
   * Customer-requested suspensions are not outages.
   */
  availabilityRatio: Scalars['Float']['output'];
  averageDurationSeconds: Scalars['Float']['output'];
  /** Hours (UTC) with the most calls, busiest first. */
  busyHours: Array<CallHour>;
  lost: Scalars['Int']['output'];
  perDay: Array<CallDay>;
  /** Calendar months (UTC) the period touches, oldest first, each clipped to the period. */
  perMonth: Array<CallMonth>;
  totalCalls: Scalars['Int']['output'];
};

export type CallDay = {
  __typename?: 'CallDay';
  answered: Scalars['Int']['output'];
  averageDurationSeconds: Scalars['Int']['output'];
  calls: Scalars['Int']['output'];
  date: Scalars['String']['output'];
  lost: Scalars['Int']['output'];
};

export type CallHour = {
  __typename?: 'CallHour';
  calls: Scalars['Int']['output'];
  hour: Scalars['Int']['output'];
};

/** One calendar month of call analytics. */
export type CallMonth = {
  __typename?: 'CallMonth';
  answered: Scalars['Int']['output'];
  /** Availability over the part of the month inside the period. */
  availabilityRatio: Scalars['Float']['output'];
  /** Over answered calls of the month. */
  averageDurationSeconds: Scalars['Int']['output'];
  calls: Scalars['Int']['output'];
  lost: Scalars['Int']['output'];
  /** YYYY-MM (UTC). */
  month: Scalars['String']['output'];
};

export type ChangeBillingModeInput = {
  accountId: Scalars['ID']['input'];
  billingMode: BillingMode;
  tariffPlanId?: InputMaybe<Scalars['String']['input']>;
};

export type CurrentCharges = {
  __typename?: 'CurrentCharges';
  periodStart: Scalars['String']['output'];
  recordCount: Scalars['Int']['output'];
  recurringCharges: Money;
  total: Money;
  usageCharges: Money;
};

export type Customer = {
  __typename?: 'Customer';
  id: Scalars['ID']['output'];
  /** Loyalty points balance. */
  loyaltyPoints?: Maybe<Scalars['Int']['output']>;
  /** Rewards the customer redeemed, newest first. */
  loyaltyRedemptions?: Maybe<Array<LoyaltyRedemption>>;
  /** What the given numbers cost between two dates. */
  spendReport?: Maybe<Array<ServiceSpend>>;
};


export type CustomerSpendReportArgs = {
  from: Scalars['String']['input'];
  serviceIds: Array<Scalars['ID']['input']>;
  to: Scalars['String']['input'];
};

export type EBillSettings = {
  __typename?: 'EBillSettings';
  email?: Maybe<Scalars['String']['output']>;
  enabled: Scalars['Boolean']['output'];
};

export type EBillSettingsInput = {
  accountId: Scalars['ID']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  enabled: Scalars['Boolean']['input'];
};

/** Points spent on one reward. */
export type LoyaltyRedemption = {
  __typename?: 'LoyaltyRedemption';
  at: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The customer's balance right after this redemption. */
  pointsRemaining: Scalars['Int']['output'];
  pointsSpent: Scalars['Int']['output'];
  rewardId: Scalars['ID']['output'];
  /** What the customer shows or types to get the reward (content code, voucher number). */
  voucherCode: Scalars['String']['output'];
};

export type Money = {
  __typename?: 'Money';
  amount: Scalars['String']['output'];
  currency: Scalars['String']['output'];
  minorUnits: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Change billing mode and tariff plan. */
  changeBillingMode: BillingSettingsResult;
  /** Pay a bill. Idempotent: a retry with the same key never charges twice. */
  payBill: PaymentResult;
  /** Spend the customer's loyalty points on a reward (the manager's, as any payment). */
  redeemLoyaltyPoints: RedemptionResult;
  /** Set or clear (null) a service's monthly spend alert threshold and hard cap; the same values again change nothing. */
  setSpendLimits: SpendLimitsResult;
  /** Add money to the balance of one of the customer's prepaid services; a retry with the same key tops up once. */
  topUpPrepaidBalance: TopUpResult;
  /** Set up or cancel e-mail bills. */
  updateEBillSettings: BillingSettingsResult;
  /** Payment settings (automatic payment of new bills). */
  updatePaymentSettings: BillingSettingsResult;
};


export type MutationChangeBillingModeArgs = {
  input: ChangeBillingModeInput;
};


export type MutationPayBillArgs = {
  input: PayBillInput;
};


export type MutationRedeemLoyaltyPointsArgs = {
  input: RedeemLoyaltyPointsInput;
};


export type MutationSetSpendLimitsArgs = {
  input: SpendLimitsInput;
};


export type MutationTopUpPrepaidBalanceArgs = {
  input: TopUpPrepaidBalanceInput;
};


export type MutationUpdateEBillSettingsArgs = {
  input: EBillSettingsInput;
};


export type MutationUpdatePaymentSettingsArgs = {
  input: PaymentSettingsInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PartnerSubscription = {
  __typename?: 'PartnerSubscription';
  id: Scalars['ID']['output'];
  /** Usage of the partner's product on this subscription over a period (dates as YYYY-MM-DD). */
  usageSummary?: Maybe<UsageSummary>;
};


export type PartnerSubscriptionUsageSummaryArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};

export type PayBillInput = {
  /** Cents. */
  amountMinorUnits: Scalars['Int']['input'];
  billId: Scalars['ID']['input'];
  /** Client-chosen key of at least 8 characters; a retry with the same key returns the first payment. */
  idempotencyKey: Scalars['String']['input'];
  method: PaymentMethod;
};

export type Payment = {
  __typename?: 'Payment';
  amount: Money;
  at: Scalars['String']['output'];
  bill: Bill;
  id: Scalars['ID']['output'];
  method: PaymentMethod;
};

export type PaymentDeclined = {
  __typename?: 'PaymentDeclined';
  reason: Scalars['String']['output'];
};

export type PaymentMethod =
  | 'BANK_TRANSFER'
  | 'CARD'
  | 'DIRECT_DEBIT'
  | 'WALLET';

export type PaymentResult = Payment | PaymentDeclined;

export type PaymentSettingsInput = {
  accountId: Scalars['ID']['input'];
  autoPay: Scalars['Boolean']['input'];
};

export type PrepaidBalance = {
  __typename?: 'PrepaidBalance';
  /** When the OCS read the balance. */
  asOf: Scalars['String']['output'];
  buckets: Array<BalanceBucket>;
};

/** Money added to a prepaid balance, and the balance right after it. */
export type PrepaidTopUp = {
  __typename?: 'PrepaidTopUp';
  amountMinorUnits: Scalars['Int']['output'];
  balance: PrepaidBalance;
  id: Scalars['ID']['output'];
  serviceId: Scalars['ID']['output'];
};

/**
 * Billing from BOSS billing (TMF678/TMF635/TMF676), the online charging
 * system (TMF654) and the warehouse's call analytics.
 */
export type Query = {
  __typename?: 'Query';
  /** One bill of the signed-in user's customer. */
  bill?: Maybe<Bill>;
  /** The loyalty shop's rewards, for everyone to browse. */
  rewards: Array<Reward>;
  /** The tariff plans on offer, with their prices; changeBillingMode accepts only these. */
  tariffPlans: Array<TariffPlan>;
};


/**
 * Billing from BOSS billing (TMF678/TMF635/TMF676), the online charging
 * system (TMF654) and the warehouse's call analytics.
 */
export type QueryBillArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Billing from BOSS billing (TMF678/TMF635/TMF676), the online charging
 * system (TMF654) and the warehouse's call analytics.
 */
export type QueryTariffPlansArgs = {
  billingMode?: InputMaybe<BillingMode>;
};

export type RedeemLoyaltyPointsInput = {
  /** 8 to 100 characters; a retry with the same key redeems once, the same key for another reward is a CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  rewardId: Scalars['ID']['input'];
};

/** Why the shop would not redeem (not enough points, out of stock, unknown reward). */
export type RedemptionRefused = {
  __typename?: 'RedemptionRefused';
  reason: Scalars['String']['output'];
};

export type RedemptionResult = LoyaltyRedemption | RedemptionRefused;

/** Something the loyalty shop sells for points: the operator's own rewards and partners' content. */
export type Reward = {
  __typename?: 'Reward';
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: RewardKind;
  name: Scalars['String']['output'];
  /** The content partner selling it through the operator; null for the operator's own. */
  partnerId?: Maybe<Scalars['ID']['output']>;
  pointsPrice: Scalars['Int']['output'];
  /** How many are left; null when unlimited. */
  stock?: Maybe<Scalars['Int']['output']>;
};

/** Kinds of reward. */
export type RewardKind =
  | 'CONTENT'
  | 'DATA_BUNDLE'
  | 'DEVICE'
  | 'VOUCHER';

export type Service = {
  __typename?: 'Service';
  /** Call analytics over a period. */
  callAnalytics?: Maybe<CallAnalytics>;
  /** Charges of the current, not yet billed period. */
  currentCharges?: Maybe<CurrentCharges>;
  id: Scalars['ID']['output'];
  /** The charges for this service on the latest bill. */
  lastBillCharges?: Maybe<ServiceBillCharges>;
  /** Prepaid balance from the online charging system, in real time (null for postpaid). */
  prepaidBalance?: Maybe<PrepaidBalance>;
  /** The monthly spend alert threshold and cap, with this month's charges so far. */
  spendLimits?: Maybe<SpendLimits>;
  /** Rated usage records, newest first. */
  usage?: Maybe<UsageConnection>;
  /** Usage totals over a period. */
  usageSummary?: Maybe<UsageSummary>;
};


export type ServiceCallAnalyticsArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type ServiceUsageArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type ServiceUsageSummaryArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};

export type ServiceBillCharges = {
  __typename?: 'ServiceBillCharges';
  amount: Money;
  bill: Bill;
};

export type ServiceSpend = {
  __typename?: 'ServiceSpend';
  charges: Money;
  from: Scalars['String']['output'];
  records: Scalars['Int']['output'];
  service?: Maybe<Service>;
  to: Scalars['String']['output'];
};

/** A service's spend limits for the current month. */
export type SpendLimits = {
  __typename?: 'SpendLimits';
  /** Above this, the user who set it is notified (once a month). */
  alert?: Maybe<Money>;
  /** True while the cap bars chargeable usage. */
  barred: Scalars['Boolean']['output'];
  /** At this, chargeable usage is barred until the next month. */
  cap?: Maybe<Money>;
  /** This month's charges so far. */
  charged: Money;
  serviceId: Scalars['ID']['output'];
};

export type SpendLimitsInput = {
  /** Cents; null clears the alert. */
  alertMinorUnits?: InputMaybe<Scalars['Int']['input']>;
  /** Cents; null clears the cap. */
  capMinorUnits?: InputMaybe<Scalars['Int']['input']>;
  serviceId: Scalars['ID']['input'];
};

/** Why billing would not take the limits (e.g. an alert above the cap). */
export type SpendLimitsRefused = {
  __typename?: 'SpendLimitsRefused';
  reason: Scalars['String']['output'];
};

export type SpendLimitsResult = SpendLimits | SpendLimitsRefused;

/** A tariff plan and its prices. */
export type TariffPlan = {
  __typename?: 'TariffPlan';
  billingMode: BillingMode;
  dataPerMb: Money;
  id: Scalars['ID']['output'];
  monthlyFee: Money;
  name: Scalars['String']['output'];
  smsEach: Money;
  voicePerMinute: Money;
};

export type TopUpPrepaidBalanceInput = {
  /** Amount in the balance's minor units (cents), from 100 (1.00) to 50000 (500.00). */
  amountMinorUnits: Scalars['Int']['input'];
  /** Client-chosen key of at least 8 characters; a retry with the same key returns the first top-up. */
  idempotencyKey: Scalars['String']['input'];
  method: PaymentMethod;
  serviceId: Scalars['ID']['input'];
};

/** The charging system would not top up the service (for example, it has no prepaid balance). */
export type TopUpRefused = {
  __typename?: 'TopUpRefused';
  reason: Scalars['String']['output'];
};

export type TopUpResult = PrepaidTopUp | TopUpRefused;

export type UsageComparison = {
  __typename?: 'UsageComparison';
  billedUsage: Money;
  matches: Scalars['Boolean']['output'];
  recordCount: Scalars['Int']['output'];
  recordedUsage: Money;
  service?: Maybe<Service>;
};

export type UsageConnection = {
  __typename?: 'UsageConnection';
  edges: Array<UsageEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type UsageDirection =
  | 'IN'
  | 'OUT';

export type UsageEdge = {
  __typename?: 'UsageEdge';
  cursor: Scalars['String']['output'];
  node: UsageRecord;
};

export type UsageKind =
  | 'DATA'
  | 'SMS'
  | 'VIDEO'
  | 'VOICE';

/** A rated usage record (TMF635). */
export type UsageRecord = {
  __typename?: 'UsageRecord';
  answered: Scalars['Boolean']['output'];
  charge: Money;
  /** The other party, masked except for the last digits. */
  counterpart?: Maybe<Scalars['String']['output']>;
  direction: UsageDirection;
  durationSeconds: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: UsageKind;
  start: Scalars['String']['output'];
  volumeKb: Scalars['Int']['output'];
};

export type UsageSummary = {
  __typename?: 'UsageSummary';
  calls: Scalars['Int']['output'];
  charges: Money;
  dataMb: Scalars['Float']['output'];
  records: Scalars['Int']['output'];
  sms: Scalars['Int']['output'];
  videoMb: Scalars['Float']['output'];
  voiceMinutes: Scalars['Float']['output'];
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
  Account: Account;
  Bill: Bill;
  Customer: Customer;
  PartnerSubscription: PartnerSubscription;
  Service: Service;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Account:
    ( { __typename: 'Account' }
    & GraphQLRecursivePick<FederationTypes['Account'], {"id":true}> );
  Bill:
    ( { __typename: 'Bill' }
    & GraphQLRecursivePick<FederationTypes['Bill'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  PartnerSubscription:
    ( { __typename: 'PartnerSubscription' }
    & GraphQLRecursivePick<FederationTypes['PartnerSubscription'], {"id":true}> );
  Service:
    ( { __typename: 'Service' }
    & GraphQLRecursivePick<FederationTypes['Service'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  BillingSettingsResult:
    | ( BillingChangeRejected & { __typename: 'BillingChangeRejected' } )
    | ( BillingAccountModel & { __typename: 'BillingSettings' } )
  ;
  PaymentResult:
    | ( PaymentModel & { __typename: 'Payment' } )
    | ( PaymentDeclined & { __typename: 'PaymentDeclined' } )
  ;
  RedemptionResult:
    | ( RedemptionModel & { __typename: 'LoyaltyRedemption' } )
    | ( RedemptionRefused & { __typename: 'RedemptionRefused' } )
  ;
  SpendLimitsResult:
    | ( SpendLimitsModel & { __typename: 'SpendLimits' } )
    | ( SpendLimitsRefused & { __typename: 'SpendLimitsRefused' } )
  ;
  TopUpResult:
    | ( PrepaidTopUp & { __typename: 'PrepaidTopUp' } )
    | ( TopUpRefused & { __typename: 'TopUpRefused' } )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Account: ResolverTypeWrapper<EntityRef>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  BalanceBucket: ResolverTypeWrapper<BalanceBucket>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Bill: ResolverTypeWrapper<BillModel>;
  BillConnection: ResolverTypeWrapper<Omit<BillConnection, 'edges'> & { edges: Array<ResolversTypes['BillEdge']> }>;
  BillDocument: ResolverTypeWrapper<BillDocumentModel>;
  BillEdge: ResolverTypeWrapper<Omit<BillEdge, 'node'> & { node: ResolversTypes['Bill'] }>;
  BillItem: ResolverTypeWrapper<BillItemModel>;
  BillState: BillState;
  BillingChangeRejected: ResolverTypeWrapper<BillingChangeRejected>;
  BillingMode: BillingMode;
  BillingSettings: ResolverTypeWrapper<BillingAccountModel>;
  BillingSettingsResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['BillingSettingsResult']>;
  BucketKind: BucketKind;
  CacheControlScope: CacheControlScope;
  CallAnalytics: ResolverTypeWrapper<CallAnalytics>;
  CallDay: ResolverTypeWrapper<CallDay>;
  CallHour: ResolverTypeWrapper<CallHour>;
  CallMonth: ResolverTypeWrapper<CallMonth>;
  ChangeBillingModeInput: ChangeBillingModeInput;
  CurrentCharges: ResolverTypeWrapper<Omit<CurrentCharges, 'recurringCharges' | 'total' | 'usageCharges'> & { recurringCharges: ResolversTypes['Money'], total: ResolversTypes['Money'], usageCharges: ResolversTypes['Money'] }>;
  Customer: ResolverTypeWrapper<EntityRef>;
  EBillSettings: ResolverTypeWrapper<EBillSettings>;
  EBillSettingsInput: EBillSettingsInput;
  LoyaltyRedemption: ResolverTypeWrapper<RedemptionModel>;
  Money: ResolverTypeWrapper<MoneyModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PartnerSubscription: ResolverTypeWrapper<SubscriptionModel>;
  PayBillInput: PayBillInput;
  Payment: ResolverTypeWrapper<PaymentModel>;
  PaymentDeclined: ResolverTypeWrapper<PaymentDeclined>;
  PaymentMethod: PaymentMethod;
  PaymentResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['PaymentResult']>;
  PaymentSettingsInput: PaymentSettingsInput;
  PrepaidBalance: ResolverTypeWrapper<PrepaidBalance>;
  PrepaidTopUp: ResolverTypeWrapper<PrepaidTopUp>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RedeemLoyaltyPointsInput: RedeemLoyaltyPointsInput;
  RedemptionRefused: ResolverTypeWrapper<RedemptionRefused>;
  RedemptionResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RedemptionResult']>;
  Reward: ResolverTypeWrapper<Reward>;
  RewardKind: RewardKind;
  Service: ResolverTypeWrapper<EntityRef>;
  ServiceBillCharges: ResolverTypeWrapper<ServiceBillChargesModel>;
  ServiceSpend: ResolverTypeWrapper<ServiceSpendModel>;
  SpendLimits: ResolverTypeWrapper<SpendLimitsModel>;
  SpendLimitsInput: SpendLimitsInput;
  SpendLimitsRefused: ResolverTypeWrapper<SpendLimitsRefused>;
  SpendLimitsResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SpendLimitsResult']>;
  TariffPlan: ResolverTypeWrapper<TariffPlanModel>;
  TopUpPrepaidBalanceInput: TopUpPrepaidBalanceInput;
  TopUpRefused: ResolverTypeWrapper<TopUpRefused>;
  TopUpResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['TopUpResult']>;
  UsageComparison: ResolverTypeWrapper<UsageComparisonModel>;
  UsageConnection: ResolverTypeWrapper<Omit<UsageConnection, 'edges'> & { edges: Array<ResolversTypes['UsageEdge']> }>;
  UsageDirection: UsageDirection;
  UsageEdge: ResolverTypeWrapper<Omit<UsageEdge, 'node'> & { node: ResolversTypes['UsageRecord'] }>;
  UsageKind: UsageKind;
  UsageRecord: ResolverTypeWrapper<UsageRecordModel>;
  UsageSummary: ResolverTypeWrapper<Omit<UsageSummary, 'charges'> & { charges: ResolversTypes['Money'] }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Account: EntityRef;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  BalanceBucket: BalanceBucket;
  Float: Scalars['Float']['output'];
  Bill: BillModel;
  BillConnection: Omit<BillConnection, 'edges'> & { edges: Array<ResolversParentTypes['BillEdge']> };
  BillDocument: BillDocumentModel;
  BillEdge: Omit<BillEdge, 'node'> & { node: ResolversParentTypes['Bill'] };
  BillItem: BillItemModel;
  BillingChangeRejected: BillingChangeRejected;
  BillingSettings: BillingAccountModel;
  BillingSettingsResult: ResolversUnionTypes<ResolversParentTypes>['BillingSettingsResult'];
  CallAnalytics: CallAnalytics;
  CallDay: CallDay;
  CallHour: CallHour;
  CallMonth: CallMonth;
  ChangeBillingModeInput: ChangeBillingModeInput;
  CurrentCharges: Omit<CurrentCharges, 'recurringCharges' | 'total' | 'usageCharges'> & { recurringCharges: ResolversParentTypes['Money'], total: ResolversParentTypes['Money'], usageCharges: ResolversParentTypes['Money'] };
  Customer: EntityRef;
  EBillSettings: EBillSettings;
  EBillSettingsInput: EBillSettingsInput;
  LoyaltyRedemption: RedemptionModel;
  Money: MoneyModel;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PartnerSubscription: SubscriptionModel;
  PayBillInput: PayBillInput;
  Payment: PaymentModel;
  PaymentDeclined: PaymentDeclined;
  PaymentResult: ResolversUnionTypes<ResolversParentTypes>['PaymentResult'];
  PaymentSettingsInput: PaymentSettingsInput;
  PrepaidBalance: PrepaidBalance;
  PrepaidTopUp: PrepaidTopUp;
  Query: Record<PropertyKey, never>;
  RedeemLoyaltyPointsInput: RedeemLoyaltyPointsInput;
  RedemptionRefused: RedemptionRefused;
  RedemptionResult: ResolversUnionTypes<ResolversParentTypes>['RedemptionResult'];
  Reward: Reward;
  Service: EntityRef;
  ServiceBillCharges: ServiceBillChargesModel;
  ServiceSpend: ServiceSpendModel;
  SpendLimits: SpendLimitsModel;
  SpendLimitsInput: SpendLimitsInput;
  SpendLimitsRefused: SpendLimitsRefused;
  SpendLimitsResult: ResolversUnionTypes<ResolversParentTypes>['SpendLimitsResult'];
  TariffPlan: TariffPlanModel;
  TopUpPrepaidBalanceInput: TopUpPrepaidBalanceInput;
  TopUpRefused: TopUpRefused;
  TopUpResult: ResolversUnionTypes<ResolversParentTypes>['TopUpResult'];
  UsageComparison: UsageComparisonModel;
  UsageConnection: Omit<UsageConnection, 'edges'> & { edges: Array<ResolversParentTypes['UsageEdge']> };
  UsageEdge: Omit<UsageEdge, 'node'> & { node: ResolversParentTypes['UsageRecord'] };
  UsageRecord: UsageRecordModel;
  UsageSummary: Omit<UsageSummary, 'charges'> & { charges: ResolversParentTypes['Money'] };
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = BillingContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AccountResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account'], FederationReferenceType extends FederationReferenceTypes['Account'] = FederationReferenceTypes['Account']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Account']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billingSettings?: Resolver<Maybe<ResolversTypes['BillingSettings']>, ParentType, ContextType>;
  bills?: Resolver<Maybe<ResolversTypes['BillConnection']>, ParentType, ContextType, RequireFields<AccountBillsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outstanding?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
}>;

export type BalanceBucketResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BalanceBucket'] = ResolversParentTypes['BalanceBucket']> = ResolversObject<{
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  initial?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['BucketKind'], ParentType, ContextType>;
  remaining?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type BillResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Bill'] = ResolversParentTypes['Bill'], FederationReferenceType extends FederationReferenceTypes['Bill'] = FederationReferenceTypes['Bill']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Bill']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  amountDue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  document?: Resolver<Maybe<ResolversTypes['BillDocument']>, ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['BillItem']>, ParentType, ContextType>;
  openAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['BillState'], ParentType, ContextType>;
  usageComparison?: Resolver<Array<ResolversTypes['UsageComparison']>, ParentType, ContextType>;
}>;

export type BillConnectionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillConnection'] = ResolversParentTypes['BillConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['BillEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type BillDocumentResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillDocument'] = ResolversParentTypes['BillDocument']> = ResolversObject<{
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  filename?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type BillEdgeResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillEdge'] = ResolversParentTypes['BillEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Bill'], ParentType, ContextType>;
}>;

export type BillItemResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillItem'] = ResolversParentTypes['BillItem']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType>;
}>;

export type BillingChangeRejectedResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillingChangeRejected'] = ResolversParentTypes['BillingChangeRejected']> = ResolversObject<{
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type BillingSettingsResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillingSettings'] = ResolversParentTypes['BillingSettings']> = ResolversObject<{
  autoPay?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  billingMode?: Resolver<ResolversTypes['BillingMode'], ParentType, ContextType>;
  eBill?: Resolver<ResolversTypes['EBillSettings'], ParentType, ContextType>;
  tariffPlanId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type BillingSettingsResultResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillingSettingsResult'] = ResolversParentTypes['BillingSettingsResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'BillingChangeRejected' | 'BillingSettings', ParentType, ContextType>;
}>;

export type CallAnalyticsResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['CallAnalytics'] = ResolversParentTypes['CallAnalytics']> = ResolversObject<{
  answered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  answeredRatio?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  availabilityRatio?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  averageDurationSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  busyHours?: Resolver<Array<ResolversTypes['CallHour']>, ParentType, ContextType>;
  lost?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  perDay?: Resolver<Array<ResolversTypes['CallDay']>, ParentType, ContextType>;
  perMonth?: Resolver<Array<ResolversTypes['CallMonth']>, ParentType, ContextType>;
  totalCalls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CallDayResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['CallDay'] = ResolversParentTypes['CallDay']> = ResolversObject<{
  answered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  averageDurationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  calls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lost?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CallHourResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['CallHour'] = ResolversParentTypes['CallHour']> = ResolversObject<{
  calls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CallMonthResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['CallMonth'] = ResolversParentTypes['CallMonth']> = ResolversObject<{
  answered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  availabilityRatio?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  averageDurationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  calls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lost?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CurrentChargesResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['CurrentCharges'] = ResolversParentTypes['CurrentCharges']> = ResolversObject<{
  periodStart?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recurringCharges?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  usageCharges?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  loyaltyPoints?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  loyaltyRedemptions?: Resolver<Maybe<Array<ResolversTypes['LoyaltyRedemption']>>, ParentType, ContextType>;
  spendReport?: Resolver<Maybe<Array<ResolversTypes['ServiceSpend']>>, ParentType, ContextType, RequireFields<CustomerSpendReportArgs, 'from' | 'serviceIds' | 'to'>>;
}>;

export type EBillSettingsResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['EBillSettings'] = ResolversParentTypes['EBillSettings']> = ResolversObject<{
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type LoyaltyRedemptionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['LoyaltyRedemption'] = ResolversParentTypes['LoyaltyRedemption']> = ResolversObject<{
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pointsRemaining?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pointsSpent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rewardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  voucherCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  minorUnits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  changeBillingMode?: Resolver<ResolversTypes['BillingSettingsResult'], ParentType, ContextType, RequireFields<MutationChangeBillingModeArgs, 'input'>>;
  payBill?: Resolver<ResolversTypes['PaymentResult'], ParentType, ContextType, RequireFields<MutationPayBillArgs, 'input'>>;
  redeemLoyaltyPoints?: Resolver<ResolversTypes['RedemptionResult'], ParentType, ContextType, RequireFields<MutationRedeemLoyaltyPointsArgs, 'input'>>;
  setSpendLimits?: Resolver<ResolversTypes['SpendLimitsResult'], ParentType, ContextType, RequireFields<MutationSetSpendLimitsArgs, 'input'>>;
  topUpPrepaidBalance?: Resolver<ResolversTypes['TopUpResult'], ParentType, ContextType, RequireFields<MutationTopUpPrepaidBalanceArgs, 'input'>>;
  updateEBillSettings?: Resolver<ResolversTypes['BillingSettingsResult'], ParentType, ContextType, RequireFields<MutationUpdateEBillSettingsArgs, 'input'>>;
  updatePaymentSettings?: Resolver<ResolversTypes['BillingSettingsResult'], ParentType, ContextType, RequireFields<MutationUpdatePaymentSettingsArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PartnerSubscriptionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PartnerSubscription'] = ResolversParentTypes['PartnerSubscription'], FederationReferenceType extends FederationReferenceTypes['PartnerSubscription'] = FederationReferenceTypes['PartnerSubscription']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PartnerSubscription']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  usageSummary?: Resolver<Maybe<ResolversTypes['UsageSummary']>, ParentType, ContextType, RequireFields<PartnerSubscriptionUsageSummaryArgs, 'from' | 'to'>>;
}>;

export type PaymentResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bill?: Resolver<ResolversTypes['Bill'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['PaymentMethod'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PaymentDeclinedResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PaymentDeclined'] = ResolversParentTypes['PaymentDeclined']> = ResolversObject<{
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PaymentResultResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PaymentResult'] = ResolversParentTypes['PaymentResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Payment' | 'PaymentDeclined', ParentType, ContextType>;
}>;

export type PrepaidBalanceResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PrepaidBalance'] = ResolversParentTypes['PrepaidBalance']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  buckets?: Resolver<Array<ResolversTypes['BalanceBucket']>, ParentType, ContextType>;
}>;

export type PrepaidTopUpResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PrepaidTopUp'] = ResolversParentTypes['PrepaidTopUp']> = ResolversObject<{
  amountMinorUnits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  balance?: Resolver<ResolversTypes['PrepaidBalance'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  serviceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  bill?: Resolver<Maybe<ResolversTypes['Bill']>, ParentType, ContextType, RequireFields<QueryBillArgs, 'id'>>;
  rewards?: Resolver<Array<ResolversTypes['Reward']>, ParentType, ContextType>;
  tariffPlans?: Resolver<Array<ResolversTypes['TariffPlan']>, ParentType, ContextType, Partial<QueryTariffPlansArgs>>;
}>;

export type RedemptionRefusedResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['RedemptionRefused'] = ResolversParentTypes['RedemptionRefused']> = ResolversObject<{
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RedemptionResultResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['RedemptionResult'] = ResolversParentTypes['RedemptionResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'LoyaltyRedemption' | 'RedemptionRefused', ParentType, ContextType>;
}>;

export type RewardResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Reward'] = ResolversParentTypes['Reward']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RewardKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partnerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  pointsPrice?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stock?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ServiceResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Service'] = ResolversParentTypes['Service'], FederationReferenceType extends FederationReferenceTypes['Service'] = FederationReferenceTypes['Service']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Service']> | FederationReferenceType, FederationReferenceType, ContextType>;
  callAnalytics?: Resolver<Maybe<ResolversTypes['CallAnalytics']>, ParentType, ContextType, RequireFields<ServiceCallAnalyticsArgs, 'from' | 'to'>>;
  currentCharges?: Resolver<Maybe<ResolversTypes['CurrentCharges']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastBillCharges?: Resolver<Maybe<ResolversTypes['ServiceBillCharges']>, ParentType, ContextType>;
  prepaidBalance?: Resolver<Maybe<ResolversTypes['PrepaidBalance']>, ParentType, ContextType>;
  spendLimits?: Resolver<Maybe<ResolversTypes['SpendLimits']>, ParentType, ContextType>;
  usage?: Resolver<Maybe<ResolversTypes['UsageConnection']>, ParentType, ContextType, RequireFields<ServiceUsageArgs, 'first' | 'from' | 'to'>>;
  usageSummary?: Resolver<Maybe<ResolversTypes['UsageSummary']>, ParentType, ContextType, RequireFields<ServiceUsageSummaryArgs, 'from' | 'to'>>;
}>;

export type ServiceBillChargesResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['ServiceBillCharges'] = ResolversParentTypes['ServiceBillCharges']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  bill?: Resolver<ResolversTypes['Bill'], ParentType, ContextType>;
}>;

export type ServiceSpendResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['ServiceSpend'] = ResolversParentTypes['ServiceSpend']> = ResolversObject<{
  charges?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  records?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SpendLimitsResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['SpendLimits'] = ResolversParentTypes['SpendLimits']> = ResolversObject<{
  alert?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  barred?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  cap?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  charged?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  serviceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SpendLimitsRefusedResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['SpendLimitsRefused'] = ResolversParentTypes['SpendLimitsRefused']> = ResolversObject<{
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SpendLimitsResultResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['SpendLimitsResult'] = ResolversParentTypes['SpendLimitsResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'SpendLimits' | 'SpendLimitsRefused', ParentType, ContextType>;
}>;

export type TariffPlanResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['TariffPlan'] = ResolversParentTypes['TariffPlan']> = ResolversObject<{
  billingMode?: Resolver<ResolversTypes['BillingMode'], ParentType, ContextType>;
  dataPerMb?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  monthlyFee?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  smsEach?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  voicePerMinute?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type TopUpRefusedResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['TopUpRefused'] = ResolversParentTypes['TopUpRefused']> = ResolversObject<{
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type TopUpResultResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['TopUpResult'] = ResolversParentTypes['TopUpResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'PrepaidTopUp' | 'TopUpRefused', ParentType, ContextType>;
}>;

export type UsageComparisonResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['UsageComparison'] = ResolversParentTypes['UsageComparison']> = ResolversObject<{
  billedUsage?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  matches?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  recordCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recordedUsage?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType>;
}>;

export type UsageConnectionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['UsageConnection'] = ResolversParentTypes['UsageConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['UsageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UsageEdgeResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['UsageEdge'] = ResolversParentTypes['UsageEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['UsageRecord'], ParentType, ContextType>;
}>;

export type UsageRecordResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['UsageRecord'] = ResolversParentTypes['UsageRecord']> = ResolversObject<{
  answered?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  charge?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  counterpart?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['UsageDirection'], ParentType, ContextType>;
  durationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['UsageKind'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  volumeKb?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UsageSummaryResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['UsageSummary'] = ResolversParentTypes['UsageSummary']> = ResolversObject<{
  calls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  charges?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  dataMb?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  records?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sms?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  videoMb?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  voiceMinutes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = BillingContext> = ResolversObject<{
  Account?: AccountResolvers<ContextType>;
  BalanceBucket?: BalanceBucketResolvers<ContextType>;
  Bill?: BillResolvers<ContextType>;
  BillConnection?: BillConnectionResolvers<ContextType>;
  BillDocument?: BillDocumentResolvers<ContextType>;
  BillEdge?: BillEdgeResolvers<ContextType>;
  BillItem?: BillItemResolvers<ContextType>;
  BillingChangeRejected?: BillingChangeRejectedResolvers<ContextType>;
  BillingSettings?: BillingSettingsResolvers<ContextType>;
  BillingSettingsResult?: BillingSettingsResultResolvers<ContextType>;
  CallAnalytics?: CallAnalyticsResolvers<ContextType>;
  CallDay?: CallDayResolvers<ContextType>;
  CallHour?: CallHourResolvers<ContextType>;
  CallMonth?: CallMonthResolvers<ContextType>;
  CurrentCharges?: CurrentChargesResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  EBillSettings?: EBillSettingsResolvers<ContextType>;
  LoyaltyRedemption?: LoyaltyRedemptionResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PartnerSubscription?: PartnerSubscriptionResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PaymentDeclined?: PaymentDeclinedResolvers<ContextType>;
  PaymentResult?: PaymentResultResolvers<ContextType>;
  PrepaidBalance?: PrepaidBalanceResolvers<ContextType>;
  PrepaidTopUp?: PrepaidTopUpResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RedemptionRefused?: RedemptionRefusedResolvers<ContextType>;
  RedemptionResult?: RedemptionResultResolvers<ContextType>;
  Reward?: RewardResolvers<ContextType>;
  Service?: ServiceResolvers<ContextType>;
  ServiceBillCharges?: ServiceBillChargesResolvers<ContextType>;
  ServiceSpend?: ServiceSpendResolvers<ContextType>;
  SpendLimits?: SpendLimitsResolvers<ContextType>;
  SpendLimitsRefused?: SpendLimitsRefusedResolvers<ContextType>;
  SpendLimitsResult?: SpendLimitsResultResolvers<ContextType>;
  TariffPlan?: TariffPlanResolvers<ContextType>;
  TopUpRefused?: TopUpRefusedResolvers<ContextType>;
  TopUpResult?: TopUpResultResolvers<ContextType>;
  UsageComparison?: UsageComparisonResolvers<ContextType>;
  UsageConnection?: UsageConnectionResolvers<ContextType>;
  UsageEdge?: UsageEdgeResolvers<ContextType>;
  UsageRecord?: UsageRecordResolvers<ContextType>;
  UsageSummary?: UsageSummaryResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = BillingContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
