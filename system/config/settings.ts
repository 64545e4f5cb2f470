import path from 'node:path';
import { DEVELOPMENT_CORS_ORIGINS, type CorsOptions } from '../../gateway/cors';
import type { RequestLimits } from '../../gateway/limits';
import type { RateLimits } from '../../gateway/rate-limit';
import type { TrustedDocumentsOptions } from '../../gateway/trusted-documents';
import type { LegacyUrls } from '../../lib/config';
import type { LockoutSettings } from '../../lib/lockouts';
import type { LoggingSettings } from '../../lib/logger';
import type { TelemetrySettings } from '../../lib/telemetry/sdk';
import { DEFAULT_RESILIENCE, type ResilienceSettings } from '../../lib/resilience';
import type { SessionOutagePolicy } from '../../lib/sessions';
import { SUBGRAPHS, type SubgraphName } from '../../lib/subgraphs';
import { BENCH_SIZE, DEMO_SIZE, type SeedOptions } from '../../mocks/seed/generate';
import type { Environment } from './schema';

/**
 * Everything a process of this system is configured with, read from the environment once
 * (loadConfig) and handed down as values: no module below system/ reads the environment.
 */
export interface Settings {
  /** This process's HTTP server (the gateway's for `npm start`). */
  server: { host: string; port: number };
  /** How long SIGTERM lets requests in flight finish before closing their connections (ms). */
  drainTimeoutMs: number;
  /**
   * Development data (SSM_DATA_DIR, default `.data`): the secrets `npm start` makes and keeps
   * (system/config/secrets.ts).
   */
  dataDir: string;
  stores: {
    /** Unset with clusterNodes: an in-process store (one process only). */
    redisUrl?: string;
    /** `host:port,...` of a Redis Cluster; wins over redisUrl. */
    clusterNodes?: string;
    keyPrefix: string;
    /** Unset: embedded PGlite, in memory, or in `<SSM_DATA_DIR>/pglite` when SSM_DATA_DIR is set. */
    databaseUrl?: string;
    dbSchema: string;
    dataDir?: string;
  };
  /** Shared by gateway and subgraphs; required when they run as separate processes. */
  secrets: { contextSecret?: string; tokenSecret?: string; ibssCallbackSecret?: string };
  /** SSM_PRODUCTION: trusted documents strict by default, introspection for partners only. */
  production: boolean;
  trustedDocuments: TrustedDocumentsOptions;
  /** Web pages on other origins that may call the gateway from a browser (gateway/cors.ts). */
  cors: CorsOptions;
  /** The self-hosted explorer at GET /graphql for browsers (gateway/explorer). */
  explorer: boolean;
  sessionOutage: SessionOutagePolicy;
  cache: {
    mode: 'on' | 'off' | 'legacy-only';
    /** The gateway's full-response cache. */
    response: boolean;
    /** The subgraphs' read-through caches of legacy data. */
    legacy: boolean;
    /** How long an anonymous public answer may be served from the gateway's memory (0 = never). */
    publicCopyMs: number;
  };
  limits: RequestLimits;
  rateLimits: RateLimits;
  trustProxy: boolean;
  /** Sign-in lock-outs of users and partner clients (customer and catalogue subgraphs). */
  signIn: LockoutSettings;
  /** Circuit breakers and retries of legacy calls. */
  resilience: ResilienceSettings;
  /** The legacy systems, for a subgraph running alone (`npm start` uses its own simulators). */
  legacy: LegacyUrls;
  legacyTimeoutMs: number;
  outboxIntervalMs: number;
  /** A subgraph as a process of its own: which one, and its public base URL (legacy callbacks). */
  subgraph: { name?: SubgraphName; selfUrl?: string };
  /** The gateway as a process of its own: the subgraphs' GraphQL URLs that are set, by name. */
  subgraphUrls: Record<string, string>;
  simulators: { seed: SeedOptions; provisioningDelayMs: number; demoGrants: boolean };
  logging: LoggingSettings;
  /** Trace export (OTEL_EXPORTER_OTLP_*): none without an endpoint. */
  telemetry: TelemetrySettings;
}

/** The typed settings of a parsed environment; `terminal`: stdout is a terminal (pretty logs). */
export function settingsOf(env: Environment, terminal: boolean): Settings {
  const size = env.SSM_SEED_SIZE === 'bench' ? BENCH_SIZE : { ...DEMO_SIZE, customers: env.SSM_CUSTOMERS };
  const resilience: ResilienceSettings = {
    ...DEFAULT_RESILIENCE,
    failuresToOpen: env.SSM_BREAKER_FAILURES,
    halfOpenAfterMs: env.SSM_BREAKER_HALF_OPEN_MS,
  };
  return {
    server: { host: env.HOST, port: env.PORT },
    drainTimeoutMs: env.SSM_DRAIN_TIMEOUT_MS,
    dataDir: env.SSM_DATA_DIR ?? '.data',
    stores: {
      redisUrl: env.REDIS_URL,
      clusterNodes: env.REDIS_CLUSTER_NODES,
      keyPrefix: env.SSM_KEY_PREFIX,
      databaseUrl: env.DATABASE_URL,
      dbSchema: env.SSM_DB_SCHEMA,
      // Kept across restarts only when asked for: the simulators start afresh each time, and
      // orders or grants that outlive them would point at nothing.
      dataDir: env.SSM_DATA_DIR === undefined ? undefined : path.join(env.SSM_DATA_DIR, 'pglite'),
    },
    secrets: {
      contextSecret: env.SSM_CONTEXT_SECRET,
      tokenSecret: env.SSM_TOKEN_SECRET,
      ibssCallbackSecret: env.SSM_IBSS_CALLBACK_SECRET,
    },
    production: env.SSM_PRODUCTION,
    // Production: first-party apps may send only their registered operations, and only partners
    // may introspect. Trusted documents can also be set on their own.
    trustedDocuments: {
      production: env.SSM_PRODUCTION,
      mode: env.SSM_TRUSTED_DOCUMENTS ?? (env.SSM_PRODUCTION ? 'strict' : 'off'),
      firstPartyClients: env.SSM_FIRST_PARTY_CLIENTS,
    },
    // Development: pages served from this machine may call the API, and browsers get the
    // explorer. Production: neither, unless configured.
    cors: { origins: env.SSM_CORS_ORIGINS ?? (env.SSM_PRODUCTION ? [] : DEVELOPMENT_CORS_ORIGINS) },
    explorer: (env.SSM_EXPLORER ?? (env.SSM_PRODUCTION ? 'off' : 'on')) === 'on',
    sessionOutage: env.SSM_SESSION_OUTAGE,
    // off: no response cache and no legacy caches; legacy-only: no response cache.
    cache: {
      mode: env.SSM_CACHE,
      response: env.SSM_CACHE === 'on',
      legacy: env.SSM_CACHE !== 'off',
      publicCopyMs: env.SSM_PUBLIC_COPY_MS,
    },
    limits: {
      maxDepth: env.SSM_LIMIT_DEPTH,
      maxAliases: env.SSM_LIMIT_ALIASES,
      maxDirectives: env.SSM_LIMIT_DIRECTIVES,
      maxTokens: env.SSM_LIMIT_TOKENS,
      maxCost: env.SSM_LIMIT_COST,
      bodyBytes: env.SSM_LIMIT_BODY_BYTES,
    },
    rateLimits: {
      windowSeconds: env.SSM_RATE_WINDOW_SECONDS,
      perUser: env.SSM_RATE_PER_USER,
      perPartnerClient: env.SSM_RATE_PER_PARTNER,
      perAnonymousAddress: env.SSM_RATE_PER_ANONYMOUS,
      signInPerAddress: env.SSM_RATE_SIGN_IN,
    },
    trustProxy: env.SSM_TRUST_PROXY,
    signIn: {
      maxFailures: env.SSM_SIGN_IN_FAILURES,
      maxCodeFailures: env.SSM_SIGN_IN_CODE_FAILURES,
      lockoutSeconds: env.SSM_LOCKOUT_SECONDS,
    },
    resilience,
    legacy: {
      crm: env.LEGACY_CRM_URL,
      catalogue: env.LEGACY_CATALOGUE_URL,
      ibss: env.LEGACY_IBSS_URL,
      faults: env.LEGACY_FAULTS_URL,
      billing: env.LEGACY_BILLING_URL,
      messages: env.LEGACY_MESSAGES_URL,
    },
    legacyTimeoutMs: env.SSM_LEGACY_TIMEOUT_MS,
    outboxIntervalMs: env.SSM_OUTBOX_INTERVAL_MS,
    subgraph: { name: env.SSM_SUBGRAPH, selfUrl: env.SSM_SELF_URL },
    subgraphUrls: subgraphUrlsOf(env),
    simulators: {
      seed: { ...size, seed: env.SSM_SEED },
      provisioningDelayMs: env.SSM_PROVISIONING_DELAY_MS,
      demoGrants: env.SSM_DEMO_GRANTS,
    },
    logging: { level: env.LOG_LEVEL, format: env.LOG_FORMAT ?? (terminal ? 'pretty' : 'json') },
    telemetry: { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, headers: env.OTEL_EXPORTER_OTLP_HEADERS },
  };
}

function subgraphUrlsOf(env: Environment): Record<string, string> {
  const urls: Record<SubgraphName, string | undefined> = {
    customer: env.SSM_SUBGRAPH_CUSTOMER_URL,
    catalogue: env.SSM_SUBGRAPH_CATALOGUE_URL,
    orders: env.SSM_SUBGRAPH_ORDERS_URL,
    faults: env.SSM_SUBGRAPH_FAULTS_URL,
    billing: env.SSM_SUBGRAPH_BILLING_URL,
  };
  const set: Record<string, string> = {};
  for (const name of SUBGRAPHS) {
    const url = urls[name];
    if (url) set[name] = url;
  }
  return set;
}
