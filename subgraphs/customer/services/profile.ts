import type { ProfileRepository, ProfileTopic } from '../../../lib/profiles/profiles';

/**
 * R6: a user's interest profile (the topics their browsing touched). Null until they first
 * sign in, which creates it.
 */
export async function profileOf(
  profiles: ProfileRepository,
  userId: string,
): Promise<{ topics: ProfileTopic[] } | null> {
  if (!(await profiles.exists(userId))) return null;
  return { topics: await profiles.topics(userId) };
}
