import type { ReadThroughCache } from '../../lib/cache/read-through';
import type { AvailabilityModel, OfferingModel, PartnerClientModel, PartnerModel } from './models';
import type { CatalogueAdapter } from './client';

/** What the catalogue subgraph uses of its legacy systems. */
export type CatalogueSource = Pick<
  CatalogueAdapter,
  | 'listOfferings'
  | 'getOfferings'
  | 'getPartners'
  | 'availability'
  | 'numberAvailable'
  | 'freeNumbers'
  | 'verifyClient'
>;

/** How long public catalogue data may be served from the cache (issue 4: catalogue long). */
export const CATALOGUE_TTL_SECONDS = 300;
/** Line availability changes when the network is built out: minutes are fine. */
export const AVAILABILITY_TTL_SECONDS = 60;

/**
 * The catalogue adapter with read-through caching of its public reads. Nothing here depends on
 * who asks, so entries are shared by every actor. Partner credentials are never cached.
 */
export class CachedCatalogueAdapter implements CatalogueSource {
  constructor(
    private readonly inner: CatalogueAdapter,
    private readonly cache: ReadThroughCache,
  ) {}

  // Number availability must be current, and credentials are never cached.
  numberAvailable(number: string): Promise<boolean> {
    return this.inner.numberAvailable(number);
  }

  freeNumbers(prefix: string, count: number): Promise<string[]> {
    return this.inner.freeNumbers(prefix, count);
  }

  verifyClient(clientId: string, clientSecret: string): Promise<PartnerClientModel | null> {
    return this.inner.verifyClient(clientId, clientSecret);
  }

  listOfferings(
    filter: { category?: string; serviceType?: string; partnerId?: string; q?: string },
    offset: number,
    limit: number,
  ): Promise<{ items: OfferingModel[]; total: number }> {
    const key = `offerings:${JSON.stringify([filter.category, filter.serviceType, filter.partnerId, filter.q, offset, limit])}`;
    return this.cache.get(key, CATALOGUE_TTL_SECONDS, () => this.inner.listOfferings(filter, offset, limit));
  }

  getOfferings(ids: readonly string[]): Promise<OfferingModel[]> {
    return this.cache.get(`offerings-by-id:${[...ids].sort().join(',')}`, CATALOGUE_TTL_SECONDS, () =>
      this.inner.getOfferings(ids),
    );
  }

  getPartners(ids: readonly string[] = []): Promise<PartnerModel[]> {
    return this.cache.get(`partners:${[...ids].sort().join(',')}`, CATALOGUE_TTL_SECONDS, () =>
      this.inner.getPartners(ids),
    );
  }

  availability(postcode: string): Promise<AvailabilityModel> {
    return this.cache.get(`availability:${postcode}`, AVAILABILITY_TTL_SECONDS, () =>
      this.inner.availability(postcode),
    );
  }
}
