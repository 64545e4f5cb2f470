import type { SecurityEventKind } from '../../../lib/audit/security-events';
import { assertCanOrNotFound, requireUser } from '../../../lib/authz/assertions';
import { apiError } from '../../../lib/errors';
import { callerRequestId } from '../../../lib/input/caller-request-id';
import type { OrderSubmission } from '../../../legacy/ibss/client';
import type { OrderModel } from '../../../legacy/ibss/models';
import type { PlaceProductOrderInput } from '../__generated__/resolvers-types';
import type { OrdersContext } from '../context';
import * as input from '../input';
import { qualifyOrder, type Disqualification } from './order-qualification';
import { fingerprintOf, isUnreachable, queuedOrder } from './outbox';

/** What submitting an order needs from the request. */
export type SubmissionDeps = Pick<
  OrdersContext,
  'actor' | 'ibss' | 'outbox' | 'audit' | 'logger' | 'callbackUrl'
>;

/** One order as the services build it: the items the IBSS will carry out, on one account. */
export interface OrderRequest {
  idempotencyKey: string;
  accountId: string;
  items: OrderSubmission['items'];
  note: string | null;
}

/** The answer to every order-like mutation: an order (possibly still queued), or a refusal. */
export type SubmissionOutcome =
  | { kind: 'ordered'; order: OrderModel }
  | { kind: 'rejected'; reason: string; code?: Disqualification['code'] };

/** S4: which security event an order records, by the action of its first item. */
const EVENT_OF_ACTION = {
  add: 'ACTIVATION',
  modify: 'PARAMETER_CHANGE',
  suspend: 'SUSPEND',
  resume: 'RESUME',
  terminate: 'TERMINATE',
} as const satisfies Record<OrderSubmission['items'][number]['action'], SecurityEventKind>;

/**
 * F4: orders new products on one account. The account must be the customer's (per the CRM) and
 * in the actor's scope with `service.order` (S3); otherwise it answers as NOT_FOUND.
 */
export async function placeProductOrder(
  deps: SubmissionDeps & Pick<OrdersContext, 'crm' | 'catalogue'>,
  order: PlaceProductOrderInput,
): Promise<SubmissionOutcome> {
  requireUser(deps.actor);
  const items = input.orderItems(order.items);
  const note = input.freeText(order.note, 'note');
  const [account] = await deps.crm.getAccounts([order.accountId]);
  assertCanOrNotFound(
    deps.actor,
    'service.order',
    account ? { customerId: account.customerId, accountId: account.id } : undefined,
    'Account',
    order.accountId,
  );
  // F3: nothing that cannot be delivered at the customer's address, or a number that is taken.
  const refusal = await qualifyOrder(deps, account.customerId, items);
  if (refusal) return { kind: 'rejected', ...refusal };
  return submitOrder(deps, {
    idempotencyKey: order.idempotencyKey,
    accountId: order.accountId,
    items: items.map((i) => ({
      action: 'add',
      offeringId: i.offeringId,
      parameters: input.parameters(i.parameters),
      ...(i.number ? { number: i.number } : {}),
    })),
    note,
  });
}

type OutboxOutcome =
  | { kind: 'accepted' | 'queued'; order: OrderModel }
  | { kind: 'rejected'; reason: string }
  | { kind: 'conflict' };

/**
 * Sends one order to the IBSS, exactly once per idempotency key and user; the same user reusing a
 * key for a different order is a CONFLICT. The caller has already checked that the actor may act on the account or
 * service.
 */
export async function submitOrder(deps: SubmissionDeps, request: OrderRequest): Promise<SubmissionOutcome> {
  const user = requireUser(deps.actor);
  // Scoped to the sender: another user's key (staff acting for the customer included) is a new
  // order, never the first one's (S3).
  const submission: OrderSubmission = {
    requestId: callerRequestId(user, request.idempotencyKey),
    customerId: user.customerId,
    accountId: request.accountId,
    requestedBy: user.userId,
    callbackUrl: deps.callbackUrl,
    note: request.note,
    items: request.items,
  };
  const first = request.items[0];
  // S4: the event is stored before anything else; no event, no order.
  const outcome = await deps.audit.guard(
    {
      kind: EVENT_OF_ACTION[first.action],
      customerId: user.customerId,
      actorId: user.userId,
      target: first.serviceId ?? request.accountId,
    },
    () => submitThroughOutbox(deps, submission),
    (r) => (r.kind === 'accepted' || r.kind === 'queued' ? 'SUCCESS' : 'FAILURE'),
  );
  switch (outcome.kind) {
    case 'conflict':
      throw apiError('CONFLICT', 'This idempotencyKey was already used for a different request.');
    case 'rejected':
      return outcome;
    case 'queued':
      deps.logger.info(
        { event: 'order.queued', orderId: outcome.order.id },
        'order queued: IBSS unreachable',
      );
      return { kind: 'ordered', order: outcome.order };
    case 'accepted':
      deps.logger.info({ event: 'order.submitted', orderId: outcome.order.id }, 'order submitted');
      return { kind: 'ordered', order: outcome.order };
  }
}

/**
 * Writes the order to the outbox, then submits it. A key used before returns the first
 * outcome (or submits the still-pending order again: the IBSS is idempotent on the request id).
 * An IBSS that cannot be reached leaves the order queued, acknowledged to the client.
 */
async function submitThroughOutbox(
  deps: SubmissionDeps,
  submission: OrderSubmission,
): Promise<OutboxOutcome> {
  const row = await deps.outbox.record(submission);
  if (row.fingerprint !== fingerprintOf(submission) || row.state === 'conflict') return { kind: 'conflict' };
  if (row.state === 'rejected') return { kind: 'rejected', reason: row.reason ?? 'Rejected.' };
  // Cancelled while queued: a retry of the order must not send it after all.
  if (row.state === 'cancelled') return { kind: 'queued', order: queuedOrder(row) };
  if (row.state === 'submitted' && row.orderId) {
    const [order] = await deps.ibss.getOrders([row.orderId]);
    return { kind: 'accepted', order: order ?? queuedOrder(row) };
  }
  let result;
  try {
    result = await deps.ibss.submit(row.submission);
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    await deps.outbox.settle(row.requestId, 'unreachable', row.attempts);
    return { kind: 'queued', order: queuedOrder(row) };
  }
  await deps.outbox.settle(row.requestId, result, row.attempts);
  return result.kind === 'accepted' ? { kind: 'accepted', order: result.order } : result;
}
