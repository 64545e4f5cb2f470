import type { ProfileRepository, ProfileTopic } from '../../lib/profiles/profiles';
import { profileOf } from '../../subgraphs/customer/services/profile';

/** A profile store in memory: the users who have a profile and their topics. */
function profiles(data: Record<string, ProfileTopic[]>): ProfileRepository {
  return {
    exists: async (userId: string) => userId in data,
    topics: async (userId: string) => data[userId] ?? [],
  } as unknown as ProfileRepository;
}

describe('interest profile (R6)', () => {
  it('R6: a user who never signed in has no profile (null, not an empty one)', async () => {
    expect(await profileOf(profiles({ other: [{ topic: 'tv', hits: 1 }] }), 'new.user')).toBeNull();
  });

  it('R6: a user with a profile gets its topics, as the store ranks them', async () => {
    const topics = [
      { topic: 'roaming', hits: 5 },
      { topic: 'tv', hits: 2 },
    ];
    expect(await profileOf(profiles({ 'u-1': topics }), 'u-1')).toEqual({ topics });
  });

  it('R6: a profile without topics yet is an empty list, not null', async () => {
    expect(await profileOf(profiles({ 'u-1': [] }), 'u-1')).toEqual({ topics: [] });
  });
});
