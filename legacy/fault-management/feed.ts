import { z } from 'zod';
import { LegacyAdapter } from '../base-client';
import { feedReader, type FeedPage } from '../feed';

const ticketFacts = {
  ticketId: z.string(),
  serviceId: z.string(),
  customerId: z.string(),
  accountId: z.string().nullable(),
  state: z.string(),
  reportedBy: z.string().nullable(),
  /** Changed while answering our own request (a note through the API), not by the fault desk. */
  online: z.boolean(),
};

/** One entry of the fault-management event log (GET /fm/events). */
export const faultLogEntry = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('test.completed'),
    testId: z.string(),
    serviceId: z.string(),
    customerId: z.string(),
    accountId: z.string(),
    verdict: z.enum(['PASS', 'FAIL']),
    requestedBy: z.string().nullable(),
  }),
  z.object({
    type: z.literal('ticket.note-added'),
    ...ticketFacts,
    noteId: z.string(),
    author: z.enum(['CUSTOMER', 'PROVIDER']),
  }),
  z.object({ type: z.literal('ticket.state-changed'), ...ticketFacts, previousState: z.string() }),
  z.object({
    type: z.enum(['alarm.raised', 'outage.announced', 'alarm.cleared']),
    alarmId: z.string(),
    areaId: z.string(),
    serviceType: z.string().nullable(),
    severity: z.string(),
    kind: z.enum(['alarm', 'planned-outage']),
    serviceIds: z.array(z.string()),
    customerIds: z.array(z.string()),
  }),
]);
export type FaultLogEntryModel = z.infer<typeof faultLogEntry>;

/**
 * The fault-management event log, read by the faults subgraph's poller. A system of its own name
 * ("faults-feed"): its polls, several a second, have their own breaker and metrics and never
 * count against the breaker that protects customers' requests.
 */
export class FaultFeedAdapter extends LegacyAdapter {
  static readonly system = 'faults-feed';
  private readonly feed = feedReader(this.http, '/fm/events', faultLogEntry);

  read(after: number, limit: number): Promise<FeedPage<FaultLogEntryModel>> {
    return this.feed.read(after, limit);
  }
}
