import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * What happened in a legacy system or in the SSM store, as the rest of the system hears of it
 * (issue 13). Events carry ids and states, never personal data (names, numbers, addresses): a
 * consumer that needs more reads it with its own rights (the gateway re-resolves each event
 * through the federated graph as the subscriber; partners get only these fields).
 */
export const EVENT_TYPES = [
  /** An IBSS order changed state (acknowledged, pending, inProgress, completed, failed, partial, cancelled). */
  'order.state-changed',
  /** A line, speed or SLA test finished (faults). */
  'service-test.completed',
  /** A trouble ticket got a note or changed state (faults). */
  'ticket.updated',
  /** A network alarm or planned outage was raised or cleared in an area (faults). */
  'network.alarm',
  /** A bill was issued for an account (billing). */
  'bill.issued',
  /** A payment was settled on an account (billing). */
  'payment.settled',
  /** A service's spend this month crossed the alert threshold set in self-care (billing). */
  'usage.alert',
  /** A grant was created, changed or revoked (customer). */
  'grant.changed',
  /** A notification landed in a user's in-app inbox (customer). */
  'notification.created',
] as const;

export type DomainEventType = (typeof EVENT_TYPES)[number];

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const domainEventSchema = z.object({
  /** Unique per event; consumers drop a second delivery of the same id. */
  id: z.string().min(1).max(200),
  type: z.enum(EVENT_TYPES),
  /** ISO 8601, when the change happened (as the legacy system reported it, else when recorded). */
  time: z.string(),
  /** Which subgraph recorded it. */
  source: z.string(),
  /** The customer whose data changed; null for events about an area (network alarms). */
  customerId: z.string().nullable(),
  /** The account the change belongs to, when there is one (grants over accounts decide access). */
  accountId: z.string().nullable().default(null),
  /** The order, test, ticket, alarm, bill, payment, grant or notification the event is about. */
  subjectId: z.string(),
  /** The partner whose product the event concerns (partner webhooks), if any. */
  partnerId: z.string().nullable().default(null),
  /** Users who should hear of it in person (in-app inbox, SMS, e-mail), when the source knows them. */
  recipients: z.array(z.string()).default([]),
  /** Type-specific facts: states, ids, area ids. No names, numbers or addresses. */
  data: z.record(z.string(), scalar).default({}),
});

export type DomainEvent = z.infer<typeof domainEventSchema>;
export type NewDomainEvent = Omit<
  DomainEvent,
  'id' | 'time' | 'accountId' | 'partnerId' | 'recipients' | 'data'
> &
  Partial<Pick<DomainEvent, 'id' | 'time' | 'accountId' | 'partnerId' | 'recipients' | 'data'>>;

/**
 * Completes an event with defaults. Give `id` when the same change can be reported twice (a legacy
 * callback retried, a feed read by two processes): a stable id makes the second one a no-op.
 */
export function domainEvent(event: NewDomainEvent): DomainEvent {
  return {
    id: event.id ?? randomUUID(),
    time: event.time ?? new Date().toISOString(),
    accountId: event.accountId ?? null,
    partnerId: event.partnerId ?? null,
    recipients: event.recipients ?? [],
    data: event.data ?? {},
    type: event.type,
    source: event.source,
    customerId: event.customerId,
    subjectId: event.subjectId,
  };
}

/** Reads an event from the bus; null for anything that is not one (logged by the caller). */
export function parseEvent(raw: string): DomainEvent | null {
  try {
    const parsed = domainEventSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
