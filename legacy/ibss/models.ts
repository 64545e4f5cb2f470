import { z } from 'zod';

/**
 * What the IBSS (order handling and product inventory) answers, validated by the adapter; the
 * domain models are these payloads as they are.
 */
export const serviceType = z.enum(['MOBILE', 'FIXED_LINE', 'BROADBAND', 'IPTV']);
export type ServiceType = z.infer<typeof serviceType>;

export const productState = z.enum([
  'created',
  'pendingActive',
  'active',
  'suspended',
  'pendingTerminate',
  'terminated',
  'cancelled',
  'aborted',
]);
export type ProductState = z.infer<typeof productState>;

export const orderState = z.enum([
  'acknowledged',
  'rejected',
  'pending',
  'held',
  'inProgress',
  'cancelled',
  'completed',
  'failed',
  'partial',
]);
export type OrderState = z.infer<typeof orderState>;

export const callRestriction = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('INCOMING_TIME_WINDOW'),
    from: z.string(),
    to: z.string(),
    days: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('CLOSED_USER_GROUP'),
    groupId: z.string(),
    allowExternalEmergency: z.boolean(),
  }),
  z.object({ kind: z.literal('OUTGOING_WHITELIST'), numbers: z.array(z.string()) }),
  z.object({
    kind: z.literal('MONTHLY_ALLOWANCE'),
    allowanceMinor: z.number(),
    currency: z.string(),
    numbersAfterAllowance: z.array(z.string()),
  }),
]);
export type CallRestrictionModel = z.infer<typeof callRestriction>;
export type IncomingTimeWindowModel = Extract<CallRestrictionModel, { kind: 'INCOMING_TIME_WINDOW' }>;
export type ClosedUserGroupModel = Extract<CallRestrictionModel, { kind: 'CLOSED_USER_GROUP' }>;
export type OutgoingWhitelistModel = Extract<CallRestrictionModel, { kind: 'OUTGOING_WHITELIST' }>;
export type MonthlyAllowanceModel = Extract<CallRestrictionModel, { kind: 'MONTHLY_ALLOWANCE' }>;

export const service = z.object({
  id: z.string(),
  customerId: z.string(),
  accountId: z.string(),
  type: serviceType,
  identifier: z.string(),
  offeringId: z.string(),
  state: productState,
  startDate: z.string(),
  parameters: z.record(z.string(), z.string()),
  callRestrictions: z.array(callRestriction),
});
export type ServiceModel = z.infer<typeof service>;

export const orderItem = z.object({
  id: z.string(),
  action: z.enum(['add', 'modify', 'suspend', 'resume', 'terminate']),
  offeringId: z.string().nullable(),
  serviceId: z.string().nullable(),
  state: orderState,
  workOrderId: z.string(),
  /** The partner whose offering the item is (ISMP), when a partner provides it. */
  partnerId: z.string().nullable().optional(),
  failureReason: z.string().nullable(),
});
export type OrderItemModel = z.infer<typeof orderItem>;

export const order = z.object({
  id: z.string(),
  customerId: z.string(),
  accountId: z.string(),
  state: orderState,
  note: z.string().nullable(),
  requestedBy: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  items: z.array(orderItem),
});
export type OrderModel = z.infer<typeof order>;

/** R4: a subscription relation as the IBSS gives it to partners (no customer data). */
export const partnerSubscription = z.object({
  serviceId: z.string(),
  offeringId: z.string(),
  state: productState,
  startDate: z.string(),
});
export type PartnerSubscriptionModel = z.infer<typeof partnerSubscription>;

/** F5: a company's closed user group as the IBSS keeps it (the member numbers in full). */
export const closedUserGroup = z.object({
  id: z.string(),
  customerId: z.string(),
  members: z.array(z.string()),
});
export type ClosedUserGroupRecord = z.infer<typeof closedUserGroup>;
