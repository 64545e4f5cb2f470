/** The simulated operator's data. Each simulator serves only its own system's slice of it. */

export type ServiceType = 'MOBILE' | 'FIXED_LINE' | 'BROADBAND' | 'IPTV';
export type ProviderKind = 'OPERATOR' | 'NETWORK_OPERATOR' | 'SERVICE_PROVIDER' | 'CONTENT_PROVIDER';
export type ProductState =
  | 'created'
  | 'pendingActive'
  | 'active'
  | 'suspended'
  | 'pendingTerminate'
  | 'terminated'
  | 'cancelled'
  | 'aborted';
export type Role = 'MANAGER' | 'AUTHORIZED_USER' | 'SSM_USER' | 'STAFF';

export interface Address {
  street: string;
  city: string;
  postcode: string;
  areaId: string;
}

export interface Customer {
  id: string;
  kind: 'PERSON' | 'COMPANY';
  name: string;
  email: string;
  phone: string;
  address: Address;
  createdAt: string;
}

export interface Account {
  id: string;
  customerId: string;
  name: string;
  billingMode: 'PREPAID' | 'POSTPAID';
  tariffPlanId: string;
  eBillEnabled: boolean;
  eBillEmail: string | null;
  autoPay: boolean;
}

export interface NotificationPreference {
  event: string;
  channels: string[];
}

export interface User {
  id: string;
  customerId: string;
  role: Role;
  name: string;
  phone: string;
  email: string;
  salt: string;
  passwordHash: string;
  notifications: NotificationPreference[];
}

export interface Partner {
  id: string;
  name: string;
  kind: 'SP' | 'CP';
}

export interface Price {
  name: string;
  type: 'RECURRING' | 'ONE_TIME' | 'USAGE';
  period: 'MONTH' | null;
  amount: number; // minor units
  currency: string;
  unit: string | null;
}

export interface CharacteristicSpec {
  name: string;
  valueType: 'STRING' | 'NUMBER' | 'BOOLEAN';
  allowedValues: string[];
  defaultValue: string | null;
  configurable: boolean;
}

export interface Offering {
  id: string;
  name: string;
  description: string;
  category: string;
  serviceType: ServiceType | null;
  providerKind: ProviderKind;
  partnerId: string | null;
  isBundle: boolean;
  bundledOfferingIds: string[];
  prices: Price[];
  characteristics: CharacteristicSpec[];
  lifecycleStatus: 'ACTIVE' | 'RETIRED';
}

export type CallRestriction =
  | { kind: 'INCOMING_TIME_WINDOW'; from: string; to: string; days: string[] }
  | { kind: 'CLOSED_USER_GROUP'; groupId: string; allowExternalEmergency: boolean }
  | { kind: 'OUTGOING_WHITELIST'; numbers: string[] }
  | { kind: 'MONTHLY_ALLOWANCE'; allowanceMinor: number; currency: string; numbersAfterAllowance: string[] };

export interface Service {
  id: string;
  customerId: string;
  accountId: string;
  type: ServiceType;
  identifier: string;
  offeringId: string;
  state: ProductState;
  startDate: string;
  areaId: string;
  parameters: Record<string, string>;
  callRestrictions: CallRestriction[];
  /** What the network reports for reachability checks (A4). */
  handsetState: 'ON' | 'OFF' | 'NOT_APPLICABLE';
}

export interface BillItem {
  serviceId: string;
  description: string;
  amount: number;
}

export interface Bill {
  id: string;
  accountId: string;
  periodStart: string;
  periodEnd: string;
  issueDate: string;
  dueDate: string;
  state: 'new' | 'onHold' | 'validated' | 'sent' | 'settled' | 'partiallyPaid';
  amountDue: number;
  paidAmount: number;
  currency: string;
  items: BillItem[];
}

export interface UsageRecord {
  id: string;
  serviceId: string;
  start: number; // epoch ms
  kind: 'VOICE' | 'SMS' | 'DATA' | 'VIDEO';
  direction: 'OUT' | 'IN';
  counterpart: string | null;
  durationSec: number;
  volumeKb: number;
  answered: boolean;
  charge: number; // minor units
}

export interface Bucket {
  id: string;
  kind: 'MONEY' | 'DATA' | 'VOICE' | 'SMS';
  unit: string;
  initial: number;
  remaining: number;
  expiresAt: string;
}

export interface Area {
  id: string;
  name: string;
}

export interface Alarm {
  id: string;
  areaId: string;
  serviceType: ServiceType | null;
  severity: 'critical' | 'major' | 'minor' | 'warning' | 'indeterminate' | 'cleared';
  probableCause: string;
  description: string;
  raisedAt: string;
  clearedAt: string | null;
  /** A planned outage is announced ahead like an alarm (absent: an alarm). */
  kind?: 'alarm' | 'planned-outage';
}

export interface TicketNote {
  id: string;
  author: 'CUSTOMER' | 'PROVIDER';
  text: string;
  at: string;
}

export interface Ticket {
  id: string;
  customerId: string;
  serviceId: string;
  category: string;
  severity: 'LOW' | 'MEDIUM' | 'HIGH';
  description: string;
  state:
    'acknowledged' | 'rejected' | 'pending' | 'held' | 'inProgress' | 'resolved' | 'closed' | 'cancelled';
  createdAt: string;
  updatedAt: string;
  resolution: string | null;
  notes: TicketNote[];
  /** The customer's rating of the resolution, given when closing the ticket (1-5). */
  satisfaction?: { rating: number; comment: string; at: string } | null;
  /** A5: the network alarm or planned outage the fault was linked to when it was reported. */
  relatedAlarmId?: string | null;
}

export interface QualitySample {
  serviceId: string;
  at: string;
  metric: 'AVAILABILITY' | 'DOWNLOAD_MBPS' | 'LATENCY_MS' | 'CALL_SETUP_SUCCESS';
  value: number;
}

/**
 * An order of the past as the order system keeps it: the seed holds the completed orders that
 * added some partner subscriptions (mocks/seed/partners.ts), so partners have orders to see.
 */
export interface SeedOrder {
  id: string;
  requestId: string;
  customerId: string;
  accountId: string;
  state: 'completed';
  note: string | null;
  requestedBy: string | null;
  createdAt: string;
  completedAt: string;
  items: {
    id: string;
    action: 'add';
    offeringId: string;
    serviceId: string;
    parameters: Record<string, string>;
    callRestrictions: null;
    state: 'completed';
    workOrderId: string;
    providerKind: string | null;
    failureReason: null;
  }[];
}

export interface SeedWorld {
  seed: number;
  referenceTime: number;
  customers: Customer[];
  accounts: Account[];
  users: User[];
  partners: Partner[];
  offerings: Offering[];
  services: Service[];
  bills: Bill[];
  usage: Map<string, UsageRecord[]>;
  usageCount: number;
  balances: Map<string, Bucket[]>;
  loyalty: Map<string, number>;
  areas: Area[];
  alarms: Alarm[];
  tickets: Ticket[];
  quality: Map<string, QualitySample[]>;
  /** Completed orders of the past, oldest first. */
  orders: SeedOrder[];
}
