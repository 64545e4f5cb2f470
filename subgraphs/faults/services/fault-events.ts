import { domainEvent, type DomainEvent } from '../../../lib/events/event';
import { FeedPoller } from '../../../lib/events/feed-poller';
import type { SubgraphConfig } from '../../../lib/config';
import type { Logger } from '../../../lib/logger';
import type { CachedFaultManagementAdapter } from '../../../legacy/fault-management/cached-client';
import type { FaultFeedAdapter, FaultLogEntryModel } from '../../../legacy/fault-management/feed';
import type { FeedEntry } from '../../../legacy/feed';

type Entry = FeedEntry<FaultLogEntryModel>;

const SOURCE = 'faults';

/**
 * The domain event of one fault-management log entry (issue 13): test results, ticket notes and
 * state changes, alarms and planned outages. Only ids and states: no note text, no names.
 */
export function faultEvent(entry: Entry, id: string): DomainEvent {
  switch (entry.type) {
    case 'test.completed':
      return domainEvent({
        id,
        type: 'service-test.completed',
        time: entry.at,
        source: SOURCE,
        customerId: entry.customerId,
        accountId: entry.accountId,
        subjectId: entry.testId,
        recipients: entry.requestedBy ? [entry.requestedBy] : [],
        data: { serviceId: entry.serviceId, verdict: entry.verdict },
      });
    case 'ticket.note-added':
    case 'ticket.state-changed':
      return domainEvent({
        id,
        type: 'ticket.updated',
        time: entry.at,
        source: SOURCE,
        customerId: entry.customerId,
        accountId: entry.accountId,
        subjectId: entry.ticketId,
        recipients: entry.reportedBy ? [entry.reportedBy] : [],
        data: {
          serviceId: entry.serviceId,
          state: entry.state,
          change: entry.type === 'ticket.note-added' ? 'note' : 'state',
        },
      });
    default:
      // An area's event: no one customer; the customers it reaches are listed for the consumers.
      return domainEvent({
        id,
        type: 'network.alarm',
        time: entry.at,
        source: SOURCE,
        customerId: null,
        subjectId: entry.alarmId,
        data: {
          areaId: entry.areaId,
          severity: entry.severity,
          state: entry.type === 'alarm.cleared' ? 'cleared' : 'raised',
          kind: entry.kind,
          customerIds: entry.customerIds,
        },
      });
  }
}

/**
 * Retires what the entries changed from the legacy caches. Test runs are never cached; a ticket
 * changed while answering our own request was retired by the adapter that sent it (and the
 * gateway retired the customer's answers for the mutation): retiring it again would only throw
 * away answers cached since.
 */
async function retire(fm: CachedFaultManagementAdapter, entries: readonly Entry[]): Promise<void> {
  await Promise.all(
    entries.map((e) => {
      if (e.type === 'ticket.note-added' || e.type === 'ticket.state-changed')
        return e.online ? undefined : fm.ticketChanged(e);
      if (e.type === 'test.completed') return undefined;
      return fm.alarmChanged(e);
    }),
  );
}

/** The poller of the fault-management event log, started and stopped with the faults subgraph. */
export function faultFeedPoller(
  config: Pick<SubgraphConfig, 'db' | 'events'>,
  feed: FaultFeedAdapter,
  fm: CachedFaultManagementAdapter,
  logger: Logger,
): FeedPoller<Entry> {
  return new FeedPoller<Entry>({
    name: 'fm',
    source: feed,
    retire: (entries) => retire(fm, entries),
    toEvent: faultEvent,
    db: config.db,
    outbox: config.events,
    logger: logger.child({ component: 'feed-poller', feed: 'fm' }),
  });
}
