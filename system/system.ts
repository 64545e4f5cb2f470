import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { createGateway, type Gateway, type GatewayOptions } from '../gateway/server';
import { startSimulators, type RunningSimulators, type SimulatorOptions } from '../mocks';
import type { SubgraphConfig, WebhookOptions } from '../lib/config';
import { close, listen } from '../lib/http';
import { SecurityEventLog } from '../lib/audit/security-events';
import { seedDemoGrants } from '../mocks/seed/demo-grants';
import { rootLogger } from '../lib/logger';
import { GrantRepository } from '../lib/authz/grants';
import type { KeyValueStore } from '../lib/kv';
import type { LockoutSettings } from '../lib/lockouts';
import type { Database } from '../lib/store/database';
import type { CorsOptions } from '../gateway/cors';
import type { RequestLimits } from '../gateway/limits';
import type { RateLimits } from '../gateway/rate-limit';
import type { TrustedDocumentsOptions } from '../gateway/trusted-documents';
import type { SessionOutagePolicy } from '../lib/sessions';
import { Resilience, type ResilienceSettings } from '../lib/resilience';
import { migrate } from '../lib/store/migrations';
import { createSubgraphHttpServer } from '../lib/subgraph-server';
import { SUBGRAPHS, type SubgraphName } from '../lib/subgraphs';
import { openEvents, type ProcessEvents } from './events';
import { legacyHealthOf } from './legacy-health';
import { subgraphDefinitions } from './subgraph-registry';

export interface SystemOptions {
  /** The IBSS callback secret comes from `secrets` (or is random per start). */
  simulators: Omit<SimulatorOptions, 'ibssCallbackSecret'>;
  store: KeyValueStore;
  /** The SSM store; migrated at start. */
  db: Database;
  /** Adds Scenario 1's grants to the SSM store (demo and tests). */
  seedDemoGrants?: boolean;
  host?: string;
  gatewayPort?: number;
  /** Ports of the subgraphs; 0 (default) picks free ports. */
  subgraphPorts?: Partial<Record<SubgraphName, number>>;
  legacyTimeoutMs?: number;
  /** Circuit breakers and retries of the legacy calls (defaults: lib/resilience.ts). */
  resilience?: Partial<ResilienceSettings>;
  subgraphTimeoutMs?: number;
  /** Caching switches (default both on): the gateway's response cache, the subgraphs' legacy caches. */
  caching?: { response?: boolean; legacy?: boolean; maxTtlSeconds?: number; publicCopyMs?: number };
  sessionOutagePolicy?: SessionOutagePolicy;
  /** Gateway request limits (gateway/limits.ts). */
  limits?: Partial<RequestLimits>;
  /** Requests per window per caller (gateway/rate-limit.ts). */
  rateLimits?: Partial<RateLimits>;
  trustProxy?: boolean;
  /** Sign-in lock-outs (lib/lockouts.ts; default: its defaults). */
  signIn?: LockoutSettings;
  /** Trusted documents and introspection policy (gateway/trusted-documents.ts). */
  trustedDocuments?: Partial<TrustedDocumentsOptions>;
  /** Origins whose pages may call the gateway from a browser (gateway/cors.ts; default none). */
  cors?: CorsOptions;
  /** The self-hosted explorer at GET /graphql (gateway/explorer; default off). */
  explorer?: boolean;
  /** Bounds on subscriptions at the gateway (gateway/subscriptions/limits.ts); tests make them small. */
  subscriptions?: GatewayOptions['subscriptions'];
  /** How often the order outbox worker runs (ms). */
  outboxIntervalMs?: number;
  /** Partner webhooks (R4): https-only sinks in production; retry timings (tests shorten them). */
  webhooks?: Partial<WebhookOptions>;
  /**
   * Secrets shared with subgraphs running in other processes (default: random per start); the
   * IBSS callback secret is shared by the IBSS simulator and the orders subgraph.
   */
  secrets?: Partial<SystemSecrets>;
  /** False: no gateway here (benchmarks run gateways as processes of their own). */
  startGateway?: boolean;
  /** Subgraphs run by another process (scripts/subgraph.ts): their GraphQL URLs; not started here. */
  externalSubgraphs?: Partial<Record<SubgraphName, string>>;
}

/** How long one step of stopping the system may take before the next one goes ahead anyway. */
const STOP_STEP_MS = 5_000;

/** Waits for `work`, for `ms` at most; a step cut short is logged (its work goes on unawaited). */
async function boundedStep(what: string, work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const cut = new Promise<'cut'>((resolve) => {
    timer = setTimeout(() => resolve('cut'), ms);
    timer.unref();
  });
  const outcome = await Promise.race([work.then(() => 'done' as const), cut]);
  clearTimeout(timer);
  if (outcome === 'cut') rootLogger.warn({ event: 'system.stop.cut', step: what, ms }, 'stop step cut short');
}

/** The secrets of one running system, shared with processes that join it. */
export interface SystemSecrets {
  contextSecret: string;
  tokenSecret: string;
  ibssCallbackSecret: string;
}

export interface RunningSystem {
  sims: RunningSimulators;
  /** The event bus and outbox relay this process's subgraphs and gateway share (issue 13). */
  events: ProcessEvents;
  gateway: Gateway;
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  secrets: SystemSecrets;
  /**
   * Stops every server this started. With `drainTimeoutMs` (SIGTERM to `npm start`) the gateway
   * first stops accepting and lets its requests in flight finish, for that long at most; without
   * (tests) connections are closed at once.
   */
  stop(options?: { drainTimeoutMs?: number }): Promise<void>;
}

/**
 * Starts simulators, the five subgraphs and the gateway in this process, each on its own port.
 * `npm start` and the end-to-end tests both use it, so they run the same code.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const host = options.host ?? '127.0.0.1';
  const random = () => randomBytes(32).toString('hex');
  const secrets: SystemSecrets = {
    contextSecret: options.secrets?.contextSecret ?? random(),
    tokenSecret: options.secrets?.tokenSecret ?? random(),
    ibssCallbackSecret: options.secrets?.ibssCallbackSecret ?? random(),
  };
  const sims = await startSimulators({
    ...options.simulators,
    host,
    ibssCallbackSecret: secrets.ibssCallbackSecret,
  });
  await migrate(options.db);
  const grants = new GrantRepository(options.db);
  const events = openEvents(options.store, options.db);
  if (options.seedDemoGrants) await seedDemoGrants(grants, sims.world);
  const servers: http.Server[] = [];
  const stops: (() => Promise<void>)[] = [];
  const subgraphUrls = {} as Record<SubgraphName, string>;
  // One set of breakers for the subgraphs of this process: adapters of one system share its breaker.
  const resilience = new Resilience(options.resilience);
  for (const name of SUBGRAPHS) {
    const external = options.externalSubgraphs?.[name];
    if (external) {
      subgraphUrls[name] = external;
      continue;
    }
    const config: SubgraphConfig = {
      legacy: sims.urls,
      ...secrets,
      store: options.store,
      db: options.db,
      legacyTimeoutMs: options.legacyTimeoutMs ?? 5000,
      resilience,
      legacyCache: options.caching?.legacy ?? true,
      legacyCacheMaxTtlSeconds: options.caching?.maxTtlSeconds,
      outboxIntervalMs: options.outboxIntervalMs,
      signIn: options.signIn,
      events: events.outbox,
      bus: events.bus,
      webhooks: options.webhooks,
    };
    const def = subgraphDefinitions[name](config);
    const built = await createSubgraphHttpServer(def, {
      contextSecret: secrets.contextSecret,
      resilience,
      legacyHealth: legacyHealthOf(name, sims.urls, resilience),
    });
    const port = await listen(built.server, options.subgraphPorts?.[name] ?? 0, host);
    // Known only once listening: the orders subgraph gives it to the IBSS as its callback address.
    config.selfUrl = `http://${host}:${port}`;
    servers.push(built.server);
    def.start?.();
    stops.push(async () => {
      await def.stop?.();
      await built.apollo.stop();
    });
    subgraphUrls[name] = `${config.selfUrl}/graphql`;
  }
  const supergraphSdl = readFileSync(path.join(__dirname, '../schema/supergraph.graphql'), 'utf8');
  const gateway = await createGateway({
    supergraphSdl,
    subgraphUrls,
    contextSecret: secrets.contextSecret,
    tokenSecret: secrets.tokenSecret,
    store: options.store,
    database: options.db,
    grants,
    audit: new SecurityEventLog(options.db, rootLogger.child({ component: 'gateway' }), options.store),
    subgraphTimeoutMs: options.subgraphTimeoutMs,
    responseCache: options.caching?.response ?? true,
    responseCacheMaxTtlSeconds: options.caching?.maxTtlSeconds,
    publicResponses:
      options.caching?.publicCopyMs === undefined ? undefined : { maxAgeMs: options.caching.publicCopyMs },
    sessionOutagePolicy: options.sessionOutagePolicy,
    limits: options.limits,
    rateLimits: options.rateLimits,
    trustProxy: options.trustProxy,
    trustedDocuments: options.trustedDocuments,
    cors: options.cors,
    explorer: options.explorer,
    subscriptions: options.subscriptions,
    bus: events.bus,
  });
  // Without startGateway the gateway is built but not listening (gatewayUrl is then empty).
  const gatewayPort =
    options.startGateway === false ? null : await listen(gateway.server, options.gatewayPort ?? 0, host);
  return {
    sims,
    events,
    gateway,
    gatewayUrl: gatewayPort === null ? '' : `http://${host}:${gatewayPort}/graphql`,
    subgraphUrls,
    secrets,
    stop: async ({ drainTimeoutMs } = {}) => {
      // Each step gets a deadline: a background worker stuck on an unreachable store (a blocked
      // read, a reconnect loop) must not keep the whole system from stopping.
      const step = (what: string, work: Promise<unknown>) => boundedStep(what, work, STOP_STEP_MS);
      if (drainTimeoutMs === undefined) await step('gateway server', close(gateway.server));
      else await gateway.drain(drainTimeoutMs);
      await step('gateway', gateway.stop());
      await step('subgraph servers', Promise.all(servers.map(close)));
      for (const stop of stops) await step('subgraph', stop());
      await step('events', events.close());
      await step('simulators', sims.stop());
    },
  };
}
