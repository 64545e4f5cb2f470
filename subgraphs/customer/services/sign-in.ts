import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { signAccessToken, type Actor, type LoginRole } from '../../../lib/actor';
import type { SecurityEventLog } from '../../../lib/audit/security-events';
import { badInput, unauthenticated } from '../../../lib/errors';
import type { KeyValueStore } from '../../../lib/kv';
import type { Logger } from '../../../lib/logger';
import type { ProfileRepository } from '../../../lib/profiles/profiles';
import { SESSION_TTL_SECONDS, closeSession, sessionKey } from '../../../lib/sessions';
import type { CrmAdapter } from '../../../legacy/crm/client';
import type { AuthSessionModel } from '../../../legacy/crm/models';
import type { MessageGateway } from '../../../legacy/messages/client';
import { maskDestination } from './contact-details';

export interface AuthSettings {
  tokenSecret: string;
  accessTokenTtlSeconds: number;
  challengeTtlSeconds: number;
  maxFailures: number;
  lockoutSeconds: number;
  maxCodeAttempts: number;
}

export const DEFAULT_AUTH_SETTINGS: Omit<AuthSettings, 'tokenSecret'> = {
  accessTokenTtlSeconds: 900,
  challengeTtlSeconds: 300,
  maxFailures: 5,
  lockoutSeconds: 900,
  maxCodeAttempts: 3,
};

export type LoginFailureReason =
  'INVALID_CREDENTIALS' | 'LOCKED_OUT' | 'INVALID_CODE' | 'CHALLENGE_EXPIRED' | 'INVALID_REFRESH_TOKEN';
export type Failure = {
  kind: 'failure';
  reason: LoginFailureReason;
  message: string;
  retryAfterSeconds: number | null;
};
export type Channel = 'SMS' | 'EMAIL';
export type Challenge = {
  kind: 'challenge';
  challengeId: string;
  channel: Channel;
  sentTo: string;
  expiresAt: string;
};
export type Session = { kind: 'session' } & AuthSessionModel;

/** What a client sends to start signing in (the schema's StartLoginInput). */
export interface StartLogin {
  actorId: string;
  password: string;
  channel?: Channel | null;
}

interface StoredChallenge {
  userId: string;
  customerId: string;
  role: LoginRole;
  codeHash: string;
}

interface StoredRefresh {
  sessionId: string;
  userId: string;
  customerId: string;
  role: LoginRole;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const failure = (
  reason: LoginFailureReason,
  message: string,
  retryAfterSeconds: number | null = null,
): Failure => ({ kind: 'failure', reason, message, retryAfterSeconds });

/**
 * S1 login: actor id + static password checked by the CRM, then a one-time code sent by SMS or
 * e-mail. Failures count towards a temporary lock-out per actor id. Sessions have a short-lived
 * signed access token and a single-use refresh token; reuse of a refresh token closes the session.
 */
export class SignInService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly crm: CrmAdapter,
    private readonly messages: MessageGateway,
    private readonly profiles: ProfileRepository,
    private readonly settings: AuthSettings,
    private readonly logger: Logger,
    private readonly audit: SecurityEventLog,
  ) {}

  /** Failed sign-ins are attributed to the actor's customer when the actor id exists. */
  private async customerOf(actorId: string): Promise<string | null> {
    return (await this.crm.getUser(actorId).catch(() => null))?.customerId ?? null;
  }

  private async lockedFor(actorId: string): Promise<number | null> {
    const until = await this.store.get(`lock:${actorId}`);
    if (!until) return null;
    const seconds = Math.ceil((Number(until) - Date.now()) / 1000);
    return seconds > 0 ? seconds : null;
  }

  private async recordFailure(actorId: string): Promise<Failure | null> {
    const customerId = await this.customerOf(actorId);
    await this.audit.record({ kind: 'LOGIN', outcome: 'FAILURE', customerId, actorId });
    const failures = await this.store.incr(`fail:${actorId}`, this.settings.lockoutSeconds);
    if (failures >= this.settings.maxFailures) {
      await this.store.set(
        `lock:${actorId}`,
        String(Date.now() + this.settings.lockoutSeconds * 1000),
        this.settings.lockoutSeconds,
      );
      await this.store.del(`fail:${actorId}`);
      await this.audit.record({ kind: 'LOCKOUT', outcome: 'SUCCESS', customerId, actorId });
      this.logger.warn({ event: 'login.lockout' }, 'actor locked out after repeated failures');
      return failure(
        'LOCKED_OUT',
        'Too many failed attempts; try again later.',
        this.settings.lockoutSeconds,
      );
    }
    return null;
  }

  /** Checks the password and sends a one-time code over the chosen channel (SMS by default). */
  async startLogin(request: StartLogin): Promise<Challenge | Failure> {
    // Actor ids are stored lower-case; people type them as they like.
    const actorId = request.actorId.trim().toLowerCase();
    const { password } = request;
    const channel = request.channel ?? 'SMS';
    const locked = await this.lockedFor(actorId);
    if (locked) return failure('LOCKED_OUT', 'Too many failed attempts; try again later.', locked);
    const user =
      actorId.length <= 100 && password.length <= 200 ? await this.crm.authenticate(actorId, password) : null;
    if (!user) {
      return (
        (await this.recordFailure(actorId)) ??
        failure('INVALID_CREDENTIALS', 'The actor id or password is wrong.')
      );
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const challengeId = randomUUID();
    const stored: StoredChallenge = {
      userId: user.id,
      customerId: user.customerId,
      role: user.role,
      codeHash: sha256(`${challengeId}:${code}`),
    };
    await this.store.set(`otp:${challengeId}`, JSON.stringify(stored), this.settings.challengeTtlSeconds);
    const destination = channel === 'SMS' ? user.phone : user.email;
    await this.messages.send(
      channel,
      destination,
      `Your ssm-gateway sign-in code is ${code}. It expires in ${Math.round(this.settings.challengeTtlSeconds / 60)} minutes.`,
      'Sign-in code',
    );
    return {
      kind: 'challenge',
      challengeId,
      channel,
      sentTo: maskDestination(destination),
      expiresAt: new Date(Date.now() + this.settings.challengeTtlSeconds * 1000).toISOString(),
    };
  }

  /** Checks the one-time code and opens a session; the user's profile exists from then on (R6). */
  async completeLogin(challengeId: string, code: string): Promise<Session | Failure> {
    if (!/^\d{6}$/.test(code)) throw badInput('code must be the six digits that were sent.', 'code');
    const session = await this.checkCode(challengeId, code);
    if (session.kind === 'failure') return session;
    const user = await this.crm.getUser(session.userId);
    if (user) await this.profiles.ensure(user.id, user.customerId);
    return session;
  }

  private async checkCode(challengeId: string, code: string): Promise<Session | Failure> {
    const key = `otp:${challengeId}`;
    const raw = await this.store.get(key);
    if (!raw) return failure('CHALLENGE_EXPIRED', 'The sign-in attempt expired; start again.');
    const challenge = JSON.parse(raw) as StoredChallenge;
    const expected = Buffer.from(challenge.codeHash, 'hex');
    const given = Buffer.from(sha256(`${challengeId}:${code}`), 'hex');
    if (!timingSafeEqual(expected, given)) {
      // An atomic counter: parallel guesses cannot share one attempt.
      const attempts = await this.store.incr(
        `otp-attempts:${challengeId}`,
        this.settings.challengeTtlSeconds,
      );
      if (attempts >= this.settings.maxCodeAttempts) {
        await this.store.del(key);
        const locked = await this.recordFailure(challenge.userId);
        return locked ?? failure('CHALLENGE_EXPIRED', 'Too many wrong codes; start again.');
      }
      return failure('INVALID_CODE', 'The code is wrong.');
    }
    // take() makes the code single-use even under concurrent submissions.
    if ((await this.store.take(key)) === null)
      return failure('CHALLENGE_EXPIRED', 'The sign-in attempt expired; start again.');
    await this.store.del(`fail:${challenge.userId}`);
    // Stored before the session exists: no event, no session (S4, fail closed).
    await this.audit.record({
      kind: 'LOGIN',
      outcome: 'SUCCESS',
      customerId: challenge.customerId,
      actorId: challenge.userId,
    });
    const sessionId = randomUUID();
    await this.store.set(sessionKey(sessionId), challenge.userId, SESSION_TTL_SECONDS);
    this.logger.info({ event: 'login.success', sessionId }, 'session opened');
    return this.issue({
      sessionId,
      userId: challenge.userId,
      customerId: challenge.customerId,
      role: challenge.role,
    });
  }

  /** Swaps a single-use refresh token for a new session token pair. */
  async refresh(refreshToken: string): Promise<Session | Failure> {
    const hash = sha256(refreshToken);
    const raw = await this.store.take(`refresh:${hash}`);
    if (!raw) {
      const reusedSession = await this.store.get(`refresh-used:${hash}`);
      if (reusedSession) {
        // A refresh token used twice means it leaked: close the whole session.
        await closeSession(this.store, reusedSession);
        await this.audit.record({
          kind: 'TOKEN_REFRESH',
          outcome: 'DENIED',
          customerId: null,
          actorId: null,
          target: reusedSession,
        });
        this.logger.warn(
          { event: 'refresh.reuse', sessionId: reusedSession },
          'refresh token reused; session closed',
        );
      }
      return failure('INVALID_REFRESH_TOKEN', 'The refresh token is not valid; sign in again.');
    }
    const stored = JSON.parse(raw) as StoredRefresh;
    if ((await this.store.get(sessionKey(stored.sessionId))) === null)
      return failure('INVALID_REFRESH_TOKEN', 'The session has ended; sign in again.');
    await this.store.set(`refresh-used:${hash}`, stored.sessionId, SESSION_TTL_SECONDS);
    await this.audit.record({
      kind: 'TOKEN_REFRESH',
      outcome: 'SUCCESS',
      customerId: stored.customerId,
      actorId: stored.userId,
    });
    return this.issue(stored);
  }

  /** Ends the caller's session; partner tokens and anonymous callers have none. */
  async logout(actor: Actor): Promise<void> {
    if (actor.kind === 'anonymous' || actor.kind === 'partner')
      throw unauthenticated('Partner tokens have no session to end.');
    const { sessionId, userId } = actor;
    const customerId = actor.kind === 'staff' ? null : actor.customerId;
    await closeSession(this.store, sessionId);
    await this.audit.record({ kind: 'LOGOUT', outcome: 'SUCCESS', customerId, actorId: userId });
    this.logger.info({ event: 'logout', sessionId }, 'session closed');
  }

  private async issue(session: StoredRefresh): Promise<Session> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.store.set(`refresh:${sha256(refreshToken)}`, JSON.stringify(session), SESSION_TTL_SECONDS);
    const { token, expiresAt } = await signAccessToken(
      {
        userId: session.userId,
        customerId: session.customerId,
        role: session.role,
        sessionId: session.sessionId,
        tokenId: randomUUID(),
      },
      this.settings.tokenSecret,
      this.settings.accessTokenTtlSeconds,
    );
    return {
      kind: 'session',
      accessToken: token,
      accessTokenExpiresAt: expiresAt.toISOString(),
      refreshToken,
      userId: session.userId,
    };
  }
}
