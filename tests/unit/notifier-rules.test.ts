import { localize } from '../../lib/i18n/text';
import { EVENT_TYPES, domainEvent, type DomainEventType } from '../../lib/events/event';
import { notificationText } from '../../subgraphs/customer/services/notification-texts';
import {
  DEFAULT_CHANNELS,
  channelsFor,
  notificationKind,
} from '../../subgraphs/customer/services/notifier-rules';

const event = (type: DomainEventType, data: Record<string, string> = {}) =>
  domainEvent({ type, source: 'test', customerId: 'CUST-1', subjectId: 'SUBJ-1', data });

describe('notifier rules', () => {
  it('F9: only a finished order is announced, not its progress', () => {
    for (const state of ['completed', 'failed', 'partial', 'cancelled'])
      expect(notificationKind(event('order.state-changed', { state }))).toBe('ORDER_COMPLETED');
    for (const state of ['acknowledged', 'pending', 'inProgress'])
      expect(notificationKind(event('order.state-changed', { state }))).toBeNull();
  });

  it('F8: each kind of event maps to its setting; the rest (and the notifier’s own events) to none', () => {
    const kinds = Object.fromEntries(
      EVENT_TYPES.filter((t) => t !== 'order.state-changed').map((t) => [t, notificationKind(event(t))]),
    );
    expect(kinds).toEqual({
      'service-test.completed': null,
      'ticket.updated': 'TICKET_UPDATED',
      'network.alarm': 'NETWORK_ALARM',
      'bill.issued': 'BILL_ISSUED',
      'payment.settled': 'PAYMENT_RECEIVED',
      'usage.alert': 'USAGE_ALERT',
      'grant.changed': null,
      'notification.created': null,
    });
  });

  it('F8: the user’s choice decides; an empty choice sends nothing; no setting means the inbox only', () => {
    const prefs = [
      { event: 'BILL_ISSUED', channels: ['SMS', 'EMAIL', 'SMS', 'PIGEON'] },
      { event: 'TICKET_UPDATED', channels: [] },
    ];
    expect(channelsFor(prefs, 'BILL_ISSUED')).toEqual(['SMS', 'EMAIL']);
    expect(channelsFor(prefs, 'TICKET_UPDATED')).toEqual([]);
    expect(channelsFor(prefs, 'NETWORK_ALARM')).toEqual([...DEFAULT_CHANNELS]);
    expect(DEFAULT_CHANNELS).toEqual(['IN_APP']);
  });

  it('F8: texts name the subject by id and say what happened, in either language', () => {
    const partial = notificationText(
      'ORDER_COMPLETED',
      event('order.state-changed', { state: 'partial' }),
    ).body;
    expect(localize(partial, 'en')).toMatch(/SUBJ-1 is partial/);
    expect(localize(partial, 'zh-Hans')).toContain('SUBJ-1');
    expect(localize(partial, 'zh-Hans')).not.toMatch(/[a-z]{4,}/);
    const alarm = (state: string, kind: string) =>
      localize(notificationText('NETWORK_ALARM', event('network.alarm', { state, kind })).title, 'en');
    expect(
      new Set([alarm('raised', 'alarm'), alarm('cleared', 'alarm'), alarm('raised', 'planned-outage')]).size,
    ).toBe(3);
  });
});
