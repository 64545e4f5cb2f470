/** Domain models of the order system, as the IBSS adapter produces them. */
export interface EntityRef {
  id: string;
}

export type ServiceType = 'MOBILE' | 'FIXED_LINE' | 'BROADBAND' | 'IPTV';
export type ProductState =
  | 'created'
  | 'pendingActive'
  | 'active'
  | 'suspended'
  | 'pendingTerminate'
  | 'terminated'
  | 'cancelled'
  | 'aborted';
export type OrderState =
  | 'acknowledged'
  | 'rejected'
  | 'pending'
  | 'held'
  | 'inProgress'
  | 'cancelled'
  | 'completed'
  | 'failed'
  | 'partial';

export type CallRestrictionModel =
  | { kind: 'INCOMING_TIME_WINDOW'; from: string; to: string; days: string[] }
  | { kind: 'CLOSED_USER_GROUP'; groupId: string; allowExternalEmergency: boolean }
  | { kind: 'OUTGOING_WHITELIST'; numbers: string[] }
  | { kind: 'MONTHLY_ALLOWANCE'; allowanceMinor: number; currency: string; numbersAfterAllowance: string[] };

export interface ServiceModel {
  id: string;
  customerId: string;
  accountId: string;
  type: ServiceType;
  identifier: string;
  offeringId: string;
  state: ProductState;
  startDate: string;
  parameters: Record<string, string>;
  callRestrictions: CallRestrictionModel[];
}

export interface OrderItemModel {
  id: string;
  action: 'add' | 'modify' | 'suspend' | 'resume' | 'terminate';
  offeringId: string | null;
  serviceId: string | null;
  state: OrderState;
  workOrderId: string;
  failureReason: string | null;
}

export interface OrderModel {
  id: string;
  customerId: string;
  accountId: string;
  state: OrderState;
  note: string | null;
  requestedBy: string | null;
  createdAt: string;
  completedAt: string | null;
  items: OrderItemModel[];
}

export type IncomingTimeWindowModel = Extract<CallRestrictionModel, { kind: 'INCOMING_TIME_WINDOW' }>;
export type ClosedUserGroupModel = Extract<CallRestrictionModel, { kind: 'CLOSED_USER_GROUP' }>;
export type OutgoingWhitelistModel = Extract<CallRestrictionModel, { kind: 'OUTGOING_WHITELIST' }>;
export type MonthlyAllowanceModel = Extract<CallRestrictionModel, { kind: 'MONTHLY_ALLOWANCE' }>;

/** R4: a subscription relation as the IBSS gives it to partners. */
export interface PartnerSubscriptionModel {
  serviceId: string;
  offeringId: string;
  state: ProductState;
  startDate: string;
}
