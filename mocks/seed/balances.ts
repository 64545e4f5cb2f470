import { DAY, iso, type SeedBuilder } from './builder';
import type { Bucket } from './types';

/** The OCS buckets (money, data, voice) of every prepaid mobile service, valid for 30 days. */
export function generateBalances({ world, rnd, now }: SeedBuilder): void {
  for (const s of world.services) {
    if (s.offeringId !== 'OFF-MOB-PRE') continue;
    const expiresAt = iso(now + 30 * DAY);
    const buckets: Bucket[] = [
      {
        id: `BKT-${s.id}-M`,
        kind: 'MONEY',
        unit: 'EUR_CENT',
        initial: 2000,
        remaining: rnd.int(0, 2000),
        expiresAt,
      },
      {
        id: `BKT-${s.id}-D`,
        kind: 'DATA',
        unit: 'MB',
        initial: 5120,
        remaining: rnd.int(0, 5120),
        expiresAt,
      },
      {
        id: `BKT-${s.id}-V`,
        kind: 'VOICE',
        unit: 'MINUTE',
        initial: 100,
        remaining: rnd.int(0, 100),
        expiresAt,
      },
    ];
    world.balances.set(s.id, buckets);
  }
}
