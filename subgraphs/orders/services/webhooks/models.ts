import type { WebhookOptions } from '../../../../lib/config';

/**
 * Partner webhooks (R4, issue 13): the event types a partner subscribes to, as the API names them
 * (GraphQL enum) and as deliveries carry them (CloudEvents `type`, CAMARA style).
 */
export const CLOUD_EVENT_TYPES = {
  ORDER_STATE_CHANGED: 'org.ssm.order.state-changed',
  ORDER_COMPLETED: 'org.ssm.order.completed',
} as const;

export type PartnerEventTypeName = keyof typeof CLOUD_EVENT_TYPES;
export type CloudEventType = (typeof CLOUD_EVENT_TYPES)[PartnerEventTypeName];

/** Lifecycle event, sent whatever the subscription's types (CAMARA `subscription-ends`). */
export const SUBSCRIPTION_ENDS = 'org.ssm.subscription.ends';

/** Where every delivery says it comes from (CloudEvents `source`). */
export const EVENT_SOURCE = 'urn:ssm:orders';

export const typeNameOf = (type: string): PartnerEventTypeName | null =>
  (Object.keys(CLOUD_EVENT_TYPES) as PartnerEventTypeName[]).find((k) => CLOUD_EVENT_TYPES[k] === type) ??
  null;

/** One subscription as its partner sees it (never its secret or credential). */
export interface EventSubscriptionModel {
  id: string;
  partnerId: string;
  types: PartnerEventTypeName[];
  sink: string;
  hasSinkCredential: boolean;
  expiresAt: string | null;
  createdAt: string;
}

/** A delivery given up: what the partner may see of it. */
export interface DeadLetterModel {
  eventId: string;
  type: string;
  time: string;
  attempts: number;
  lastError: string | null;
}

/** A CloudEvents 1.0 event in structured JSON mode: what a sink receives. */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject?: string;
  datacontenttype: 'application/json';
  data: Record<string, string | string[] | null>;
}

/** How deliveries are made (lib/config.ts); every field has a default. */
export type WebhookSettings = WebhookOptions;

export const WEBHOOK_DEFAULTS: WebhookSettings = {
  httpsOnly: false,
  maxAttempts: 8,
  backoffBaseMs: 2_000,
  backoffMaxMs: 15 * 60_000,
  timeoutMs: 5_000,
  pollIntervalMs: 1_000,
};
