import type { CustomerUser } from '../../../lib/authz/assertions';
import { badInput, forbidden } from '../../../lib/errors';
import type { CrmAdapter } from '../../../legacy/crm/client';

/** The events the schema offers; the CRM may know others, which are not shown. */
const EVENTS = [
  'ORDER_COMPLETED',
  'TICKET_UPDATED',
  'BILL_ISSUED',
  'NETWORK_ALARM',
  'PAYMENT_RECEIVED',
  'USAGE_ALERT',
] as const;
export type NotificationEvent = (typeof EVENTS)[number];
const CHANNELS = ['IN_APP', 'SMS', 'EMAIL'] as const;
export type NotificationChannel = (typeof CHANNELS)[number];

export interface NotificationSetting {
  event: NotificationEvent;
  channels: NotificationChannel[];
}

export const isEvent = (event: string): event is NotificationEvent =>
  (EVENTS as readonly string[]).includes(event);
export const isChannel = (channel: string): channel is NotificationChannel =>
  (CHANNELS as readonly string[]).includes(channel);

/** The CRM's stored preferences as the schema shows them. */
function shown(preferences: { event: string; channels: string[] }[]): NotificationSetting[] {
  return preferences.flatMap((p) =>
    isEvent(p.event) ? [{ event: p.event, channels: p.channels.filter(isChannel) }] : [],
  );
}

/** F8: a user's own notification settings; nobody else may read them. */
export async function notificationSettingsOf(
  crm: CrmAdapter,
  actor: CustomerUser,
  userId: string,
): Promise<NotificationSetting[]> {
  if (actor.userId !== userId) throw forbidden('Only the user can read their own notification settings.');
  return shown(await crm.getNotificationPreferences(userId));
}

/**
 * F8: changes the named events only; events not named keep what the CRM has, so two clients
 * editing different events do not undo each other.
 */
export async function updateNotificationSettings(
  crm: CrmAdapter,
  actor: CustomerUser,
  changes: readonly { event: NotificationEvent; channels: readonly NotificationChannel[] }[],
): Promise<NotificationSetting[]> {
  const events = new Set(changes.map((s) => s.event));
  if (events.size !== changes.length) throw badInput('Each event may appear once.', 'input');
  const current = await crm.getNotificationPreferences(actor.userId);
  const merged = new Map(current.map((p) => [p.event, p.channels]));
  for (const s of changes) merged.set(s.event, [...new Set(s.channels)]);
  const saved = await crm.setNotificationPreferences(
    actor.userId,
    [...merged].map(([event, channels]) => ({ event, channels })),
  );
  return shown(saved);
}
