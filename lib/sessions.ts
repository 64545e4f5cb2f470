import type { KeyValueStore } from './kv';

/**
 * Server-side session registry shared by the login flow (which opens and closes sessions) and the
 * gateway (which refuses access tokens of closed sessions): logout takes effect on the next request.
 */
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

export const sessionKey = (sessionId: string) => `session:${sessionId}`;

export async function isSessionOpen(store: KeyValueStore, sessionId: string): Promise<boolean> {
  return (await store.get(sessionKey(sessionId))) !== null;
}
