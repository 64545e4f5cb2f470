import type { Capability } from '../../../lib/authz/capabilities';
import type { Grant } from '../../../lib/authz/grants';
import { localize, msg } from '../../../lib/i18n/text';

/** A service instance as grant scopes see it. */
export interface ScopedService {
  id: string;
  accountId: string;
}

export type Delegation =
  | { source: Grant; validUntil: Date | null }
  | { refused: 'NON_PROPAGATION' | 'INVALID_REQUEST'; message: string };

const covers = (grant: Grant, service: ScopedService) =>
  grant.scopeIds.includes(grant.scopeKind === 'ACCOUNT' ? service.accountId : service.id);
/** Capabilities as the API names them ('fault.report' -> FAULT_REPORT). */
const apiName = (c: Capability) => c.replace('.', '_').toUpperCase();
const endOf = (grant: Grant) => (grant.validUntil ? Date.parse(grant.validUntil) : Infinity);

/**
 * R2 non-propagation for what an authorized user enables for an SSM user: the source must be one
 * grant the authorized user holds, working now (`held`), that carries every function asked for
 * over every service named; the new grant lives no longer than it. An open-ended request gets the
 * source's end; an explicit later end is refused rather than silently shortened, so the granter
 * learns what was really given. Of several possible sources the longest-living one is used (the
 * oldest on a tie): the chain then ends only when the authorized user loses the right altogether.
 */
export function delegationSource(
  held: readonly Grant[],
  capabilities: readonly Capability[],
  services: readonly ScopedService[],
  requestedUntil: Date | null,
): Delegation {
  const missing = capabilities.filter(
    (c) => !services.every((s) => held.some((g) => g.capabilities.includes(c) && covers(g, s))),
  );
  if (missing.length > 0)
    return {
      refused: 'NON_PROPAGATION',
      message: localize(
        msg`You can only enable functions you hold yourself over every service named; you do not hold ${missing.map(apiName).join(', ')}.`,
      ),
    };
  const sources = held.filter(
    (g) => capabilities.every((c) => g.capabilities.includes(c)) && services.every((s) => covers(g, s)),
  );
  if (sources.length === 0)
    return {
      refused: 'INVALID_REQUEST',
      message: localize(
        'No single authorization of yours holds all these functions over all these services; split the request.',
      ),
    };
  const source = sources.reduce((best, g) => (endOf(g) > endOf(best) ? g : best));
  const sourceUntil = source.validUntil ? new Date(source.validUntil) : null;
  if (sourceUntil && requestedUntil && requestedUntil > sourceUntil)
    return {
      refused: 'NON_PROPAGATION',
      message: localize(
        msg`Your own authorization ends at ${source.validUntil ?? ''}; what you enable cannot last longer.`,
      ),
    };
  return { source, validUntil: requestedUntil ?? sourceUntil };
}
