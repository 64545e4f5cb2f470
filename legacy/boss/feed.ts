import { z } from 'zod';
import { LegacyAdapter } from '../base-client';
import { feedReader, type FeedPage } from '../feed';

/** One entry of the BOSS billing journal (GET /boss/events). */
export const billingLogEntry = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('bill.issued'),
    billId: z.string(),
    accountId: z.string(),
    customerId: z.string(),
    period: z.string(),
  }),
  z.object({
    type: z.literal('payment.settled'),
    paymentId: z.string(),
    billId: z.string(),
    accountId: z.string(),
    customerId: z.string(),
    paidBy: z.string().nullable(),
    /** Paid through our API (the adapter that paid retired its caches), not collected by BOSS. */
    online: z.boolean(),
  }),
  z.object({
    type: z.literal('spend.alert'),
    serviceId: z.string(),
    accountId: z.string(),
    customerId: z.string(),
    thresholdMinorUnits: z.number().int(),
    chargedMinorUnits: z.number().int(),
    /** The user who set the threshold. */
    setBy: z.string().nullable(),
  }),
]);
export type BillingLogEntryModel = z.infer<typeof billingLogEntry>;

/**
 * The BOSS billing journal, read by the billing subgraph's poller; "billing-feed" has its own
 * breaker and metrics, apart from the customers' requests to BOSS.
 */
export class BillingFeedAdapter extends LegacyAdapter {
  static readonly system = 'billing-feed';
  private readonly feed = feedReader(this.http, '/boss/events', billingLogEntry);

  read(after: number, limit: number): Promise<FeedPage<BillingLogEntryModel>> {
    return this.feed.read(after, limit);
  }
}
