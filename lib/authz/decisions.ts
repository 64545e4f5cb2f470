import type { Actor, GrantClaim } from '../actor';
import type { Capability } from './capabilities';

/** What an access decision is about: always a customer, often one service or account of it. */
export interface Target {
  customerId: string;
  serviceId?: string;
  accountId?: string;
}

/** The target a service instance is judged by: its customer, its account and itself. */
export function serviceTarget(service: { id: string; customerId: string; accountId: string }): Target {
  return { customerId: service.customerId, accountId: service.accountId, serviceId: service.id };
}

function covers(grant: GrantClaim, target: Target, now: number): boolean {
  if (grant.validUntil !== null && Date.parse(grant.validUntil) <= now) return false;
  if (grant.scopeKind === 'ACCOUNT')
    return target.accountId !== undefined && grant.scopeIds.includes(target.accountId);
  return target.serviceId !== undefined && grant.scopeIds.includes(target.serviceId);
}

/**
 * The single access decision (S2/S3): managers may do everything on their own customer; other
 * users only what a live grant gives them over the target service or account.
 */
export function can(actor: Actor, capability: Capability, target: Target, now = Date.now()): boolean {
  if (actor.kind !== 'customerUser' || actor.customerId !== target.customerId) return false;
  if (actor.role === 'MANAGER') return true;
  return actor.grants.some((g) => g.capabilities.includes(capability) && covers(g, target, now));
}

/** True when any grant reaches the target: enough to see that a service or account exists. */
export function canSee(actor: Actor, target: Target, now = Date.now()): boolean {
  if (actor.kind !== 'customerUser' || actor.customerId !== target.customerId) return false;
  if (actor.role === 'MANAGER') return true;
  return actor.grants.some((g) => covers(g, target, now));
}

/** Whether the actor holds a capability anywhere (rules that need no data, e.g. at the gateway). */
export function holdsAnywhere(actor: Actor, capability: Capability): boolean {
  if (actor.kind !== 'customerUser') return false;
  return actor.role === 'MANAGER' || actor.grants.some((g) => g.capabilities.includes(capability));
}
