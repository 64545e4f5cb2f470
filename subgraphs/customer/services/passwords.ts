import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { SecurityEventLog } from '../../../lib/audit/security-events';
import type { CustomerUser } from '../../../lib/authz/assertions';
import { apiError, badInput, forbidden } from '../../../lib/errors';
import type { KeyValueStore } from '../../../lib/kv';
import { Lockouts, UNKNOWN_SOURCE } from '../../../lib/lockouts';
import type { Logger } from '../../../lib/logger';
import { closeUserSessions } from '../../../lib/user-sessions';
import type { CrmAccountCareAdapter } from '../../../legacy/crm/account-care';
import type { MessageGateway } from '../../../legacy/messages/client';
import { deliverCode } from './code-delivery';
import { checkPassword } from './registration-request';
import type { AuthSettings } from './sign-in';

export type PasswordRefusal = {
  kind: 'refused';
  reason: 'INVALID_CREDENTIALS' | 'LOCKED_OUT' | 'INVALID_CODE';
  message: string;
  retryAfterSeconds: number | null;
};

/** How long a reset code works, and how many codes one actor may be sent per window. */
export const RESET_CODE_TTL_SECONDS = 600;
const RESET_CODES_PER_WINDOW = 3;
const RESET_TRIES_PER_CODE = 3;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const refused = (
  reason: PasswordRefusal['reason'],
  message: string,
  retryAfterSeconds: number | null = null,
): PasswordRefusal => ({ kind: 'refused', reason, message, retryAfterSeconds });
const LOCKED = 'Too many failed attempts; try again later.';

/**
 * S1 passwords (issue 16): the signed-in user's change (the CRM checks the old password; a wrong
 * one is a LOGIN FAILURE and counts toward the sign-in lock-out, per actor and source, exactly as
 * at sign-in) and the reset of a forgotten one by a one-time code sent to a verified channel (the
 * start answers alike for every actor id; wrong codes count per actor everywhere, like sign-in
 * codes). Both end the user's other sessions (a reset: all of them) and are S4 events.
 */
export class PasswordService {
  private readonly lockouts: Lockouts;
  private readonly source: string;

  constructor(
    private readonly deps: {
      store: KeyValueStore;
      crm: CrmAccountCareAdapter;
      messages: MessageGateway;
      audit: SecurityEventLog;
      settings: AuthSettings;
      logger: Logger;
    },
    source?: string,
  ) {
    this.lockouts = new Lockouts(deps.store, 'user', deps.settings);
    this.source = source ?? UNKNOWN_SOURCE;
  }

  private async locked(actorId: string, scope: 'password' | 'code'): Promise<number | null> {
    return this.lockouts.lockedFor(actorId, scope === 'password' ? [this.source] : []);
  }

  /** A wrong password or code: a LOGIN FAILURE event (S4) counted toward the lock-out (S1). */
  private async failed(
    actorId: string,
    customerId: string | null,
    factor: 'password' | 'code',
    during: string,
  ) {
    await this.deps.audit.record({
      kind: 'LOGIN',
      outcome: 'FAILURE',
      customerId,
      actorId,
      detail: { factor, during },
    });
    const outcome = await this.lockouts.fail(
      actorId,
      factor === 'code' ? 'everywhere' : { source: this.source },
      factor === 'code' ? this.deps.settings.maxCodeFailures : this.deps.settings.maxFailures,
    );
    if (outcome?.justLocked)
      await this.deps.audit.record({
        kind: 'LOCKOUT',
        outcome: 'SUCCESS',
        customerId,
        actorId,
        detail: { during },
      });
    return outcome;
  }

  /**
   * The signed-in user proves again that they know their password before a change that would let
   * a holder of their session take the account over (contact details: a new e-mail, once
   * confirmed, receives password-reset codes). A wrong password counts toward the same lock-out as
   * at sign-in and is a LOGIN FAILURE event.
   */
  async confirmPassword(actor: CustomerUser, password: string, during: string): Promise<void> {
    if (password.length > 200) throw badInput('password is too long.', 'password');
    const lockedFor = await this.locked(actor.userId, 'password');
    if (lockedFor) throw apiError('RATE_LIMITED', LOCKED, { retryAfterSeconds: lockedFor });
    if (await this.deps.crm.authenticate(actor.userId, password)) return;
    const outcome = await this.failed(actor.userId, actor.customerId, 'password', during);
    if (outcome) throw apiError('RATE_LIMITED', LOCKED, { retryAfterSeconds: outcome.lockedForSeconds });
    throw apiError('FORBIDDEN', 'The password is wrong.', { reason: 'INVALID_CREDENTIALS' });
  }

  async change(
    actor: CustomerUser,
    input: { oldPassword: string; newPassword: string; keepThisSession: boolean },
  ): Promise<{ kind: 'changed'; sessionsEnded: number } | PasswordRefusal> {
    if (actor.assistedBy) throw forbidden('Only the user themself may change their password.');
    checkPassword(input.newPassword);
    if (input.oldPassword.length > 200) throw badInput('oldPassword is too long.', 'oldPassword');
    const { userId, customerId } = actor;
    const lockedFor = await this.locked(userId, 'password');
    if (lockedFor) return refused('LOCKED_OUT', LOCKED, lockedFor);
    const result = await this.deps.audit.guard(
      { kind: 'PASSWORD_CHANGE', customerId, actorId: userId, target: userId },
      async () => {
        const changed = await this.deps.crm.changePassword(userId, input.oldPassword, input.newPassword);
        // A retried change (its answer was lost) finds the new password in place: done already.
        if (!changed && (await this.deps.crm.authenticate(userId, input.newPassword)))
          return { kind: 'changed' as const, sessionsEnded: 0 };
        if (!changed) {
          const outcome = await this.failed(userId, customerId, 'password', 'password-change');
          return outcome
            ? refused('LOCKED_OUT', LOCKED, outcome.lockedForSeconds)
            : refused('INVALID_CREDENTIALS', 'The old password is wrong.');
        }
        const keep = input.keepThisSession ? actor.sessionId : undefined;
        return {
          kind: 'changed' as const,
          sessionsEnded: await closeUserSessions(this.deps.store, userId, keep),
        };
      },
      (r) => (r.kind === 'changed' ? 'SUCCESS' : 'DENIED'),
    );
    if (result.kind === 'changed')
      this.deps.logger.info(
        { event: 'password.changed', sessionsEnded: result.sessionsEnded },
        'password changed',
      );
    return result;
  }

  /**
   * Sends a reset code when the actor id exists, is not locked out, has a verified channel and has
   * not asked too often; otherwise sends nothing. Never says which: no enumeration of actor ids.
   */
  async startReset(rawActorId: string): Promise<void> {
    const actorId = rawActorId.trim().toLowerCase();
    if (actorId.length === 0 || actorId.length > 100) return;
    const asked = await this.deps.store.incr(`pwreset-asked:${actorId}`, this.deps.settings.lockoutSeconds);
    if (asked > RESET_CODES_PER_WINDOW || (await this.locked(actorId, 'code'))) return;
    const user = await this.deps.crm.getUser(actorId);
    if (!user || (!user.phone && !user.email)) return;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.deps.audit.guard(
      {
        kind: 'PASSWORD_RESET',
        customerId: user.customerId,
        actorId,
        target: actorId,
        detail: { step: 'code-sent' },
      },
      async () => {
        await this.deps.store.del(`pwreset-tries:${actorId}`);
        await this.deps.store.set(
          `pwreset:${actorId}`,
          JSON.stringify({ codeHash: sha256(`${actorId}:${code}`), customerId: user.customerId }),
          RESET_CODE_TTL_SECONDS,
        );
        try {
          await deliverCode(
            this.deps.store,
            this.deps.messages,
            user,
            'SMS',
            `Your ssm-gateway password reset code is ${code}. It expires in ${RESET_CODE_TTL_SECONDS / 60} minutes. If you did not ask for it, ignore it.`,
            'Password reset code',
          );
        } catch (error) {
          // No verified channel, or its message budget is spent: the same answer as for anyone.
          await this.deps.store.del(`pwreset:${actorId}`);
          if (error instanceof Error && 'extensions' in error) return false;
          throw error;
        }
        return true;
      },
      (sent) => (sent ? 'SUCCESS' : 'DENIED'),
    );
  }

  async completeReset(input: {
    actorId: string;
    code: string;
    newPassword: string;
  }): Promise<{ kind: 'reset'; actorId: string } | PasswordRefusal> {
    const actorId = input.actorId.trim().toLowerCase();
    if (!/^\d{6}$/.test(input.code)) throw badInput('code must be the six digits that were sent.', 'code');
    checkPassword(input.newPassword);
    const lockedFor = await this.locked(actorId, 'code');
    if (lockedFor) return refused('LOCKED_OUT', LOCKED, lockedFor);
    const invalid = refused('INVALID_CODE', 'The code is wrong, used or expired; ask for a new one.');
    const raw = await this.deps.store.get(`pwreset:${actorId}`);
    if (!raw) return invalid;
    const stored = JSON.parse(raw) as { codeHash: string; customerId: string };
    // Every try uses one of the code's tries before it is checked (parallel guesses share none).
    const tries = await this.deps.store.incr(`pwreset-tries:${actorId}`, RESET_CODE_TTL_SECONDS);
    const right = timingSafeEqual(
      Buffer.from(stored.codeHash, 'hex'),
      Buffer.from(sha256(`${actorId}:${input.code}`), 'hex'),
    );
    if (tries > RESET_TRIES_PER_CODE || !right) {
      if (tries >= RESET_TRIES_PER_CODE) await this.deps.store.del(`pwreset:${actorId}`);
      const outcome = await this.failed(actorId, stored.customerId, 'code', 'password-reset');
      return outcome ? refused('LOCKED_OUT', LOCKED, outcome.lockedForSeconds) : invalid;
    }
    // take() makes the code single-use even under concurrent submissions.
    if ((await this.deps.store.take(`pwreset:${actorId}`)) === null) return invalid;
    const ended = await this.deps.audit.guard(
      {
        kind: 'PASSWORD_RESET',
        customerId: stored.customerId,
        actorId,
        target: actorId,
        detail: { step: 'completed' },
      },
      async () => {
        await this.deps.crm.setPassword(actorId, input.newPassword);
        await this.lockouts.clear(actorId, ['everywhere', { source: this.source }]);
        return closeUserSessions(this.deps.store, actorId);
      },
    );
    this.deps.logger.info({ event: 'password.reset', sessionsEnded: ended }, 'password reset');
    return { kind: 'reset', actorId };
  }
}
