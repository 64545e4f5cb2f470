import { DAY, iso, pad, type SeedBuilder } from './builder';
import { HOUSEHOLD_ID, NORTHWIND_ID } from './demo';
import { qualityHistory } from './quality';
import type { Alarm, Service, Ticket } from './types';

/** The network's alarms: two open (one behind Scenario 1's unreachable number), one cleared. */
function standingAlarms(now: number): Alarm[] {
  return [
    {
      id: 'ALM-0001',
      areaId: 'AREA-03',
      serviceType: 'MOBILE',
      severity: 'major',
      probableCause: 'equipmentMalfunction',
      description: 'Base station outage in sector 3',
      raisedAt: iso(now - 2 * 3_600_000),
      clearedAt: null,
    },
    {
      id: 'ALM-0002',
      areaId: 'AREA-07',
      serviceType: 'BROADBAND',
      severity: 'minor',
      probableCause: 'congestion',
      description: 'Degraded broadband speeds in sector 7',
      raisedAt: iso(now - 5 * 3_600_000),
      clearedAt: null,
    },
    {
      id: 'ALM-0003',
      areaId: 'AREA-01',
      serviceType: 'MOBILE',
      severity: 'cleared',
      probableCause: 'powerProblem',
      description: 'Power failure at site, restored',
      raisedAt: iso(now - 9 * DAY),
      clearedAt: iso(now - 9 * DAY + 3_600_000),
    },
  ];
}

/**
 * Fault management's data: alarms, trouble tickets (every tenth Northwind number, the household's
 * broadband, 3% of the rest) and quality history of the demo customers' services. Tickets and
 * quality samples draw from the random stream service by service, in that order.
 */
export function generateAssurance({ world, rnd, now }: SeedBuilder): void {
  world.alarms.push(...standingAlarms(now));
  const addTicket = (svc: Service, state: Ticket['state'], daysAgo: number, description: string): void => {
    const at = iso(now - daysAgo * DAY);
    const seq = world.tickets.length + 1;
    world.tickets.push({
      id: `TT-${pad(seq, 7)}`,
      customerId: svc.customerId,
      serviceId: svc.id,
      category: svc.type === 'MOBILE' ? 'noService' : 'slowService',
      severity: 'MEDIUM',
      description,
      state,
      createdAt: at,
      updatedAt: at,
      resolution: state === 'resolved' || state === 'closed' ? 'Fixed at the exchange' : null,
      notes: [{ id: `N-${seq}-1`, author: 'CUSTOMER', text: description, at }],
    });
  };
  for (const svc of world.services) {
    if (svc.customerId === NORTHWIND_ID && Number(svc.id.slice(4)) % 10 === 0)
      addTicket(svc, 'inProgress', 2, 'Calls drop after a few seconds');
    else if (svc.customerId === HOUSEHOLD_ID && svc.type === 'BROADBAND')
      addTicket(svc, 'resolved', 40, 'Broadband disconnects every evening');
    else if (rnd.chance(0.03))
      addTicket(
        svc,
        rnd.pick(['acknowledged', 'inProgress', 'resolved', 'closed'] as const),
        rnd.int(1, 80),
        'Service problem reported by phone',
      );
    if (svc.customerId === NORTHWIND_ID || svc.customerId === HOUSEHOLD_ID)
      world.quality.set(svc.id, qualityHistory(svc, rnd, now));
  }
}
