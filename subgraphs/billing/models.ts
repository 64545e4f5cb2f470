import type { BillModel } from '../../legacy/boss/models';

/**
 * View types the billing subgraph computes from BOSS's models (services/bills.ts, services/usage.ts);
 * codegen.yml maps the schema's types onto them.
 */

/** A bill's charge for one service set against the usage recorded for it (UsageComparison). */
export interface UsageComparisonModel {
  serviceId: string;
  billed: number;
  recorded: number;
  records: number;
}

/** What one service cost over a period, as BOSS's usage summary totals it (ServiceSpend). */
export interface ServiceSpendModel {
  serviceId: string;
  from: string;
  to: string;
  charge: number;
  records: number;
}

/** One service's share of a bill (ServiceBillCharges). */
export interface ServiceBillChargesModel {
  bill: BillModel;
  amount: number;
}
