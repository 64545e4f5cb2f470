import type { DomainEvent } from '../../../lib/events/event';
import { msg, type Text } from '../../../lib/i18n/text';
import type { NotificationEvent } from './notification-preferences';

/**
 * Every text the notifier sends or files (F8, F9), in one place, as texts rendered in the reader's
 * language: the inbox's at reading time, an SMS's or e-mail's in the recipient's chosen language
 * (issue 16 item 4; lib/i18n). A text names the order, ticket, bill or payment by id and states what
 * happened; it never carries names, numbers, addresses or amounts: an SMS lock screen or a shared
 * mailbox shows it to whoever looks, and the app reads the details with the user's own rights.
 */
export interface NotificationText {
  /** The inbox title and the e-mail subject. */
  title: Text;
  /** The inbox body, the SMS and the e-mail text. */
  body: Text;
}

const text = (value: DomainEvent['data'][string]): string => (typeof value === 'string' ? value : '');

/** What the user is told of `event`, which the notifier classified as `kind`. */
export function notificationText(kind: NotificationEvent, event: DomainEvent): NotificationText {
  const id = event.subjectId;
  switch (kind) {
    case 'ORDER_COMPLETED':
      // "is completed" / "is partial" are what users (and the Scenario 2 tests) look for.
      return text(event.data.state) === 'partial'
        ? {
            title: msg`Order ${id} partial`,
            body: msg`Your order ${id} is partial. Some items could not be provisioned; see the order for details.`,
          }
        : text(event.data.state) === 'completed'
          ? { title: msg`Order ${id} completed`, body: msg`Your order ${id} is completed.` }
          : {
              title: msg`Order ${id} ${text(event.data.state)}`,
              body: msg`Your order ${id} is ${text(event.data.state)}.`,
            };
    case 'TICKET_UPDATED':
      return text(event.data.change) === 'note'
        ? { title: msg`Ticket ${id}: new note`, body: msg`Your trouble ticket ${id} has a new note.` }
        : {
            title: msg`Ticket ${id} ${ticketState(event)}`,
            body: msg`Your trouble ticket ${id} is now ${ticketState(event)}.`,
          };
    case 'BILL_ISSUED':
      return {
        title: msg`New bill ${id}`,
        body: event.data.period
          ? msg`Your bill ${id} for ${text(event.data.period)} is ready.`
          : msg`Your bill ${id} is ready.`,
      };
    case 'PAYMENT_RECEIVED':
      return { title: msg`Payment received`, body: msg`We received your payment ${id}. Thank you.` };
    case 'NETWORK_ALARM':
      return alarmText(event);
    case 'USAGE_ALERT':
      // No amounts (see above): the app shows them to whoever may see the service's charges.
      return {
        title: msg`Spend alert`,
        body: msg`Spending on service ${text(event.data.serviceId)} this month passed the alert threshold you set.`,
      };
  }
}

/** TMF621 ticket states, named in the reader's language (an unknown one as it is). */
const TICKET_STATES: Record<string, Text> = {
  acknowledged: msg`acknowledged`,
  inProgress: msg`in progress`,
  pending: msg`pending`,
  held: msg`held`,
  resolved: msg`resolved`,
  closed: msg`closed`,
  cancelled: msg`cancelled`,
  rejected: msg`rejected`,
};
const ticketState = (event: DomainEvent): Text | string =>
  TICKET_STATES[text(event.data.state)] ?? text(event.data.state);

function alarmText(event: DomainEvent): NotificationText {
  const planned = text(event.data.kind) === 'planned-outage';
  if (text(event.data.state) === 'cleared')
    return planned
      ? { title: msg`Maintenance finished`, body: msg`Planned maintenance in your area has finished.` }
      : {
          title: msg`Network fault fixed`,
          body: msg`A network fault in your area has been fixed; your services should work normally again.`,
        };
  return planned
    ? {
        title: msg`Planned maintenance`,
        body: msg`Planned maintenance in your area may interrupt some of your services.`,
      }
    : {
        title: msg`Network fault`,
        body: msg`A network fault in your area may affect some of your services. We are working on it.`,
      };
}
