import { tagVersions } from '../../lib/cache/tags';
import type { DomainEvent } from '../../lib/events/event';
import { MemoryStore, type KeyValueStore } from '../../lib/kv';
import type { OrderItemModel, OrderModel } from '../../legacy/ibss/models';
import type { NewDelivery } from '../../subgraphs/orders/services/webhooks/delivery-queue';
import { WebhookFanIn, orderEvent, type FanInDeps } from '../../subgraphs/orders/services/webhooks/fan-in';
import { CLOUD_EVENT_TYPES } from '../../subgraphs/orders/services/webhooks/models';
import type { Recipient } from '../../subgraphs/orders/services/webhooks/subscription-store';
import { order } from '../support/orders-fakes';
import { levelLogger } from '../support/webhooks-fakes';

/**
 * R4: the webhook fan-in turns an order event into one queued delivery per live subscription of
 * the partners whose products the order holds, each carrying only that partner's own items.
 */
const STATE = CLOUD_EVENT_TYPES.ORDER_STATE_CHANGED;
const COMPLETED = CLOUD_EVENT_TYPES.ORDER_COMPLETED;

const event = (extra: Partial<DomainEvent> = {}, data: DomainEvent['data'] = {}): DomainEvent => ({
  id: 'EV-1',
  type: 'order.state-changed',
  time: '2026-11-30T10:00:00.000Z',
  source: 'orders',
  customerId: 'C-1',
  accountId: 'A-1',
  subjectId: 'O-1',
  partnerId: 'P-1',
  recipients: [],
  data: { state: 'inProgress', previousState: 'acknowledged', ...data },
  ...extra,
});

const item = (
  offeringId: string | null,
  serviceId: string | null,
  partnerId?: string | null,
): OrderItemModel =>
  ({
    id: `I-${offeringId}`,
    offeringId,
    serviceId,
    ...(partnerId === undefined ? {} : { partnerId }),
  }) as OrderItemModel;

/** Order O-1 with `items`; subscriptions ES-1 (P-1, both types) and ES-2 (P-2, state changes). */
function fanIn(
  items: OrderItemModel[] = [item('TV', 'S-1', 'P-1'), item('MUSIC', 'S-2', 'P-2'), item('MOB', 'S-3', null)],
  options: {
    recipients?: Recipient[];
    seq?: string | number | null;
    store?: KeyValueStore;
    state?: string;
  } = {},
) {
  const calls: unknown[][] = [];
  const queued: NewDelivery[] = [];
  const store = options.store ?? new MemoryStore();
  const { lines, logger } = levelLogger();
  const deps: FanInDeps = {
    db: {
      query: async <T>(sql: string, params?: unknown[]) => {
        calls.push(['db', sql, params]);
        return (options.seq === null ? [] : [{ seq: options.seq ?? '41' }]) as T[];
      },
    },
    subscriptions: {
      recipients: async (partnerIds, types) => {
        calls.push(['recipients', partnerIds, types]);
        // Given recipients are answered as they are, whichever partners were asked for.
        return (
          options.recipients ??
          [
            { id: 'ES-1', partnerId: 'P-1', types: [STATE, COMPLETED] },
            { id: 'ES-2', partnerId: 'P-2', types: [STATE] },
          ].filter((r) => partnerIds.includes(r.partnerId))
        );
      },
    },
    queue: {
      enqueue: async (deliveries) => {
        queued.push(...deliveries);
        return deliveries.length;
      },
    },
    ibss: {
      getOrders: async (ids) => {
        calls.push(['getOrders', ids]);
        return ids
          .filter((id) => id === 'O-1')
          .map(() => ({ ...order('O-1', 'C-1', 'A-1', options.state ?? 'inProgress'), items }) as OrderModel);
      },
    },
    catalogue: {
      getOfferings: async (ids) => {
        calls.push(['getOfferings', ids]);
        return ids.map((id) => ({ id, partnerId: id === 'GAME' ? 'P-2' : null })) as never;
      },
    },
    store,
    logger,
  };
  return { fan: new WebhookFanIn(deps), calls, queued, store, lines };
}

describe('fanIn', () => {
  it("R4: one delivery per subscription, each with only its partner's own items", async () => {
    const { fan, calls, queued } = fanIn();
    expect(await fan.fanIn(event())).toBe(2);
    expect(calls).toEqual([
      ['getOrders', ['O-1']],
      ['recipients', ['P-1', 'P-2'], [STATE]],
      ['db', 'SELECT seq FROM domain_events WHERE id = $1', ['EV-1']],
    ]);
    expect(queued).toEqual([
      {
        subscriptionId: 'ES-1',
        position: 41,
        payload: {
          specversion: '1.0',
          id: 'EV-1',
          source: 'urn:ssm:orders',
          type: STATE,
          time: '2026-11-30T10:00:00.000Z',
          subject: 'O-1',
          datacontenttype: 'application/json',
          sequence: '00000000000000000041',
          data: {
            orderId: 'O-1',
            state: 'inProgress',
            previousState: 'acknowledged',
            offeringIds: ['TV'],
            subscriptionIds: ['S-1'],
          },
        },
      },
      expect.objectContaining({
        subscriptionId: 'ES-2',
        payload: expect.objectContaining({
          data: expect.objectContaining({ offeringIds: ['MUSIC'], subscriptionIds: ['S-2'] }),
        }),
      }),
    ]);
  });

  it('R4: a completed order goes as order.completed to those who asked for it, else as a state change', async () => {
    const { fan, calls, queued } = fanIn(undefined, { seq: 7 });
    expect(await fan.fanIn(event({}, { state: 'completed' }))).toBe(2);
    expect(calls[1]).toEqual(['recipients', ['P-1', 'P-2'], [COMPLETED, STATE]]);
    expect(queued.map((d) => [d.subscriptionId, d.payload.type, d.position, d.payload.data.state])).toEqual([
      ['ES-1', COMPLETED, 7, 'completed'],
      ['ES-2', STATE, 7, 'completed'],
    ]);
  });

  it("R4: the state is the order's own when the event does not say it; no previous state is null", async () => {
    const { fan, calls, queued } = fanIn(undefined, { state: 'completed' });
    await fan.fanIn(event({}, { state: 3, previousState: null }));
    expect(calls[1]).toEqual(['recipients', ['P-1', 'P-2'], [COMPLETED, STATE]]);
    expect(queued[0].payload.data).toMatchObject({ state: 'completed', previousState: null });
  });

  it('R4: an event whose outbox row is gone carries no sequence', async () => {
    const { fan, queued } = fanIn(undefined, { seq: null });
    await fan.fanIn(event());
    expect(queued[0].position).toBeNull();
    expect(queued[0].payload).not.toHaveProperty('sequence');
  });

  it("R4: retires the partners' cached views before any delivery", async () => {
    const { fan, store } = fanIn();
    await fan.fanIn(event());
    expect(await tagVersions(store, ['partner:P-1', 'partner:P-2', 'partner:null'])).toEqual(['1', '1', '0']);
  });

  it('R4: a store that cannot retire the views is logged, and the deliveries still go', async () => {
    const failure = new Error('store down');
    const broken = Object.assign(new MemoryStore(), {
      incr: async () => {
        throw failure;
      },
    });
    const { fan, lines } = fanIn(undefined, { store: broken });
    expect(await fan.fanIn(event())).toBe(2);
    expect(lines).toEqual([['warn', { err: failure }, 'partner views not invalidated']]);
  });

  it('R4: the catalogue names the partner of an item the IBSS did not, once per offering', async () => {
    const items = [
      item('GAME', 'S-1'),
      item('GAME', 'S-4'),
      item('FREE', null),
      item(null, 'S-5'),
      item('TV', 'S-1', 'P-1'),
    ];
    const { fan, calls, queued } = fanIn(items);
    expect(await fan.fanIn(event())).toBe(2);
    expect(calls[1]).toEqual(['getOfferings', ['GAME', 'FREE']]);
    expect(calls[2]).toEqual(['recipients', ['P-2', 'P-1'], [STATE]]);
    expect(
      queued.map((d) => [d.subscriptionId, d.payload.data.offeringIds, d.payload.data.subscriptionIds]),
    ).toEqual([
      ['ES-1', ['TV'], ['S-1']],
      ['ES-2', ['GAME'], ['S-1', 'S-4']],
    ]);
  });

  it('R4: asks the catalogue nothing when the IBSS named every partner', async () => {
    const items = [
      item('TV', 'S-1', 'P-1'),
      item('TV', 'S-1', 'P-1'),
      item(null, null, 'P-1'),
      item('X', null, null),
    ];
    const { fan, calls, queued } = fanIn(items);
    await fan.fanIn(event());
    expect(calls.map((c) => c[0])).not.toContain('getOfferings');
    expect(queued.map((d) => [d.payload.data.offeringIds, d.payload.data.subscriptionIds])).toEqual([
      [['TV'], ['S-1']],
    ]);
  });

  it('R4: an order holding no partner product queues nothing and retires nothing', async () => {
    const { fan, calls, store } = fanIn([item('MOB', 'S-3', null)]);
    expect(await fan.fanIn(event())).toBe(0);
    expect(calls.map((c) => c[0])).toEqual(['getOrders']);
    expect(await tagVersions(store, ['partner:P-1'])).toEqual(['0']);
  });

  it('R4: events that name no partner, or are not order changes, are ignored without a look-up', async () => {
    const { fan, calls } = fanIn();
    expect(await fan.fanIn(event({ partnerId: null }))).toBe(0);
    expect(await fan.fanIn(event({ partnerId: null }, { partnerIds: 'P-1' }))).toBe(0);
    expect(await fan.fanIn(event({ type: 'bill.issued' }))).toBe(0);
    expect(calls).toEqual([]);
    expect(await fan.fanIn(event({ partnerId: null }, { partnerIds: ['P-9'] }))).toBe(2);
  });

  it('R4: an order the IBSS does not know is logged and skipped', async () => {
    const { fan, lines, queued } = fanIn();
    expect(await fan.fanIn(event({ subjectId: 'O-404' }))).toBe(0);
    expect(lines).toEqual([
      ['warn', { event: 'webhooks.order-unknown', orderId: 'O-404' }, 'order not found'],
    ]);
    expect(queued).toEqual([]);
  });

  it('queues nothing and reads no position when no subscription wants the event', async () => {
    const { fan, calls, queued } = fanIn(undefined, { recipients: [] });
    expect(await fan.fanIn(event())).toBe(0);
    expect(calls.map((c) => c[0])).toEqual(['getOrders', 'recipients']);
    expect(queued).toEqual([]);
  });

  it('a recipient asking for neither candidate, or of a partner without items, gets a bare state change', async () => {
    const { fan, queued } = fanIn(undefined, {
      recipients: [{ id: 'ES-5', partnerId: 'P-1', types: [] }],
    });
    await fan.fanIn(event({}, { state: 'completed' }));
    expect(queued[0].payload.type).toBe(STATE);
    const other = fanIn(undefined, { recipients: [{ id: 'ES-6', partnerId: 'P-7', types: [STATE] }] });
    await other.fan.fanIn(event());
    expect(other.queued[0].payload.data).toMatchObject({ offeringIds: [], subscriptionIds: [] });
  });
});

describe('handle', () => {
  it('R4: fans events in one at a time, in order; a failed one does not stop the next', async () => {
    const { fan } = fanIn();
    const order: string[] = [];
    let release = () => undefined as void;
    const fanInOne = fan.fanIn.bind(fan);
    fan.fanIn = async (e: DomainEvent) => {
      order.push(`start ${e.id}`);
      if (e.id === 'EV-1') await new Promise<void>((resolve) => (release = resolve));
      if (e.id === 'EV-2') throw new Error('IBSS down');
      const n = await fanInOne(e);
      order.push(`end ${e.id}`);
      return n;
    };
    const first = fan.handle(event());
    const second = fan.handle(event({ id: 'EV-2' }));
    const third = fan.handle(event({ id: 'EV-3' }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['start EV-1']);
    release();
    await expect(first).resolves.toBe(2);
    await expect(second).rejects.toThrow('IBSS down');
    await expect(third).resolves.toBe(2);
    expect(order).toEqual(['start EV-1', 'end EV-1', 'start EV-2', 'start EV-3', 'end EV-3']);
  });
});

describe('orderEvent', () => {
  it('R4: carries ids and states only, with the sequence zero-padded to sort as text', () => {
    const own = { offeringIds: ['TV'], subscriptionIds: ['S-1'] };
    const payload = orderEvent(event(), COMPLETED, 'completed', own, 12345);
    expect(payload).toEqual({
      specversion: '1.0',
      id: 'EV-1',
      source: 'urn:ssm:orders',
      type: COMPLETED,
      time: '2026-11-30T10:00:00.000Z',
      subject: 'O-1',
      datacontenttype: 'application/json',
      sequence: '00000000000000012345',
      data: {
        orderId: 'O-1',
        state: 'completed',
        previousState: 'acknowledged',
        offeringIds: ['TV'],
        subscriptionIds: ['S-1'],
      },
    });
    expect(JSON.stringify(payload)).not.toMatch(/C-1|A-1/);
  });
});
