import { assertCanOrNotFound, assertOwned, requireUser } from '../../lib/authz/assertions';
import type { Capability } from '../../lib/authz/capabilities';
import { canSee, serviceTarget } from '../../lib/authz/decisions';
import { apiError, badInput, forbidden, notFound } from '../../lib/errors';
import { money } from '../../lib/money';
import { connection, pageRequest } from '../../lib/pagination';
import type { OrderItemAction, Resolvers } from './__generated__/resolvers-types';
import type { SecurityEventKind } from '../../lib/audit/security-events';
import type { OrderSubmission } from '../../legacy/ibss/client';
import type { OrdersContext } from './context';
import type { OrderModel } from '../../legacy/ibss/models';
import { fingerprintOf, isUnreachable, queuedOrder } from './outbox';
import * as validate from './validate';

type OrderResult =
  (OrderModel & { __typename: 'ProductOrder' }) | { __typename: 'OrderRejected'; reason: string };

/** Sends one order to the IBSS; a reused idempotency key with a different order is a CONFLICT. */
const EVENT_OF_ACTION = {
  add: 'ACTIVATION',
  modify: 'PARAMETER_CHANGE',
  suspend: 'SUSPEND',
  resume: 'RESUME',
  terminate: 'TERMINATE',
} as const satisfies Record<OrderSubmission['items'][number]['action'], SecurityEventKind>;

async function submit(
  ctx: OrdersContext,
  key: string,
  accountId: string,
  items: OrderSubmission['items'],
  note: string | null,
): Promise<OrderResult> {
  const user = requireUser(ctx.actor);
  // Keys are scoped by customer so two customers can never collide on the same key.
  const submission: OrderSubmission = {
    requestId: `${user.customerId}:${validate.idempotencyKey(key)}`,
    customerId: user.customerId,
    accountId,
    requestedBy: user.userId,
    callbackUrl: ctx.callbackUrl,
    note,
    items,
  };
  const first = items[0];
  // S4: the event is stored before anything else; no event, no order.
  const outcome = await ctx.audit.guard(
    {
      kind: EVENT_OF_ACTION[first.action],
      customerId: user.customerId,
      actorId: user.userId,
      target: first.serviceId ?? accountId,
    },
    () => submitThroughOutbox(ctx, submission),
    (r) => (r.kind === 'accepted' || r.kind === 'queued' ? 'SUCCESS' : 'FAILURE'),
  );
  switch (outcome.kind) {
    case 'conflict':
      throw apiError('CONFLICT', 'This idempotencyKey was already used for a different request.');
    case 'rejected':
      return { __typename: 'OrderRejected', reason: outcome.reason };
    case 'queued':
      ctx.logger.info({ event: 'order.queued', orderId: outcome.order.id }, 'order queued: IBSS unreachable');
      return { __typename: 'ProductOrder', ...outcome.order };
    case 'accepted':
      ctx.logger.info({ event: 'order.submitted', orderId: outcome.order.id }, 'order submitted');
      return { __typename: 'ProductOrder', ...outcome.order };
  }
}

type Outcome =
  | { kind: 'accepted' | 'queued'; order: OrderModel }
  | { kind: 'rejected'; reason: string }
  | { kind: 'conflict' };

/**
 * Writes the order to the outbox, then submits it. A key used before returns the first
 * outcome (or submits the still-pending order again: the IBSS is idempotent on the request id).
 * An IBSS that cannot be reached leaves the order queued, acknowledged to the client.
 */
async function submitThroughOutbox(ctx: OrdersContext, submission: OrderSubmission): Promise<Outcome> {
  const row = await ctx.outbox.record(submission);
  if (row.fingerprint !== fingerprintOf(submission) || row.state === 'conflict') return { kind: 'conflict' };
  if (row.state === 'rejected') return { kind: 'rejected', reason: row.reason ?? 'Rejected.' };
  if (row.state === 'submitted' && row.orderId) {
    const [order] = await ctx.ibss.getOrders([row.orderId]);
    return { kind: 'accepted', order: order ?? queuedOrder(row) };
  }
  let result;
  try {
    result = await ctx.ibss.submit(row.submission);
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    await ctx.outbox.settle(row.requestId, 'unreachable', row.attempts);
    return { kind: 'queued', order: queuedOrder(row) };
  }
  await ctx.outbox.settle(row.requestId, result, row.attempts);
  return result.kind === 'accepted' ? { kind: 'accepted', order: result.order } : result;
}

/** An order by id: the IBSS's, or one still (or once) waiting in the outbox (`QO-...`). */
async function findOrder(ctx: OrdersContext, id: string): Promise<OrderModel | null> {
  if (!id.startsWith('QO-')) return ctx.loaders.order.load(id);
  const row = await ctx.outbox.byQueuedId(id);
  if (!row) return null;
  if (row.state === 'submitted' && row.orderId)
    return (await ctx.loaders.order.load(row.orderId)) ?? queuedOrder(row);
  return queuedOrder(row);
}

/** Loads a service the actor names in a mutation; another customer's service is NOT_FOUND. */
async function ownService(ctx: OrdersContext, serviceId: string, capability: Capability | null) {
  const service = await ctx.loaders.service.load(serviceId);
  assertCanOrNotFound(
    ctx.actor,
    capability,
    service ? serviceTarget(service) : undefined,
    'Service',
    serviceId,
  );
  return service as NonNullable<typeof service>;
}

function lifecycle(action: 'suspend' | 'resume' | 'terminate') {
  return async (
    _p: unknown,
    { input }: { input: { idempotencyKey: string; serviceId: string; reason?: string | null } },
    ctx: OrdersContext,
  ): Promise<OrderResult> => {
    const service = await ownService(ctx, input.serviceId, 'service.order');
    if (input.reason && input.reason.length > 500)
      throw badInput('reason must be at most 500 characters.', 'reason');
    return submit(
      ctx,
      input.idempotencyKey,
      service.accountId,
      [{ action, serviceId: service.id }],
      input.reason ?? null,
    );
  };
}

/** R4: the offerings of the calling partner, from the catalogue. */
async function partnerOfferings(ctx: OrdersContext): Promise<string[]> {
  if (ctx.actor.kind !== 'partner') throw forbidden('Only partner systems have a partner view.');
  return (await ctx.catalogue.listOfferings({ partnerId: ctx.actor.partnerId }, 0, 200)).items.map(
    (o) => o.id,
  );
}

export const resolvers: Resolvers = {
  Query: {
    partnerSubscriptions: async (_p, { first, after }, ctx) => {
      const offeringIds = await partnerOfferings(ctx);
      const page = pageRequest(first, after, 200);
      if (!offeringIds.length) return connection([], 0, page);
      const result = await ctx.ibss.listSubscriptions(offeringIds, page.offset, page.limit);
      return connection(result.items, result.total, page);
    },
    partnerOrders: async (_p, { first, after }, ctx) => {
      const offeringIds = await partnerOfferings(ctx);
      const page = pageRequest(first, after, 100);
      if (!offeringIds.length) return connection([], 0, page);
      const result = await ctx.ibss.listOrdersOfOfferings(offeringIds, page.offset, page.limit);
      // Only the partner's own items: other providers' products in the same order stay hidden.
      const own = new Set(offeringIds);
      return connection(
        result.items.map((o) => ({
          ...o,
          items: o.items.filter((i) => i.offeringId !== null && own.has(i.offeringId)),
        })),
        result.total,
        page,
      );
    },
    productOrder: async (_p, { id }, ctx) => {
      requireUser(ctx.actor);
      const order = await findOrder(ctx, id);
      assertCanOrNotFound(
        ctx.actor,
        'service.order',
        order ? { customerId: order.customerId, accountId: order.accountId } : undefined,
        'Order',
        id,
      );
      return order;
    },
    service: async (_p, { id }, ctx) => {
      requireUser(ctx.actor);
      return ownService(ctx, id, null);
    },
  },
  Mutation: {
    placeProductOrder: async (_p, { input }, ctx) => {
      requireUser(ctx.actor);
      if (input.items.length < 1 || input.items.length > 20)
        throw badInput('items must hold 1 to 20 entries.', 'items');
      if (input.note && input.note.length > 500)
        throw badInput('note must be at most 500 characters.', 'note');
      // The account must be the customer's (per the CRM) and in the actor's scope (S3).
      const [account] = await ctx.crm.getAccounts([input.accountId]);
      assertCanOrNotFound(
        ctx.actor,
        'service.order',
        account ? { customerId: account.customerId, accountId: account.id } : undefined,
        'Account',
        input.accountId,
      );
      return submit(
        ctx,
        input.idempotencyKey,
        input.accountId,
        input.items.map((i) => ({
          action: 'add',
          offeringId: i.offeringId,
          parameters: validate.parameters(i.parameters),
        })),
        input.note ?? null,
      );
    },
    changeServiceParameters: async (_p, { input }, ctx) => {
      const service = await ownService(ctx, input.serviceId, 'service.configure');
      const params = validate.parameters(input.parameters);
      if (Object.keys(params).length === 0) throw badInput('parameters must not be empty.', 'parameters');
      return submit(
        ctx,
        input.idempotencyKey,
        service.accountId,
        [{ action: 'modify', serviceId: service.id, parameters: params }],
        null,
      );
    },
    configureCallRestrictions: async (_p, { input }, ctx) => {
      const service = await ownService(ctx, input.serviceId, 'service.configure');
      const restrictions = validate.callRestrictions(input.restrictions);
      return submit(
        ctx,
        input.idempotencyKey,
        service.accountId,
        [{ action: 'modify', serviceId: service.id, callRestrictions: restrictions }],
        null,
      );
    },
    suspendService: lifecycle('suspend'),
    resumeService: lifecycle('resume'),
    terminateService: lifecycle('terminate'),
  },
  Customer: {
    __resolveReference: (ref, ctx) => {
      assertOwned(ctx.actor, ref.id);
      return { id: ref.id };
    },
    services: async (c, { filter, first, after }, ctx) => {
      assertOwned(ctx.actor, c.id);
      const page = pageRequest(first, after, 200);
      const type = filter?.type ?? undefined;
      const state = filter?.state ?? undefined;
      if (ctx.actor.kind === 'customerUser' && ctx.actor.role === 'MANAGER') {
        const result = await ctx.loaders.servicePage.load({ id: c.id, type, state, ...page });
        return connection(result.items, result.total, page);
      }
      // Other users see only the services their grants reach (R2/R3): filter, then page.
      const all = await ctx.loaders.servicePage.load({ id: c.id, type, state, offset: 0, limit: 500 });
      const visible = all.items.filter((s) => canSee(ctx.actor, serviceTarget(s)));
      return connection(visible.slice(page.offset, page.offset + page.limit), visible.length, page);
    },
    productOrders: async (c, { state, first, after }, ctx) => {
      assertOwned(ctx.actor, c.id);
      const page = pageRequest(first, after, 50);
      const result = await ctx.ibss.listOrders(c.id, state ?? undefined, page.offset, page.limit);
      return connection(result.items, result.total, page);
    },
  },
  Service: {
    __resolveReference: async (ref, ctx) => {
      const service = await ctx.loaders.service.load(ref.id);
      if (!service) throw notFound('Service', ref.id);
      assertOwned(ctx.actor, service.customerId);
      return service;
    },
    offering: (s) => ({ id: s.offeringId }),
    account: (s) => ({ id: s.accountId }),
    customer: (s) => ({ id: s.customerId }),
    parameters: (s) => Object.entries(s.parameters).map(([name, value]) => ({ name, value })),
    callRestrictions: (s) =>
      s.callRestrictions.map((r) => {
        switch (r.kind) {
          case 'INCOMING_TIME_WINDOW':
            return { ...r, __typename: 'IncomingCallTimeWindow' as const };
          case 'CLOSED_USER_GROUP':
            return { ...r, __typename: 'ClosedUserGroup' as const };
          case 'OUTGOING_WHITELIST':
            return { ...r, __typename: 'OutgoingCallWhitelist' as const };
          case 'MONTHLY_ALLOWANCE':
            return { ...r, __typename: 'MonthlyAllowance' as const };
        }
      }),
  },
  MonthlyAllowance: {
    allowance: (r) => money(r.allowanceMinor, r.currency),
  },
  ClosedUserGroup: {
    allowEmergencyCalls: (r) => r.allowExternalEmergency,
  },
  ProductOrder: {
    __resolveReference: async (ref, ctx) => {
      const order = await findOrder(ctx, ref.id);
      if (!order) throw notFound('Order', ref.id);
      assertOwned(ctx.actor, order.customerId);
      return order;
    },
    account: (o) => ({ id: o.accountId }),
  },
  ProductOrderItem: {
    action: (i) => i.action.toUpperCase() as OrderItemAction,
    offering: (i) => (i.offeringId ? { id: i.offeringId } : null),
    service: async (i, _a, ctx) => (i.serviceId ? ctx.loaders.service.load(i.serviceId) : null),
  },
  PartnerSubscription: {
    // R4: reachable through _entities only by the partner whose product it is.
    __resolveReference: async (ref, ctx) => {
      const offeringIds = await partnerOfferings(ctx);
      const service = await ctx.loaders.service.load(ref.subscriptionId);
      if (!service || !offeringIds.includes(service.offeringId)) throw forbidden();
      return {
        serviceId: service.id,
        offeringId: service.offeringId,
        state: service.state,
        startDate: service.startDate,
      };
    },
    subscriptionId: (s) => s.serviceId,
    offering: (s) => ({ id: s.offeringId }),
  },
  PartnerOrder: {
    orderId: (o) => o.id,
  },
  PartnerOrderItem: {
    offering: (i) => (i.offeringId ? { id: i.offeringId } : null),
  },
};
