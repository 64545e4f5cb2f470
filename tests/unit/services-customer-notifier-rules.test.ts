import { domainEvent, type DomainEventType } from '../../lib/events/event';
import {
  DEFAULT_CHANNELS,
  affectedCustomers,
  channelsFor,
  notificationKind,
} from '../../subgraphs/customer/services/notifier-rules';

const event = (type: DomainEventType, data: Record<string, unknown> = {}) =>
  domainEvent({ type, source: 'test', customerId: 'CUST-1', subjectId: 'S-1', data } as never);

describe('notifier rules (F8, F9)', () => {
  it('F9: an order is announced only in a final state given as text', () => {
    for (const state of ['completed', 'failed', 'partial', 'cancelled'])
      expect(notificationKind(event('order.state-changed', { state }))).toBe('ORDER_COMPLETED');
    for (const state of ['acknowledged', 'inProgress', '', 'COMPLETED'])
      expect(notificationKind(event('order.state-changed', { state }))).toBeNull();
    expect(notificationKind(event('order.state-changed'))).toBeNull();
    expect(notificationKind(event('order.state-changed', { state: ['completed'] }))).toBeNull();
  });

  it('F8: a user with no setting for a kind hears of it in the inbox only, on a fresh list', () => {
    const channels = channelsFor([{ event: 'BILL_ISSUED', channels: ['SMS'] }], 'USAGE_ALERT');
    expect(channels).toEqual(['IN_APP']);
    channels.push('SMS');
    expect(DEFAULT_CHANNELS).toEqual(['IN_APP']);
  });

  it('F8: the chosen channels, each once, unknown ones dropped', () => {
    const prefs = [
      { event: 'USAGE_ALERT', channels: ['EMAIL', 'FAX', 'EMAIL', 'IN_APP'] },
      { event: 'BILL_ISSUED', channels: ['SMS'] },
    ];
    expect(channelsFor(prefs, 'USAGE_ALERT')).toEqual(['EMAIL', 'IN_APP']);
    expect(channelsFor(prefs, 'BILL_ISSUED')).toEqual(['SMS']);
  });

  it('F8: a network alarm reaches the customers it names, each once', () => {
    expect(affectedCustomers(event('network.alarm', { customerIds: ['C-1', 'C-2', 'C-1'] }))).toEqual([
      'C-1',
      'C-2',
    ]);
    expect(affectedCustomers(event('network.alarm', { customerIds: 'C-1' }))).toEqual([]);
    expect(affectedCustomers(event('network.alarm'))).toEqual([]);
  });
});
