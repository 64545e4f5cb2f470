import type { CachedBossAdapter } from '../../legacy/boss/cached-client';
import type { BillingFeedAdapter, BillingLogEntryModel } from '../../legacy/boss/feed';
import type { FeedEntry } from '../../legacy/feed';
import { domainEventSchema } from '../../lib/events/event';
import { billingEvent, billingFeedPoller } from '../../subgraphs/billing/services/billing-events';
import { childLogger, feedStore, fixedFeed } from '../support/feed-fakes';

type Entry = FeedEntry<BillingLogEntryModel>;

const AT = '2026-11-30T08:00:00.000Z';

const bill: Entry = {
  seq: 1,
  at: AT,
  type: 'bill.issued',
  billId: 'BILL-1',
  accountId: 'A-1',
  customerId: 'C-1',
  period: '2026-10',
};
const collected: Entry = {
  seq: 2,
  at: AT,
  type: 'payment.settled',
  paymentId: 'PAY-1',
  billId: 'BILL-1',
  accountId: 'A-1',
  customerId: 'C-1',
  paidBy: null,
  online: false,
};
const paidOnline: Entry = { ...collected, seq: 3, paymentId: 'PAY-2', paidBy: 'U-1', online: true };
const alert: Entry = {
  seq: 4,
  at: AT,
  type: 'spend.alert',
  serviceId: 'S-1',
  accountId: 'A-1',
  customerId: 'C-1',
  thresholdMinorUnits: 5000,
  chargedMinorUnits: 5120,
  setBy: 'U-1',
};

describe('issue 13: events of the BOSS billing journal', () => {
  it('a bill issued becomes bill.issued about the bill, with its period and no amounts', () => {
    const event = billingEvent(bill, 'boss:L:1');
    expect(event).toEqual({
      id: 'boss:L:1',
      type: 'bill.issued',
      time: AT,
      source: 'billing',
      customerId: 'C-1',
      accountId: 'A-1',
      subjectId: 'BILL-1',
      partnerId: null,
      recipients: [],
      data: { period: '2026-10' },
    });
    expect(domainEventSchema.parse(event)).toEqual(event);
  });

  it('a spend alert becomes usage.alert about the service, for the user who set the threshold', () => {
    const event = billingEvent(alert, 'boss:L:4');
    expect(event).toEqual({
      id: 'boss:L:4',
      type: 'usage.alert',
      time: AT,
      source: 'billing',
      customerId: 'C-1',
      accountId: 'A-1',
      subjectId: 'S-1',
      partnerId: null,
      recipients: ['U-1'],
      data: { serviceId: 'S-1', thresholdMinorUnits: 5000, chargedMinorUnits: 5120 },
    });
    expect(domainEventSchema.parse(event)).toEqual(event);
    expect(billingEvent({ ...alert, setBy: null }, 'x').recipients).toEqual([]);
  });

  it('a payment settled becomes payment.settled about the payment, for whoever paid it', () => {
    const event = billingEvent(paidOnline, 'boss:L:3');
    expect(event).toEqual({
      id: 'boss:L:3',
      type: 'payment.settled',
      time: AT,
      source: 'billing',
      customerId: 'C-1',
      accountId: 'A-1',
      subjectId: 'PAY-2',
      partnerId: null,
      recipients: ['U-1'],
      data: { billId: 'BILL-1' },
    });
    expect(domainEventSchema.parse(event)).toEqual(event);
    // A direct debit BOSS collected has no one who paid it.
    expect(billingEvent(collected, 'x').recipients).toEqual([]);
  });
});

function poller(entries: Entry[]) {
  const retired: Entry[] = [];
  const boss = {
    billingChanged: async (change: Entry) => void retired.push(change),
  } as unknown as CachedBossAdapter;
  const store = feedStore();
  const { logger, bindings } = childLogger();
  const feed = fixedFeed('LOG-7', entries) as unknown as BillingFeedAdapter;
  return {
    poller: billingFeedPoller({ db: store.db, events: store.outbox }, feed, boss, logger),
    retired,
    bindings,
    store,
  };
}

describe('issue 13: the billing journal poller', () => {
  it('records one event per entry, ids from the feed name, log and seq, and the position it reached', async () => {
    const { poller: p, store } = poller([bill, collected, paidOnline, alert]);
    expect(await p.drain()).toBe(4);
    expect(store.events.map((e) => [e.id, e.type])).toEqual([
      ['boss:LOG-7:1', 'bill.issued'],
      ['boss:LOG-7:2', 'payment.settled'],
      ['boss:LOG-7:3', 'payment.settled'],
      ['boss:LOG-7:4', 'usage.alert'],
    ]);
    expect(store.positions).toEqual([['boss', 'LOG-7', 4]]);
    expect(store.published()).toBe(1);
  });

  it('retires the caches of bills and collected payments; not of payments made through us, nor of alerts', async () => {
    const { poller: p, retired } = poller([bill, collected, paidOnline, alert]);
    await p.drain();
    expect(retired).toEqual([bill, collected]);
  });

  it('logs as the boss feed poller', () => {
    const { bindings } = poller([]);
    expect(bindings).toEqual([{ component: 'feed-poller', feed: 'boss' }]);
  });
});
