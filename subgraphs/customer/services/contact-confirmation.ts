import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { SecurityEventLog } from '../../../lib/audit/security-events';
import type { CustomerUser } from '../../../lib/authz/assertions';
import { badInput, forbidden } from '../../../lib/errors';
import type { KeyValueStore } from '../../../lib/kv';
import { Lockouts } from '../../../lib/lockouts';
import type { Logger } from '../../../lib/logger';
import type { MessageGateway } from '../../../legacy/messages/client';
import type { UserModel } from '../../../legacy/crm/models';
import { maskDestination } from './contact-details';
import { clearEmailMark, clearPhoneMark, isEmailUnverified, isPhoneUnverified } from './contact-verification';
import { sendWithinBudget } from './message-budget';
import type { AuthSettings } from './sign-in';

export type ContactChannel = 'EMAIL' | 'PHONE';

export type ConfirmationRefusal = {
  kind: 'refused';
  reason: 'ALREADY_VERIFIED' | 'INVALID_CODE' | 'LOCKED_OUT';
  message: string;
  retryAfterSeconds: number | null;
};

/** Long enough to switch to the mailbox or the phone and back; short enough that a leak is brief. */
export const CONFIRMATION_CODE_TTL_SECONDS = 600;

interface PendingCode {
  codeHash: string;
  /** The value the code went to: a code proves only that value, never one set after it. */
  valueHash: string;
  expiresAt: number;
}

const pendingKey = (userId: string, channel: ContactChannel) => `contact-confirm:${channel}:${userId}`;
const triesKey = (userId: string, channel: ContactChannel) => `contact-confirm-tries:${channel}:${userId}`;
const valueHash = (value: string) => createHash('sha256').update(value.trim().toLowerCase()).digest('hex');
const refused = (
  reason: ConfirmationRefusal['reason'],
  message: string,
  retryAfterSeconds: number | null = null,
): ConfirmationRefusal => ({ kind: 'refused', reason, message, retryAfterSeconds });
const INVALID = 'The code is wrong, used or expired; ask for a new one.';
const LOCKED = 'Too many wrong codes; try again later.';

/**
 * Issue 16, S6: a changed e-mail address or phone is unverified (contact-change.ts) until the
 * signed-in user proves they receive it. A six-digit code goes to that new value itself (never
 * through code-delivery.ts, which refuses unverified channels), within the message budget; the
 * right code, once and in time, clears the unverified mark. Only an HMAC of the code is stored
 * (a six-digit code's plain hash is reversed by trying all of them). Each code allows
 * `maxCodeAttempts` tries; wrong codes also count per user over all codes toward a lock-out of
 * confirmation (not of sign-in: the guesser here already holds a session, and would otherwise
 * lock the owner out). Events name the channel, never the value (S4).
 */
export class ContactConfirmation {
  private readonly lockouts: Lockouts;

  constructor(
    private readonly deps: {
      store: KeyValueStore;
      messages: Pick<MessageGateway, 'send'>;
      audit: SecurityEventLog;
      settings: AuthSettings;
      logger: Logger;
    },
  ) {
    this.lockouts = new Lockouts(deps.store, 'contact-confirmation', deps.settings);
  }

  /** Keyed with the token secret: the store alone does not reveal the code. */
  private codeHash(userId: string, channel: ContactChannel, code: string): string {
    return createHmac('sha256', this.deps.settings.tokenSecret)
      .update(`contact-confirmation:${userId}:${channel}:${code}`)
      .digest('hex');
  }

  /** The value of `channel` when it is set and awaits confirmation, else null. */
  private async unconfirmed(user: UserModel, channel: ContactChannel): Promise<string | null> {
    const value = channel === 'EMAIL' ? user.email : user.phone;
    if (value === '')
      throw badInput(
        channel === 'EMAIL' ? 'There is no e-mail address to confirm.' : 'There is no phone to confirm.',
        'channel',
      );
    const marked =
      channel === 'EMAIL'
        ? await isEmailUnverified(this.deps.store, user.id, value)
        : await isPhoneUnverified(this.deps.store, user.id, value);
    return marked ? value : null;
  }

  async request(
    actor: CustomerUser,
    user: UserModel,
    channel: ContactChannel,
  ): Promise<
    { kind: 'sent'; channel: ContactChannel; sentTo: string; expiresAt: string } | ConfirmationRefusal
  > {
    if (actor.assistedBy) throw forbidden('Only the user themself may confirm their contact details.');
    const lockedFor = await this.lockouts.lockedFor(actor.userId, []);
    if (lockedFor) return refused('LOCKED_OUT', LOCKED, lockedFor);
    const value = await this.unconfirmed(user, channel);
    if (!value)
      return refused('ALREADY_VERIFIED', 'This contact channel is already verified; nothing to confirm.');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = Date.now() + CONFIRMATION_CODE_TTL_SECONDS * 1000;
    const key = pendingKey(actor.userId, channel);
    const pending: PendingCode = {
      codeHash: this.codeHash(actor.userId, channel, code),
      valueHash: valueHash(value),
      expiresAt,
    };
    await this.deps.audit.guard(
      {
        kind: 'CONTACT_CONFIRMATION',
        customerId: actor.customerId,
        actorId: actor.userId,
        target: actor.userId,
        detail: { step: 'code-sent', channel },
      },
      async () => {
        // A new code replaces the previous one, with fresh tries (the lock-out still counts).
        await this.deps.store.del(triesKey(actor.userId, channel));
        await this.deps.store.set(key, JSON.stringify(pending), CONFIRMATION_CODE_TTL_SECONDS);
        try {
          await sendWithinBudget(this.deps.store, this.deps.messages, {
            channel: channel === 'EMAIL' ? 'EMAIL' : 'SMS',
            to: value,
            text: `Your ssm-gateway confirmation code is ${code}. It expires in ${CONFIRMATION_CODE_TTL_SECONDS / 60} minutes. If you did not change your contact details, contact customer care.`,
            subject: 'Confirm your contact details',
            sender: actor.userId,
          });
        } catch (error) {
          // Not sent (over budget, gateway down): no code may be left that no one received.
          await this.deps.store.del(key);
          throw error;
        }
      },
    );
    this.deps.logger.info({ event: 'contact.confirmation-sent', channel }, 'contact confirmation code sent');
    return {
      kind: 'sent',
      channel,
      sentTo: maskDestination(value),
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }

  async confirm(
    actor: CustomerUser,
    user: UserModel,
    channel: ContactChannel,
    code: string,
  ): Promise<{ kind: 'confirmed'; channel: ContactChannel } | ConfirmationRefusal> {
    if (actor.assistedBy) throw forbidden('Only the user themself may confirm their contact details.');
    if (!/^\d{6}$/.test(code)) throw badInput('code must be the six digits that were sent.', 'code');
    const { userId, customerId } = actor;
    const lockedFor = await this.lockouts.lockedFor(userId, []);
    if (lockedFor) return refused('LOCKED_OUT', LOCKED, lockedFor);
    const value = await this.unconfirmed(user, channel);
    if (!value)
      return refused('ALREADY_VERIFIED', 'This contact channel is already verified; nothing to confirm.');
    const key = pendingKey(userId, channel);
    const raw = await this.deps.store.get(key);
    if (!raw) return refused('INVALID_CODE', INVALID);
    const pending = JSON.parse(raw) as PendingCode;
    if (pending.valueHash !== valueHash(value) || pending.expiresAt <= Date.now()) {
      await this.deps.store.del(key);
      return refused('INVALID_CODE', INVALID);
    }
    // Every try uses one of the code's tries before it is checked (parallel guesses share none).
    const tries = await this.deps.store.incr(triesKey(userId, channel), CONFIRMATION_CODE_TTL_SECONDS);
    const right = timingSafeEqual(
      Buffer.from(pending.codeHash, 'hex'),
      Buffer.from(this.codeHash(userId, channel, code), 'hex'),
    );
    if (tries > this.deps.settings.maxCodeAttempts || !right) {
      const refusal = await this.failed(actor, channel);
      // A spent code, or a lock-out (which outlasts the code), leaves no code to try later.
      if (tries >= this.deps.settings.maxCodeAttempts || refusal.reason === 'LOCKED_OUT')
        await this.deps.store.del(key);
      return refusal;
    }
    // take() makes the code single-use even under concurrent submissions.
    if ((await this.deps.store.take(key)) === null) return refused('INVALID_CODE', INVALID);
    const cleared = await this.deps.audit.guard(
      {
        kind: 'CONTACT_CONFIRMATION',
        customerId,
        actorId: userId,
        target: userId,
        detail: { step: 'confirmed', channel },
      },
      async () => {
        const done =
          channel === 'EMAIL'
            ? await clearEmailMark(this.deps.store, userId, value)
            : await clearPhoneMark(this.deps.store, userId, value);
        if (done) await this.lockouts.clear(userId, ['everywhere']);
        return done;
      },
      (done) => (done ? 'SUCCESS' : 'DENIED'),
    );
    // The value changed again after the code was checked: that new value is not confirmed.
    if (!cleared) return refused('INVALID_CODE', INVALID);
    this.deps.logger.info({ event: 'contact.confirmed', channel }, 'contact channel confirmed');
    return { kind: 'confirmed', channel };
  }

  /** A wrong code: a FAILURE event (S4), counted toward the confirmation lock-out. */
  private async failed(actor: CustomerUser, channel: ContactChannel): Promise<ConfirmationRefusal> {
    const { userId, customerId } = actor;
    await this.deps.audit.record({
      kind: 'CONTACT_CONFIRMATION',
      outcome: 'FAILURE',
      customerId,
      actorId: userId,
      target: userId,
      detail: { step: 'code-checked', channel },
    });
    const outcome = await this.lockouts.fail(userId, 'everywhere', this.deps.settings.maxCodeFailures);
    if (!outcome) return refused('INVALID_CODE', INVALID);
    if (outcome.justLocked) {
      await this.deps.audit.record({
        kind: 'LOCKOUT',
        outcome: 'SUCCESS',
        customerId,
        actorId: userId,
        detail: { during: 'contact-confirmation' },
      });
      this.deps.logger.warn(
        { event: 'contact.confirmation-lockout' },
        'contact confirmation locked after wrong codes',
      );
    }
    return refused('LOCKED_OUT', LOCKED, outcome.lockedForSeconds);
  }
}
