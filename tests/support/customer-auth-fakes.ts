import type { SecurityEventLog } from '../../lib/audit/security-events';
import type { CustomerUser } from '../../lib/authz/assertions';
import type { Logger } from '../../lib/logger';
import type { UserModel } from '../../legacy/crm/models';
import type { AuthSettings } from '../../subgraphs/customer/services/sign-in';

/**
 * In-memory stand-ins for what the customer subgraph's sign-in, password and contact services
 * call (security log, CRM, message gateway, logger), so their unit tests
 * (tests/unit/services-customer-*.test.ts) run without a database, the CRM or a gateway.
 */

export const user: UserModel = {
  id: 'unit.user',
  customerId: 'CUST-UNIT',
  role: 'SSM_USER',
  name: 'Unit User',
  phone: '+358401234567',
  email: 'unit.user@example.org',
};

export const actor: CustomerUser = {
  kind: 'customerUser',
  userId: user.id,
  customerId: user.customerId,
  role: 'SSM_USER',
  sessionId: 'session-unit',
  grants: [],
};

/** Small limits so a lock-out takes few attempts; lockoutSeconds long enough to read back. */
export const settings: AuthSettings = {
  maxFailures: 3,
  maxCodeFailures: 4,
  lockoutSeconds: 900,
  accessTokenTtlSeconds: 900,
  challengeTtlSeconds: 300,
  maxCodeAttempts: 3,
  tokenSecret: 'unit-test-secret-unit-test-secret',
};

/** A security log in memory: what was recorded or guarded, with the outcome the service gave. */
export function memoryAudit() {
  const events: Record<string, unknown>[] = [];
  const fake = {
    events,
    record: async (event: Record<string, unknown>) => {
      events.push(event);
      return String(events.length);
    },
    guard: async <T>(
      event: Record<string, unknown>,
      work: () => Promise<T>,
      outcomeOf: (result: T) => string = () => 'SUCCESS',
    ) => {
      try {
        const result = await work();
        events.push({ ...event, outcome: outcomeOf(result) });
        return result;
      } catch (error) {
        events.push({ ...event, outcome: 'FAILURE' });
        throw error;
      }
    },
  };
  return { events, fake, log: fake as unknown as SecurityEventLog };
}

/** A logger that keeps every line with its level. */
export function memoryLogger() {
  const lines: [string, Record<string, unknown>, string][] = [];
  const at = (level: string) => (fields: Record<string, unknown>, line: string) =>
    void lines.push([level, fields, line]);
  const logger = { info: at('info'), warn: at('warn'), error: at('error') } as unknown as Logger;
  return { lines, logger };
}

/** A message gateway that keeps what it was handed (or fails, when told to). */
export function memoryMessages(options: { fail?: () => Error | null } = {}) {
  const sent: { channel: string; to: string; text: string; subject?: string }[] = [];
  return {
    sent,
    send: async (channel: 'SMS' | 'EMAIL', to: string, text: string, subject?: string) => {
      const error = options.fail?.();
      if (error) throw error;
      sent.push({ channel, to, text, subject });
    },
  };
}

/**
 * A CRM over a map of users and their passwords, answering the calls the services make and
 * recording each as `operation:args`.
 */
export function memoryCrm(users: UserModel[] = [user], passwords: Record<string, string> = {}) {
  const byId = new Map(users.map((u) => [u.id, { ...u }]));
  const calls: string[] = [];
  const crm = {
    calls,
    users: byId,
    passwords,
    getUser: async (id: string) => {
      calls.push(`getUser:${id}`);
      return byId.get(id) ?? null;
    },
    authenticate: async (id: string, password: string) => {
      calls.push(`authenticate:${id}`);
      return passwords[id] !== undefined && passwords[id] === password ? (byId.get(id) ?? null) : null;
    },
    changePassword: async (id: string, oldPassword: string, newPassword: string) => {
      calls.push(`changePassword:${id}`);
      if (passwords[id] !== oldPassword) return false;
      passwords[id] = newPassword;
      return true;
    },
    setPassword: async (id: string, newPassword: string) => {
      calls.push(`setPassword:${id}`);
      passwords[id] = newPassword;
    },
    updateUserContact: async (id: string, contact: { email?: string; phone?: string }) => {
      calls.push(`updateUserContact:${id}:${JSON.stringify(contact)}`);
      const found = byId.get(id) as UserModel;
      const updated = { ...found, ...contact };
      byId.set(id, updated);
      return updated;
    },
    updateCustomerAddress: async (id: string, address: Record<string, string>) => {
      calls.push(`updateCustomerAddress:${id}:${JSON.stringify(address)}`);
      return { id, ...address };
    },
  };
  return crm;
}

/** A six-digit code found in a message text. */
export const codeIn = (text: string): string => /\b(\d{6})\b/.exec(text)?.[1] as string;
/** A six-digit code that is not `code`. */
export const wrongFor = (code: string): string => (code === '000000' ? '000001' : '000000');
