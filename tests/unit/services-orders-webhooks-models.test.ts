import {
  CLOUD_EVENT_TYPES,
  EVENT_SOURCE,
  SUBSCRIPTION_ENDS,
  WEBHOOK_DEFAULTS,
  typeNameOf,
} from '../../subgraphs/orders/services/webhooks/models';

describe('R4: webhook event types and defaults (services/webhooks/models)', () => {
  it('R4: deliveries carry the CloudEvents types, source and lifecycle type partners are told of', () => {
    expect(CLOUD_EVENT_TYPES).toEqual({
      ORDER_STATE_CHANGED: 'org.ssm.order.state-changed',
      ORDER_COMPLETED: 'org.ssm.order.completed',
    });
    expect(SUBSCRIPTION_ENDS).toBe('org.ssm.subscription.ends');
    expect(EVENT_SOURCE).toBe('urn:ssm:orders');
  });

  it('R4: a CloudEvents type maps back to its API name', () => {
    expect(typeNameOf('org.ssm.order.state-changed')).toBe('ORDER_STATE_CHANGED');
    expect(typeNameOf('org.ssm.order.completed')).toBe('ORDER_COMPLETED');
  });

  it('R4: a type that is not a partner event type (the lifecycle one included) has no API name', () => {
    expect(typeNameOf(SUBSCRIPTION_ENDS)).toBeNull();
    expect(typeNameOf('ORDER_COMPLETED')).toBeNull();
    expect(typeNameOf('')).toBeNull();
  });

  it('R4: delivery defaults: 8 attempts, backoff 2 s up to 15 min, 5 s timeout, polled every second', () => {
    expect(WEBHOOK_DEFAULTS).toEqual({
      httpsOnly: false,
      maxAttempts: 8,
      backoffBaseMs: 2_000,
      backoffMaxMs: 900_000,
      timeoutMs: 5_000,
      pollIntervalMs: 1_000,
    });
  });
});
