import type { BaseContext } from '@apollo/server';
import type { Actor } from '../lib/actor';
import type { RequestRecord } from './access-log';

/** Per-request gateway context: who is calling. */
export interface GatewayContext extends BaseContext {
  actor: Actor;
  /** The caller's network address (rate limiting only; never logged). */
  clientAddress: string;
  /** The request's id and what its access-log line says (gateway/access-log.ts). */
  request: RequestRecord;
}
