import { serviceTarget, type Target } from '../../lib/authz/decisions';
import {
  allow,
  holds,
  isManager,
  isSignedIn,
  ofOwnCustomer,
  onParent,
  type Rules,
} from '../../lib/authz/shield';
import type { FaultsContext } from './context';
import type { EntityRef } from '../../lib/entity-ref';
import type { FaultServiceModel, TestRunModel, TicketModel } from '../../legacy/fault-management/models';

/** Tickets and tests are judged by the service they concern. */
async function targetOfService(
  { serviceId }: { serviceId: string },
  ctx: FaultsContext,
): Promise<Target | null> {
  const service = await ctx.loaders.service.load(serviceId);
  return service ? serviceTarget(service) : null;
}

const serviceCheck = onParent<FaultServiceModel>('faults.Service', 'service.check', serviceTarget);
const ticketOnService = onParent<FaultServiceModel>(
  'faults.Service',
  ['fault.report', 'service.check'],
  serviceTarget,
);
const ticket = onParent<TicketModel, FaultsContext>(
  'faults.TroubleTicket',
  ['fault.report', 'service.check'],
  targetOfService,
);

/**
 * Who may do what in the faults subgraph: service checks need authorization 2 (service.check),
 * tickets fault.report or service.check, experience reports authorization 1; customer-wide lists
 * the manager. Mutations also check the named service in the resolver.
 */
export const permissions: Rules = {
  Query: {
    _service: allow,
    _entities: allow,
    troubleTicket: isSignedIn,
    serviceTest: isSignedIn,
    // Which services the actor may see is checked with data, in the resolver.
    networkAlarm: isSignedIn,
  },
  Mutation: {
    reportFault: holds('fault.report'),
    addTicketNote: holds('fault.report'),
    // A1: the ticket's service is checked with data in the resolver (another's ticket: NOT_FOUND).
    closeTroubleTicket: holds('fault.report'),
    reopenTroubleTicket: holds('fault.report'),
    startServiceTest: holds('service.check'),
    submitExperienceReport: holds('experience.report'),
  },
  _Service: allow,
  Customer: {
    '*': ofOwnCustomer<EntityRef>('faults.Customer', (c) => c.id),
    troubleTickets: isManager,
    experienceReports: isManager,
  },
  Service: {
    id: onParent<FaultServiceModel>('faults.Service', null, serviceTarget),
    troubleTickets: ticketOnService,
    networkStatus: serviceCheck,
    knownIssues: serviceCheck,
    slaTarget: serviceCheck,
    qualityHistory: serviceCheck,
  },
  TroubleTicket: ticket,
  ServiceTest: onParent<TestRunModel, FaultsContext>('faults.ServiceTest', 'service.check', targetOfService),
  TicketNote: allow,
  TroubleTicketConnection: allow,
  TroubleTicketEdge: allow,
  PageInfo: allow,
  NetworkStatus: allow,
  NetworkAlarm: allow,
  SlaTarget: allow,
  QualitySample: allow,
  Measurement: allow,
  ExperienceReport: allow,
  FaultReportRejected: allow,
  TicketFeedbackRefused: allow,
  TicketSatisfaction: allow,
  ServiceTestRejected: allow,
};
