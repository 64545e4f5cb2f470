import type { LegacyUrls } from '../lib/config';
import { LegacyHealthProbe } from '../lib/legacy-health';
import type { Resilience } from '../lib/resilience';
import type { SubgraphName } from '../lib/subgraphs';

/**
 * The legacy systems each subgraph calls (the `legacyEndpoint(config, ...)` calls in its
 * server.ts), named as their circuit breakers are: the systems its /readyz probes.
 */
export const LEGACY_SYSTEMS_OF: Record<SubgraphName, readonly (keyof LegacyUrls)[]> = {
  customer: ['crm', 'ibss', 'messages'],
  catalogue: ['catalogue', 'crm', 'ibss'],
  orders: ['catalogue', 'crm', 'ibss'],
  faults: ['faults'],
  billing: ['billing', 'catalogue'],
};

/** The probe of the legacy systems behind one subgraph, at the URLs its configuration gives. */
export function legacyHealthOf(
  name: SubgraphName,
  legacy: LegacyUrls,
  resilience: Pick<Resilience, 'health'>,
): LegacyHealthProbe {
  return new LegacyHealthProbe(
    Object.fromEntries(LEGACY_SYSTEMS_OF[name].map((system) => [system, legacy[system]])),
    resilience,
  );
}
