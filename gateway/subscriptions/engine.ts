import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { bulkhead, type BulkheadPolicy } from 'cockatiel';
import {
  GraphQLError,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { Actor } from '../../lib/actor';
import { BoundedMap } from '../../lib/bounded';
import type { DomainEvent } from '../../lib/events/event';
import type { Locale } from '../../lib/i18n/locale';
import { withRequestLocale } from '../../lib/i18n/request-locale';
import { localize, msg } from '../../lib/i18n/text';
import type { KeyValueStore } from '../../lib/kv';
import type { Logger } from '../../lib/logger';
import {
  AuthenticationError,
  actorOf,
  expiredSince,
  verifyCredential,
  type Credential,
} from '../authenticate';
import { check, type GatewayRule } from '../authorize';
import type { GatewayContext } from '../context';
import { localeForRequest } from '../locale';
import { RateLimitedError, rateLimitedBody, type GatewayRateLimiter } from '../rate-limit';
import { EVENT_VARIABLE, FINAL_STATE_ALIAS, type SubscriptionField } from './fields';
import { LiveSubscription, type EndStyle, type Outcome } from './live';
import { parseSubscription, type SubscriptionDeps, type SubscriptionRequest } from './parse';
import { subscriptionEvents } from './registry';

/** Who subscribes: as authenticated when the connection (WS) or request (SSE) opened. */
export interface Subscriber {
  actor: Actor;
  /** The Authorization value it came with, checked again on every event. */
  authorization: string | undefined;
  clientAddress: string;
  /** The `x-ssm-client` header (trusted documents: first-party apps). */
  clientName: string;
  /** The language its events are resolved in (gateway/locale.ts), as when it subscribed. */
  locale: Locale;
}

/** What the transport tells the engine about the stream a subscription goes out on. */
export interface Stream {
  transport: 'ws' | 'sse';
  endStyle: EndStyle;
  /** Open subscriptions on the same connection (WS), before this one. */
  openOnConnection: number;
  /** Closes the client's stream when it fell too far behind. */
  onOverflow: () => void;
}

const error = (message: string, code: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extra } });

/** Verified credentials remembered at most (engine `credentials`). */
const MAX_CREDENTIALS = 10_000;

/** Codes on an event's answer that end the subscription: the subject is out of the subscriber's sight. */
const ENDING_CODES = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED']);

const actorKeyOf = (actor: Actor): string => {
  switch (actor.kind) {
    case 'customerUser':
      return `user:${actor.userId}:${actor.sessionId}`;
    case 'staff':
      return `staff:${actor.userId}:${actor.sessionId}`;
    case 'partner':
      return `partner:${actor.partnerId}:${actor.clientId}`;
    default:
      return 'anonymous';
  }
};

const toGraphQLError = (e: GraphQLFormattedError): GraphQLError =>
  new GraphQLError(e.message, { path: e.path, extensions: e.extensions });

interface Prepared {
  field: SubscriptionField;
  /** The response key the client reads (the root field's alias or name). */
  responseKey: string;
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

/**
 * The one subscription engine behind both transports (issue 13): checks a subscription document
 * like a request (limits, trusted documents, gateway rules, then the equivalent query once), keeps
 * it in the registry, and turns each matched event into a payload by running the equivalent query
 * through the same Apollo server with the subscriber's actor, re-authenticated for that event.
 */
export class SubscriptionEngine {
  /** Subscription checks run this many at a time, the others queue (limits.ts checksInFlight). */
  private readonly admission: BulkheadPolicy;
  /** Events are re-resolved this many at a time, the others queue (limits.ts eventsInFlight). */
  private readonly resolving: BulkheadPolicy;

  constructor(
    private readonly deps: SubscriptionDeps & {
      apollo: ApolloServer<GatewayContext>;
      rules: Record<string, GatewayRule>;
      logger: Logger;
      /** Each subscribe is charged like a request (its check runs the equivalent query). */
      rateLimiter?: GatewayRateLimiter;
      store: KeyValueStore;
    },
  ) {
    // The queue is unbounded: the subscriptions waiting are already bounded per actor and
    // connection, and a check that waits long keeps its stream open (SSE comments, WS pings).
    this.admission = bulkhead(deps.limits.checksInFlight, Number.POSITIVE_INFINITY);
    // Unbounded too: each subscription asks for one event at a time (live.ts), so at most one
    // waits per open subscription, and those are bounded by the limits above.
    this.resolving = bulkhead(deps.limits.eventsInFlight, Number.POSITIVE_INFINITY);
  }

  /**
   * Credentials verified here, by their Authorization value: a token's signature does not change,
   * so a subscriber's later events (and its other subscriptions) check only its expiry, then the
   * session and grants as every request does. Keyed by the whole value, signature included: only
   * those exact bytes are taken as verified. Bounded (a few per subscribed session).
   */
  private readonly credentials = new BoundedMap<string, Promise<Credential>>(MAX_CREDENTIALS);

  /** The language a subscriber's events are resolved in, as for a request (gateway/locale.ts). */
  localeOf(actor: Actor, request: http.IncomingMessage): Promise<Locale> {
    return localeForRequest(actor, request, this.deps.store, this.deps.logger);
  }

  get schema(): GraphQLSchema {
    return this.deps.schema;
  }

  /**
   * Authenticates an Authorization value; a failure is the GraphQL error the client gets
   * (UNAUTHENTICATED, or UPSTREAM_UNAVAILABLE when sessions or grants cannot be read).
   */
  async authenticate(authorization: string | undefined, locale: Locale): Promise<Actor> {
    try {
      const credential = await this.verified(authorization);
      const expired = expiredSince(credential);
      if (expired) throw expired;
      return await actorOf(credential, this.deps.sessions, this.deps.grants);
    } catch (e) {
      if (e instanceof AuthenticationError) throw error(e.message, 'UNAUTHENTICATED');
      this.deps.logger.error({ err: e }, 'sessions or grants unavailable');
      throw error(
        localize('Sign-in state cannot be checked right now; retry shortly.', locale),
        'UPSTREAM_UNAVAILABLE',
      );
    }
  }

  private verified(authorization: string | undefined): Promise<Credential> {
    if (authorization === undefined) return verifyCredential(authorization, this.deps.tokenSecret);
    let verifying = this.credentials.get(authorization);
    if (!verifying) {
      verifying = verifyCredential(authorization, this.deps.tokenSecret);
      this.credentials.remember(authorization, verifying);
      // Only valid credentials are kept: invalid values cannot crowd the valid ones out.
      const settled = verifying;
      settled.catch(() => {
        if (this.credentials.get(authorization) === settled) this.credentials.delete(authorization);
      });
    }
    return verifying;
  }

  /**
   * Opens a subscription, or says why not. It is registered before its target is checked, so an
   * event that comes during the check is not lost.
   */
  open(
    subscriber: Subscriber,
    request: SubscriptionRequest,
    stream: Stream,
  ): Promise<LiveSubscription | GraphQLError[]> {
    // Refusals (authorization, limits, the rate limit) in the subscriber's language.
    return withRequestLocale(subscriber.locale, () => this.opening(subscriber, request, stream));
  }

  private async opening(
    subscriber: Subscriber,
    request: SubscriptionRequest,
    stream: Stream,
  ): Promise<LiveSubscription | GraphQLError[]> {
    const parsed = parseSubscription(request, this.deps, this.firstParty(subscriber));
    if (Array.isArray(parsed)) return parsed;
    const { document, root, field, fieldName } = parsed;
    const actor = subscriber.actor;
    const limited = await this.charge(subscriber);
    if (limited) return [limited];
    const denied = check(
      this.deps.rules[`Subscription.${fieldName}`] ?? 'staff',
      actor,
      `Subscription.${fieldName}`,
    );
    if (denied) return [error(denied.message, String(denied.extensions.code))];
    const operation = getOperationAST(document, request.operationName)!;
    const coerced = getVariableValues(
      this.deps.schema,
      operation.variableDefinitions ?? [],
      request.variables ?? {},
    );
    if (coerced.errors) return coerced.errors.map((e) => error(e.message, 'BAD_USER_INPUT'));
    const fieldDef = this.deps.schema.getSubscriptionType()!.getFields()[fieldName];
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(fieldDef, root, coerced.coerced);
    } catch (e) {
      return [error(e instanceof Error ? e.message : 'Invalid arguments.', 'BAD_USER_INPUT')];
    }
    const key = field.subscriptionKey(args, actor);
    if (!key)
      return [error(localize(msg`Subscription.${fieldName} is for users of a customer.`), 'FORBIDDEN')];
    const { limits } = this.deps;
    if (stream.openOnConnection >= limits.perConnection)
      return [
        error(
          localize(msg`At most ${limits.perConnection} subscriptions per connection.`),
          'SUBSCRIPTION_LIMIT_EXCEEDED',
        ),
      ];
    const actorKey = actorKeyOf(actor);
    if (this.deps.registry.countFor(actorKey) >= limits.perActor)
      return [
        error(
          localize(msg`At most ${limits.perActor} open subscriptions per session.`),
          'SUBSCRIPTION_LIMIT_EXCEEDED',
        ),
      ];

    const prepared: Prepared = {
      field,
      responseKey: root.alias?.value ?? root.name.value,
      query: parsed.query,
      operationName: request.operationName ?? undefined,
      variables: request.variables ?? {},
    };
    const live: LiveSubscription = new LiveSubscription(
      key,
      actorKey,
      (event): Promise<Outcome> =>
        this.resolving.execute(() =>
          // Its client left while it waited for its turn: nothing to resolve for.
          live.isClosed
            ? Promise.resolve<Outcome>({ kind: 'skip' })
            : this.resolve(subscriber, prepared, event),
        ),
      limits.bufferedEvents,
      stream.endStyle,
      stream.onOverflow,
    );
    this.deps.registry.add(live, stream.transport);
    const refused = await this.admission.execute(() => this.checkTarget(subscriber, prepared, args, live));
    if (refused) {
      live.close();
      return [refused];
    }
    return live;
  }

  private async charge(subscriber: Subscriber): Promise<GraphQLError | null> {
    try {
      await this.deps.rateLimiter?.forRequest(subscriber.actor, subscriber.clientAddress);
      return null;
    } catch (e) {
      if (!(e instanceof RateLimitedError)) throw e;
      // The same refusal as a request's (gateway/rate-limit.ts), in the subscriber's language.
      const [refusal] = withRequestLocale(subscriber.locale, () =>
        rateLimitedBody(e.budget, 'requests'),
      ).errors;
      return new GraphQLError(refusal.message, { extensions: refusal.extensions });
    }
  }

  private firstParty(subscriber: Subscriber): boolean {
    const actor = subscriber.actor;
    return (
      actor.kind === 'customerUser' ||
      actor.kind === 'staff' ||
      this.deps.trusted.firstPartyClients.includes(subscriber.clientName)
    );
  }

  /**
   * NOT_FOUND/FORBIDDEN when subscribing rather than on the first event; another customer's id is
   * answered exactly like an unknown one (the subgraph's object-level check decides both). A subject
   * already in its final state is answered at once and the subscription completes.
   */
  private async checkTarget(
    subscriber: Subscriber,
    prepared: Prepared,
    args: Record<string, unknown>,
    live: LiveSubscription,
  ): Promise<GraphQLError | null> {
    const how = prepared.field.check;
    if (how === null) return null;
    if (how !== 'equivalent') {
      const value = args[how.variable];
      if (value === undefined || value === null) return null;
      const answer = await this.execute(subscriber, how.query, undefined, { id: value });
      const ending = answer.errors?.find((e) => ENDING_CODES.has(String(e.extensions?.code)));
      if (ending) return toGraphQLError(ending);
      if (answer.errors?.length) return toGraphQLError(answer.errors[0]);
      return answer.data && Object.values(answer.data)[0] ? null : error('Not found.', 'NOT_FOUND');
    }
    const outcome = await this.answer(subscriber, prepared, prepared.variables, null);
    if (outcome.kind === 'end') return outcome.error;
    if (outcome.kind === 'deliver' && outcome.result.errors?.length && !outcome.result.data)
      return outcome.result.errors[0] as GraphQLError;
    if (outcome.kind === 'deliver' && outcome.final) live.pushOutcome(outcome);
    return null;
  }

  /** One event for one subscriber: re-authenticate, then the equivalent query with their rights. */
  private async resolve(subscriber: Subscriber, prepared: Prepared, event: DomainEvent): Promise<Outcome> {
    let actor: Actor;
    try {
      actor = await this.authenticate(subscriber.authorization, subscriber.locale);
    } catch (e) {
      subscriptionEvents.inc({ outcome: 'ended' });
      return {
        kind: 'end',
        error:
          e instanceof GraphQLError
            ? e
            : error(localize('Session ended.', subscriber.locale), 'UNAUTHENTICATED'),
      };
    }
    if (actor.kind === 'anonymous') {
      subscriptionEvents.inc({ outcome: 'ended' });
      return {
        kind: 'end',
        error: error(localize('The session has ended; sign in again.', subscriber.locale), 'UNAUTHENTICATED'),
      };
    }
    const variables = prepared.field.idFromEvent
      ? { ...prepared.variables, [EVENT_VARIABLE]: event.subjectId }
      : prepared.variables;
    const outcome = await this.answer({ ...subscriber, actor }, prepared, variables, event);
    subscriptionEvents.inc({
      outcome: outcome.kind === 'deliver' ? 'delivered' : outcome.kind === 'skip' ? 'skipped' : 'ended',
    });
    return outcome;
  }

  /** Runs the equivalent query and says what it means for the subscription. */
  private async answer(
    subscriber: Subscriber,
    prepared: Prepared,
    variables: Record<string, unknown>,
    event: DomainEvent | null,
  ): Promise<Outcome> {
    const answer = await this.execute(subscriber, prepared.query, prepared.operationName, variables);
    const ending = answer.errors?.find((e) => ENDING_CODES.has(String(e.extensions?.code)));
    if (ending) return { kind: 'end', error: toGraphQLError(ending) };
    const data = answer.data ?? null;
    const value = data?.[prepared.responseKey] as Record<string, unknown> | null | undefined;
    const errors = answer.errors?.map(toGraphQLError);
    if (!value) {
      // An alarm or notification this subscriber's query does not see: not theirs.
      if (prepared.field.idFromEvent && !errors) return { kind: 'skip' };
      if (!errors) return { kind: 'end', error: error('Not found.', 'NOT_FOUND') };
      // Upstream trouble (a subgraph down): the client hears of it and the subscription goes on.
      return { kind: 'deliver', result: { data: null, errors }, final: false };
    }
    const final = prepared.field.finalState;
    const state = value[FINAL_STATE_ALIAS];
    const isFinal = Boolean(
      final &&
      ((typeof state === 'string' && final.states.includes(state)) ||
        (event && prepared.field.endsOn?.(event))),
    );
    if (prepared.field.onlyFinal && !isFinal) return { kind: 'skip' };
    const { [FINAL_STATE_ALIAS]: _state, ...shown } = value;
    const result: ExecutionResult = { data: { ...data, [prepared.responseKey]: shown } };
    if (errors) result.errors = errors;
    return { kind: 'deliver', result, final: isFinal };
  }

  /** The gateway's own request through the same Apollo server: rules, plans, subgraphs, formatting. */
  private async execute(
    { actor, locale }: Pick<Subscriber, 'actor' | 'locale'>,
    query: string,
    operationName: string | undefined,
    variables: Record<string, unknown>,
  ): Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }> {
    const response = await this.deps.apollo.executeOperation(
      { query, operationName, variables },
      {
        contextValue: {
          actor,
          clientAddress: '',
          locale,
          request: { id: `subscription-${randomUUID()}`, actorKind: actor.kind },
          internal: true,
        },
      },
    );
    if (response.body.kind !== 'single') return { errors: [{ message: 'Unexpected incremental answer.' }] };
    return response.body.singleResult;
  }
}
