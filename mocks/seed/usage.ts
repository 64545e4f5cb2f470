import { pad, type SeedBuilder } from './builder';
import { NORTHWIND_ID } from './demo';
import type { UsageRecord } from './types';

const COUNTERPARTS = ['+358401111111', '+358402222222', '+358403333333', '+358404444444', '+358405555555'];

/**
 * Rated usage records of the last 95 days for every service, sorted by start: about
 * `perService` each, and at least 40 for every Northwind number (the dashboard and usage views
 * of Scenario 1 need some on every line).
 */
export function generateUsage({ world, rnd, now }: SeedBuilder, perService: number): void {
  let seq = 0;
  for (const svc of world.services) {
    if (
      svc.type === 'BROADBAND' ||
      svc.type === 'FIXED_LINE' ||
      svc.type === 'IPTV' ||
      svc.type === 'MOBILE'
    ) {
      const count =
        svc.customerId === NORTHWIND_ID
          ? Math.max(perService, 40)
          : rnd.int(Math.floor(perService / 2), Math.ceil(perService * 1.5));
      const records: UsageRecord[] = [];
      for (let i = 0; i < count; i++) {
        const start = now - rnd.int(0, 95 * 24 * 60) * 60_000;
        const kind: UsageRecord['kind'] =
          svc.type === 'BROADBAND'
            ? 'DATA'
            : svc.type === 'IPTV'
              ? 'VIDEO'
              : svc.type === 'FIXED_LINE'
                ? 'VOICE'
                : rnd.pick(['VOICE', 'VOICE', 'SMS', 'DATA'] as const);
        const answered = kind !== 'VOICE' || rnd.chance(0.85);
        const durationSec =
          kind === 'VOICE' && answered ? rnd.int(10, 1200) : kind === 'VIDEO' ? rnd.int(600, 7200) : 0;
        const volumeKb =
          kind === 'DATA' ? rnd.int(100, 500_000) : kind === 'VIDEO' ? rnd.int(100_000, 3_000_000) : 0;
        const charge =
          kind === 'VOICE'
            ? Math.ceil(durationSec / 60) * 9
            : kind === 'SMS'
              ? 8
              : kind === 'DATA'
                ? Math.ceil(volumeKb / 10_240)
                : 0;
        records.push({
          id: `UR-${pad(++seq, 8)}`,
          serviceId: svc.id,
          start,
          kind,
          direction: kind === 'VOICE' && rnd.chance(0.4) ? 'IN' : 'OUT',
          counterpart: kind === 'VOICE' || kind === 'SMS' ? rnd.pick(COUNTERPARTS) : null,
          durationSec,
          volumeKb,
          answered,
          charge,
        });
      }
      records.sort((a, b) => a.start - b.start);
      world.usage.set(svc.id, records);
      world.usageCount += count;
    }
  }
}
