import { EventLog } from '../common/event-log';
import { Simulator, badRequest, ids, notFoundResponse, page, parseJson } from '../common/sim-server';
import type { SeedWorld, Service, Ticket } from '../seed/types';
import { alarmAffects, faultControls, type FaultLogEntry } from './feed';
import { GroupedMap, worldIndex } from '../common/world-index';
import { ticketLifecycle } from './ticket-lifecycle';
import { knownOutageFor } from './known-outage';

export interface ServiceTestRun {
  id: string;
  serviceId: string;
  kind: 'LINE_TEST' | 'SPEED_TEST' | 'SLA_TEST';
  state: 'running' | 'completed' | 'failed';
  startedAt: string;
  completedAt: string | null;
  measurements: {
    name: string;
    value: number;
    unit: string;
    target: number | null;
    withinTarget: boolean | null;
  }[];
  verdict: 'PASS' | 'FAIL' | null;
}

export interface ExperienceReport {
  id: string;
  requestId: string;
  customerId: string;
  serviceId: string | null;
  areaId: string;
  kind: string;
  comment: string;
  createdAt: string;
}

const TICKET_CATEGORIES = ['noService', 'slowService', 'callDrops', 'billingQuery', 'equipment', 'other'];
const SLA: Record<
  Service['type'],
  { availability: number; downloadMbps: number | null; latencyMs: number; callSetupSuccess: number | null }
> = {
  MOBILE: { availability: 99.5, downloadMbps: null, latencyMs: 60, callSetupSuccess: 98 },
  FIXED_LINE: { availability: 99.9, downloadMbps: null, latencyMs: 20, callSetupSuccess: 99.5 },
  BROADBAND: { availability: 99.8, downloadMbps: 80, latencyMs: 15, callSetupSuccess: null },
  IPTV: { availability: 99.7, downloadMbps: 25, latencyMs: 30, callSetupSuccess: null },
};

/** Fault management and network monitoring: tickets, alarms, tests, SLA, quality history. */
export function createFaults(
  world: SeedWorld,
  options: { testDurationMs: number; ticketStepMs?: number } = { testDurationMs: 300 },
): Simulator {
  const sim = new Simulator('faults');
  // Look-ups from indexes built once (issue 17): a bulk call costs what it asks for, not the world.
  const services = worldIndex(world).serviceById;
  const tickets = GroupedMap.of(
    { service: (t: Ticket) => t.serviceId, customer: (t: Ticket) => t.customerId },
    world.tickets.map((t) => [t.id, t] as const),
  );
  const ticketsByRequest = new Map<string, Ticket>();
  const tests = new Map<string, ServiceTestRun>();
  const reports: ExperienceReport[] = [];
  const reportsByRequest = new Map<string, ExperienceReport>();
  let ticketSeq = world.tickets.length;
  const activeAlarms = () => world.alarms.filter((a) => a.clearedAt === null);
  // Who asked, for online requests: the event log names them so they hear of the outcome.
  const reporters = new Map<string, string>();
  const testRequesters = new Map<string, string>();
  const log = new EventLog<FaultLogEntry>();
  log.serve(sim, '/fm/events');
  const ticketFacts = (t: Ticket, online: boolean) => ({
    ticketId: t.id,
    serviceId: t.serviceId,
    customerId: t.customerId,
    accountId: services.first(t.serviceId)?.accountId ?? null,
    state: t.state,
    reportedBy: reporters.get(t.id) ?? null,
    online,
  });
  const noteAdded = (t: Ticket) => {
    const note = t.notes[t.notes.length - 1];
    log.append({ ...ticketFacts(t, true), type: 'ticket.note-added', noteId: note.id, author: note.author });
  };
  faultControls(sim, world, log, tickets, (t) => ticketFacts(t, false));
  // A1: the desk works new tickets over time (a step every two minutes unless a test sets the pace).
  const desk = ticketLifecycle(sim, world, log, tickets, services, ticketFacts, {
    stepMs: options.ticketStepMs ?? 120_000,
  });

  sim.route('GET', '/fm/tickets', 'listTickets', (req) => {
    const serviceIds = new Set(ids(req.query, 'serviceIds'));
    const customerId = req.query.get('customerId');
    if (!serviceIds.size && !customerId) return badRequest('customerId or serviceIds is required');
    const state = req.query.get('state');
    const open = req.query.get('open') === 'true';
    const candidates = serviceIds.size
      ? [...serviceIds].flatMap((id) => tickets.group('service', id))
      : tickets.group('customer', customerId ?? '');
    const all = candidates
      .filter(
        (t) =>
          (!state || t.state === state) &&
          (!open || !['resolved', 'closed', 'cancelled', 'rejected'].includes(t.state)),
      )
      // Newest first; equal times in the fault system's own order, as a scan of it answered.
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || tickets.order(a.id) - tickets.order(b.id));
    return { status: 200, body: page(all, req.query, 1000) };
  });
  sim.route('GET', '/fm/tickets/bulk', 'getTickets', (req) => ({
    status: 200,
    body: { items: ids(req.query).flatMap((id) => tickets.get(id) ?? []) },
  }));
  sim.route('POST', '/fm/tickets', 'createTicket', (req) => {
    const b = parseJson(req.body);
    if (!b || typeof b.requestId !== 'string' || !b.requestId) return badRequest('requestId is required');
    const previous = ticketsByRequest.get(b.requestId);
    if (previous) return { status: 200, body: previous };
    const service = services.first(String(b.serviceId));
    if (!service || service.customerId !== b.customerId)
      return { status: 422, body: { error: 'rejected', reason: "The service is not one of the customer's" } };
    if (typeof b.description !== 'string' || b.description.length < 3 || b.description.length > 2000)
      return badRequest('description must be 3 to 2000 characters');
    if (!TICKET_CATEGORIES.includes(String(b.category)))
      return badRequest(`category must be one of ${TICKET_CATEGORIES.join(', ')}`);
    const at = new Date().toISOString();
    const ticket: Ticket = {
      id: `TT-${String(++ticketSeq).padStart(7, '0')}`,
      customerId: service.customerId,
      serviceId: service.id,
      category: String(b.category),
      severity: b.severity === 'HIGH' || b.severity === 'LOW' ? b.severity : 'MEDIUM',
      description: b.description,
      state: 'acknowledged',
      createdAt: at,
      updatedAt: at,
      resolution: null,
      notes: [{ id: `N-${ticketSeq}-1`, author: 'CUSTOMER', text: b.description, at }],
      relatedAlarmId: knownOutageFor(world, service)?.id ?? null,
    };
    tickets.set(ticket.id, ticket);
    ticketsByRequest.set(b.requestId, ticket);
    if (typeof b.reportedBy === 'string' && b.reportedBy) reporters.set(ticket.id, b.reportedBy);
    desk.track(ticket);
    return { status: 201, body: ticket };
  });
  sim.route('POST', '/fm/tickets/:id/notes', 'addNote', (req) => {
    const ticket = tickets.get(req.params.id);
    if (!ticket) return notFoundResponse('no such ticket');
    const b = parseJson(req.body);
    if (!b || typeof b.text !== 'string' || !b.text.trim() || b.text.length > 2000)
      return badRequest('text must be 1 to 2000 characters');
    if (['closed', 'cancelled', 'rejected'].includes(ticket.state))
      return { status: 422, body: { error: 'rejected', reason: `Ticket is ${ticket.state}` } };
    const at = new Date().toISOString();
    ticket.notes.push({
      id: `N-${ticket.id.slice(3)}-${ticket.notes.length + 1}`,
      author: 'CUSTOMER',
      text: b.text,
      at,
    });
    noteAdded(ticket);
    // The help desk answers every customer note (A7 conversation).
    ticket.notes.push({
      id: `N-${ticket.id.slice(3)}-${ticket.notes.length + 1}`,
      author: 'PROVIDER',
      text: desk.reply(ticket),
      at,
    });
    noteAdded(ticket);
    ticket.updatedAt = at;
    if (ticket.state === 'acknowledged') {
      ticket.state = 'inProgress';
      log.append({
        ...ticketFacts(ticket, true),
        type: 'ticket.state-changed',
        previousState: 'acknowledged',
      });
      desk.track(ticket);
    }
    return { status: 201, body: ticket };
  });

  sim.route('GET', '/fm/alarms', 'listAlarms', (req) => {
    const areas = new Set(ids(req.query, 'areaIds'));
    const activeOnly = req.query.get('active') !== 'false';
    const items = world.alarms.filter(
      (a) => (!areas.size || areas.has(a.areaId)) && (!activeOnly || a.clearedAt === null),
    );
    return { status: 200, body: { items } };
  });
  // Alarms by id, cleared ones included (what an alarm event names).
  sim.route('GET', '/fm/alarms/bulk', 'getAlarms', (req) => {
    const wanted = new Set(ids(req.query));
    return { status: 200, body: { items: world.alarms.filter((a) => wanted.has(a.id)) } };
  });
  // Impact analysis: the services an alarm reaches, optionally of one customer only.
  sim.route('GET', '/fm/alarms/:id/services', 'getAlarmServices', (req) => {
    const alarm = world.alarms.find((a) => a.id === req.params.id);
    if (!alarm) return notFoundResponse('no such alarm');
    const customerId = req.query.get('customerId');
    const items = world.services
      .filter((s) => (!customerId || s.customerId === customerId) && alarmAffects(alarm, s))
      .map((s) => ({
        id: s.id,
        customerId: s.customerId,
        accountId: s.accountId,
        type: s.type,
        areaId: s.areaId,
      }));
    return { status: 200, body: { items } };
  });
  sim.route('GET', '/fm/network-status', 'networkStatus', (req) => {
    const alarms = activeAlarms();
    const items = ids(req.query, 'serviceIds').flatMap((id) => {
      const s = services.first(id);
      if (!s) return [];
      const alarm = alarms.find(
        (a) =>
          a.areaId === s.areaId &&
          (a.serviceType === null || a.serviceType === s.type) &&
          (a.severity === 'critical' || a.severity === 'major'),
      );
      return [
        {
          serviceId: s.id,
          areaId: s.areaId,
          provisioned: s.state === 'active',
          networkFault: Boolean(alarm),
          alarmId: alarm?.id ?? null,
          handsetState: s.handsetState,
          registered: s.state === 'active' && !alarm && s.handsetState !== 'OFF',
        },
      ];
    });
    return { status: 200, body: { items } };
  });
  sim.route('POST', '/fm/tests', 'startTest', (req) => {
    const b = parseJson(req.body);
    const service = services.first(String(b?.serviceId));
    if (!service) return notFoundResponse('no such service');
    const kind = b?.kind;
    if (kind !== 'LINE_TEST' && kind !== 'SPEED_TEST' && kind !== 'SLA_TEST')
      return badRequest('kind must be LINE_TEST, SPEED_TEST or SLA_TEST');
    if (kind !== 'SLA_TEST' && service.type === 'MOBILE')
      return {
        status: 422,
        body: {
          error: 'rejected',
          reason: 'Line and speed tests apply to fixed, broadband and IPTV services',
        },
      };
    const run: ServiceTestRun = {
      id: `ST-${tests.size + 1}`,
      serviceId: service.id,
      kind,
      state: 'running',
      startedAt: new Date().toISOString(),
      completedAt: null,
      measurements: [],
      verdict: null,
    };
    tests.set(run.id, run);
    if (typeof b?.requestedBy === 'string' && b.requestedBy) testRequesters.set(run.id, b.requestedBy);
    setTimeout(() => complete(run, service), options.testDurationMs).unref();
    return { status: 202, body: run };
  });
  sim.route('GET', '/fm/tests/bulk', 'getTests', (req) => ({
    status: 200,
    body: { items: ids(req.query).flatMap((id) => tests.get(id) ?? []) },
  }));

  function complete(run: ServiceTestRun, service: Service): void {
    const sla = SLA[service.type];
    const degraded = activeAlarms().some((a) => a.areaId === service.areaId);
    const seed = Number(service.id.slice(4)) % 17;
    const m = (name: string, value: number, unit: string, target: number | null, higherIsBetter = true) => ({
      name,
      value,
      unit,
      target,
      withinTarget: target === null ? null : higherIsBetter ? value >= target : value <= target,
    });
    if (run.kind === 'LINE_TEST') {
      run.measurements = [
        m('lineAttenuation', 18 + seed, 'dB', 40, false),
        m('noiseMargin', degraded ? 4 : 9 + (seed % 5), 'dB', 6),
        m('syncRate', degraded ? 40 : 95 + seed, 'Mbps', sla.downloadMbps),
      ];
    } else if (run.kind === 'SPEED_TEST') {
      run.measurements = [
        m('download', degraded ? 35 : 90 + seed, 'Mbps', sla.downloadMbps),
        m('upload', degraded ? 8 : 20 + seed, 'Mbps', null),
        m('latency', degraded ? 45 : 8 + (seed % 6), 'ms', sla.latencyMs, false),
      ];
    } else {
      run.measurements = [
        m('availability', degraded ? 98.2 : 99.95, '%', sla.availability),
        m('latency', degraded ? 80 : 12 + (seed % 9), 'ms', sla.latencyMs, false),
      ];
      if (sla.callSetupSuccess !== null)
        run.measurements.push(m('callSetupSuccess', degraded ? 91 : 99.2, '%', sla.callSetupSuccess));
    }
    run.state = 'completed';
    run.completedAt = new Date().toISOString();
    run.verdict = run.measurements.every((x) => x.withinTarget !== false) ? 'PASS' : 'FAIL';
    log.append({
      type: 'test.completed',
      testId: run.id,
      serviceId: service.id,
      customerId: service.customerId,
      accountId: service.accountId,
      verdict: run.verdict,
      requestedBy: testRequesters.get(run.id) ?? null,
    });
  }

  sim.route('GET', '/fm/sla', 'getSla', (req) => {
    return {
      status: 200,
      body: {
        items: ids(req.query, 'serviceIds').flatMap((id) => {
          const s = services.first(id);
          return s ? [{ serviceId: id, ...SLA[s.type] }] : [];
        }),
      },
    };
  });
  sim.route('GET', '/fm/quality', 'getQuality', (req) => {
    const from = req.query.get('from') ?? '';
    const to = req.query.get('to') ?? '9999';
    const items = ids(req.query, 'serviceIds').flatMap((id) =>
      (world.quality.get(id) ?? []).filter((q) => q.at >= from && q.at <= to),
    );
    return { status: 200, body: { items } };
  });
  sim.route('POST', '/fm/experience-reports', 'createExperienceReport', (req) => {
    const b = parseJson(req.body);
    if (!b || typeof b.requestId !== 'string' || !b.requestId) return badRequest('requestId is required');
    const previous = reportsByRequest.get(b.requestId);
    if (previous) return { status: 200, body: previous };
    if (!world.areas.some((a) => a.id === b.areaId)) return badRequest('areaId is not a known area');
    if (!['WEAK_SIGNAL', 'NO_SERVICE', 'SLOW_DATA', 'CALL_DROPS', 'OTHER'].includes(String(b.kind)))
      return badRequest('unknown kind');
    const report: ExperienceReport = {
      id: `ER-${reports.length + 1}`,
      requestId: b.requestId,
      customerId: String(b.customerId),
      serviceId: typeof b.serviceId === 'string' ? b.serviceId : null,
      areaId: String(b.areaId),
      kind: String(b.kind),
      comment: typeof b.comment === 'string' ? b.comment.slice(0, 1000) : '',
      createdAt: new Date().toISOString(),
    };
    reports.push(report);
    reportsByRequest.set(b.requestId, report);
    return { status: 201, body: report };
  });
  sim.route('GET', '/fm/experience-reports', 'listExperienceReports', (req) => {
    const customerId = req.query.get('customerId');
    if (!customerId) return badRequest('customerId is required');
    return { status: 200, body: { items: reports.filter((r) => r.customerId === customerId) } };
  });
  // The fault system's own copy of the service inventory (which customer, type and area).
  sim.route('GET', '/fm/services/bulk', 'getServices', (req) => {
    return {
      status: 200,
      body: {
        items: ids(req.query).flatMap((id) => {
          const s = services.first(id);
          return s
            ? [{ id: s.id, customerId: s.customerId, accountId: s.accountId, type: s.type, areaId: s.areaId }]
            : [];
        }),
      },
    };
  });
  sim.route('GET', '/fm/areas', 'listAreas', () => ({ status: 200, body: { items: world.areas } }));
  return sim;
}
