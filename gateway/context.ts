import type { BaseContext } from '@apollo/server';
import type { Actor } from '../lib/actor';

/** Per-request gateway context: who is calling. */
export interface GatewayContext extends BaseContext {
  actor: Actor;
  /** The caller's network address (rate limiting only; never logged). */
  clientAddress: string;
}
