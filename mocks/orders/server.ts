import { createHash } from 'node:crypto';
import {
  Simulator,
  badRequest,
  ids,
  notFoundResponse,
  page,
  parseJson,
  type SimResponse,
} from '../common/sim-server';
import type { CallRestriction, Offering, SeedWorld, Service } from '../seed/types';
import { CallbackSender } from './callback';
import { worldIndex } from '../common/world-index';
import { ownerOfGroup, registerClosedGroupRoutes } from './closed-groups';
import { registerInventoryRoutes } from './inventory';

export type ItemAction = 'add' | 'modify' | 'suspend' | 'resume' | 'terminate';
export type OrderState =
  | 'acknowledged'
  | 'rejected'
  | 'pending'
  | 'held'
  | 'inProgress'
  | 'cancelled'
  | 'completed'
  | 'failed'
  | 'partial';

export interface IbssItem {
  id: string;
  action: ItemAction;
  offeringId: string | null;
  serviceId: string | null;
  parameters: Record<string, string>;
  callRestrictions: CallRestriction[] | null;
  state: OrderState;
  workOrderId: string;
  providerKind: string | null;
  /** The partner whose offering this item is (ISMP), so events can name it without a catalogue read. */
  partnerId: string | null;
  /** The number the customer chose for a new mobile service (F3); null: the IBSS assigns one. */
  number: string | null;
  failureReason: string | null;
}

export interface IbssOrder {
  id: string;
  requestId: string;
  customerId: string;
  accountId: string;
  state: OrderState;
  note: string | null;
  /** Who asked for the order (the operator's channel user), for notifications. */
  requestedBy: string | null;
  createdAt: string;
  completedAt: string | null;
  callbackUrl: string | null;
  items: IbssItem[];
  fingerprint: string;
  /** The request that cancelled the order, so a repeated cancellation answers the same. */
  cancelRequestId?: string;
}

/** Provisioning behaviour that tests and demos can steer (PUT /ibss/_control). */
export interface ProvisioningControl {
  delayMs: number;
  /** Work orders for these offerings fail, as a partner's platform would. */
  failingOfferings: string[];
}

const CANCELLABLE: OrderState[] = ['acknowledged', 'pending', 'held'];
const ACTIONS: ItemAction[] = ['add', 'modify', 'suspend', 'resume', 'terminate'];
const REQUIRED_STATE: Record<Exclude<ItemAction, 'add'>, Service['state'][]> = {
  modify: ['active'],
  suspend: ['active'],
  resume: ['suspended'],
  terminate: ['active', 'suspended'],
};

/**
 * IBSS order handling + provisioning + product inventory. Orders answer 202 (acknowledged) and
 * then report every state change by callback (pending, inProgress, the final state, cancelled),
 * in order per order, each signed with `callbackSecret` (shared with the orders subgraph).
 */
export function createOrders(
  world: SeedWorld,
  callbackSecret: string,
  control: ProvisioningControl = { delayMs: 200, failingOfferings: [] },
): { sim: Simulator; orders: Map<string, IbssOrder>; control: ProvisioningControl; idle(): Promise<void> } {
  const sim = new Simulator('ibss');
  const offerings = new Map(world.offerings.map((o) => [o.id, o]));
  const services = new Map(world.services.map((s) => [s.id, s]));
  const servicesByCustomer = new Map<string, Service[]>();
  for (const s of world.services)
    servicesByCustomer.set(s.customerId, [...(servicesByCustomer.get(s.customerId) ?? []), s]);
  const orders = new Map<string, IbssOrder>();
  const byRequest = new Map<string, IbssOrder>();
  const ordersByCustomer = new Map<string, IbssOrder[]>();
  // The order history the seed holds (mocks/seed/partners.ts); new orders are numbered after it.
  for (const seeded of world.orders) {
    const order: IbssOrder = {
      ...seeded,
      items: seeded.items.map((i) => ({
        ...i,
        partnerId: offerings.get(i.offeringId)?.partnerId ?? null,
        number: null,
      })),
      callbackUrl: null,
      fingerprint: '',
    };
    orders.set(order.id, order);
    byRequest.set(order.requestId, order);
    ordersByCustomer.set(order.customerId, [order, ...(ordersByCustomer.get(order.customerId) ?? [])]);
  }
  const pending = new Set<Promise<void>>();
  const callbacks = new CallbackSender(callbackSecret);
  let seq = world.orders.length;
  let serviceSeq = world.services.length;

  const reject = (reason: string): SimResponse => ({ status: 422, body: { error: 'rejected', reason } });

  /**
   * F3: a chosen number is free when no service has it and no order still open, nor an earlier
   * item of the same order, reserved it (two customers cannot win the same number).
   */
  function numberFree(number: string, sameOrder: IbssItem[]): boolean {
    if (sameOrder.some((i) => i.number === number)) return false;
    if (world.services.some((s) => s.identifier === number && s.state !== 'terminated')) return false;
    for (const order of orders.values())
      if (!['completed', 'failed', 'partial', 'cancelled'].includes(order.state))
        if (order.items.some((i) => i.number === number)) return false;
    return true;
  }

  function validate(
    body: Record<string, unknown>,
  ): { order: Omit<IbssOrder, 'id' | 'fingerprint' | 'createdAt'> } | { error: SimResponse } {
    const requestId = body.requestId;
    const customerId = body.customerId;
    const accountId = body.accountId;
    if (typeof requestId !== 'string' || !requestId) return { error: badRequest('requestId is required') };
    if (typeof customerId !== 'string' || typeof accountId !== 'string')
      return { error: badRequest('customerId and accountId are required') };
    const account = worldIndex(world).accountById.first(accountId);
    if (!account || account.customerId !== customerId)
      return { error: reject(`Account ${accountId} does not belong to customer ${customerId}`) };
    if (!Array.isArray(body.items) || body.items.length === 0 || body.items.length > 50)
      return { error: badRequest('items must hold 1 to 50 entries') };
    const items: IbssItem[] = [];
    for (const raw of body.items as Record<string, unknown>[]) {
      const action = raw.action as ItemAction;
      if (!ACTIONS.includes(action)) return { error: badRequest(`unknown action ${String(raw.action)}`) };
      const parameters = (raw.parameters ?? {}) as Record<string, string>;
      const callRestrictions = Array.isArray(raw.callRestrictions)
        ? (raw.callRestrictions as CallRestriction[])
        : null;
      let offering: Offering | undefined;
      let serviceId: string | null = null;
      if (action === 'add') {
        offering = offerings.get(String(raw.offeringId));
        if (!offering || offering.lifecycleStatus !== 'ACTIVE')
          return { error: reject(`Offering ${String(raw.offeringId)} cannot be ordered`) };
      } else {
        const service = services.get(String(raw.serviceId));
        if (!service || service.customerId !== customerId)
          return {
            error: reject(
              `Service ${String(raw.serviceId)} is not an installed product of customer ${customerId}`,
            ),
          };
        if (!REQUIRED_STATE[action].includes(service.state))
          return { error: reject(`Service ${service.id} is ${service.state}; cannot ${action}`) };
        if (items.some((i) => i.serviceId === service.id))
          return { error: reject(`Service ${service.id} appears twice in one order`) };
        offering = offerings.get(service.offeringId);
        serviceId = service.id;
      }
      for (const [name, value] of Object.entries(parameters)) {
        const spec = offering?.characteristics.find((c) => c.name === name);
        if (!spec || !spec.configurable)
          return { error: reject(`Parameter ${name} cannot be set on ${offering?.name ?? 'this product'}`) };
        if (spec.allowedValues.length && !spec.allowedValues.includes(value))
          return { error: reject(`Parameter ${name} must be one of ${spec.allowedValues.join(', ')}`) };
      }
      if (callRestrictions && offering?.id !== 'OFF-MOB-BIZ')
        return { error: reject('Call restrictions apply to business mobile numbers only') };
      // F5: a number can only be put in a closed group of its own company.
      for (const r of callRestrictions ?? [])
        if (r.kind === 'CLOSED_USER_GROUP' && ownerOfGroup(world, r.groupId) !== customerId)
          return { error: reject(`Closed user group ${r.groupId} is not a group of customer ${customerId}`) };
      const number = typeof raw.number === 'string' ? raw.number : null;
      if (number !== null) {
        if (action !== 'add' || offering?.serviceType !== 'MOBILE')
          return { error: reject('A number can be chosen for a new mobile service only') };
        if (!numberFree(number, items)) return { error: reject(`Number ${number} is not free`) };
      }
      const targets =
        action === 'add' && offering?.isBundle
          ? offering.bundledOfferingIds.map((id) => offerings.get(id) as Offering)
          : [offering];
      for (const target of targets) {
        items.push({
          id: String(items.length + 1),
          action,
          offeringId: target?.id ?? null,
          serviceId,
          parameters,
          callRestrictions,
          state: 'acknowledged',
          workOrderId: '',
          providerKind: target?.providerKind ?? null,
          partnerId: target?.partnerId ?? null,
          number,
          failureReason: null,
        });
      }
    }
    return {
      order: {
        requestId,
        customerId,
        accountId,
        state: 'acknowledged',
        note: typeof body.note === 'string' ? body.note : null,
        requestedBy: typeof body.requestedBy === 'string' ? body.requestedBy : null,
        completedAt: null,
        callbackUrl: typeof body.callbackUrl === 'string' ? body.callbackUrl : null,
        items,
      },
    };
  }

  function apply(order: IbssOrder, item: IbssItem): void {
    if (item.offeringId && control.failingOfferings.includes(item.offeringId)) {
      item.state = 'failed';
      item.failureReason = 'Provider platform rejected the work order';
      return;
    }
    if (item.action === 'add') {
      const offering = offerings.get(item.offeringId as string) as Offering;
      const id = `SVC-${String(++serviceSeq).padStart(7, '0')}`;
      const type = offering.serviceType ?? 'IPTV';
      const params: Record<string, string> = {};
      for (const c of offering.characteristics) if (c.defaultValue !== null) params[c.name] = c.defaultValue;
      const service: Service = {
        id,
        customerId: order.customerId,
        accountId: order.accountId,
        type,
        offeringId: offering.id,
        state: 'active',
        startDate: new Date().toISOString(),
        areaId: 'AREA-01',
        identifier:
          item.number ??
          (type === 'MOBILE'
            ? `+3587${String(90_000_000 + serviceSeq)}`
            : `${type.slice(0, 2)}-${String(serviceSeq).padStart(8, '0')}`),
        parameters: { ...params, ...item.parameters },
        callRestrictions: item.callRestrictions ?? [],
        handsetState: type === 'MOBILE' ? 'ON' : 'NOT_APPLICABLE',
      };
      services.set(id, service);
      world.services.push(service);
      servicesByCustomer.set(service.customerId, [
        ...(servicesByCustomer.get(service.customerId) ?? []),
        service,
      ]);
      item.serviceId = id;
    } else {
      const service = services.get(item.serviceId as string) as Service;
      if (item.action === 'modify') {
        Object.assign(service.parameters, item.parameters);
        if (item.callRestrictions) service.callRestrictions = item.callRestrictions;
      } else
        service.state =
          item.action === 'suspend' ? 'suspended' : item.action === 'resume' ? 'active' : 'terminated';
    }
    item.state = 'completed';
  }

  /** Moves the order and its items to `state` and reports the change by callback. */
  function advance(order: IbssOrder, state: OrderState): void {
    const previous = order.state;
    order.state = state;
    for (const item of order.items) item.state = state;
    callbacks.stateChanged(order, previous);
  }

  async function provision(order: IbssOrder): Promise<void> {
    // The 202 answer shows the order as acknowledged; work starts after it was sent.
    await new Promise((r) => setImmediate(r));
    if (order.state !== 'acknowledged') return;
    // The order waits for provisioning (pending) and may be cancelled until work starts; the work
    // itself (inProgress) takes the rest of the delay, so a client following the order sees both.
    const waiting = Math.floor(control.delayMs / 2);
    advance(order, 'pending');
    await new Promise((r) => setTimeout(r, waiting));
    // Read again: a cancellation may have arrived while the order waited.
    if ((order.state as OrderState) === 'cancelled') return;
    advance(order, 'inProgress');
    await new Promise((r) => setTimeout(r, control.delayMs - waiting));
    for (const item of order.items) apply(order, item);
    const failed = order.items.filter((i) => i.state === 'failed').length;
    const previous = order.state;
    order.state = failed === 0 ? 'completed' : failed === order.items.length ? 'failed' : 'partial';
    order.completedAt = new Date().toISOString();
    callbacks.stateChanged(order, previous);
  }

  sim.route('POST', '/ibss/orders', 'submitOrder', (req) => {
    const body = parseJson(req.body);
    if (!body) return badRequest('body must be a JSON object');
    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ ...body, callbackUrl: undefined }))
      .digest('hex');
    const existing = typeof body.requestId === 'string' ? byRequest.get(body.requestId) : undefined;
    if (existing) {
      if (existing.fingerprint !== fingerprint)
        return {
          status: 409,
          body: { error: 'conflict', message: 'requestId was used for a different order' },
        };
      return { status: 200, body: existing };
    }
    const result = validate(body);
    if ('error' in result) return result.error;
    const id = `PO-${String(++seq).padStart(7, '0')}`;
    const order: IbssOrder = { ...result.order, id, fingerprint, createdAt: new Date().toISOString() };
    order.items.forEach((item, i) => (item.workOrderId = `WO-${id.slice(3)}-${i + 1}`));
    orders.set(id, order);
    byRequest.set(order.requestId, order);
    ordersByCustomer.set(order.customerId, [order, ...(ordersByCustomer.get(order.customerId) ?? [])]);
    const job = provision(order).finally(() => pending.delete(job));
    pending.add(job);
    return { status: 202, body: order };
  });
  // TMF622 cancellation: allowed until provisioning starts, exactly once per request id.
  sim.route('POST', '/ibss/orders/:id/cancel', 'cancelOrder', (req) => {
    const body = parseJson(req.body);
    if (!body || typeof body.requestId !== 'string') return badRequest('requestId is required');
    const order = orders.get(req.params.id);
    if (!order) return notFoundResponse('no such order');
    if (order.state === 'cancelled' && order.cancelRequestId === body.requestId)
      return { status: 200, body: order };
    if (!CANCELLABLE.includes(order.state))
      return {
        status: 409,
        body: { error: 'refused', reason: `The order is ${order.state} and can no longer be cancelled.` },
      };
    order.cancelRequestId = body.requestId;
    order.completedAt = new Date().toISOString();
    advance(order, 'cancelled');
    return { status: 200, body: order };
  });
  sim.route('GET', '/ibss/orders/bulk', 'getOrders', (req) => ({
    status: 200,
    body: { items: ids(req.query).flatMap((id) => orders.get(id) ?? []) },
  }));
  sim.route('GET', '/ibss/orders', 'listOrders', (req) => {
    const offeringIds = new Set(ids(req.query, 'offeringIds'));
    if (offeringIds.size) {
      const items = [...orders.values()]
        .filter((o) => o.items.some((i) => i.offeringId && offeringIds.has(i.offeringId)))
        .reverse();
      return { status: 200, body: page(items, req.query) };
    }
    const customerId = req.query.get('customerId');
    if (!customerId) return badRequest('customerId or offeringIds is required');
    const state = req.query.get('state');
    const items = (ordersByCustomer.get(customerId) ?? []).filter((o) => !state || o.state === state);
    return { status: 200, body: page(items, req.query) };
  });
  registerInventoryRoutes(sim, world, services, servicesByCustomer);
  registerClosedGroupRoutes(sim, world);
  sim.route('PUT', '/ibss/_control', '', (req) => {
    const body = parseJson(req.body);
    if (!body) return badRequest('body must be a JSON object');
    if (typeof body.delayMs === 'number' && body.delayMs >= 0) control.delayMs = body.delayMs;
    if (Array.isArray(body.failingOfferings)) control.failingOfferings = body.failingOfferings.map(String);
    return { status: 200, body: control };
  });
  return {
    sim,
    orders,
    control,
    // Provisioning and the callbacks it causes, all delivered.
    idle: async () => {
      while (pending.size) await Promise.all([...pending]);
      await callbacks.idle();
    },
  };
}
