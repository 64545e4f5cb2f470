import type { Actor } from '../../../lib/actor';
import { canSee, serviceTarget } from '../../../lib/authz/decisions';
import { topicsOf } from '../../../lib/profiles/profiles';
import type { OfferingModel } from '../../../legacy/catalogue/models';
import type { CatalogueContext } from '../context';
import * as input from '../input';

/** What ranking offerings needs from the request. */
export type RecommendationDeps = Pick<CatalogueContext, 'actor' | 'catalogue' | 'profiles' | 'inventory'>;

/** Recommendations rank this many offerings from the top of the catalogue. */
const CANDIDATES = 200;

/** Active services read to learn which service types the customer uses (one inventory page). */
const SERVICES_READ = 500;

/**
 * A service type the customer uses counts as this many visits of `type:<TYPE>`. Presence, not
 * the number of services: a 60-number fleet must not drown what its users browse, and a few
 * deliberate visits (three) outweigh it, since browsing says what the user looks for now.
 */
export const USAGE_WEIGHT = 2;

/**
 * R6: the service types the customer uses, as topics, from the IBSS inventory: the active
 * services this user can see (a manager: all of the customer's; another user: those a grant
 * reaches), so the ranking reveals nothing the user could not read anyway.
 */
async function usedTypes(deps: RecommendationDeps, actor: Extract<Actor, { kind: 'customerUser' }>) {
  const page = (await deps.inventory.listServices([actor.customerId], { state: 'active' }, 0, SERVICES_READ))[
    actor.customerId
  ];
  const types = new Set(
    (page?.items ?? []).filter((s) => canSee(actor, serviceTarget(s))).map((s) => `type:${s.type}`),
  );
  return [...types];
}

/**
 * R6: offerings ranked by the signed-in user's profile: how often they browsed each offering's
 * topics, plus `USAGE_WEIGHT` for each service type their customer uses; the catalogue's own
 * order for anyone else.
 */
export async function recommendOfferings(
  deps: RecommendationDeps,
  first: number | null | undefined,
): Promise<OfferingModel[]> {
  const n = input.smallCount(first ?? 5, 'first');
  const all = (await deps.catalogue.listOfferings({}, 0, CANDIDATES)).items;
  if (deps.actor.kind !== 'customerUser') return all.slice(0, n);
  const [topics, used] = await Promise.all([
    deps.profiles.topics(deps.actor.userId),
    usedTypes(deps, deps.actor),
  ]);
  const weight = new Map(topics.map((t) => [t.topic, t.hits]));
  for (const topic of used) weight.set(topic, (weight.get(topic) ?? 0) + USAGE_WEIGHT);
  const score = (o: OfferingModel) => topicsOf(o).reduce((sum, t) => sum + (weight.get(t) ?? 0), 0);
  // Stable: equal scores keep the catalogue's own order.
  return all
    .map((o, i) => ({ o, i, s: score(o) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, n)
    .map((x) => x.o);
}
