import type { Database } from '../store/database';

export interface ProfileTopic {
  topic: string;
  hits: number;
}

/**
 * R6: every user has a profile in the SSM store that keeps their usage history as topic counts
 * (catalogue categories and service types they looked at), used to personalise the catalogue.
 */
export class ProfileRepository {
  constructor(private readonly db: Database) {}

  async ensure(userId: string, customerId: string): Promise<void> {
    await this.db.query(
      'INSERT INTO profiles (user_id, customer_id) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING',
      [userId, customerId],
    );
  }

  /** Counts one visit of each topic (creating the profile on first use). */
  async touch(userId: string, customerId: string, topics: string[]): Promise<void> {
    if (topics.length === 0) return;
    await this.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO profiles (user_id, customer_id) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING',
        [userId, customerId],
      );
      for (const topic of new Set(topics)) {
        await tx.query(
          `INSERT INTO profile_usage (user_id, topic, hits) VALUES ($1, $2, 1)
           ON CONFLICT (user_id, topic) DO UPDATE SET hits = profile_usage.hits + 1, last_at = now()`,
          [userId, topic],
        );
      }
    });
  }

  async topics(userId: string): Promise<ProfileTopic[]> {
    return this.db.query<{ topic: string; hits: number }>(
      'SELECT topic, hits FROM profile_usage WHERE user_id = $1 ORDER BY hits DESC, topic',
      [userId],
    );
  }

  async exists(userId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM profiles WHERE user_id = $1', [userId])).length > 0;
  }
}

/** The topics an offering belongs to. */
export function topicsOf(offering: { category: string; serviceType: string | null }): string[] {
  return [`category:${offering.category}`, ...(offering.serviceType ? [`type:${offering.serviceType}`] : [])];
}
