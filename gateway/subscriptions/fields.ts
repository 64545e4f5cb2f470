import type { Actor } from '../../lib/actor';
import type { DomainEvent, DomainEventType } from '../../lib/events/event';

/**
 * What each Subscription field listens to and how one of its events is read (issue 13): every
 * event is re-resolved as the EQUIVALENT QUERY with the subscriber's rights, so a subscription is
 * exactly as authorized as that query. The keys let the registry find a subscription's events
 * without looking at every subscription (lib/events/event.ts has the contract of each event type).
 */
export interface SubscriptionField {
  /** The Query field an event is re-resolved with. */
  queryField: string;
  /** The event type it follows. */
  eventType: DomainEventType;
  /**
   * The registry key of a subscription of this field: it receives the events whose `eventKeys`
   * contain it. Null: the subscription cannot be served (e.g. an actor with no customer).
   */
  subscriptionKey(args: Record<string, unknown>, actor: Actor): string | null;
  /** The keys an event is delivered under. */
  eventKeys(event: DomainEvent): string[];
  /**
   * The query takes the event's subject as `id` (the subscription field has no id of its own).
   * Otherwise it takes the subscription field's own arguments unchanged.
   */
  idFromEvent: boolean;
  /**
   * Which field of the answer says the subject reached its last state (orderUpdated ends then);
   * the gateway adds it to the query under an alias of its own and strips it before delivery.
   */
  finalState?: { field: string; states: readonly string[] };
  /** The event itself says the subject reached its last state (the answer may lag behind it). */
  endsOn?: (event: DomainEvent) => boolean;
  /** Only a final answer is news (a test's result): an answer still in progress is skipped. */
  onlyFinal?: boolean;
  /**
   * Asked once when subscribing, to say NOT_FOUND/FORBIDDEN then rather than on the first event:
   * the equivalent query with the subscription's arguments, or another visibility check.
   */
  check: 'equivalent' | { query: string; variable: string } | null;
}

const ORDER_FINAL = ['completed', 'failed', 'partial', 'cancelled', 'rejected'] as const;

const bySubject = (event: DomainEvent): string[] => [`${event.type}:${event.subjectId}`];

export const SUBSCRIPTION_FIELDS: Record<string, SubscriptionField> = {
  orderUpdated: {
    queryField: 'productOrder',
    eventType: 'order.state-changed',
    subscriptionKey: (args) => `order.state-changed:${String(args.id)}`,
    eventKeys: bySubject,
    idFromEvent: false,
    finalState: { field: 'state', states: ORDER_FINAL },
    endsOn: (event) => ORDER_FINAL.some((s) => s === event.data.state),
    check: 'equivalent',
  },
  serviceTestCompleted: {
    queryField: 'serviceTest',
    eventType: 'service-test.completed',
    subscriptionKey: (args) => `service-test.completed:${String(args.id)}`,
    eventKeys: bySubject,
    idFromEvent: false,
    // A test completes once: its result ends the subscription (also when it had already ended).
    finalState: { field: 'state', states: ['completed', 'failed'] },
    onlyFinal: true,
    check: 'equivalent',
  },
  troubleTicketUpdated: {
    queryField: 'troubleTicket',
    eventType: 'ticket.updated',
    subscriptionKey: (args) => `ticket.updated:${String(args.id)}`,
    eventKeys: bySubject,
    idFromEvent: false,
    check: 'equivalent',
  },
  networkAlarms: {
    queryField: 'networkAlarm',
    eventType: 'network.alarm',
    // Alarms are about areas: an event names the customers it affects, and the query (with the
    // subscriber's rights and optional service) answers null for an alarm that is not theirs.
    subscriptionKey: (_args, actor) =>
      actor.kind === 'customerUser' ? `network.alarm:${actor.customerId}` : null,
    eventKeys: (event) => {
      const affected = event.data.customerIds;
      return Array.isArray(affected) ? affected.map((c) => `network.alarm:${c}`) : [];
    },
    idFromEvent: true,
    check: { query: 'query($id: ID!) { service(id: $id) { id } }', variable: 'serviceId' },
  },
  notificationReceived: {
    queryField: 'notification',
    eventType: 'notification.created',
    subscriptionKey: (_args, actor) =>
      actor.kind === 'customerUser' ? `notification.created:${actor.userId}` : null,
    eventKeys: (event) => event.recipients.map((r) => `notification.created:${r}`),
    idFromEvent: true,
    check: null,
  },
};

/** The variable that carries the event's subject into an `idFromEvent` query. */
export const EVENT_VARIABLE = 'ssmEvent__';
/** The alias under which the gateway reads `finalState.field`. */
export const FINAL_STATE_ALIAS = 'ssmFinalState__';
