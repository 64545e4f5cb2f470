import { domainEvent, type DomainEvent } from '../../../lib/events/event';
import { FeedPoller } from '../../../lib/events/feed-poller';
import type { SubgraphConfig } from '../../../lib/config';
import type { Logger } from '../../../lib/logger';
import type { CachedBossAdapter } from '../../../legacy/boss/cached-client';
import type { BillingFeedAdapter, BillingLogEntryModel } from '../../../legacy/boss/feed';
import type { FeedEntry } from '../../../legacy/feed';

type Entry = FeedEntry<BillingLogEntryModel>;

const SOURCE = 'billing';

/** The domain event of one BOSS journal entry (issue 13): ids and the period, never amounts of whom. */
export function billingEvent(entry: Entry, id: string): DomainEvent {
  if (entry.type === 'bill.issued')
    return domainEvent({
      id,
      type: 'bill.issued',
      time: entry.at,
      source: SOURCE,
      customerId: entry.customerId,
      accountId: entry.accountId,
      subjectId: entry.billId,
      data: { period: entry.period },
    });
  if (entry.type === 'spend.alert')
    // Amounts of a service, not of a person: the threshold the user set and what it crossed.
    return domainEvent({
      id,
      type: 'usage.alert',
      time: entry.at,
      source: SOURCE,
      customerId: entry.customerId,
      accountId: entry.accountId,
      subjectId: entry.serviceId,
      recipients: entry.setBy ? [entry.setBy] : [],
      data: {
        serviceId: entry.serviceId,
        thresholdMinorUnits: entry.thresholdMinorUnits,
        chargedMinorUnits: entry.chargedMinorUnits,
      },
    });
  return domainEvent({
    id,
    type: 'payment.settled',
    time: entry.at,
    source: SOURCE,
    customerId: entry.customerId,
    accountId: entry.accountId,
    subjectId: entry.paymentId,
    recipients: entry.paidBy ? [entry.paidBy] : [],
    data: { billId: entry.billId },
  });
}

/** The poller of the BOSS billing journal, started and stopped with the billing subgraph. */
export function billingFeedPoller(
  config: Pick<SubgraphConfig, 'db' | 'events'>,
  feed: BillingFeedAdapter,
  boss: CachedBossAdapter,
  logger: Logger,
): FeedPoller<Entry> {
  return new FeedPoller<Entry>({
    name: 'boss',
    source: feed,
    // A payment made through our API was retired by the adapter that made it (and the gateway
    // retired the customer's answers for the mutation); bills and direct debits come from BOSS.
    retire: async (entries) => {
      await Promise.all(
        entries.map((e) =>
          e.type === 'spend.alert' || (e.type === 'payment.settled' && e.online)
            ? undefined
            : boss.billingChanged(e),
        ),
      );
    },
    toEvent: billingEvent,
    db: config.db,
    outbox: config.events,
    logger: logger.child({ component: 'feed-poller', feed: 'boss' }),
  });
}
