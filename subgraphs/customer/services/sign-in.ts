import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { signAccessToken, type Actor, type LoginRole } from '../../../lib/actor';
import type { SecurityEventLog } from '../../../lib/audit/security-events';
import { badInput, unauthenticated } from '../../../lib/errors';
import type { KeyValueStore } from '../../../lib/kv';
import {
  DEFAULT_LOCKOUT_SETTINGS,
  Lockouts,
  UNKNOWN_SOURCE,
  type LockScope,
  type LockoutSettings,
} from '../../../lib/lockouts';
import type { Logger } from '../../../lib/logger';
import type { ProfileRepository } from '../../../lib/profiles/profiles';
import { SESSION_TTL_SECONDS, closeSession, sessionKey } from '../../../lib/sessions';
import { registerUserSession, sessionGeneration } from '../../../lib/user-sessions';
import type { CrmAdapter } from '../../../legacy/crm/client';
import type { AuthSessionModel } from '../models';
import type { MessageGateway } from '../../../legacy/messages/client';
import { deliverCode } from './code-delivery';
import { maskDestination } from './contact-details';

/** Lock-outs (maxFailures, maxCodeFailures, lockoutSeconds) are lib/lockouts.ts's. */
export interface AuthSettings extends LockoutSettings {
  tokenSecret: string;
  accessTokenTtlSeconds: number;
  challengeTtlSeconds: number;
  /** Codes tried on one challenge before it is spent (each wrong one also counts per actor). */
  maxCodeAttempts: number;
}

export const DEFAULT_AUTH_SETTINGS: Omit<AuthSettings, 'tokenSecret'> = {
  ...DEFAULT_LOCKOUT_SETTINGS,
  accessTokenTtlSeconds: 900,
  challengeTtlSeconds: 300,
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
  /** Where the password was given: a lock-out there also stops this challenge. */
  source?: string;
  /** The user's session generation when the password was checked (lib/user-sessions.ts). */
  generation?: string;
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

const LOCKED_OUT_MESSAGE = 'Too many failed attempts; try again later.';

/**
 * S1 login: actor id + static password checked by the CRM, then a one-time code sent by SMS or
 * e-mail. Every wrong password or code is a LOGIN FAILURE event and counts towards a temporary
 * lock-out (lib/lockouts.ts): wrong passwords per actor and source, wrong codes per actor over
 * all its challenges. A lock-out also stops challenges opened before it. Sessions have a
 * short-lived signed access token and a single-use refresh token; reuse of a refresh token closes
 * the session.
 */
export class SignInService {
  private readonly lockouts: Lockouts;
  /** The caller's network, hashed by the gateway (lib/client-source.ts). */
  private readonly source: string;

  constructor(
    private readonly store: KeyValueStore,
    private readonly crm: CrmAdapter,
    private readonly messages: MessageGateway,
    private readonly profiles: ProfileRepository,
    private readonly settings: AuthSettings,
    private readonly logger: Logger,
    private readonly audit: SecurityEventLog,
    source?: string,
  ) {
    this.lockouts = new Lockouts(store, 'user', settings);
    this.source = source ?? UNKNOWN_SOURCE;
  }

  /** Failed sign-ins are attributed to the actor's customer when the actor id exists. */
  private async customerOf(actorId: string): Promise<string | null> {
    return (await this.crm.getUser(actorId).catch(() => null))?.customerId ?? null;
  }

  /** LOCKED_OUT when the actor is locked out everywhere or at one of `sources`. */
  private async lockedOut(actorId: string, sources: readonly string[]): Promise<Failure | null> {
    const seconds = await this.lockouts.lockedFor(actorId, sources);
    return seconds ? failure('LOCKED_OUT', LOCKED_OUT_MESSAGE, seconds) : null;
  }

  /**
   * Records a wrong password or code (S4) and counts it: a password per actor and source, a code
   * per actor everywhere. Answers LOCKED_OUT when the actor is now locked out.
   */
  private async recordFailure(
    actorId: string,
    factor: 'password' | 'code',
    knownCustomerId?: string,
  ): Promise<Failure | null> {
    const customerId = knownCustomerId ?? (await this.customerOf(actorId));
    await this.audit.record({ kind: 'LOGIN', outcome: 'FAILURE', customerId, actorId, detail: { factor } });
    const scope: LockScope = factor === 'code' ? 'everywhere' : { source: this.source };
    const max = factor === 'code' ? this.settings.maxCodeFailures : this.settings.maxFailures;
    const outcome = await this.lockouts.fail(actorId, scope, max);
    if (!outcome) return null;
    if (outcome.justLocked) {
      const where = scope === 'everywhere' ? 'everywhere' : 'source';
      await this.audit.record({
        kind: 'LOCKOUT',
        outcome: 'SUCCESS',
        customerId,
        actorId,
        detail: { where },
      });
      this.logger.warn({ event: 'login.lockout', factor, where }, 'actor locked out after repeated failures');
    }
    return failure('LOCKED_OUT', LOCKED_OUT_MESSAGE, outcome.lockedForSeconds);
  }

  /** Checks the password and sends a one-time code over the chosen channel (SMS by default). */
  async startLogin(request: StartLogin): Promise<Challenge | Failure> {
    // Actor ids are stored lower-case; people type them as they like.
    const actorId = request.actorId.trim().toLowerCase();
    const { password } = request;
    const channel = request.channel ?? 'SMS';
    const locked = await this.lockedOut(actorId, [this.source]);
    if (locked) return locked;
    // Read before the password is checked: a change of password after this point ends the attempt.
    const generation = await sessionGeneration(this.store, actorId);
    const user =
      actorId.length <= 100 && password.length <= 200 ? await this.crm.authenticate(actorId, password) : null;
    if (!user) {
      return (
        (await this.recordFailure(actorId, 'password')) ??
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
      source: this.source,
      generation,
    };
    await this.store.set(`otp:${challengeId}`, JSON.stringify(stored), this.settings.challengeTtlSeconds);
    // Issue 12: no SMS to an unverified phone (e-mail instead), and every code draws on a budget.
    const sent = await deliverCode(
      this.store,
      this.messages,
      user,
      channel,
      `Your ssm-gateway sign-in code is ${code}. It expires in ${Math.round(this.settings.challengeTtlSeconds / 60)} minutes.`,
    );
    return {
      kind: 'challenge',
      challengeId,
      channel: sent.channel,
      sentTo: maskDestination(sent.to),
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
    const opened = challenge.source ?? UNKNOWN_SOURCE;
    // A lock-out stops challenges opened before it: the lock where the password was given, or
    // where this code comes from, or everywhere.
    const locked = await this.lockedOut(challenge.userId, [opened, this.source]);
    if (locked) {
      await this.store.del(key);
      return locked;
    }
    // Every code tried uses one of the challenge's tries before it is checked (an atomic counter:
    // parallel guesses cannot share one); past the last try nothing is checked.
    const attempts = await this.store.incr(`otp-attempts:${challengeId}`, this.settings.challengeTtlSeconds);
    if (attempts > this.settings.maxCodeAttempts) {
      await this.store.del(key);
      return failure('CHALLENGE_EXPIRED', 'Too many wrong codes; start again.');
    }
    const expected = Buffer.from(challenge.codeHash, 'hex');
    const given = Buffer.from(sha256(`${challengeId}:${code}`), 'hex');
    if (!timingSafeEqual(expected, given)) {
      const spent = attempts >= this.settings.maxCodeAttempts;
      if (spent) await this.store.del(key);
      // Each wrong code counts for the actor, whichever challenge it was tried on.
      const lockedNow = await this.recordFailure(challenge.userId, 'code', challenge.customerId);
      if (lockedNow) return lockedNow;
      return spent
        ? failure('CHALLENGE_EXPIRED', 'Too many wrong codes; start again.')
        : failure('INVALID_CODE', 'The code is wrong.');
    }
    // take() makes the code single-use even under concurrent submissions.
    if ((await this.store.take(key)) === null)
      return failure('CHALLENGE_EXPIRED', 'The sign-in attempt expired; start again.');
    // A password change, reset or erasure since the password was given ended this attempt too.
    if ((await sessionGeneration(this.store, challenge.userId)) !== (challenge.generation ?? '0'))
      return failure('CHALLENGE_EXPIRED', 'The sign-in attempt expired; start again.');
    await this.lockouts.clear(challenge.userId, [{ source: opened }, 'everywhere']);
    // Stored before the session exists: no event, no session (S4, fail closed).
    await this.audit.record({
      kind: 'LOGIN',
      outcome: 'SUCCESS',
      customerId: challenge.customerId,
      actorId: challenge.userId,
    });
    const sessionId = randomUUID();
    await this.store.set(sessionKey(sessionId), challenge.userId, SESSION_TTL_SECONDS);
    // Issue 16: a password change, reset or erasure ends every session of the user.
    await registerUserSession(this.store, challenge.userId, sessionId);
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
