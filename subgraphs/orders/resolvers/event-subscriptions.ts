import type {
  EventSubscriptionResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../__generated__/resolvers-types';
import {
  createEventSubscription,
  deadLetters,
  deleteEventSubscription,
  eventSubscription,
  eventSubscriptions,
} from '../services/webhooks/event-subscriptions';

/** R4: a partner's webhook registrations (services/webhooks; CAMARA-style event subscriptions). */
export const EventSubscriptionQuery: Pick<QueryResolvers, 'eventSubscriptions' | 'eventSubscription'> = {
  eventSubscriptions: (_p, _a, ctx) => eventSubscriptions(ctx.webhooks, ctx.actor),
  eventSubscription: (_p, { id }, ctx) => eventSubscription(ctx.webhooks, ctx.actor, id),
};

export const EventSubscriptionMutation: Pick<
  MutationResolvers,
  'createEventSubscription' | 'deleteEventSubscription'
> = {
  createEventSubscription: (_p, { input }, ctx) => createEventSubscription(ctx.webhooks, ctx.actor, input),
  deleteEventSubscription: (_p, { id }, ctx) => deleteEventSubscription(ctx.webhooks, ctx.actor, id),
};

export const EventSubscription: EventSubscriptionResolvers = {
  // A subscription whose expiry passed delivers nothing more (the dispatcher sends its `ends`).
  status: (s) => (s.expiresAt !== null && Date.parse(s.expiresAt) <= Date.now() ? 'EXPIRED' : 'ACTIVE'),
  pendingDeliveries: (s, _a, ctx) => ctx.webhooks.queue.pendingCount(s.id),
  deadLetters: (s, { first }, ctx) => deadLetters(ctx.webhooks, s, first),
};
