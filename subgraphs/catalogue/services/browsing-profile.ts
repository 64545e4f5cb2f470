import type { CatalogueContext } from '../context';

/** What remembering browsing needs from the request. */
export type ProfileDeps = Pick<CatalogueContext, 'actor' | 'profiles' | 'logger'>;

/**
 * R6: a signed-in user's browsing goes into their profile; anonymous browsing is not kept. A
 * profile that cannot be written never fails the read that browsed.
 */
export async function rememberBrowsing(deps: ProfileDeps, topics: string[]): Promise<void> {
  if (deps.actor.kind !== 'customerUser' || topics.length === 0) return;
  await deps.profiles
    .touch(deps.actor.userId, deps.actor.customerId, topics)
    .catch((error: unknown) => deps.logger.warn({ err: error }, 'profile not updated'));
}
