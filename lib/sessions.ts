import type { KeyValueStore } from './kv';
import type { Logger } from './logger';

/**
 * Server-side session registry shared by the login flow (which opens and closes sessions) and the
 * gateway (which refuses access tokens of closed sessions): logout takes effect on the next request.
 */
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

export const sessionKey = (sessionId: string) => `session:${sessionId}`;

/** Channel on which every closed session is announced to the gateways. */
export const SESSION_CLOSED_CHANNEL = 'session-closed';

export async function isSessionOpen(store: KeyValueStore, sessionId: string): Promise<boolean> {
  return (await store.get(sessionKey(sessionId))) !== null;
}

/** Closes a session (logout, leaked refresh token) and tells every gateway at once. */
export async function closeSession(store: KeyValueStore, sessionId: string): Promise<void> {
  await store.del(sessionKey(sessionId));
  await store.publish(SESSION_CLOSED_CHANNEL, sessionId).catch(() => undefined);
}

/**
 * What the gateway does with a validly signed, unexpired access token when the session store
 * cannot be reached: `trust-unexpired` accepts it unless this gateway has seen the session
 * closed (access tokens live 15 minutes, which bounds the exposure); `refuse` answers 503.
 */
export type SessionOutagePolicy = 'trust-unexpired' | 'refuse';

export class SessionStoreUnavailableError extends Error {}

/**
 * The gateway's session check. Remembers the sessions it has seen closed (from the store's
 * announcements) so that, during a store outage, a logged-out token stays refused.
 */
export class SessionChecker {
  /** Session id -> when it was seen closed; kept well past any access token's lifetime. */
  private readonly closed = new Map<string, number>();
  private unsubscribe: (() => Promise<void>) | null = null;
  private static readonly REMEMBER_MS = 60 * 60 * 1000;

  constructor(
    private readonly store: KeyValueStore,
    private readonly policy: SessionOutagePolicy,
    private readonly logger: Logger,
  ) {}

  /** Starts listening for closed sessions; does not wait for the store to be reachable. */
  start(): void {
    this.store
      .subscribe(SESSION_CLOSED_CHANNEL, (sessionId) => this.remember(sessionId))
      .then((unsubscribe) => {
        this.unsubscribe = unsubscribe;
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'cannot listen for closed sessions'));
  }

  private remember(sessionId: string): void {
    const now = Date.now();
    this.closed.set(sessionId, now);
    for (const [id, at] of this.closed) {
      if (now - at < SessionChecker.REMEMBER_MS) break;
      this.closed.delete(id);
    }
  }

  /**
   * Tokens trusted unchecked during the current outage, and when that was last logged: one line
   * when an outage starts and one a minute while it lasts, with the count, not one per request
   * (a busy gateway would write thousands a second while Redis is down).
   */
  private unchecked = { count: 0, loggedAt: 0, since: 0 };
  private static readonly LOG_EVERY_MS = 60_000;

  /** True when the session is open; throws SessionStoreUnavailableError when it cannot tell. */
  async isOpen(sessionId: string): Promise<boolean> {
    if (this.closed.has(sessionId)) return false;
    let open: boolean;
    try {
      if (!this.store.available()) throw new Error('session store unreachable');
      open = await isSessionOpen(this.store, sessionId);
    } catch (error) {
      if (this.policy === 'refuse') throw new SessionStoreUnavailableError(String(error));
      this.trustedUnchecked();
      return true;
    }
    if (this.unchecked.count > 0) this.checksResumed();
    return open;
  }

  private trustedUnchecked(): void {
    const now = Date.now();
    const u = this.unchecked;
    if (u.count === 0) u.since = now;
    u.count++;
    if (u.count > 1 && now - u.loggedAt < SessionChecker.LOG_EVERY_MS) return;
    u.loggedAt = now;
    this.logger.warn(
      { event: 'session.unchecked', trusted: u.count, sinceMs: now - u.since },
      'session store unreachable; trusting unexpired tokens',
    );
  }

  private checksResumed(): void {
    const u = this.unchecked;
    this.logger.warn(
      { event: 'session.checked', trusted: u.count, outageMs: Date.now() - u.since },
      'session store reachable again; sessions are checked',
    );
    this.unchecked = { count: 0, loggedAt: 0, since: 0 };
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
  }
}
