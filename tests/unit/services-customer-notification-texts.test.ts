import { localize } from '../../lib/i18n/text';
import { domainEvent, type DomainEventType } from '../../lib/events/event';
import { notificationText } from '../../subgraphs/customer/services/notification-texts';
import type { NotificationEvent } from '../../subgraphs/customer/services/notification-preferences';

/** The English title and body of the text for `kind`, and the Chinese ones for comparison. */
function rendered(kind: NotificationEvent, type: DomainEventType, data: Record<string, unknown> = {}) {
  const text = notificationText(
    kind,
    domainEvent({ type, source: 'test', customerId: 'CUST-1', subjectId: 'S-7', data } as never),
  );
  return {
    title: localize(text.title, 'en'),
    body: localize(text.body, 'en'),
    zhTitle: localize(text.title, 'zh-Hans'),
    zhBody: localize(text.body, 'zh-Hans'),
  };
}

describe('notification texts (F8, F9)', () => {
  it('F9: a finished order is called completed, partial or by its final state', () => {
    expect(rendered('ORDER_COMPLETED', 'order.state-changed', { state: 'completed' })).toMatchObject({
      title: 'Order S-7 completed',
      body: 'Your order S-7 is completed.',
    });
    // Its own sentence, translated whole: not the generic one with the state left in English.
    const completed = rendered('ORDER_COMPLETED', 'order.state-changed', { state: 'completed' });
    expect(completed.zhTitle).not.toContain('completed');
    expect(completed.zhBody).not.toContain('completed');
    expect(rendered('ORDER_COMPLETED', 'order.state-changed', { state: 'partial' })).toMatchObject({
      title: 'Order S-7 partial',
      body: 'Your order S-7 is partial. Some items could not be provisioned; see the order for details.',
    });
    expect(rendered('ORDER_COMPLETED', 'order.state-changed', { state: 'failed' })).toMatchObject({
      title: 'Order S-7 failed',
      body: 'Your order S-7 is failed.',
    });
    // A state that is not a string is not shown at all.
    expect(rendered('ORDER_COMPLETED', 'order.state-changed', { state: 3 })).toMatchObject({
      title: 'Order S-7 ',
      body: 'Your order S-7 is .',
    });
  });

  it('F8: a ticket update says a note arrived or names the new state in the reader’s language', () => {
    expect(rendered('TICKET_UPDATED', 'ticket.updated', { change: 'note', state: 'held' })).toMatchObject({
      title: 'Ticket S-7: new note',
      body: 'Your trouble ticket S-7 has a new note.',
    });
    const states: Record<string, string> = {
      acknowledged: 'acknowledged',
      inProgress: 'in progress',
      pending: 'pending',
      held: 'held',
      resolved: 'resolved',
      closed: 'closed',
      cancelled: 'cancelled',
      rejected: 'rejected',
      reopenedByMars: 'reopenedByMars',
    };
    for (const [state, shown] of Object.entries(states)) {
      const text = rendered('TICKET_UPDATED', 'ticket.updated', { change: 'state', state });
      expect(text.title).toBe(`Ticket S-7 ${shown}`);
      expect(text.body).toBe(`Your trouble ticket S-7 is now ${shown}.`);
      // Known states are translated; an unknown one is shown as it is.
      if (state === 'reopenedByMars') expect(text.zhTitle).toContain('reopenedByMars');
      else expect(text.zhTitle).not.toContain(shown);
    }
  });

  it('F8: a bill names its period when the event has one', () => {
    expect(rendered('BILL_ISSUED', 'bill.issued', { period: '2026-10' })).toMatchObject({
      title: 'New bill S-7',
      body: 'Your bill S-7 for 2026-10 is ready.',
    });
    expect(rendered('BILL_ISSUED', 'bill.issued')).toMatchObject({
      title: 'New bill S-7',
      body: 'Your bill S-7 is ready.',
    });
  });

  it('F8: payments and spend alerts carry ids, never amounts', () => {
    expect(rendered('PAYMENT_RECEIVED', 'payment.settled', { amount: 1234 })).toMatchObject({
      title: 'Payment received',
      body: 'We received your payment S-7. Thank you.',
    });
    const alert = rendered('USAGE_ALERT', 'usage.alert', { serviceId: 'SVC-9', amount: 5000 });
    expect(alert).toMatchObject({
      title: 'Spend alert',
      body: 'Spending on service SVC-9 this month passed the alert threshold you set.',
    });
    expect(alert.zhBody).toContain('SVC-9');
    expect(alert.zhBody).not.toContain('5000');
  });

  it('F8: network alarms tell faults from planned maintenance, raised from cleared', () => {
    const alarm = (kind: string, state: string) =>
      rendered('NETWORK_ALARM', 'network.alarm', { kind, state });
    expect(alarm('alarm', 'raised')).toMatchObject({
      title: 'Network fault',
      body: 'A network fault in your area may affect some of your services. We are working on it.',
    });
    expect(alarm('alarm', 'cleared')).toMatchObject({
      title: 'Network fault fixed',
      body: 'A network fault in your area has been fixed; your services should work normally again.',
    });
    expect(alarm('planned-outage', 'raised')).toMatchObject({
      title: 'Planned maintenance',
      body: 'Planned maintenance in your area may interrupt some of your services.',
    });
    expect(alarm('planned-outage', 'cleared')).toMatchObject({
      title: 'Maintenance finished',
      body: 'Planned maintenance in your area has finished.',
    });
  });

  it('every text has a Chinese rendering that differs from the English one', () => {
    const all = [
      rendered('ORDER_COMPLETED', 'order.state-changed', { state: 'completed' }),
      rendered('ORDER_COMPLETED', 'order.state-changed', { state: 'partial' }),
      rendered('ORDER_COMPLETED', 'order.state-changed', { state: 'failed' }),
      rendered('TICKET_UPDATED', 'ticket.updated', { change: 'note' }),
      rendered('TICKET_UPDATED', 'ticket.updated', { state: 'held' }),
      rendered('BILL_ISSUED', 'bill.issued', { period: '2026-10' }),
      rendered('BILL_ISSUED', 'bill.issued'),
      rendered('PAYMENT_RECEIVED', 'payment.settled'),
      rendered('USAGE_ALERT', 'usage.alert', { serviceId: 'SVC-9' }),
      rendered('NETWORK_ALARM', 'network.alarm', { kind: 'alarm', state: 'raised' }),
      rendered('NETWORK_ALARM', 'network.alarm', { kind: 'alarm', state: 'cleared' }),
      rendered('NETWORK_ALARM', 'network.alarm', { kind: 'planned-outage', state: 'raised' }),
      rendered('NETWORK_ALARM', 'network.alarm', { kind: 'planned-outage', state: 'cleared' }),
    ];
    for (const t of all) {
      expect(t.zhTitle).not.toBe(t.title);
      expect(t.zhBody).not.toBe(t.body);
      expect(t.zhTitle.length).toBeGreaterThan(0);
    }
  });
});
