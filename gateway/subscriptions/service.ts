import type { KeyValueStore } from '../../lib/kv';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { GrantRepository } from '../../lib/authz/grants';
import type { EventBus } from '../../lib/events/bus';
import type { Logger } from '../../lib/logger';
import type { SessionChecker } from '../../lib/sessions';
import type { GatewayRule } from '../authorize';
import type { GatewayContext } from '../context';
import type { RequestLimits } from '../limits';
import type { GatewayRateLimiter } from '../rate-limit';
import type { TrustedDocumentStore, TrustedDocumentsOptions } from '../trusted-documents';
import { SubscriptionEngine } from './engine';
import { DEFAULT_SUBSCRIPTION_LIMITS, type SubscriptionLimits } from './limits';
import { SubscriptionRegistry } from './registry';
import { SseTransport } from './sse';
import { WebSocketTransport } from './ws';

export interface SubscriptionOptions {
  /** The API schema the gateway serves (with `type Subscription`). */
  schema: GraphQLSchema;
  apollo: ApolloServer<GatewayContext>;
  bus?: EventBus;
  tokenSecret: string;
  sessions: SessionChecker;
  grants: GrantRepository;
  rules: Record<string, GatewayRule>;
  requestLimits: RequestLimits;
  limits?: Partial<SubscriptionLimits>;
  documents: TrustedDocumentStore;
  trusted: TrustedDocumentsOptions;
  logger: Logger;
  rateLimiter?: GatewayRateLimiter;
  /** Where users' language choices are kept (lib/i18n/preference.ts). */
  store: KeyValueStore;
}

/**
 * Subscriptions at the gateway (issue 13): `@apollo/gateway` executes none, so the gateway serves
 * them itself, over WebSocket and SSE, from one engine and one bus follower per process.
 */
export class Subscriptions {
  readonly registry: SubscriptionRegistry;
  private readonly ws: WebSocketTransport;
  private readonly sse: SseTransport;
  private closed: Promise<void> | null = null;

  private constructor(options: SubscriptionOptions, registry: SubscriptionRegistry) {
    this.registry = registry;
    const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...options.limits };
    const engine = new SubscriptionEngine({
      schema: options.schema,
      apollo: options.apollo,
      tokenSecret: options.tokenSecret,
      sessions: options.sessions,
      grants: options.grants,
      rules: options.rules,
      limits,
      requestLimits: options.requestLimits,
      documents: options.documents,
      trusted: options.trusted,
      registry,
      logger: options.logger,
      rateLimiter: options.rateLimiter,
      store: options.store,
    });
    this.ws = new WebSocketTransport(engine, limits, options.requestLimits.bodyBytes, options.logger);
    this.sse = new SseTransport(engine, options.documents, options.requestLimits.bodyBytes);
  }

  /** Builds the engine and starts following the bus (without one, no event ever arrives). */
  static async start(options: SubscriptionOptions): Promise<Subscriptions> {
    const registry = new SubscriptionRegistry(options.logger);
    if (options.bus) await registry.follow(options.bus);
    return new Subscriptions(options, registry);
  }

  /** An SSE subscription request (POST or GET /graphql with `Accept: text/event-stream`). */
  wantsSse(req: http.IncomingMessage): boolean {
    return SseTransport.wants(req);
  }

  handleSse(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    return this.sse.handle(req, res);
  }

  /** For the HTTP server's 'upgrade' event. */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    this.ws.upgrade(req, socket, head);
  }

  /** Open WebSocket connections and SSE streams. */
  get connections(): number {
    return this.ws.size + this.sse.size;
  }

  /** Ends every stream and connection and stops following the bus. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      await Promise.all([this.ws.close(), this.sse.close()]);
      await this.registry.stop();
    })();
    return this.closed;
  }
}
