import type { EventLog } from '../common/event-log';
import { Simulator, badRequest, notFoundResponse, parseJson, type SimResponse } from '../common/sim-server';
import type { SeedWorld, Service, Ticket } from '../seed/types';
import { alarmAffects, type FaultLogEntry } from './feed';

type Facts = (
  ticket: Ticket,
  online: boolean,
) => Omit<Extract<FaultLogEntry, { type: 'ticket.state-changed' }>, 'type' | 'previousState'>;

/** What the fault desk found: the note it writes while working and the resolution it records. */
export interface Diagnosis {
  finding: string;
  resolution: string;
  /** The network fault that explains the ticket, while it lasts: the ticket waits for its repair. */
  alarmId: string | null;
}

// The desk's usual finding per category when neither the network nor the service explains the fault.
const BY_CATEGORY: Record<string, { finding: string; resolution: string }> = {
  noService: {
    finding: 'No network fault found; the line is being reset remotely.',
    resolution: 'Line reset remotely',
  },
  slowService: {
    finding: 'The line profile is out of step; re-synchronising it.',
    resolution: 'Line profile re-synchronised',
  },
  callDrops: {
    finding: 'Radio parameters of the serving cell are being adjusted.',
    resolution: 'Cell parameters adjusted',
  },
  billingQuery: {
    finding: 'The charges in question are being reviewed.',
    resolution: 'Charges reviewed and explained',
  },
  equipment: {
    finding: 'The equipment reports a fault; a replacement is being sent.',
    resolution: 'Replacement equipment sent',
  },
  other: { finding: 'The help desk is reviewing the report.', resolution: 'Reviewed by the help desk' },
};

/** The desk's diagnosis of a ticket from what the network and inventory know right now. */
export function diagnose(world: SeedWorld, service: Service | undefined, ticket: Ticket): Diagnosis {
  const alarm = service
    ? world.alarms.find(
        (a) => a.clearedAt === null && (a.kind ?? 'alarm') === 'alarm' && alarmAffects(a, service),
      )
    : undefined;
  if (alarm)
    return {
      finding: `Network fault ${alarm.id} in area ${alarm.areaId} (${alarm.probableCause}) explains it; the network team is repairing it.`,
      resolution: `Network fault ${alarm.id} repaired`,
      alarmId: alarm.id,
    };
  if (service && service.state !== 'active')
    return {
      finding: `The service is ${service.state}, not active: that explains it.`,
      resolution: `Service is ${service.state}; explained to the customer`,
      alarmId: null,
    };
  if (service?.type === 'MOBILE' && service.handsetState === 'OFF')
    return {
      finding: 'The network is fine; the handset has been switched off or out of coverage.',
      resolution: 'No network fault: handset switched off',
      alarmId: null,
    };
  return { ...(BY_CATEGORY[ticket.category] ?? BY_CATEGORY.other), alarmId: null };
}

/**
 * A1: the fault desk works new tickets on its own, step by step at a pace (`stepMs`, 0 = stopped):
 * acknowledged → inProgress (with its diagnosis as a note) → resolved (with the resolution), or
 * pending while a network fault it found lasts. The customer closes and rates a resolved ticket,
 * or reopens it (TMF621 resolved → closed / inProgress). Every change lands in the event log.
 */
export function ticketLifecycle(
  sim: Simulator,
  world: SeedWorld,
  log: EventLog<FaultLogEntry>,
  tickets: Map<string, Ticket>,
  services: { first(id: string): Service | undefined },
  facts: Facts,
  options: { stepMs: number },
) {
  let stepMs = options.stepMs;
  const answered = new Map<string, SimResponse>();
  // The network fault a pending ticket waits for: its repair is the ticket's resolution.
  const waitingFor = new Map<string, string>();
  const diagnosisOf = (t: Ticket) => diagnose(world, services.first(t.serviceId), t);

  const note = (t: Ticket, author: 'CUSTOMER' | 'PROVIDER', text: string, online: boolean) => {
    const at = new Date().toISOString();
    const added = { id: `N-${t.id.slice(3)}-${t.notes.length + 1}`, author, text, at };
    t.notes.push(added);
    t.updatedAt = at;
    log.append({ ...facts(t, online), type: 'ticket.note-added', noteId: added.id, author });
  };
  const move = (t: Ticket, state: Ticket['state'], online: boolean) => {
    const previousState = t.state;
    t.state = state;
    t.updatedAt = new Date().toISOString();
    log.append({ ...facts(t, online), type: 'ticket.state-changed', previousState });
  };

  /** One step of the desk's work on a ticket it still holds in `expected`. */
  const step = (t: Ticket, expected: Ticket['state']) => {
    if (t.state !== expected) return; // Someone else moved it (the desk by hand, the customer).
    const d = diagnosisOf(t);
    if (t.state === 'acknowledged') {
      note(t, 'PROVIDER', d.finding, false);
      move(t, 'inProgress', false);
      return schedule(t);
    }
    if (d.alarmId) {
      waitingFor.set(t.id, d.alarmId);
      if (t.state !== 'pending') {
        note(t, 'PROVIDER', `Waiting for the repair of network fault ${d.alarmId}.`, false);
        move(t, 'pending', false);
      }
      return schedule(t);
    }
    const repaired = t.state === 'pending' ? waitingFor.get(t.id) : undefined;
    waitingFor.delete(t.id);
    const resolution = repaired ? `Network fault ${repaired} repaired` : d.resolution;
    note(t, 'PROVIDER', `Done: ${resolution}.`, false);
    t.resolution = resolution;
    move(t, 'resolved', false);
  };
  function schedule(t: Ticket): void {
    if (stepMs <= 0) return;
    const expected = t.state;
    setTimeout(() => step(t, expected), stepMs).unref();
  }

  // The pace of the desk, for tests and demos (0 stops it; tickets already waiting keep their timer).
  sim.route('POST', '/fm/_control/ticket-progress', '', (req) => {
    const b = parseJson(req.body);
    if (!b || typeof b.stepMs !== 'number' || !Number.isInteger(b.stepMs) || b.stepMs < 0)
      return badRequest('stepMs must be a whole number of milliseconds, 0 to stop');
    stepMs = b.stepMs;
    return { status: 200, body: { stepMs } };
  });

  const once = (route: string, handler: (t: Ticket, b: Record<string, unknown>) => SimResponse) =>
    sim.route('POST', `/fm/tickets/:id/${route}`, `${route}Ticket`, (req) => {
      const b = parseJson(req.body);
      if (!b || typeof b.requestId !== 'string' || !b.requestId) return badRequest('requestId is required');
      // A retried request answers what the first one did, and changes nothing again.
      const key = `${route}|${req.params.id}|${b.requestId}`;
      const previous = answered.get(key);
      if (previous) return previous;
      const ticket = tickets.get(req.params.id);
      if (!ticket) return notFoundResponse('no such ticket');
      const response = handler(ticket, b);
      if (response.status < 500) answered.set(key, response);
      return response;
    });
  const refuse = (code: 'NOT_RESOLVED' | 'ALREADY_CLOSED', reason: string): SimResponse => ({
    status: 422,
    body: { error: 'rejected', code, reason },
  });
  const finished = (t: Ticket) => ['closed', 'cancelled', 'rejected'].includes(t.state);

  // The customer accepts the resolution: resolved → closed, with their rating of it.
  once('close', (t, b) => {
    const rating = b.rating ?? null;
    if (
      rating !== null &&
      (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5)
    )
      return badRequest('rating must be a whole number from 1 to 5');
    const comment = typeof b.comment === 'string' ? b.comment.slice(0, 1000) : '';
    if (finished(t)) return refuse('ALREADY_CLOSED', `Ticket ${t.id} is already ${t.state}.`);
    if (t.state !== 'resolved')
      return refuse('NOT_RESOLVED', `Ticket ${t.id} is ${t.state}: only a resolved ticket can be closed.`);
    if (rating !== null) t.satisfaction = { rating, comment, at: new Date().toISOString() };
    move(t, 'closed', true);
    return { status: 200, body: t };
  });
  // The customer does not accept the resolution: resolved → inProgress, and the desk works on.
  once('reopen', (t, b) => {
    if (typeof b.comment !== 'string' || !b.comment.trim() || b.comment.length > 2000)
      return badRequest('comment must be 1 to 2000 characters');
    if (finished(t)) return refuse('ALREADY_CLOSED', `Ticket ${t.id} is already ${t.state}.`);
    if (t.state !== 'resolved')
      return refuse('NOT_RESOLVED', `Ticket ${t.id} is ${t.state}: only a resolved ticket can be reopened.`);
    note(t, 'CUSTOMER', b.comment, true);
    t.resolution = null;
    move(t, 'inProgress', true);
    schedule(t);
    return { status: 200, body: t };
  });

  return {
    /** Hands a new ticket to the desk. */
    track: (t: Ticket) => schedule(t),
    /** The desk's answer to a customer's note: what it currently finds, not a stock phrase. */
    reply: (t: Ticket) => diagnosisOf(t).finding,
  };
}
