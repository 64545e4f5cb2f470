import type { EventBus, Unsubscribe } from '../../lib/events/bus';
import { domainEvent, type DomainEvent, type NewDomainEvent } from '../../lib/events/event';
import { MemoryStore } from '../../lib/kv';
import type { Logger } from '../../lib/logger';
import type { NotificationPreferenceModel, UserModel } from '../../legacy/crm/models';
import type { NewNotification } from '../../subgraphs/customer/services/inbox';
import type { NotifierDeps } from '../../subgraphs/customer/services/notifier';
import { RecordingStore } from './recording-store';

/**
 * In-memory stand-ins for what the customer subgraph's notifier uses (the bus, the inbox, the CRM,
 * the message gateway, the store and the logger), so its unit tests
 * (tests/unit/services-customer-notifier*.test.ts) run without Redis, PostgreSQL or simulators.
 */

export const user = (id: string, customerId = 'C-1', role: UserModel['role'] = 'SSM_USER'): UserModel => ({
  id,
  customerId,
  role,
  name: `Name of ${id}`,
  phone: `+35840${id}`,
  email: `${id}@example.org`,
});

/** A bill.issued event for C-1 (BILL_ISSUED) naming `recipients`. */
export const billIssued = (extra: Partial<NewDomainEvent> = {}): DomainEvent =>
  domainEvent({
    id: 'EV-1',
    type: 'bill.issued',
    source: 'billing',
    customerId: 'C-1',
    subjectId: 'B-1',
    ...extra,
  });

/** Also records the time-to-live of each setIfAbsent (the notifier's per-message markers). */
export class MarkerStore extends RecordingStore {
  override async setIfAbsent(key: string, value: string, ttlSeconds: number) {
    this.ttls.set(key, ttlSeconds);
    return this.inner.setIfAbsent(key, value, ttlSeconds);
  }
}

export type LogLine = [level: string, fields: Record<string, unknown>, message: string];

/** A logger that keeps each line as [level, fields, message]. */
export function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: string) =>
    (fields: Record<string, unknown>, message: string): void =>
      void lines.push([level, fields, message]);
  const logger = { info: at('info'), warn: at('warn'), error: at('error') } as unknown as Logger;
  return { logger, lines };
}

export interface Sent {
  channel: string;
  to: string;
  body: string;
  subject?: string;
}

/** A bus whose `consume` is under the test's control: it keeps the group, options and handler. */
export class FakeBus {
  consumed: { group: string; retryAfterMs?: number; handler: (e: DomainEvent) => Promise<void> }[] = [];
  unsubscribed = 0;
  /** When set, `consume` rejects with it (the bus cannot be reached). */
  failure: Error | null = null;

  asBus(): EventBus {
    return { consume: this.consume } as unknown as EventBus;
  }

  private readonly consume = async (
    group: string,
    handler: (e: DomainEvent) => Promise<void>,
    options?: { retryAfterMs?: number },
  ): Promise<Unsubscribe> => {
    if (this.failure) throw this.failure;
    this.consumed.push({ group, retryAfterMs: options?.retryAfterMs, handler });
    return async () => void (this.unsubscribed += 1);
  };
}

/**
 * The notifier's dependencies over maps: `users` by id, `preferences` by user id (absent: none
 * stored), what was filed (`filed`) and sent (`sent`), and CRM calls by method (`asked`).
 * `failSend` decides per message whether the gateway throws.
 */
export function notifierDeps(
  users: UserModel[],
  preferences: Record<string, NotificationPreferenceModel[]> = {},
) {
  const bus = new FakeBus();
  const store = new MarkerStore(new MemoryStore());
  const { logger, lines } = recordingLogger();
  const filed: NewNotification[] = [];
  const sent: Sent[] = [];
  const asked: string[] = [];
  const hooks: {
    failSend: (m: Sent) => Error | null;
    failAdd: (n: NewNotification) => Error | null;
    onAdd: (n: NewNotification) => Promise<void>;
  } = { failSend: () => null, failAdd: () => null, onAdd: async () => undefined };
  const deps: NotifierDeps = {
    bus: bus.asBus(),
    store,
    logger,
    inbox: {
      add: async (n) => {
        await hooks.onAdd(n);
        const failure = hooks.failAdd(n);
        if (failure) throw failure;
        filed.push(n);
        return `NTF-${filed.length}`;
      },
    },
    crm: {
      getUser: async (id) => {
        asked.push(`getUser:${id}`);
        return users.find((u) => u.id === id) ?? null;
      },
      getUsersOfCustomers: async (ids) => {
        asked.push(`getUsersOfCustomers:${ids.join(',')}`);
        return users.filter((u) => ids.includes(u.customerId));
      },
      getNotificationPreferences: async (id) => {
        asked.push(`getNotificationPreferences:${id}`);
        return preferences[id] ?? [];
      },
    },
    messages: {
      send: async (channel, to, body, subject) => {
        const message: Sent = subject === undefined ? { channel, to, body } : { channel, to, body, subject };
        const failure = hooks.failSend(message);
        if (failure) throw failure;
        sent.push(message);
      },
    },
  };
  return { deps, bus, store, lines, filed, sent, asked, hooks };
}
