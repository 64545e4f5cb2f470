import { connection, pageRequest, type PageWindow } from '../../../lib/pagination';
import { topicsOf } from '../../../lib/profiles/profiles';
import type { OfferingModel } from '../../../legacy/catalogue/models';
import type { OfferingFilter } from '../__generated__/resolvers-types';
import type { CatalogueContext } from '../context';
import * as input from '../input';
import { rememberBrowsing, type ProfileDeps } from './browsing-profile';

/** What browsing the catalogue needs from the request. */
export type BrowsingDeps = ProfileDeps & Pick<CatalogueContext, 'catalogue' | 'loaders'>;

/** F1: one page of offerings; a signed-in user's category and type filters go into their profile. */
export async function browseOfferings(
  deps: BrowsingDeps,
  filter: OfferingFilter | null | undefined,
  window: PageWindow,
) {
  const page = pageRequest(window.first, window.after, 50);
  const q = input.search(filter?.search);
  const result = await deps.catalogue.listOfferings(
    {
      category: filter?.bundlesOnly ? 'bundle' : (filter?.category ?? undefined),
      serviceType: filter?.serviceType ?? undefined,
      partnerId: filter?.partnerId ?? undefined,
      q,
    },
    page.offset,
    page.limit,
  );
  result.items.forEach((o) => deps.loaders.offering.prime(o.id, o));
  const browsed = [
    filter?.category ? `category:${filter.category}` : null,
    filter?.serviceType ? `type:${filter.serviceType}` : null,
  ].filter((t): t is string => t !== null);
  await rememberBrowsing(deps, browsed);
  return connection(result.items, result.total, page);
}

/** F2: one offering; looking at it counts as browsing its topics. */
export async function viewOffering(deps: BrowsingDeps, id: string): Promise<OfferingModel | null> {
  const offering = await deps.loaders.offering.load(id);
  if (offering) await rememberBrowsing(deps, topicsOf(offering));
  return offering;
}
