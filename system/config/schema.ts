import { z } from 'zod';
import { DEFAULT_LIMITS } from '../../gateway/limits';
import { DEFAULT_PUBLIC_RESPONSE_OPTIONS } from '../../gateway/public-responses';
import { DEFAULT_RATE_LIMITS } from '../../gateway/rate-limit';
import { DEFAULT_LOCKOUT_SETTINGS } from '../../lib/lockouts';
import { DEFAULT_RESILIENCE } from '../../lib/resilience';
import { SUBGRAPHS } from '../../lib/subgraphs';
import { DEMO_SIZE } from '../../mocks/seed/generate';
import {
  boolean,
  hostPorts,
  httpUrl,
  keyValues,
  names,
  nonNegativeInteger,
  oneOf,
  origins,
  port,
  positiveInteger,
  postgresUrl,
  redisUrl,
  sqlIdentifier,
  text,
} from './variables';

/** Where `npm start` and `npm run mocks` run each legacy simulator, and where a subgraph alone looks. */
export const SIMULATOR_PORTS = {
  crm: 4101,
  catalogue: 4102,
  ibss: 4103,
  faults: 4104,
  billing: 4105,
  messages: 4106,
};

const simulatorUrl = (system: keyof typeof SIMULATOR_PORTS) =>
  httpUrl().prefault(`http://127.0.0.1:${SIMULATOR_PORTS[system]}`);

/**
 * Every environment variable the system reads, with its default (a raw string, parsed like a set
 * value) or none (optional). README.md's configuration table lists the same variables and defaults;
 * tests/unit/config.test.ts holds the two together.
 */
export const ENV_SCHEMA = z.object({
  // This process's HTTP server.
  HOST: text().prefault('127.0.0.1'),
  PORT: port().prefault('4000'),
  // How long SIGTERM waits for requests in flight before closing (gateway/drain.ts).
  SSM_DRAIN_TIMEOUT_MS: nonNegativeInteger().prefault('10000'),

  // Stores.
  DATABASE_URL: postgresUrl().optional(),
  SSM_DB_SCHEMA: sqlIdentifier().prefault('ssm'),
  // Development data: generated secrets (system/config/secrets.ts), the embedded PGlite store.
  SSM_DATA_DIR: text().optional(),
  REDIS_URL: redisUrl().optional(),
  REDIS_CLUSTER_NODES: hostPorts().optional(),
  SSM_KEY_PREFIX: text().prefault('ssm:'),

  // Secrets shared by the gateway and the subgraphs (random per start when one process runs all).
  SSM_CONTEXT_SECRET: text().optional(),
  SSM_TOKEN_SECRET: text().optional(),
  // Shared by the IBSS (it signs completion callbacks) and the orders subgraph (it verifies them).
  SSM_IBSS_CALLBACK_SECRET: text().optional(),

  // Caching.
  SSM_CACHE: oneOf(['on', 'off', 'legacy-only']).prefault('on'),
  SSM_PUBLIC_COPY_MS: nonNegativeInteger().prefault(String(DEFAULT_PUBLIC_RESPONSE_OPTIONS.maxAgeMs)),
  SSM_SESSION_OUTAGE: oneOf(['trust-unexpired', 'refuse']).prefault('trust-unexpired'),

  // Request limits (gateway/limits.ts).
  SSM_LIMIT_DEPTH: positiveInteger().prefault(String(DEFAULT_LIMITS.maxDepth)),
  SSM_LIMIT_ALIASES: positiveInteger().prefault(String(DEFAULT_LIMITS.maxAliases)),
  SSM_LIMIT_DIRECTIVES: positiveInteger().prefault(String(DEFAULT_LIMITS.maxDirectives)),
  SSM_LIMIT_TOKENS: positiveInteger().prefault(String(DEFAULT_LIMITS.maxTokens)),
  SSM_LIMIT_COST: positiveInteger().prefault(String(DEFAULT_LIMITS.maxCost)),
  SSM_LIMIT_BODY_BYTES: positiveInteger().prefault(String(DEFAULT_LIMITS.bodyBytes)),

  // Rate limits (gateway/rate-limit.ts).
  SSM_RATE_PER_USER: positiveInteger().prefault(String(DEFAULT_RATE_LIMITS.perUser)),
  SSM_RATE_PER_PARTNER: positiveInteger().prefault(String(DEFAULT_RATE_LIMITS.perPartnerClient)),
  SSM_RATE_PER_ANONYMOUS: positiveInteger().prefault(String(DEFAULT_RATE_LIMITS.perAnonymousAddress)),
  SSM_RATE_SIGN_IN: positiveInteger().prefault(String(DEFAULT_RATE_LIMITS.signInPerAddress)),
  SSM_RATE_WINDOW_SECONDS: positiveInteger().prefault(String(DEFAULT_RATE_LIMITS.windowSeconds)),
  SSM_TRUST_PROXY: boolean().prefault('false'),

  // Sign-in lock-outs (lib/lockouts.ts).
  SSM_SIGN_IN_FAILURES: positiveInteger().prefault(String(DEFAULT_LOCKOUT_SETTINGS.maxFailures)),
  SSM_SIGN_IN_CODE_FAILURES: positiveInteger().prefault(String(DEFAULT_LOCKOUT_SETTINGS.maxCodeFailures)),
  SSM_LOCKOUT_SECONDS: positiveInteger().prefault(String(DEFAULT_LOCKOUT_SETTINGS.lockoutSeconds)),

  // Production mode and trusted documents (gateway/trusted-documents.ts).
  SSM_PRODUCTION: boolean().prefault('false'),
  // Unset: strict in production, off otherwise.
  SSM_TRUSTED_DOCUMENTS: oneOf(['strict', 'off']).optional(),
  SSM_FIRST_PARTY_CLIENTS: names().prefault('selfcare-web,selfcare-mobile'),

  // Browsers (gateway/cors.ts, gateway/explorer). Unset: open to this machine's pages in
  // development, closed in production.
  SSM_CORS_ORIGINS: origins().optional(),
  SSM_EXPLORER: oneOf(['on', 'off']).optional(),

  // Legacy systems as the subgraphs see them (lib/resilience.ts).
  SSM_BREAKER_FAILURES: positiveInteger().prefault(String(DEFAULT_RESILIENCE.failuresToOpen)),
  SSM_BREAKER_HALF_OPEN_MS: positiveInteger().prefault(String(DEFAULT_RESILIENCE.halfOpenAfterMs)),
  SSM_LEGACY_TIMEOUT_MS: positiveInteger().prefault('5000'),
  SSM_OUTBOX_INTERVAL_MS: positiveInteger().prefault('1000'),

  // A subgraph as a process of its own (scripts/subgraph.ts).
  SSM_SUBGRAPH: oneOf(SUBGRAPHS).optional(),
  SSM_SELF_URL: httpUrl().optional(),
  LEGACY_CRM_URL: simulatorUrl('crm'),
  LEGACY_CATALOGUE_URL: simulatorUrl('catalogue'),
  LEGACY_IBSS_URL: simulatorUrl('ibss'),
  LEGACY_FAULTS_URL: simulatorUrl('faults'),
  LEGACY_BILLING_URL: simulatorUrl('billing'),
  LEGACY_MESSAGES_URL: simulatorUrl('messages'),

  // The gateway as a process of its own (scripts/gateway.ts).
  SSM_SUBGRAPH_CUSTOMER_URL: httpUrl().optional(),
  SSM_SUBGRAPH_CATALOGUE_URL: httpUrl().optional(),
  SSM_SUBGRAPH_ORDERS_URL: httpUrl().optional(),
  SSM_SUBGRAPH_FAULTS_URL: httpUrl().optional(),
  SSM_SUBGRAPH_BILLING_URL: httpUrl().optional(),

  // Simulators and demo data.
  SSM_SEED_SIZE: oneOf(['demo', 'bench']).prefault('demo'),
  SSM_SEED: nonNegativeInteger().prefault(String(DEMO_SIZE.seed)),
  SSM_CUSTOMERS: positiveInteger().prefault(String(DEMO_SIZE.customers)),
  SSM_PROVISIONING_DELAY_MS: nonNegativeInteger().prefault('2000'),
  SSM_DEMO_GRANTS: boolean().prefault('true'),

  // Logs (lib/logger.ts). Unset LOG_FORMAT: pretty on a terminal, JSON lines otherwise.
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).prefault('info'),
  LOG_FORMAT: oneOf(['pretty', 'json']).optional(),

  // Traces (lib/telemetry/sdk.ts): OTLP over HTTP with JSON bodies. Unset endpoint: no tracing.
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl().optional(),
  OTEL_EXPORTER_OTLP_HEADERS: keyValues().optional(),
});

/** The name of an environment variable the system reads. */
export type Variable = keyof typeof ENV_SCHEMA.shape;

/** SSM_SUBGRAPH_<NAME>_URL of each subgraph: the gateway alone needs them all. */
export const SUBGRAPH_URL_VARIABLES = SUBGRAPHS.map(
  (name) => `SSM_SUBGRAPH_${name.toUpperCase() as Uppercase<typeof name>}_URL` as const,
) satisfies Variable[];

/** The environment, parsed. */
export type Environment = z.output<typeof ENV_SCHEMA>;

/**
 * What an unset variable without a default of its own means, as README.md states it: these follow
 * other settings (system/config/settings.ts applies the rule).
 */
export const DERIVED_DEFAULTS: Partial<Record<Variable, string>> = {
  SSM_TRUSTED_DOCUMENTS: 'strict in production, else off',
  SSM_CORS_ORIGINS: 'http://localhost:*,http://127.0.0.1:* in development, none in production',
  SSM_EXPLORER: 'on in development, off in production',
  LOG_FORMAT: 'pretty on a terminal, else json',
  SSM_DATA_DIR: '.data',
};

/** Variables whose value never appears in an error message (they may hold passwords or secrets). */
export const SENSITIVE: ReadonlySet<Variable> = new Set<Variable>([
  'DATABASE_URL',
  'REDIS_URL',
  'SSM_CONTEXT_SECRET',
  'SSM_TOKEN_SECRET',
  'OTEL_EXPORTER_OTLP_HEADERS',
  'SSM_IBSS_CALLBACK_SECRET',
]);
