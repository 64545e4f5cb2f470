import type { KeyValueStore } from './kv';
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

/** What every subgraph needs at start; built from the environment by the entry points. */
export interface SubgraphConfig {
  legacy: LegacyUrls;
  /** Shared with the gateway: verifies the signed actor context. */
  contextSecret: string;
  /** Signs access tokens (customer subgraph) / verifies them (gateway). */
  tokenSecret: string;
  store: KeyValueStore;
  /** The SSM store (grants, profiles, security events). */
  db: Database;
  legacyTimeoutMs: number;
  /** Read-through caching of legacy data (default on; SSM_CACHE=off turns it off). */
  legacyCache?: boolean;
  /** Caps every legacy-cache time-to-live (seconds). */
  legacyCacheMaxTtlSeconds?: number;
  /** How often the orders outbox worker looks for queued orders (ms, default 1000). */
  outboxIntervalMs?: number;
  /** Public URL of this subgraph's own HTTP server, for legacy callbacks (orders). */
  selfUrl?: string;
}

export function legacyUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): LegacyUrls {
  const url = (name: string, port: number) => env[`LEGACY_${name}_URL`] ?? `http://127.0.0.1:${port}`;
  return {
    crm: url('CRM', 4101),
    catalogue: url('CATALOGUE', 4102),
    ibss: url('IBSS', 4103),
    faults: url('FAULTS', 4104),
    billing: url('BILLING', 4105),
    messages: url('MESSAGES', 4106),
  };
}

/** Settings made of positive integers, each overridable by its environment variable. */
export function positiveIntegersFromEnv<T extends { [K in keyof T]: number }>(
  defaults: T,
  names: Record<keyof T, string>,
  env: NodeJS.ProcessEnv,
): T {
  const settings = { ...defaults };
  for (const key of Object.keys(names) as (keyof T)[]) {
    const raw = env[names[key]];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${names[key]} must be a positive integer`);
    settings[key] = value as T[keyof T];
  }
  return settings;
}
