import { Counter, Gauge, Histogram } from 'prom-client';
import type { EventBus, Unsubscribe } from '../../lib/events/bus';
import type { DomainEvent } from '../../lib/events/event';
import type { Logger } from '../../lib/logger';
import { registry } from '../../lib/metrics';
import { SUBSCRIPTION_FIELDS } from './fields';
import type { LiveSubscription } from './live';

export const openSubscriptions = new Gauge({
  name: 'ssm_gateway_subscriptions_open',
  help: 'Subscriptions open at the gateway (WebSocket and SSE).',
  labelNames: ['transport'] as const,
  registers: [registry],
});

export const subscriptionEvents = new Counter({
  name: 'ssm_gateway_subscription_events_total',
  help: 'Events matched to open subscriptions, by outcome: delivered, skipped (not for this subscriber), ended (the subscription ended on it), dropped (client too far behind).',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

/**
 * How long events take to reach their subscribers, in two stages an operator can tell apart:
 * `bus`, from the event's time (when its change happened, in the subgraph) to this gateway
 * matching it to subscriptions (outbox, relay, Redis Streams); `gateway`, from matching to the
 * payload handed to the subscriber's connection (waiting for admission and for the subscription's
 * earlier events, re-resolution as the subscriber). Observed for events that reach a subscription.
 */
export const subscriptionEventDelay = new Histogram({
  name: 'ssm_gateway_subscription_event_delay_seconds',
  help: 'Delay of events on their way to subscribers, by stage: bus (event time to matched at this gateway), gateway (matched to payload sent).',
  labelNames: ['stage'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});

/** The subscription field each event type feeds, to compute an event's keys once per event. */
const FIELDS_BY_EVENT = new Map(
  Object.values(SUBSCRIPTION_FIELDS).map((field) => [field.eventType, field] as const),
);

/**
 * This process's open subscriptions, indexed by the key their events carry (an order id, a
 * recipient, an affected customer), so an event costs one lookup per key however many
 * subscriptions are open. One bus follower per gateway process feeds it.
 */
export class SubscriptionRegistry {
  private readonly byKey = new Map<string, Set<LiveSubscription>>();
  private readonly perActor = new Map<string, number>();
  private unfollow: Unsubscribe | null = null;

  constructor(private readonly logger: Logger) {}

  /** Starts following the bus (once); events before this call are not seen. */
  async follow(bus: EventBus): Promise<void> {
    if (this.unfollow) return;
    this.unfollow = await bus.follow((event) => this.dispatch(event));
  }

  /** How many subscriptions `actorKey` holds in this process. */
  countFor(actorKey: string): number {
    return this.perActor.get(actorKey) ?? 0;
  }

  /** Registers `live` under its key until it closes. */
  add(live: LiveSubscription, transport: 'ws' | 'sse'): void {
    let set = this.byKey.get(live.key);
    if (!set) this.byKey.set(live.key, (set = new Set()));
    set.add(live);
    this.perActor.set(live.actorKey, this.countFor(live.actorKey) + 1);
    openSubscriptions.inc({ transport });
    live.onClose(() => {
      const current = this.byKey.get(live.key);
      current?.delete(live);
      if (current?.size === 0) this.byKey.delete(live.key);
      const left = this.countFor(live.actorKey) - 1;
      if (left > 0) this.perActor.set(live.actorKey, left);
      else this.perActor.delete(live.actorKey);
      openSubscriptions.dec({ transport });
    });
  }

  /** Hands an event to every subscription under one of its keys (each queues it, cheap). */
  dispatch(event: DomainEvent): void {
    const field = FIELDS_BY_EVENT.get(event.type);
    if (!field) return;
    let matched = false;
    for (const key of field.eventKeys(event)) {
      const set = this.byKey.get(key);
      if (!set) continue;
      if (!matched) {
        matched = true;
        const since = Date.now() - Date.parse(event.time);
        if (Number.isFinite(since))
          subscriptionEventDelay.observe({ stage: 'bus' }, Math.max(0, since) / 1000);
      }
      // A copy: a subscription that overflows removes itself from the set while we iterate.
      for (const live of [...set]) {
        if (live.push(event)) continue;
        subscriptionEvents.inc({ outcome: 'dropped' });
        this.logger.warn({ eventType: event.type }, 'subscriber too far behind; closed');
      }
    }
  }

  get size(): number {
    let n = 0;
    for (const set of this.byKey.values()) n += set.size;
    return n;
  }

  async stop(): Promise<void> {
    await this.unfollow?.();
    this.unfollow = null;
    for (const set of [...this.byKey.values()]) for (const live of [...set]) live.close();
  }
}
