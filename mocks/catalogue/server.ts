import { Simulator, badRequest, ids, page, parseJson } from '../common/sim-server';
import { hashPassword } from '../seed/users';
import { registerAnnouncements } from './announcements';
import type { SeedWorld, ServiceType } from '../seed/types';
import { worldIndex } from '../common/world-index';

const SERVICE_TYPES: ServiceType[] = ['MOBILE', 'FIXED_LINE', 'BROADBAND', 'IPTV'];

/** Product catalogue, partner registry (ISMP) and resource availability, over REST/JSON. */
export function createCatalogue(world: SeedWorld): Simulator {
  const sim = new Simulator('catalogue');
  const offerings = new Map(world.offerings.map((o) => [o.id, o]));
  const partners = new Map(world.partners.map((p) => [p.id, p]));

  sim.route('GET', '/catalogue/offerings', 'listOfferings', (req) => {
    const q = req.query;
    const text = (q.get('q') ?? '').toLowerCase();
    const items = world.offerings.filter(
      (o) =>
        (!q.get('category') || o.category === q.get('category')) &&
        (!q.get('serviceType') || o.serviceType === q.get('serviceType')) &&
        (!q.get('partnerId') || o.partnerId === q.get('partnerId')) &&
        (q.get('includeRetired') === 'true' || o.lifecycleStatus === 'ACTIVE') &&
        (!text || o.name.toLowerCase().includes(text) || o.description.toLowerCase().includes(text)),
    );
    return { status: 200, body: page(items, q) };
  });
  sim.route('GET', '/catalogue/offerings/bulk', 'getOfferings', (req) => ({
    status: 200,
    body: { items: ids(req.query).flatMap((id) => offerings.get(id) ?? []) },
  }));
  // ISMP partner authentication: client credentials of SP/CP systems (R4).
  const clients = new Map(
    world.partners.map((p) => [
      `client-${p.id.toLowerCase()}`,
      { partnerId: p.id, secretHash: hashPassword(`secret-${p.id.toLowerCase()}`, p.id) },
    ]),
  );
  sim.route('POST', '/ismp/clients/verify', 'verifyClient', (req) => {
    const b = parseJson(req.body);
    const client = typeof b?.clientId === 'string' ? clients.get(b.clientId) : undefined;
    if (
      !client ||
      typeof b?.clientSecret !== 'string' ||
      hashPassword(b.clientSecret, client.partnerId) !== client.secretHash
    ) {
      return { status: 401, body: { error: 'unauthorized', message: 'Unknown client or wrong secret' } };
    }
    return {
      status: 200,
      body: { partnerId: client.partnerId, scopes: ['subscriptions:read', 'orders:read', 'usage:read'] },
    };
  });
  sim.route('GET', '/catalogue/partners', 'listPartners', (req) => {
    const wanted = ids(req.query);
    return {
      status: 200,
      body: { items: wanted.length ? wanted.flatMap((id) => partners.get(id) ?? []) : world.partners },
    };
  });

  // Resource management: what can be delivered at an address (TMF645-like qualification).
  sim.route('GET', '/resources/availability', 'checkAvailability', (req) => {
    const postcode = req.query.get('postcode') ?? '';
    if (!/^\d{5}$/.test(postcode)) return badRequest('postcode must be five digits');
    const n = Number(postcode);
    const fibre = n % 7 !== 0; // deterministic per address: some postcodes have no fibre
    const results = SERVICE_TYPES.map((serviceType) => {
      const available = serviceType === 'BROADBAND' || serviceType === 'IPTV' ? fibre : true;
      return {
        serviceType,
        available,
        maxDownloadMbps: serviceType === 'BROADBAND' && fibre ? (n % 3 === 0 ? 100 : 500) : null,
        reason: available ? null : 'No fibre connection at this address',
      };
    });
    return { status: 200, body: { postcode, results } };
  });
  sim.route('GET', '/resources/numbers', 'findNumbers', (req) => {
    const count = Math.min(20, Math.max(1, Number(req.query.get('count') ?? 5) || 5));
    const prefix = req.query.get('prefix') ?? '+3587';
    if (!/^\+\d{1,10}$/.test(prefix)) return badRequest('prefix must be + followed by digits');
    // Numbers in use, from an index built once (issue 17) rather than a walk of every service.
    const taken = worldIndex(world).serviceByIdentifier;
    const numbers: string[] = [];
    for (let i = 0; numbers.length < count && i < 10_000; i++) {
      const candidate = `${prefix}${String(99_000_000 - i).slice(-(12 - prefix.length + 1))}`;
      if (!taken.has(candidate)) numbers.push(candidate);
    }
    return { status: 200, body: { items: numbers } };
  });
  sim.route('GET', '/resources/numbers/:number', 'checkNumber', (req) => {
    if (!/^\+\d{6,15}$/.test(req.params.number)) return badRequest('number must be in E.164 format');
    const inUse = worldIndex(world).serviceByIdentifier.has(req.params.number);
    return { status: 200, body: { number: req.params.number, available: !inUse } };
  });
  registerAnnouncements(sim);
  return sim;
}
