import type { EventBus } from './events/bus';
import type { EventOutbox } from './events/outbox';
import type { KeyValueStore } from './kv';
import type { LockoutSettings } from './lockouts';
import type { Resilience } from './resilience';
import type { Database } from './store/database';

/** Base URLs of the legacy systems (or their simulators). */
export interface LegacyUrls {
  crm: string;
  catalogue: string;
  ibss: string;
  faults: string;
  billing: string;
  messages: string;
}

/** What every subgraph needs at start; the entry points build it from their settings (system/config). */
export interface SubgraphConfig {
  legacy: LegacyUrls;
  /** Shared with the gateway: verifies the signed actor context. */
  contextSecret: string;
  /** Signs access tokens (customer subgraph) / verifies them (gateway). */
  tokenSecret: string;
  /** Shared with the IBSS: verifies its signed completion callbacks (orders; lib/callback-signature.ts). */
  ibssCallbackSecret?: string;
  store: KeyValueStore;
  /** The SSM store (grants, profiles, security events). */
  db: Database;
  legacyTimeoutMs: number;
  /** Circuit breakers and retries of this process, shared by every legacy client it builds. */
  resilience: Resilience;
  /** Read-through caching of legacy data (default on; SSM_CACHE=off turns it off). */
  legacyCache?: boolean;
  /** Caps every legacy-cache time-to-live (seconds). */
  legacyCacheMaxTtlSeconds?: number;
  /** How often the orders outbox worker looks for queued orders (ms, default 1000). */
  outboxIntervalMs?: number;
  /** Sign-in lock-outs of users (customer) and partner clients (catalogue); unset: the defaults. */
  signIn?: LockoutSettings;
  /** Public URL of this subgraph's own HTTP server, for legacy callbacks (orders). */
  selfUrl?: string;
  /** Domain events (issue 13): record them with the change that causes them; the relay publishes. */
  events: EventOutbox;
  /** The bus the outbox publishes to; consumers (notifier, webhook dispatcher) read it. */
  bus: EventBus;
  /** Partner webhooks (orders, R4); unset fields take their defaults (tests shorten the timings). */
  webhooks?: Partial<WebhookOptions>;
}

/** How the orders subgraph delivers partner webhooks. */
export interface WebhookOptions {
  /** Only https sinks at public addresses (on in production, SSM_PRODUCTION). */
  httpsOnly: boolean;
  /** Attempts before a delivery is dead-lettered. */
  maxAttempts: number;
  /** The wait before the 2nd attempt (ms); doubles for each further one. */
  backoffBaseMs: number;
  /** The longest wait between attempts (ms). */
  backoffMaxMs: number;
  /** A sink that has not answered by then has failed that attempt (ms). */
  timeoutMs: number;
  /** How often the dispatcher looks for due deliveries (ms). */
  pollIntervalMs: number;
}
