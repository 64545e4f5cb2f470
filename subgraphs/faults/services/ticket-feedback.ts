import { requireUser } from '../../../lib/authz/assertions';
import { can, serviceTarget } from '../../../lib/authz/decisions';
import { badInput, notFound } from '../../../lib/errors';
import { callerRequestId } from '../../../lib/input/caller-request-id';
import { typedText } from '../../../lib/input/free-text';
import type { TicketFeedbackOutcome } from '../../../legacy/fault-management/ticket-feedback';
import type { CloseTroubleTicketInput, ReopenTroubleTicketInput } from '../__generated__/resolvers-types';
import type { FaultsContext } from '../context';

/** What closing and reopening tickets need from the request. */
export type TicketFeedbackDeps = Pick<
  FaultsContext,
  'actor' | 'logger' | 'loaders' | 'ticketFeedback' | 'retireTicket'
>;

/**
 * The ticket, when the actor may report faults on its service (the reporter's right, or one
 * granted over the service); any other ticket answers like a missing one (S3).
 */
async function ownTicket(deps: TicketFeedbackDeps, ticketId: string) {
  requireUser(deps.actor);
  const ticket = await deps.loaders.ticket.load(ticketId);
  const service = ticket ? await deps.loaders.service.load(ticket.serviceId) : null;
  if (!ticket || !service || !can(deps.actor, 'fault.report', serviceTarget(service)))
    throw notFound('Trouble ticket', ticketId);
  return ticket;
}

async function settle(
  deps: TicketFeedbackDeps,
  ticket: { id: string; customerId: string; serviceId: string },
  outcome: TicketFeedbackOutcome,
  change: string,
): Promise<TicketFeedbackOutcome> {
  // The desk's copy changed (or was newer than ours when refused): read it afresh next time.
  await deps.retireTicket({
    ticketId: ticket.id,
    customerId: ticket.customerId,
    serviceId: ticket.serviceId,
  });
  deps.logger.info(
    { event: `ticket.${change}`, ticketId: ticket.id, outcome: outcome.ok ? 'done' : outcome.code },
    'ticket feedback',
  );
  return outcome;
}

/** A1: closes a resolved ticket, with the customer's rating of the resolution. */
export async function closeTroubleTicket(
  deps: TicketFeedbackDeps,
  input: CloseTroubleTicketInput,
): Promise<TicketFeedbackOutcome> {
  const user = requireUser(deps.actor);
  const rating = input.rating ?? null;
  if (rating !== null && (!Number.isInteger(rating) || rating < 1 || rating > 5))
    throw badInput('rating must be a whole number from 1 to 5.', 'rating');
  const comment = input.comment ? typedText(input.comment, 'comment', { min: 0, max: 1000 }) : '';
  const ticket = await ownTicket(deps, input.ticketId);
  const outcome = await deps.ticketFeedback.close(ticket.id, {
    // Scoped to the sender: another user's key never answers for this one (S3).
    requestId: callerRequestId(user, input.idempotencyKey),
    rating,
    comment,
  });
  return settle(deps, ticket, outcome, 'closed');
}

/** A1: reopens a resolved ticket whose resolution does not satisfy. */
export async function reopenTroubleTicket(
  deps: TicketFeedbackDeps,
  input: ReopenTroubleTicketInput,
): Promise<TicketFeedbackOutcome> {
  const user = requireUser(deps.actor);
  const comment = typedText(input.comment, 'comment', { min: 1, max: 2000 });
  const ticket = await ownTicket(deps, input.ticketId);
  const outcome = await deps.ticketFeedback.reopen(ticket.id, {
    requestId: callerRequestId(user, input.idempotencyKey),
    comment,
  });
  return settle(deps, ticket, outcome, 'reopened');
}
