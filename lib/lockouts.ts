import type { KeyValueStore } from './kv';

/** How many failed sign-in attempts lock whom out, and for how long (S1 users, R4 partner clients). */
export interface LockoutSettings {
  /** Wrong passwords (users) or client secrets (partners) per actor and source address. */
  maxFailures: number;
  /** Wrong one-time codes per user, over all of its challenges and every address. */
  maxCodeFailures: number;
  /** How long a lock-out lasts; failures are counted over a window of the same length. */
  lockoutSeconds: number;
}

export const DEFAULT_LOCKOUT_SETTINGS: LockoutSettings = {
  maxFailures: 5,
  maxCodeFailures: 5,
  lockoutSeconds: 900,
};

/** The source of a request that came without one (a subgraph called directly, not by the gateway). */
export const UNKNOWN_SOURCE = 'unknown';

/** Where a count and its lock-out apply: one source (a hashed client network), or every source. */
export type LockScope = { source: string } | 'everywhere';

/** What a failure did: nothing yet, or the subject is locked (by this failure, or already). */
export type FailureOutcome = null | { lockedForSeconds: number; justLocked: boolean };

/**
 * Failure counters and lock-outs in the key-value store, shared by every process.
 *
 * Why two scopes: a wrong password or client secret needs nothing but a login id, so a lock-out
 * per actor alone would let anyone lock anyone out. Those failures are counted per actor and
 * source and lock only that pair: the owner, at their own address, is not locked out by a
 * stranger. A wrong one-time code needs the password first (a challenge is only opened after it),
 * so codes count per actor over every challenge and source, and lock the actor everywhere.
 */
export class Lockouts {
  constructor(
    private readonly store: KeyValueStore,
    /**
     * Users and partner clients are counted apart, even where an id could be both; so are the
     * codes that confirm a user's changed contact details, so a signed-in guesser there does not
     * lock the user out of signing in.
     */
    private readonly subjects: 'user' | 'partner' | 'contact-confirmation',
    readonly settings: LockoutSettings,
  ) {}

  /** `fail:` / `lock:` keys; the subject comes last, so it cannot forge another key's scope. */
  private key(kind: 'fail' | 'lock', subject: string, scope: LockScope): string {
    return `${kind}:${this.subjects}:${scope === 'everywhere' ? '*' : scope.source}:${subject}`;
  }

  /** Seconds left of the longest lock-out on `subject`, everywhere or at one of `sources`. */
  async lockedFor(subject: string, sources: readonly string[]): Promise<number | null> {
    const scopes: LockScope[] = ['everywhere', ...[...new Set(sources)].map((source) => ({ source }))];
    const until = await this.store.getMany(scopes.map((scope) => this.key('lock', subject, scope)));
    const now = Date.now();
    const seconds = Math.max(0, ...until.map((u) => (u ? Math.ceil((Number(u) - now) / 1000) : 0)));
    return seconds > 0 ? seconds : null;
  }

  /**
   * Counts one failure in `scope` (an atomic counter: parallel attempts cannot share a count). The
   * `max`-th within the window locks the subject there; the counter is left to expire, so attempts
   * racing past the lock see it too and none of them starts a second one.
   */
  async fail(subject: string, scope: LockScope, max: number): Promise<FailureOutcome> {
    const seconds = this.settings.lockoutSeconds;
    const count = await this.store.incr(this.key('fail', subject, scope), seconds);
    if (count < max) return null;
    if (count === max) {
      await this.store.set(this.key('lock', subject, scope), String(Date.now() + seconds * 1000), seconds);
      return { lockedForSeconds: seconds, justLocked: true };
    }
    const sources = scope === 'everywhere' ? [] : [scope.source];
    return { lockedForSeconds: (await this.lockedFor(subject, sources)) ?? seconds, justLocked: false };
  }

  /** A successful sign-in forgets the failures that preceded it. */
  async clear(subject: string, scopes: readonly LockScope[]): Promise<void> {
    await Promise.all(scopes.map((scope) => this.store.del(this.key('fail', subject, scope))));
  }
}
