import type { BaseContext } from '@apollo/server';
import type { Actor } from '../lib/actor';
import type { Locale } from '../lib/i18n/locale';
import type { RequestRecord } from './access-log';

/** Per-request gateway context: who is calling. */
export interface GatewayContext extends BaseContext {
  actor: Actor;
  /** The language the answer's texts are in (gateway/locale.ts), passed on to the subgraphs. */
  locale: Locale;
  /** The caller's network address (rate limiting only; never logged). */
  clientAddress: string;
  /** The request's id and what its access-log line says (gateway/access-log.ts). */
  request: RequestRecord;
  /**
   * Set on the gateway's own operations: the equivalent queries that re-resolve subscription events
   * (gateway/subscriptions). They bypass the response cache (fresh data) and the trusted-documents
   * check (the subscription document itself was checked), never the authorization rules.
   */
  internal?: boolean;
  /**
   * The version of the caller's cache invalidation tag, read with the request's other store reads
   * (gateway/response-cache.ts cacheVersion); unset, the response cache reads it itself.
   */
  cacheVersion?: Promise<string | null>;
}
