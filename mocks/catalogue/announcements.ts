import { Simulator, badRequest, parseJson } from '../common/sim-server';
import { ANNOUNCEMENTS, type Announcement } from '../seed/announcements';

const KINDS: Announcement['kind'][] = ['NEW_SERVICE', 'PROMOTION', 'ACTIVITY_REPORT', 'GENERAL_NOTICE'];
const AREA = /^AREA-\d{2}$/;

/**
 * The operator's publishing system (X3): announcements valid at a moment (`at`, default now) for
 * the given areas (and everyone's), and a control route through which the operator (a test, the
 * demo) publishes a new one at once, such as a disaster notice.
 */
export function registerAnnouncements(sim: Simulator): { published: Announcement[] } {
  const published: Announcement[] = ANNOUNCEMENTS.map((a) => ({ ...a }));

  sim.route('GET', '/catalogue/announcements', 'listAnnouncements', (req) => {
    const at = req.query.get('at') ? Date.parse(req.query.get('at') as string) : Date.now();
    if (Number.isNaN(at)) return badRequest('at must be an ISO date');
    const areas = (req.query.get('areaIds') ?? '').split(',').filter(Boolean);
    const items = published.filter(
      (a) =>
        Date.parse(a.validFrom) <= at &&
        at < Date.parse(a.validUntil) &&
        (a.areaIds.length === 0 || a.areaIds.some((id) => areas.includes(id))),
    );
    return { status: 200, body: { items } };
  });
  sim.route('POST', '/catalogue/_control/announcements', 'publishAnnouncement', (req) => {
    const b = parseJson(req.body);
    if (!b || !KINDS.includes(b.kind as Announcement['kind']))
      return badRequest(`kind must be one of ${KINDS}`);
    if (typeof b.title !== 'string' || typeof b.body !== 'string')
      return badRequest('title and body are required');
    const areaIds = Array.isArray(b.areaIds)
      ? b.areaIds.filter((a): a is string => typeof a === 'string')
      : [];
    if (areaIds.some((a) => !AREA.test(a))) return badRequest('areaIds must look like AREA-01');
    const now = new Date();
    const announcement: Announcement = {
      id: `ANN-${String(published.length + 1).padStart(3, '0')}`,
      kind: b.kind as Announcement['kind'],
      title: b.title,
      body: b.body,
      areaIds,
      topics: Array.isArray(b.topics) ? b.topics.filter((t): t is string => typeof t === 'string') : [],
      offeringId: typeof b.offeringId === 'string' ? b.offeringId : null,
      validFrom: typeof b.validFrom === 'string' ? b.validFrom : now.toISOString(),
      validUntil:
        typeof b.validUntil === 'string'
          ? b.validUntil
          : new Date(now.getTime() + 7 * 86_400_000).toISOString(),
    };
    published.push(announcement);
    return { status: 201, body: announcement };
  });
  return { published };
}
