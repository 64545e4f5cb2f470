import { LegacyError } from '../../../lib/errors';
import type { EventBus, Unsubscribe } from '../../../lib/events/bus';
import type { DomainEvent } from '../../../lib/events/event';
import type { KeyValueStore } from '../../../lib/kv';
import type { Logger } from '../../../lib/logger';
import type { CrmAdapter } from '../../../legacy/crm/client';
import type { UserModel } from '../../../legacy/crm/models';
import type { MessageGateway } from '../../../legacy/messages/client';
import type { Inbox } from './inbox';
import type { NotificationEvent } from './notification-preferences';
import { SOURCE_LOCALE } from '../../../lib/i18n/locale';
import { preferredLocale } from '../../../lib/i18n/preference';
import { localize } from '../../../lib/i18n/text';
import { notificationText, type NotificationText } from './notification-texts';
import { affectedCustomers, channelsFor, notificationKind } from './notifier-rules';

/** The bus's consumer group: one notifier process handles each event, whichever runs it. */
export const NOTIFIER_GROUP = 'notifier';
/** The bus redelivers an event whose handling failed (a CRM or message-gateway outage) after this. */
const RETRY_AFTER_MS = 1000;
/** How long the notifier waits before trying again to join a bus it could not reach. */
const REJOIN_AFTER_MS = 5000;
/** A marker only has to outlive the bus's redeliveries of one event. */
const MARKER_TTL_SECONDS = 7 * 86_400;
/** Recipients handled at once (a network alarm reaches every affected customer's managers). */
const CONCURRENCY = 8;

/**
 * Set once every delivery of an event succeeded: a redelivery of it (a relay retried after a
 * crash, a consumer that died before acknowledging) then costs one store read, not a CRM round.
 */
export const handledMarker = (eventId: string): string => `notifier-handled:${eventId}`;

export interface NotifierDeps {
  bus: EventBus;
  inbox: Pick<Inbox, 'add'>;
  crm: Pick<CrmAdapter, 'getUser' | 'getUsersOfCustomers' | 'getNotificationPreferences'>;
  messages: Pick<MessageGateway, 'send'>;
  store: Pick<KeyValueStore, 'get' | 'set' | 'setIfAbsent' | 'del'>;
  logger: Logger;
}

/**
 * F8/F9 (issue 13): every event a user should hear of reaches them on the channels of their
 * setting for its kind: the in-app inbox, SMS, e-mail. The bus delivers an event at least once,
 * so each channel is idempotent per (event, user): the inbox has one row per event and user, and
 * an SMS or e-mail is sent after a marker in the store was set (removed again when sending fails,
 * so the redelivery tries once more). A failure on one channel or recipient does not stop the
 * others; the handler then throws, and the redelivery repeats only what did not happen.
 */
export class Notifier {
  private unsubscribe: Promise<Unsubscribe | null> | null = null;
  private readonly running = new Set<Promise<void>>();
  private rejoin: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: NotifierDeps) {}

  start(): void {
    this.stopped = false;
    this.unsubscribe = this.deps.bus
      .consume(NOTIFIER_GROUP, (event) => this.track(this.handle(event)), { retryAfterMs: RETRY_AFTER_MS })
      .catch((error: unknown) => {
        // The bus (Redis) may be unreachable at start; events wait in it, so join when it is back.
        this.deps.logger.error({ err: error }, 'notifier could not join the event bus; retrying');
        if (!this.stopped) {
          this.rejoin = setTimeout(() => this.start(), REJOIN_AFTER_MS);
          this.rejoin.unref();
        }
        return null;
      });
  }

  /** Leaves the bus, then waits for the events being handled. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.rejoin) clearTimeout(this.rejoin);
    const unsubscribe = await this.unsubscribe;
    this.unsubscribe = null;
    await unsubscribe?.();
    await Promise.allSettled([...this.running]);
  }

  private track(work: Promise<void>): Promise<void> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  /** Handles one event; throws when some delivery failed, so the bus delivers it again. */
  async handle(event: DomainEvent): Promise<void> {
    const kind = notificationKind(event);
    if (!kind || (await this.deps.store.get(handledMarker(event.id))) !== null) return;
    const users = await this.recipients(event, kind);
    const text = notificationText(kind, event);
    const failures: unknown[] = [];
    for (let i = 0; i < users.length; i += CONCURRENCY) {
      const results = await Promise.allSettled(
        users.slice(i, i + CONCURRENCY).map((user) => this.deliver(event, kind, text, user)),
      );
      for (const r of results) if (r.status === 'rejected') failures.push(r.reason);
    }
    // Ids and counts only: who the recipients are and where they are reached stays out of logs.
    this.deps.logger.info(
      {
        event: 'notification.delivered',
        eventId: event.id,
        kind,
        recipients: users.length,
        failed: failures.length,
      },
      'event notified',
    );
    if (failures.length > 0) throw failures[0];
    await this.deps.store.set(handledMarker(event.id), '1', MARKER_TTL_SECONDS);
  }

  /**
   * Who hears of the event: the users it names, when they belong to its customer, else the
   * customer's managers (R1: the manager answers for the customer's services and bills). A network
   * alarm names the affected customers instead; their managers hear of it (whether a grant holder
   * uses an affected service would take a service look-up per user, and the alarm is the same
   * news for the whole customer).
   */
  private async recipients(event: DomainEvent, kind: NotificationEvent): Promise<UserModel[]> {
    const managersOf = async (customerIds: string[]) =>
      customerIds.length === 0
        ? []
        : (await this.deps.crm.getUsersOfCustomers(customerIds)).filter((u) => u.role === 'MANAGER');
    if (kind === 'NETWORK_ALARM') return managersOf(affectedCustomers(event));
    const customerId = event.customerId;
    if (!customerId) return [];
    const named = await Promise.all([...new Set(event.recipients)].map((id) => this.deps.crm.getUser(id)));
    // Staff who acted for the customer (or a user since moved elsewhere) are not the customer's
    // people: their order still completes, and the customer's managers hear of it.
    const own = named.filter((u): u is UserModel => u !== null && u.customerId === customerId);
    return own.length > 0 ? own : managersOf([customerId]);
  }

  private async deliver(
    event: DomainEvent,
    kind: NotificationEvent,
    text: NotificationText,
    user: UserModel,
  ): Promise<void> {
    const channels = channelsFor(await this.deps.crm.getNotificationPreferences(user.id), kind);
    // The channels side by side: each is idempotent on its own, and a failed one does not stop the others.
    const results = await Promise.allSettled(
      channels.map((channel) =>
        channel === 'IN_APP'
          ? this.deps.inbox.add({
              eventId: event.id,
              userId: user.id,
              customerId: user.customerId,
              kind,
              subjectId: event.subjectId,
              ...text,
            })
          : this.send(event.id, user, channel, text),
      ),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** At most one SMS / e-mail per event, user and channel, however often the event comes. */
  private async send(
    eventId: string,
    user: UserModel,
    channel: 'SMS' | 'EMAIL',
    text: NotificationText,
  ): Promise<void> {
    const marker = `notified:${eventId}:${user.id}:${channel}`;
    // No request to take a language from: the recipient's own choice, else English (lib/i18n).
    // Read with the marker's write (one round trip); its failure counts only once the marker is set.
    const chosen = preferredLocale(this.deps.store, user.id);
    chosen.catch(() => undefined);
    if (!(await this.deps.store.setIfAbsent(marker, '1', MARKER_TTL_SECONDS))) return;
    try {
      const locale = (await chosen) ?? SOURCE_LOCALE;
      const body = localize(text.body, locale);
      if (channel === 'SMS') await this.deps.messages.send('SMS', user.phone, body);
      else await this.deps.messages.send('EMAIL', user.email, body, localize(text.title, locale));
    } catch (error) {
      if (error instanceof LegacyError && error.status !== undefined && error.status < 500) {
        // The gateway refused this message (an address it cannot deliver to): sending it again
        // would be refused again, so it is dropped, not retried for ever.
        this.deps.logger.warn({ event: 'notification.refused', eventId, channel }, 'message refused');
        return;
      }
      await this.deps.store.del(marker);
      throw error;
    }
  }
}
