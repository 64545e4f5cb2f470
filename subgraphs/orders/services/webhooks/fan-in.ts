import { bumpTags, partnerTag } from '../../../../lib/cache/tags';
import type { DomainEvent } from '../../../../lib/events/event';
import type { KeyValueStore } from '../../../../lib/kv';
import type { Logger } from '../../../../lib/logger';
import type { Database } from '../../../../lib/store/database';
import type { CatalogueAdapter } from '../../../../legacy/catalogue/client';
import type { IbssAdapter } from '../../../../legacy/ibss/client';
import type { OrderItemModel, OrderModel } from '../../../../legacy/ibss/models';
import type { DeliveryQueue } from './delivery-queue';
import { CLOUD_EVENT_TYPES, EVENT_SOURCE, type CloudEvent, type CloudEventType } from './models';
import type { SubscriptionStore } from './subscription-store';

export interface FanInDeps {
  db: Pick<Database, 'query'>;
  subscriptions: Pick<SubscriptionStore, 'recipients'>;
  queue: Pick<DeliveryQueue, 'enqueue'>;
  ibss: Pick<IbssAdapter, 'getOrders'>;
  catalogue: Pick<CatalogueAdapter, 'getOfferings'>;
  store: KeyValueStore;
  logger: Logger;
}

/** What one partner may see of an order: its own items' offerings and subscriptions (services). */
interface OwnItems {
  offeringIds: string[];
  subscriptionIds: string[];
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The partners an event names (B1's contract: `partnerId`, and all of them in `data.partnerIds`). */
function partnersNamed(event: DomainEvent): string[] {
  const listed = Array.isArray(event.data.partnerIds) ? event.data.partnerIds : [];
  return [...new Set([...(event.partnerId ? [event.partnerId] : []), ...listed])];
}

/**
 * The webhook fan-in (R4): turns each `order.state-changed` event about partners' products into
 * one queued delivery per live subscription of those partners that asked for its type. It runs
 * as the `webhooks` consumer group of the bus (one member per event, across processes); a failed
 * fan-in throws, so the bus hands the event over again, and the unique (subscription, event)
 * makes the second pass queue nothing twice.
 *
 * Which partner an event concerns is decided from the order as the IBSS reports it (each item's
 * partner), not from the event alone: only a partner's own items go into its payload, and a
 * bundle with two partners' products reaches both.
 */
export class WebhookFanIn {
  /** Events are fanned in one at a time, in the order the bus gives them. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: FanInDeps) {}

  /** Fans one event in after the ones before it; how many deliveries it queued. */
  readonly handle = (event: DomainEvent): Promise<number> => {
    const run = this.chain.then(() => this.fanIn(event));
    this.chain = run.catch(() => undefined);
    return run;
  };

  async fanIn(event: DomainEvent): Promise<number> {
    if (event.type !== 'order.state-changed' || partnersNamed(event).length === 0) return 0;
    const [order] = await this.deps.ibss.getOrders([event.subjectId]);
    if (!order) {
      this.deps.logger.warn({ event: 'webhooks.order-unknown', orderId: event.subjectId }, 'order not found');
      return 0;
    }
    const own = await this.itemsByPartner(order);
    const partners = [...own.keys()];
    if (partners.length === 0) return 0;
    // Before any delivery: a partner reading its views on receiving one sees at least this state.
    await bumpTags(this.deps.store, partners.map(partnerTag)).catch((error: unknown) =>
      this.deps.logger.warn({ err: error }, 'partner views not invalidated'),
    );
    const state = text(event.data.state) ?? order.state;
    const candidates: CloudEventType[] =
      state === 'completed'
        ? [CLOUD_EVENT_TYPES.ORDER_COMPLETED, CLOUD_EVENT_TYPES.ORDER_STATE_CHANGED]
        : [CLOUD_EVENT_TYPES.ORDER_STATE_CHANGED];
    const recipients = await this.deps.subscriptions.recipients(partners, candidates);
    if (recipients.length === 0) return 0;
    const position = await this.positionOf(event.id);
    return this.deps.queue.enqueue(
      recipients.map((r) => ({
        subscriptionId: r.id,
        position,
        // The most specific type the subscription asked for: one delivery per event and sink.
        payload: orderEvent(
          event,
          candidates.find((c) => r.types.includes(c)) ?? CLOUD_EVENT_TYPES.ORDER_STATE_CHANGED,
          state,
          own.get(r.partnerId) ?? { offeringIds: [], subscriptionIds: [] },
          position,
        ),
      })),
    );
  }

  /** The event's place in the outbox (the relay publishes in that order); null if pruned. */
  private async positionOf(eventId: string): Promise<number | null> {
    const [row] = await this.deps.db.query<{ seq: string | number }>(
      'SELECT seq FROM domain_events WHERE id = $1',
      [eventId],
    );
    return row ? Number(row.seq) : null;
  }

  /** Each partner's items of the order; the catalogue names the partner when the IBSS did not. */
  private async itemsByPartner(order: OrderModel): Promise<Map<string, OwnItems>> {
    const unknown = order.items.filter((i) => i.partnerId === undefined && i.offeringId !== null);
    const offerings = unknown.length
      ? await this.deps.catalogue.getOfferings([...new Set(unknown.map((i) => i.offeringId as string))])
      : [];
    const partnerOfOffering = new Map(offerings.map((o) => [o.id, o.partnerId]));
    const partnerOf = (i: OrderItemModel): string | null =>
      i.partnerId !== undefined ? i.partnerId : (partnerOfOffering.get(i.offeringId ?? '') ?? null);
    const own = new Map<string, OwnItems>();
    for (const item of order.items) {
      const partnerId = partnerOf(item);
      if (!partnerId) continue;
      const entry = own.get(partnerId) ?? { offeringIds: [], subscriptionIds: [] };
      if (item.offeringId && !entry.offeringIds.includes(item.offeringId))
        entry.offeringIds.push(item.offeringId);
      if (item.serviceId && !entry.subscriptionIds.includes(item.serviceId))
        entry.subscriptionIds.push(item.serviceId);
      own.set(partnerId, entry);
    }
    return own;
  }
}

/**
 * The CloudEvents 1.0 payload of an order event for one partner: ids and states only, never the
 * customer, account, number or anything personal. `sequence` (the CloudEvents sequence
 * extension, zero-padded so it sorts as text) lets a receiver check the order of events.
 */
export function orderEvent(
  event: DomainEvent,
  type: CloudEventType,
  state: string,
  own: OwnItems,
  position: number | null,
): CloudEvent & { sequence?: string } {
  return {
    specversion: '1.0',
    id: event.id,
    source: EVENT_SOURCE,
    type,
    time: event.time,
    subject: event.subjectId,
    datacontenttype: 'application/json',
    ...(position === null ? {} : { sequence: String(position).padStart(20, '0') }),
    data: {
      orderId: event.subjectId,
      state,
      previousState: text(event.data.previousState),
      offeringIds: own.offeringIds,
      subscriptionIds: own.subscriptionIds,
    },
  };
}
