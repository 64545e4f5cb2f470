import { createHash } from 'node:crypto';
import { pad, type SeedBuilder } from './builder';
import type { NotificationPreference, Role } from './types';

/** Which events reach a new user, on which channels, until they choose (F8); the app's inbox gets all. */
export const NOTIFY_DEFAULT: NotificationPreference[] = [
  { event: 'ORDER_COMPLETED', channels: ['IN_APP', 'SMS', 'EMAIL'] },
  { event: 'TICKET_UPDATED', channels: ['IN_APP', 'EMAIL'] },
  { event: 'BILL_ISSUED', channels: ['IN_APP', 'EMAIL'] },
  { event: 'NETWORK_ALARM', channels: ['IN_APP', 'SMS'] },
  { event: 'PAYMENT_RECEIVED', channels: ['IN_APP', 'EMAIL'] },
];

export function defaultNotifications(): NotificationPreference[] {
  return NOTIFY_DEFAULT.map((p) => ({ ...p, channels: [...p.channels] }));
}

export function hashPassword(password: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${password}`).digest('hex');
}

/** A CRM login (passport record); its phone number receives the one-time sign-in codes. */
export function addUser(
  { world }: SeedBuilder,
  id: string,
  customerId: string,
  role: Role,
  name: string,
  password: string,
): void {
  const salt = createHash('sha256').update(id).digest('hex').slice(0, 16);
  world.users.push({
    id,
    customerId,
    role,
    name,
    phone: `+4470${pad(900000 + world.users.length, 8)}`,
    email: `${id}@example.net`,
    salt,
    passwordHash: hashPassword(password, salt),
    notifications: defaultNotifications(),
  });
}
