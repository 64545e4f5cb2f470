import type { CachedFaultManagementAdapter } from '../../legacy/fault-management/cached-client';
import type { FaultFeedAdapter, FaultLogEntryModel } from '../../legacy/fault-management/feed';
import type { FeedEntry } from '../../legacy/feed';
import { domainEventSchema } from '../../lib/events/event';
import { faultEvent, faultFeedPoller } from '../../subgraphs/faults/services/fault-events';
import { childLogger, feedStore, fixedFeed } from '../support/feed-fakes';

type Entry = FeedEntry<FaultLogEntryModel>;

const AT = '2026-11-30T08:00:00.000Z';

const test: Entry = {
  seq: 1,
  at: AT,
  type: 'test.completed',
  testId: 'T-1',
  serviceId: 'S-1',
  customerId: 'C-1',
  accountId: 'A-1',
  verdict: 'FAIL',
  requestedBy: 'U-1',
};
const ticketFacts = {
  at: AT,
  ticketId: 'TT-1',
  serviceId: 'S-1',
  customerId: 'C-1',
  accountId: 'A-1',
  state: 'inProgress',
  reportedBy: 'U-2',
};
const note: Entry = {
  ...ticketFacts,
  seq: 2,
  type: 'ticket.note-added',
  online: false,
  noteId: 'N-1',
  author: 'PROVIDER',
};
const stateChange: Entry = {
  ...ticketFacts,
  seq: 3,
  type: 'ticket.state-changed',
  online: false,
  previousState: 'open',
};
const alarm: Entry = {
  seq: 4,
  at: AT,
  type: 'alarm.raised',
  alarmId: 'AL-1',
  areaId: 'AREA-01',
  serviceType: 'MOBILE',
  severity: 'major',
  kind: 'alarm',
  serviceIds: ['S-1', 'S-9'],
  customerIds: ['C-1', 'C-2'],
};
const outage: Entry = { ...alarm, seq: 5, type: 'outage.announced', alarmId: 'AL-2', kind: 'planned-outage' };
const cleared: Entry = { ...alarm, seq: 6, type: 'alarm.cleared' };

describe('issue 13: events of the fault-management log', () => {
  it('a finished test becomes service-test.completed, with its verdict, for who asked for it', () => {
    const event = faultEvent(test, 'fm:L:1');
    expect(event).toEqual({
      id: 'fm:L:1',
      type: 'service-test.completed',
      time: AT,
      source: 'faults',
      customerId: 'C-1',
      accountId: 'A-1',
      subjectId: 'T-1',
      partnerId: null,
      recipients: ['U-1'],
      data: { serviceId: 'S-1', verdict: 'FAIL' },
    });
    expect(domainEventSchema.parse(event)).toEqual(event);
    expect(faultEvent({ ...test, requestedBy: null }, 'x').recipients).toEqual([]);
  });

  it('a ticket note becomes ticket.updated (change: note), with the state and no note text', () => {
    const event = faultEvent(note, 'fm:L:2');
    expect(event).toEqual({
      id: 'fm:L:2',
      type: 'ticket.updated',
      time: AT,
      source: 'faults',
      customerId: 'C-1',
      accountId: 'A-1',
      subjectId: 'TT-1',
      partnerId: null,
      recipients: ['U-2'],
      data: { serviceId: 'S-1', state: 'inProgress', change: 'note' },
    });
    expect(domainEventSchema.parse(event)).toEqual(event);
  });

  it('a ticket state change becomes ticket.updated (change: state), for whoever reported it', () => {
    const event = faultEvent(stateChange, 'fm:L:3');
    expect(event).toMatchObject({ type: 'ticket.updated', subjectId: 'TT-1', recipients: ['U-2'] });
    expect(event.data).toEqual({ serviceId: 'S-1', state: 'inProgress', change: 'state' });
    expect(faultEvent({ ...stateChange, reportedBy: null }, 'x').recipients).toEqual([]);
  });

  it('an alarm becomes network.alarm about the area, of no one customer, listing the customers it reaches', () => {
    const event = faultEvent(alarm, 'fm:L:4');
    expect(event).toEqual({
      id: 'fm:L:4',
      type: 'network.alarm',
      time: AT,
      source: 'faults',
      customerId: null,
      accountId: null,
      subjectId: 'AL-1',
      partnerId: null,
      recipients: [],
      data: {
        areaId: 'AREA-01',
        severity: 'major',
        state: 'raised',
        kind: 'alarm',
        customerIds: ['C-1', 'C-2'],
      },
    });
    expect(domainEventSchema.parse(event)).toEqual(event);
  });

  it('a planned outage is raised as well; a cleared alarm says cleared', () => {
    expect(faultEvent(outage, 'x').data).toMatchObject({ state: 'raised', kind: 'planned-outage' });
    expect(faultEvent(cleared, 'x')).toMatchObject({ type: 'network.alarm', subjectId: 'AL-1' });
    expect(faultEvent(cleared, 'x').data).toMatchObject({ state: 'cleared', kind: 'alarm' });
  });
});

function poller(entries: Entry[]) {
  const retired: string[] = [];
  const fm = {
    ticketChanged: async (e: Entry) => void retired.push(`ticket:${e.seq}`),
    alarmChanged: async (e: Entry) => void retired.push(`alarm:${e.seq}`),
  } as unknown as CachedFaultManagementAdapter;
  const store = feedStore();
  const { logger, bindings } = childLogger();
  const feed = fixedFeed('LOG-3', entries) as unknown as FaultFeedAdapter;
  return {
    poller: faultFeedPoller({ db: store.db, events: store.outbox }, feed, fm, logger),
    retired,
    bindings,
    store,
  };
}

describe('issue 13: the fault-management log poller', () => {
  it('records one event per entry, ids from the feed name, log and seq, and the position it reached', async () => {
    const { poller: p, store } = poller([test, note, stateChange, alarm, outage, cleared]);
    expect(await p.drain()).toBe(6);
    expect(store.events.map((e) => [e.id, e.type])).toEqual([
      ['fm:LOG-3:1', 'service-test.completed'],
      ['fm:LOG-3:2', 'ticket.updated'],
      ['fm:LOG-3:3', 'ticket.updated'],
      ['fm:LOG-3:4', 'network.alarm'],
      ['fm:LOG-3:5', 'network.alarm'],
      ['fm:LOG-3:6', 'network.alarm'],
    ]);
    expect(store.positions).toEqual([['fm', 'LOG-3', 6]]);
  });

  it('retires tickets the fault desk changed and every alarm; never test runs', async () => {
    const { poller: p, retired } = poller([test, note, stateChange, alarm, outage, cleared]);
    await p.drain();
    expect(retired).toEqual(['ticket:2', 'ticket:3', 'alarm:4', 'alarm:5', 'alarm:6']);
  });

  it('leaves tickets changed through our own requests to the adapter that already retired them', async () => {
    const { poller: p, retired } = poller([
      { ...note, online: true },
      { ...stateChange, online: true },
    ]);
    await p.drain();
    expect(retired).toEqual([]);
  });

  it('logs as the fm feed poller', () => {
    expect(poller([]).bindings).toEqual([{ component: 'feed-poller', feed: 'fm' }]);
  });
});
