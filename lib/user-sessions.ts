import type { KeyValueStore } from './kv';
import { SESSION_TTL_SECONDS, closeSession, isSessionOpen } from './sessions';

/**
 * Which sessions a user has open, so that a password change, a reset or an erasure can end them
 * all (issue 16). The key-value store has no sets, so each sign-in takes a numbered slot from an
 * atomic counter (no two sign-ins share one, whichever process serves them) and stores its session
 * id there; `floor` is the first slot that may still hold a live session: ending every session
 * moves it past the last slot, so the next end reads only slots taken since.
 */
const counterKey = (userId: string) => `user-sessions:n:${userId}`;
const floorKey = (userId: string) => `user-sessions:floor:${userId}`;
const slotKey = (userId: string, n: number) => `user-sessions:${n}:${userId}`;
const generationKey = (userId: string) => `user-sessions:generation:${userId}`;
/** Longer than any session: a counter that expired would hand out slots already read past. */
const COUNTER_TTL_SECONDS = 10 * 365 * 86_400;
const READ_CHUNK = 200;

export async function registerUserSession(
  store: KeyValueStore,
  userId: string,
  sessionId: string,
): Promise<void> {
  const n = await store.incr(counterKey(userId), COUNTER_TTL_SECONDS);
  await store.set(slotKey(userId, n), sessionId, SESSION_TTL_SECONDS);
}

/**
 * Closes every session of the user except `keep` (which takes a fresh slot, so a later call still
 * finds it) and tells every gateway. Answers how many open sessions were closed.
 */
export async function closeUserSessions(
  store: KeyValueStore,
  userId: string,
  keep?: string,
): Promise<number> {
  const last = Number((await store.get(counterKey(userId))) ?? 0);
  const floor = Math.max(1, Number((await store.get(floorKey(userId))) ?? 1));
  let closed = 0;
  for (let start = floor; start <= last; start += READ_CHUNK) {
    const slots = Array.from({ length: Math.min(READ_CHUNK, last - start + 1) }, (_, i) => start + i);
    const ids = await store.getMany(slots.map((n) => slotKey(userId, n)));
    for (const sessionId of ids) {
      if (!sessionId || sessionId === keep) continue;
      if (await isSessionOpen(store, sessionId)) closed += 1;
      await closeSession(store, sessionId);
    }
  }
  await store.set(floorKey(userId), String(last + 1), COUNTER_TTL_SECONDS);
  // Sign-ins under way (password given, code not yet) belong to the ended generation too.
  await store.incr(generationKey(userId), COUNTER_TTL_SECONDS);
  if (keep) await registerUserSession(store, userId, keep);
  return closed;
}

/**
 * How many times every session of the user has been ended. A sign-in reads it before the
 * password is checked and completes only if it is unchanged: a code asked for before a password
 * change, reset or erasure opens no session after it.
 */
export async function sessionGeneration(store: Pick<KeyValueStore, 'get'>, userId: string): Promise<string> {
  return (await store.get(generationKey(userId))) ?? '0';
}
