import type { DomainEvent } from '../../../lib/events/event';
import type { NotificationPreferenceModel } from '../../../legacy/crm/models';
import { isChannel, type NotificationChannel, type NotificationEvent } from './notification-preferences';

/** The order states after which nothing more happens to an order (F9's completion notice). */
const FINAL_ORDER_STATES = new Set(['completed', 'failed', 'partial', 'cancelled']);

/**
 * Which F8 kind an event is, or null when users are not told of it in person: progress states of
 * an order (the app follows those with orderUpdated), finished tests (the tester waits for the
 * answer), grant changes, and the notifier's own `notification.created`.
 */
export function notificationKind(event: DomainEvent): NotificationEvent | null {
  switch (event.type) {
    case 'order.state-changed':
      return typeof event.data.state === 'string' && FINAL_ORDER_STATES.has(event.data.state)
        ? 'ORDER_COMPLETED'
        : null;
    case 'ticket.updated':
      return 'TICKET_UPDATED';
    case 'bill.issued':
      return 'BILL_ISSUED';
    case 'payment.settled':
      return 'PAYMENT_RECEIVED';
    case 'network.alarm':
      return 'NETWORK_ALARM';
    case 'usage.alert':
      return 'USAGE_ALERT';
    default:
      return null;
  }
}

/**
 * Where a user with no setting for a kind hears of it: the in-app inbox only. The CRM seeds every
 * user with a setting for each kind, so this covers kinds added later and users created outside
 * the CRM's defaults; SMS and e-mail cost money and reach a phone or mailbox others may see, so
 * they are sent only when the user asked for them.
 */
export const DEFAULT_CHANNELS: readonly NotificationChannel[] = ['IN_APP'];

/** The channels the user chose for `kind` (an empty choice means: not at all). */
export function channelsFor(
  preferences: readonly NotificationPreferenceModel[],
  kind: NotificationEvent,
): NotificationChannel[] {
  const setting = preferences.find((p) => p.event === kind);
  if (!setting) return [...DEFAULT_CHANNELS];
  return [...new Set(setting.channels.filter(isChannel))];
}

/** The customers whose managers hear of a network alarm (the event names them; no recipients). */
export function affectedCustomers(event: DomainEvent): string[] {
  const ids = event.data.customerIds;
  return Array.isArray(ids) ? [...new Set(ids)] : [];
}
