import type { DomainEvent } from '../../lib/events/event';
import type { OrderSubmission } from '../../legacy/ibss/client';
import type { OrderModel, OrderState } from '../../legacy/ibss/models';
import {
  orderStateChanged,
  parseOrderCallback,
  queuedOrderCancelled,
  recordOrderCallback,
  type OrderCallbackDeps,
} from '../../subgraphs/orders/services/order-events';
import { infoLog, outboxRow } from '../support/orders-fakes';

/** An IBSS order of C-1 requested by U-1 whose items name partners and services (with repeats). */
const ibssOrder = (state: OrderState, extra: Partial<OrderModel> = {}): OrderModel =>
  ({
    id: 'O-1',
    customerId: 'C-1',
    accountId: 'A-1',
    state,
    note: null,
    requestedBy: 'U-1',
    createdAt: '2026-11-30T10:00:00Z',
    completedAt: null,
    items: [
      {
        id: 'I-1',
        action: 'add',
        offeringId: 'TV',
        serviceId: 'S-1',
        partnerId: 'P-2',
        state,
        workOrderId: 'W',
        failureReason: null,
      },
      {
        id: 'I-2',
        action: 'add',
        offeringId: 'MOB',
        serviceId: null,
        partnerId: null,
        state,
        workOrderId: 'W',
        failureReason: null,
      },
      {
        id: 'I-3',
        action: 'add',
        offeringId: 'TV',
        serviceId: 'S-2',
        partnerId: 'P-1',
        state,
        workOrderId: 'W',
        failureReason: null,
      },
      {
        id: 'I-4',
        action: 'add',
        offeringId: 'TV',
        serviceId: 'S-1',
        partnerId: 'P-2',
        state,
        workOrderId: 'W',
        failureReason: null,
      },
    ],
    ...extra,
  }) as OrderModel;

/** The IBSS knows `known` (or nothing); emitted events and re-read order ids are kept. */
function callbackDeps(known: OrderModel | null) {
  const emitted: DomainEvent[][] = [];
  const changed: string[] = [];
  const completed: string[] = [];
  const { logger, lines } = infoLog();
  const deps = {
    logger,
    ibss: {
      changedOrder: async (id: string) => {
        changed.push(id);
        return known;
      },
      completedOrder: async (id: string) => {
        completed.push(id);
        return known;
      },
    },
    events: { emit: async (events: DomainEvent[]) => void emitted.push(events) },
  } as unknown as OrderCallbackDeps;
  return { deps, emitted, changed, completed, lines };
}

describe('F9: reading an IBSS callback body (services/order-events)', () => {
  it('F9: reads the order id, the state and the previous state', () => {
    expect(parseOrderCallback('{"orderId":"O-1","state":"completed","previousState":"inProgress"}')).toEqual({
      orderId: 'O-1',
      state: 'completed',
      previousState: 'inProgress',
    });
  });

  it('F9: a missing or unknown previous state is null', () => {
    expect(parseOrderCallback('{"orderId":"O-1","state":"pending"}')).toEqual({
      orderId: 'O-1',
      state: 'pending',
      previousState: null,
    });
    expect(parseOrderCallback('{"orderId":"O-1","state":"pending","previousState":"nope"}')).toEqual({
      orderId: 'O-1',
      state: 'pending',
      previousState: null,
    });
  });

  it.each([
    ['an order id that is not a text', '{"orderId":7,"state":"completed"}'],
    ['no order id', '{"state":"completed"}'],
    ['an unknown state', '{"orderId":"O-1","state":"done"}'],
    ['no state', '{"orderId":"O-1"}'],
    ['not JSON', '{"orderId":'],
    ['JSON null', 'null'],
  ])('F9: a body with %s is not a callback', (_what, raw) => {
    expect(parseOrderCallback(raw)).toBeNull();
  });
});

describe('F9: order.state-changed events (services/order-events)', () => {
  it('F9/R4: names the order, its account, the requesting user, its services and partners once each', () => {
    const event = orderStateChanged(ibssOrder('completed'), 'completed', 'inProgress');
    expect(event).toEqual({
      id: 'ibss:O-1:completed',
      type: 'order.state-changed',
      source: 'orders',
      time: expect.any(String),
      customerId: 'C-1',
      accountId: 'A-1',
      subjectId: 'O-1',
      partnerId: 'P-2',
      recipients: ['U-1'],
      data: {
        state: 'completed',
        previousState: 'inProgress',
        serviceIds: ['S-1', 'S-2'],
        partnerIds: ['P-2', 'P-1'],
      },
    });
  });

  it('F9: without a previous state, a requesting user or partners, those stay empty', () => {
    const order = ibssOrder('pending', {
      requestedBy: null,
      items: [
        {
          id: 'I-1',
          action: 'add',
          offeringId: 'MOB',
          serviceId: null,
          partnerId: null,
          state: 'pending',
          workOrderId: 'W',
          failureReason: null,
        },
      ],
    });
    const event = orderStateChanged(order, 'pending', null);
    expect(event).toMatchObject({ id: 'ibss:O-1:pending', partnerId: null, recipients: [] });
    expect(event.data).toEqual({ state: 'pending', serviceIds: [], partnerIds: [] });
  });

  it('F4: a queued order cancelled names its queued id, requester and services, and no partner', () => {
    const submission: OrderSubmission = {
      requestId: 'C-1:U-1:key-0001',
      customerId: 'C-1',
      accountId: 'A-1',
      requestedBy: 'U-1',
      callbackUrl: null,
      note: null,
      items: [
        { action: 'suspend', serviceId: 'S-1' },
        { action: 'add', offeringId: 'MOB' },
        { action: 'resume', serviceId: 'S-1' },
        { action: 'terminate', serviceId: 'S-3' },
      ],
    };
    expect(queuedOrderCancelled(outboxRow(submission, { queuedId: 'QO-7' }))).toEqual({
      id: 'queued:QO-7:cancelled',
      type: 'order.state-changed',
      source: 'orders',
      time: expect.any(String),
      customerId: 'C-1',
      accountId: 'A-1',
      subjectId: 'QO-7',
      partnerId: null,
      recipients: ['U-1'],
      data: { state: 'cancelled', previousState: 'acknowledged', serviceIds: ['S-1', 'S-3'], partnerIds: [] },
    });
  });
});

describe('F9: recording an IBSS callback (services/order-events)', () => {
  it('F9: an order the IBSS does not know is unknown, and nothing is recorded', async () => {
    const c = callbackDeps(null);
    const answer = await recordOrderCallback(c.deps, {
      orderId: 'O-404',
      state: 'completed',
      previousState: null,
    });
    expect(answer).toBe('unknown');
    expect(c.changed).toEqual(['O-404']);
    expect(c.emitted).toEqual([]);
  });

  it.each(['completed', 'failed', 'partial', 'cancelled', 'rejected'] as const)(
    'F9: a final state %s the order is not in is not believed',
    async (state) => {
      const c = callbackDeps(ibssOrder('inProgress'));
      const answer = await recordOrderCallback(c.deps, { orderId: 'O-1', state, previousState: null });
      expect(answer).toBe('disagrees');
      expect(c.emitted).toEqual([]);
      expect(c.lines).toEqual([]);
    },
  );

  it('F9: a progress state behind the order is still recorded, and not announced', async () => {
    const c = callbackDeps(ibssOrder('completed'));
    const answer = await recordOrderCallback(c.deps, {
      orderId: 'O-1',
      state: 'inProgress',
      previousState: 'pending',
    });
    expect(answer).toBe('recorded');
    expect(c.emitted).toHaveLength(1);
    expect(c.emitted[0]).toEqual([
      expect.objectContaining({
        id: 'ibss:O-1:inProgress',
        data: expect.objectContaining({ state: 'inProgress', previousState: 'pending' }),
      }),
    ]);
    expect(c.lines).toEqual([]);
  });

  it.each(['completed', 'failed', 'partial'] as const)(
    'F9: an order that is %s is recorded and announced from the order just read',
    async (state) => {
      const c = callbackDeps(ibssOrder(state));
      const answer = await recordOrderCallback(c.deps, {
        orderId: 'O-1',
        state,
        previousState: 'inProgress',
      });
      expect(answer).toBe('recorded');
      expect(c.emitted).toEqual([
        [orderStateChanged(ibssOrder(state), state, 'inProgress')].map((e) => ({
          ...e,
          time: expect.any(String),
        })),
      ]);
      expect(c.lines).toEqual([[{ event: 'order.finished', orderId: 'O-1', state }, 'order finished']]);
      // One read of the order: the announcement does not ask the IBSS again.
      expect(c.changed).toEqual(['O-1']);
      expect(c.completed).toEqual([]);
    },
  );

  it.each(['cancelled', 'rejected'] as const)(
    'F9: an order %s is recorded but not announced',
    async (state) => {
      const c = callbackDeps(ibssOrder(state));
      expect(await recordOrderCallback(c.deps, { orderId: 'O-1', state, previousState: null })).toBe(
        'recorded',
      );
      expect(c.emitted).toHaveLength(1);
      expect(c.lines).toEqual([]);
    },
  );
});
