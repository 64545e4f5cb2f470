import type { Alarm, SeedWorld, Service } from '../seed/types';
import { alarmAffects } from './feed';

/** Worst first; a planned outage takes the service down, so it ranks with critical alarms. */
const RANK: Record<Alarm['severity'], number> = {
  critical: 0,
  major: 1,
  minor: 2,
  warning: 3,
  indeterminate: 4,
  cleared: 5,
};

function rank(alarm: Alarm): number {
  return alarm.kind === 'planned-outage' ? RANK.critical : RANK[alarm.severity];
}

/**
 * A5: the known outage a new fault report on `service` is about, if any: an alarm or planned
 * outage in the service's area for its type, in progress now (raised, not cleared). Several at
 * once: the worst, then the earliest raised, then the lowest id, so the link is stable. The
 * desk links the ticket to it, so the customer sees the known cause and the ticket can follow
 * the outage (as TMF621 relatedEntity would).
 */
export function knownOutageFor(world: SeedWorld, service: Service, now = Date.now()): Alarm | null {
  const current = world.alarms.filter(
    (a) => a.clearedAt === null && Date.parse(a.raisedAt) <= now && alarmAffects(a, service),
  );
  current.sort(
    (x, y) => rank(x) - rank(y) || x.raisedAt.localeCompare(y.raisedAt) || x.id.localeCompare(y.id),
  );
  return current[0] ?? null;
}
