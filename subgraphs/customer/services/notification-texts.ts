import type { DomainEvent } from '../../../lib/events/event';
import type { NotificationEvent } from './notification-preferences';

/**
 * Every text the notifier sends or files (F8, F9), in one place so it can be translated later
 * (today: English). A text names the order, ticket, bill or payment by id and states what
 * happened; it never carries names, numbers, addresses or amounts: an SMS lock screen or a shared
 * mailbox shows it to whoever looks, and the app reads the details with the user's own rights.
 */
export interface NotificationText {
  /** The inbox title and the e-mail subject. */
  title: string;
  /** The inbox body, the SMS and the e-mail text. */
  body: string;
}

const text = (value: DomainEvent['data'][string]): string => (typeof value === 'string' ? value : '');

/** What the user is told of `event`, which the notifier classified as `kind`. */
export function notificationText(kind: NotificationEvent, event: DomainEvent): NotificationText {
  const id = event.subjectId;
  switch (kind) {
    case 'ORDER_COMPLETED': {
      // "is completed" / "is partial" are what users (and the Scenario 2 tests) look for.
      const state = text(event.data.state);
      return {
        title: `Order ${id} ${state}`,
        body:
          `Your order ${id} is ${state}.` +
          (state === 'partial' ? ' Some items could not be provisioned; see the order for details.' : ''),
      };
    }
    case 'TICKET_UPDATED':
      return text(event.data.change) === 'note'
        ? { title: `Ticket ${id}: new note`, body: `Your trouble ticket ${id} has a new note.` }
        : {
            title: `Ticket ${id} ${text(event.data.state)}`,
            body: `Your trouble ticket ${id} is now ${text(event.data.state)}.`,
          };
    case 'BILL_ISSUED':
      return {
        title: `New bill ${id}`,
        body: `Your bill ${id}${event.data.period ? ` for ${text(event.data.period)}` : ''} is ready.`,
      };
    case 'PAYMENT_RECEIVED':
      return { title: 'Payment received', body: `We received your payment ${id}. Thank you.` };
    case 'NETWORK_ALARM':
      return alarmText(event);
    case 'USAGE_ALERT':
      // No amounts (see above): the app shows them to whoever may see the service's charges.
      return {
        title: 'Spend alert',
        body: `Spending on service ${text(event.data.serviceId)} this month passed the alert threshold you set.`,
      };
  }
}

function alarmText(event: DomainEvent): NotificationText {
  const planned = text(event.data.kind) === 'planned-outage';
  if (text(event.data.state) === 'cleared')
    return planned
      ? { title: 'Maintenance finished', body: 'Planned maintenance in your area has finished.' }
      : {
          title: 'Network fault fixed',
          body: 'A network fault in your area has been fixed; your services should work normally again.',
        };
  return planned
    ? {
        title: 'Planned maintenance',
        body: 'Planned maintenance in your area may interrupt some of your services.',
      }
    : {
        title: 'Network fault',
        body: 'A network fault in your area may affect some of your services. We are working on it.',
      };
}
