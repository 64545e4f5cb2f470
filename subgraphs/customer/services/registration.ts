import type { Actor } from '../../../lib/actor';
import { apiError, badInput } from '../../../lib/errors';
import type { KeyValueStore } from '../../../lib/kv';
import type { Logger } from '../../../lib/logger';
import { CrmFault, type CrmAdapter } from '../../../legacy/crm/client';
import type { MessageGateway } from '../../../legacy/messages/client';
import { maskDestination } from './contact-details';
import { MessageBudget } from './message-budget';
import { markPhoneUnverified } from './phone-verification';
import { chargeRegistration, sourceOf } from './registration-limits';
import { noticeText, type RegistrationNotice } from './registration-notices';
import {
  checkRegistration,
  type CheckedRegistration,
  type RegistrationRequest,
} from './registration-request';
import { localize, msg } from '../../../lib/i18n/text';

export type { RegistrationRequest } from './registration-request';

export type RegistrationOutcome =
  | { kind: 'accepted'; actorId: string; sentTo: string }
  | { kind: 'rejected'; reason: 'TOO_MANY_REGISTRATIONS'; message: string; retryAfterSeconds: number };

/** A key's request and whether its outcome was mailed outlive any client retry by far. */
const REQUEST_TTL_SECONDS = 30 * 86_400;

const tooMany = (
  retryAfterSeconds: number,
  message = localize(
    msg`Too many registrations from here or to this address; retry in ${retryAfterSeconds} s.`,
  ),
): RegistrationOutcome => ({
  kind: 'rejected',
  reason: 'TOO_MANY_REGISTRATIONS',
  message,
  retryAfterSeconds,
});

/**
 * F10 self-registration, hardened for issue 12. Built per request (one registration per request).
 * Every accepted registration answers alike, taken actor id or not; the outcome (the new ids,
 * or "that name is not available") goes to the registrant's e-mail address only. Registrations
 * are limited per source and per e-mail address; the new login's phone number is unverified, so
 * it gets no SMS (codes and notifications go by e-mail) until the operator trusts it.
 */
export class RegistrationService {
  private registeredInThisRequest = false;

  constructor(
    private readonly store: KeyValueStore,
    private readonly crm: CrmAdapter,
    private readonly messages: Pick<MessageGateway, 'send'>,
    private readonly logger: Logger,
    private readonly actor: Actor,
  ) {}

  async register(request: RegistrationRequest): Promise<RegistrationOutcome> {
    const checked = checkRegistration(request);
    const accepted: RegistrationOutcome = {
      kind: 'accepted',
      actorId: checked.actorId,
      sentTo: maskDestination(checked.email),
    };
    const { requestId, fingerprint } = checked;
    if (!(await this.store.setIfAbsent(`registration:${requestId}`, fingerprint, REQUEST_TTL_SECONDS))) {
      if ((await this.store.get(`registration:${requestId}`)) !== fingerprint)
        throw apiError('CONFLICT', 'This idempotency key was used for a different registration.');
      // A retry of a registration whose outcome was mailed: the same answer, nothing sent again.
      if (await this.store.get(`registration-notified:${requestId}`)) return accepted;
    }
    // Aliased registerCustomer fields reach this subgraph as one request: one of them registers.
    if (this.registeredInThisRequest) return tooMany(1, 'One registration per request.');
    this.registeredInThisRequest = true;
    const source = sourceOf(this.actor);
    const bySource = await chargeRegistration(this.store, source);
    if (!bySource.allowed) return tooMany(bySource.retryAfterSeconds);
    // Charged before the CRM is called: an address whose budget is spent gets no new customer.
    const toMailbox = await new MessageBudget(this.store).charge('EMAIL', checked.email, source);
    if (!toMailbox.allowed) return tooMany(toMailbox.retryAfterSeconds);
    await this.notify(checked, await this.create(checked));
    return accepted;
  }

  /** Creates the customer (the CRM deduplicates by request id) and makes its phone unverified. */
  private async create(checked: CheckedRegistration): Promise<RegistrationNotice> {
    try {
      const registration = await this.crm.createCustomer({
        requestId: checked.requestId,
        kind: checked.kind,
        name: checked.name,
        email: checked.email,
        phone: checked.phone,
        street: checked.street,
        city: checked.city,
        postcode: checked.postcode,
        userId: checked.actorId,
        password: checked.password,
      });
      await markPhoneUnverified(this.store, registration.userId, checked.phone);
      // Not awaited: a taken name costs one CRM call, so a free one must not answer visibly later
      // (S5). Nothing is notified before the customer's first order completes, long after this.
      this.notificationsByEmail(registration.userId).catch((error: unknown) =>
        this.logger.warn(
          { event: 'customer.registration.preferences', err: error },
          'could not move SMS notifications to e-mail',
        ),
      );
      this.logger.info(
        { event: 'customer.registered', customerId: registration.customerId },
        'customer registered',
      );
      return { kind: 'registered', registration };
    } catch (error) {
      if (error instanceof CrmFault && error.errorCode === 'USER_EXISTS') {
        this.logger.info({ event: 'customer.registration.taken' }, 'registration asked for a taken id');
        return { kind: 'taken', actorId: checked.actorId };
      }
      if (error instanceof CrmFault) {
        // S5: the CRM's own words never reach the client; its code (not its text, which may quote
        // what was typed) goes to the log.
        this.logger.warn(
          { event: 'customer.registration.refused', crmCode: error.errorCode },
          'the customer system refused a registration',
        );
        throw badInput('The customer system refused the registration; check the details and try again.');
      }
      throw error;
    }
  }

  /** The CRM's defaults notify some events by SMS: an unverified phone gets e-mail instead. */
  private async notificationsByEmail(userId: string): Promise<void> {
    const preferences = await this.crm.getNotificationPreferences(userId);
    if (!preferences.some((p) => p.channels.includes('SMS'))) return;
    await this.crm.setNotificationPreferences(
      userId,
      preferences.map((p) => ({
        event: p.event,
        channels: [...new Set(p.channels.map((c) => (c === 'SMS' ? 'EMAIL' : c)))],
      })),
    );
  }

  /** Mails the outcome once per request id; a failed send clears the marker so a retry sends. */
  private async notify(checked: CheckedRegistration, notice: RegistrationNotice): Promise<void> {
    const marker = `registration-notified:${checked.requestId}`;
    if (!(await this.store.setIfAbsent(marker, notice.kind, REQUEST_TTL_SECONDS))) return;
    const { subject, text } = noticeText(notice);
    try {
      await this.messages.send('EMAIL', checked.email, text, subject);
    } catch (error) {
      await this.store.del(marker);
      throw error;
    }
  }
}
