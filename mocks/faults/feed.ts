import type { EventLog } from '../common/event-log';
import { Simulator, badRequest, notFoundResponse, parseJson } from '../common/sim-server';
import type { Alarm, SeedWorld, Service, Ticket } from '../seed/types';

/** Who a ticket entry is about: the ticket's service, customer and account. */
interface TicketFacts {
  ticketId: string;
  serviceId: string;
  customerId: string;
  accountId: string | null;
  state: Ticket['state'];
  /** The user who reported the fault online, when it was reported online. */
  reportedBy: string | null;
  /** Changed while answering an online request (a customer's note): not by the fault desk. */
  online: boolean;
}

/** The fault-management event log (GET /fm/events): what happened, in the order it happened. */
export type FaultLogEntry =
  | {
      type: 'test.completed';
      testId: string;
      serviceId: string;
      customerId: string;
      accountId: string;
      verdict: 'PASS' | 'FAIL';
      requestedBy: string | null;
    }
  | (TicketFacts & { type: 'ticket.note-added'; noteId: string; author: 'CUSTOMER' | 'PROVIDER' })
  | (TicketFacts & { type: 'ticket.state-changed'; previousState: Ticket['state'] })
  | {
      type: 'alarm.raised' | 'outage.announced' | 'alarm.cleared';
      alarmId: string;
      areaId: string;
      serviceType: Alarm['serviceType'];
      severity: Alarm['severity'];
      kind: 'alarm' | 'planned-outage';
      /** Impact analysis: the services in the area of the alarm's type, and their customers. */
      serviceIds: string[];
      customerIds: string[];
    };

const SEVERITIES: Alarm['severity'][] = ['critical', 'major', 'minor', 'warning', 'indeterminate'];
const SERVICE_TYPES: Service['type'][] = ['MOBILE', 'FIXED_LINE', 'BROADBAND', 'IPTV'];
const TICKET_STATES: Ticket['state'][] = [
  'acknowledged',
  'rejected',
  'pending',
  'held',
  'inProgress',
  'resolved',
  'closed',
  'cancelled',
];

/** Does an alarm reach a service: same area, and the alarm's kind of service or every kind. */
export function alarmAffects(alarm: Alarm, service: Service): boolean {
  return (
    alarm.areaId === service.areaId && (alarm.serviceType === null || alarm.serviceType === service.type)
  );
}

function alarmEntry(
  world: SeedWorld,
  alarm: Alarm,
  type: 'alarm.raised' | 'outage.announced' | 'alarm.cleared',
): FaultLogEntry {
  const affected = world.services.filter((s) => alarmAffects(alarm, s));
  return {
    type,
    alarmId: alarm.id,
    areaId: alarm.areaId,
    serviceType: alarm.serviceType,
    severity: alarm.severity,
    kind: alarm.kind ?? 'alarm',
    serviceIds: affected.map((s) => s.id),
    customerIds: [...new Set(affected.map((s) => s.customerId))],
  };
}

/**
 * What the network operations centre and the fault desk do, for tests and demos: raise and clear
 * alarms, announce planned outages, move a ticket on. Every change lands in the event log.
 */
export function faultControls(
  sim: Simulator,
  world: SeedWorld,
  log: EventLog<FaultLogEntry>,
  tickets: Map<string, Ticket>,
  ticketEntry: (ticket: Ticket) => TicketFacts,
): void {
  const raise = (kind: 'alarm' | 'planned-outage') => (req: { body: string }) => {
    const b = parseJson(req.body);
    if (!b || !world.areas.some((a) => a.id === b.areaId)) return badRequest('areaId is not a known area');
    const severity = (b.severity ?? (kind === 'alarm' ? 'major' : 'warning')) as Alarm['severity'];
    if (!SEVERITIES.includes(severity)) return badRequest(`severity must be one of ${SEVERITIES.join(', ')}`);
    const serviceType = (b.serviceType ?? null) as Alarm['serviceType'];
    if (serviceType !== null && !SERVICE_TYPES.includes(serviceType))
      return badRequest(`serviceType must be null or one of ${SERVICE_TYPES.join(', ')}`);
    const alarm: Alarm = {
      id: `ALM-${String(world.alarms.length + 1).padStart(4, '0')}`,
      areaId: String(b.areaId),
      serviceType,
      severity,
      probableCause:
        typeof b.probableCause === 'string'
          ? b.probableCause
          : kind === 'alarm'
            ? 'equipmentMalfunction'
            : 'plannedMaintenance',
      description:
        typeof b.description === 'string'
          ? b.description.slice(0, 500)
          : kind === 'alarm'
            ? 'Network fault'
            : 'Planned maintenance',
      raisedAt: new Date().toISOString(),
      clearedAt: null,
      kind,
    };
    world.alarms.push(alarm);
    log.append(alarmEntry(world, alarm, kind === 'alarm' ? 'alarm.raised' : 'outage.announced'));
    return { status: 201, body: alarm };
  };
  sim.route('POST', '/fm/_control/alarms', '', raise('alarm'));
  sim.route('POST', '/fm/_control/planned-outages', '', raise('planned-outage'));
  sim.route('POST', '/fm/_control/alarms/:id/clear', '', (req) => {
    const alarm = world.alarms.find((a) => a.id === req.params.id);
    if (!alarm) return notFoundResponse('no such alarm');
    if (alarm.clearedAt !== null) return { status: 200, body: alarm };
    // TMF642: a cleared alarm's perceived severity is "cleared".
    alarm.clearedAt = new Date().toISOString();
    alarm.severity = 'cleared';
    log.append(alarmEntry(world, alarm, 'alarm.cleared'));
    return { status: 200, body: alarm };
  });
  // The fault desk moves a ticket on, optionally answering in the conversation.
  sim.route('POST', '/fm/_control/tickets/:id', '', (req) => {
    const ticket = tickets.get(req.params.id);
    if (!ticket) return notFoundResponse('no such ticket');
    const b = parseJson(req.body);
    const state = b?.state as Ticket['state'] | undefined;
    if (!state || !TICKET_STATES.includes(state))
      return badRequest(`state must be one of ${TICKET_STATES.join(', ')}`);
    const at = new Date().toISOString();
    if (typeof b?.note === 'string' && b.note.trim()) {
      const note = {
        id: `N-${ticket.id.slice(3)}-${ticket.notes.length + 1}`,
        author: 'PROVIDER' as const,
        text: b.note.slice(0, 2000),
        at,
      };
      ticket.notes.push(note);
      log.append({ ...ticketEntry(ticket), type: 'ticket.note-added', noteId: note.id, author: note.author });
    }
    const previousState = ticket.state;
    ticket.state = state;
    if (typeof b?.resolution === 'string') ticket.resolution = b.resolution.slice(0, 500);
    ticket.updatedAt = at;
    if (previousState !== state)
      log.append({ ...ticketEntry(ticket), type: 'ticket.state-changed', previousState });
    return { status: 200, body: ticket };
  });
}
