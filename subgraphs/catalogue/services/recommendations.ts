import { topicsOf } from '../../../lib/profiles/profiles';
import type { OfferingModel } from '../../../legacy/catalogue/models';
import type { CatalogueContext } from '../context';
import * as input from '../input';

/** What ranking offerings needs from the request. */
export type RecommendationDeps = Pick<CatalogueContext, 'actor' | 'catalogue' | 'profiles'>;

/** Recommendations rank this many offerings from the top of the catalogue. */
const CANDIDATES = 200;

/**
 * R6: offerings ranked by how often the signed-in user browsed their topics; the catalogue's own
 * order for anyone else.
 */
export async function recommendOfferings(
  deps: RecommendationDeps,
  first: number | null | undefined,
): Promise<OfferingModel[]> {
  const n = input.smallCount(first ?? 5, 'first');
  const all = (await deps.catalogue.listOfferings({}, 0, CANDIDATES)).items;
  if (deps.actor.kind !== 'customerUser') return all.slice(0, n);
  const weight = new Map((await deps.profiles.topics(deps.actor.userId)).map((t) => [t.topic, t.hits]));
  const score = (o: OfferingModel) => topicsOf(o).reduce((sum, t) => sum + (weight.get(t) ?? 0), 0);
  // Stable: equal scores keep the catalogue's own order.
  return all
    .map((o, i) => ({ o, i, s: score(o) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, n)
    .map((x) => x.o);
}
