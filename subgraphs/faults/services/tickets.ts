import { assertOwned, requireUser } from '../../../lib/authz/assertions';
import type { Capability } from '../../../lib/authz/capabilities';
import { can, serviceTarget } from '../../../lib/authz/decisions';
import { notFound } from '../../../lib/errors';
import { callerRequestId } from '../../../lib/input/caller-request-id';
import { connection, pageRequest, type PageWindow } from '../../../lib/pagination';
import type { FaultManagementAdapter } from '../../../legacy/fault-management/client';
import type { TicketModel } from '../../../legacy/fault-management/models';
import type { AddTicketNoteInput, ReportFaultInput } from '../__generated__/resolvers-types';
import type { FaultsContext, FaultsLoaders } from '../context';
import { freeText } from '../input';
import { serviceInScope } from './service-access';

/** What trouble tickets need from the request. */
export type TicketDeps = Pick<FaultsContext, 'actor' | 'logger'> & {
  fm: Pick<FaultManagementAdapter, 'createTicket' | 'addNote' | 'ticketsOfCustomer'>;
  loaders: Pick<FaultsLoaders, 'service' | 'ticket' | 'openTickets' | 'allTickets'>;
};

/** The ticket after the change, or why fault management refused it (an expected outcome). */
export type TicketOutcome = { kind: 'ticket'; ticket: TicketModel } | { kind: 'rejected'; reason: string };

/** Tickets per page at most. */
const MAX_TICKETS_PER_PAGE = 100;

/** Who may follow a ticket: whoever may report faults on, or check, its service. */
const FOLLOW: Capability[] = ['fault.report', 'service.check'];

/**
 * A ticket named by the client that the actor may follow with one of `capabilities` over its
 * service; any other ticket answers like a missing one (S3).
 */
async function ticketInScope(
  deps: TicketDeps,
  ticketId: string,
  capabilities: Capability[],
): Promise<TicketModel> {
  requireUser(deps.actor);
  const ticket = await deps.loaders.ticket.load(ticketId);
  const service = ticket ? await deps.loaders.service.load(ticket.serviceId) : null;
  if (!ticket || !service || !capabilities.some((c) => can(deps.actor, c, serviceTarget(service))))
    throw notFound('Trouble ticket', ticketId);
  return ticket;
}

/** A1: a trouble ticket the actor may follow. */
export function followableTicket(deps: TicketDeps, ticketId: string): Promise<TicketModel> {
  return ticketInScope(deps, ticketId, FOLLOW);
}

/** A ticket reached through `_entities`: only its own customer may hold the reference. */
export async function ticketReference(deps: TicketDeps, id: string): Promise<TicketModel> {
  const ticket = await deps.loaders.ticket.load(id);
  if (!ticket) throw notFound('Trouble ticket', id);
  assertOwned(deps.actor, ticket.customerId);
  return ticket;
}

/** A1: reports a fault on a service; a retry with the same key by the same user returns the first ticket. */
export async function reportFault(deps: TicketDeps, input: ReportFaultInput): Promise<TicketOutcome> {
  const user = requireUser(deps.actor);
  const requestId = callerRequestId(user, input.idempotencyKey);
  const service = await serviceInScope(deps, input.serviceId, 'fault.report');
  const result = await deps.fm.createTicket({
    // Scoped to the sender: another user's key is a new ticket, never theirs (S3).
    requestId,
    customerId: user.customerId,
    serviceId: service.id,
    category: input.category,
    severity: input.severity ?? 'MEDIUM',
    description: freeText(input.description, 'description', 3, 2000),
    // Staff acting for the customer are not the customer's users: nobody of theirs to tell.
    reportedBy: user.assistedBy ? undefined : user.userId,
  });
  if (!result.ok) return { kind: 'rejected', reason: result.reason };
  deps.logger.info(
    { event: 'ticket.created', ticketId: result.value.id, serviceId: service.id },
    'trouble ticket created',
  );
  return { kind: 'ticket', ticket: result.value };
}

/** A7: adds the customer's note to a ticket on a service they may report faults on. */
export async function addTicketNote(deps: TicketDeps, input: AddTicketNoteInput): Promise<TicketOutcome> {
  await ticketInScope(deps, input.ticketId, ['fault.report']);
  const result = await deps.fm.addNote(input.ticketId, freeText(input.text, 'text', 1, 2000));
  return result.ok ? { kind: 'ticket', ticket: result.value } : { kind: 'rejected', reason: result.reason };
}

/** A1/A6: one page of all the customer's tickets (the manager's overview). */
export async function ticketsOfCustomer(
  deps: TicketDeps,
  customerId: string,
  openOnly: boolean,
  window: PageWindow,
) {
  assertOwned(deps.actor, customerId);
  const page = pageRequest(window.first, window.after, MAX_TICKETS_PER_PAGE);
  const result = await deps.fm.ticketsOfCustomer(customerId, openOnly, page.offset, page.limit);
  return connection(result.items, result.total, page);
}

/**
 * A1/A6: one page of a service's tickets. Fault management answers for many services in one call, so
 * the loader fetches a service's whole list and the page is cut here.
 */
export async function ticketsOfService(
  deps: TicketDeps,
  serviceId: string,
  openOnly: boolean,
  window: PageWindow,
) {
  const page = pageRequest(window.first, window.after, MAX_TICKETS_PER_PAGE);
  const all = await (openOnly ? deps.loaders.openTickets : deps.loaders.allTickets).load(serviceId);
  return connection(all.slice(page.offset, page.offset + page.limit), all.length, page);
}
