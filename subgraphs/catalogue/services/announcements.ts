import { badInput } from '../../../lib/errors';
import type { AnnouncementModel } from '../../../legacy/catalogue/announcements';
import type { CatalogueContext } from '../context';
import * as input from '../input';

/** What reading announcements needs from the request. */
export type AnnouncementDeps = Pick<CatalogueContext, 'actor' | 'announcements' | 'profiles'>;

/** An announcement as the graph shows it: whether the reader's profile chose it. */
export interface AnnouncementView extends AnnouncementModel {
  targeted: boolean;
}

const AREA = /^AREA-\d{2}$/;

/**
 * X3: announcements valid now, for everyone and for the area asked about. Announcements aimed at
 * profile topics (R6) go only to signed-in users whose profile holds one of those topics, first,
 * ranked by how often they browsed them; anyone else sees only the untargeted ones.
 */
export async function announcementsFor(
  deps: AnnouncementDeps,
  areaId: string | null | undefined,
  first: number | null | undefined,
): Promise<AnnouncementView[]> {
  if (areaId != null && !AREA.test(areaId)) throw badInput('areaId must look like AREA-01.', 'areaId');
  const n = input.smallCount(first ?? 10, 'first');
  const current = await deps.announcements.current(areaId ? [areaId] : []);
  const general = current.filter((a) => a.topics.length === 0).map((a) => ({ ...a, targeted: false }));
  if (deps.actor.kind !== 'customerUser') return general.slice(0, n);
  const weight = new Map((await deps.profiles.topics(deps.actor.userId)).map((t) => [t.topic, t.hits]));
  const score = (a: AnnouncementModel) => a.topics.reduce((sum, t) => sum + (weight.get(t) ?? 0), 0);
  const aimed = current
    .filter((a) => a.topics.length > 0 && score(a) > 0)
    .map((a, i) => ({ a, i, s: score(a) }))
    // Stable: equal scores keep the publishing system's order.
    .sort((x, y) => y.s - x.s || x.i - y.i)
    .map(({ a }) => ({ ...a, targeted: true }));
  return [...aimed, ...general].slice(0, n);
}
