import type { RequestLimits } from '../../gateway/limits';
import type { RateLimits } from '../../gateway/rate-limit';
import type { TrustedDocumentsOptions } from '../../gateway/trusted-documents';
import type { LegacyUrls } from '../../lib/config';
import type { LoggingSettings } from '../../lib/logger';
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
  stores: {
    /** Unset with clusterNodes: an in-process store (one process only). */
    redisUrl?: string;
    /** `host:port,...` of a Redis Cluster; wins over redisUrl. */
    clusterNodes?: string;
    keyPrefix: string;
    /** Unset: embedded PGlite (in memory, or in dataDir). */
    databaseUrl?: string;
    dbSchema: string;
    dataDir?: string;
  };
  /** Shared by gateway and subgraphs; required when they run as separate processes. */
  secrets: { contextSecret?: string; tokenSecret?: string };
  /** SSM_PRODUCTION: trusted documents strict by default, introspection for partners only. */
  production: boolean;
  trustedDocuments: TrustedDocumentsOptions;
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
    stores: {
      redisUrl: env.REDIS_URL,
      clusterNodes: env.REDIS_CLUSTER_NODES,
      keyPrefix: env.SSM_KEY_PREFIX,
      databaseUrl: env.DATABASE_URL,
      dbSchema: env.SSM_DB_SCHEMA,
      dataDir: env.SSM_DATA_DIR,
    },
    secrets: { contextSecret: env.SSM_CONTEXT_SECRET, tokenSecret: env.SSM_TOKEN_SECRET },
    production: env.SSM_PRODUCTION,
    // Production: first-party apps may send only their registered operations, and only partners
    // may introspect. Trusted documents can also be set on their own.
    trustedDocuments: {
      production: env.SSM_PRODUCTION,
      mode: env.SSM_TRUSTED_DOCUMENTS ?? (env.SSM_PRODUCTION ? 'strict' : 'off'),
      firstPartyClients: env.SSM_FIRST_PARTY_CLIENTS,
    },
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
