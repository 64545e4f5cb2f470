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
