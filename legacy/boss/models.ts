/** Domain models of BOSS billing, the OCS and the warehouse. */
export interface EntityRef {
  id: string;
}

export interface SubscriptionModel {
  serviceId: string;
  customerId: string;
  accountId: string;
  offeringId: string;
  prepaid: boolean;
  recurringFee: number;
}

export interface BillingAccountModel {
  id: string;
  customerId: string;
  billingMode: 'PREPAID' | 'POSTPAID';
  tariffPlanId: string;
  eBillEnabled: boolean;
  eBillEmail: string | null;
  autoPay: boolean;
  outstanding: number;
}

export interface BillItemModel {
  serviceId: string;
  description: string;
  amount: number;
}

export interface BillModel {
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
  items: BillItemModel[];
}

export interface UsageRecordModel {
  id: string;
  serviceId: string;
  start: number;
  kind: 'VOICE' | 'SMS' | 'DATA' | 'VIDEO';
  direction: 'OUT' | 'IN';
  counterpart: string | null;
  durationSec: number;
  volumeKb: number;
  answered: boolean;
  charge: number;
}

export interface UsageSummaryModel {
  serviceId: string;
  records: number;
  calls: number;
  voiceSeconds: number;
  sms: number;
  dataKb: number;
  videoKb: number;
  charge: number;
}

export interface UsageComparisonModel {
  serviceId: string;
  billed: number;
  recorded: number;
  records: number;
}

export interface PaymentModel {
  id: string;
  billId: string;
  amount: number;
  method: 'CARD' | 'BANK_TRANSFER' | 'DIRECT_DEBIT' | 'WALLET';
  status: 'ACCEPTED' | 'DECLINED';
  declineReason: string | null;
  at: string;
}

export interface ServiceSpendModel {
  serviceId: string;
  from: string;
  to: string;
  charge: number;
  records: number;
}

export interface ServiceBillChargesModel {
  bill: BillModel;
  amount: number;
}

export interface BucketModel {
  kind: 'MONEY' | 'DATA' | 'VOICE' | 'SMS';
  unit: string;
  initial: number;
  remaining: number;
  expiresAt: string;
}
