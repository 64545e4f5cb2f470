import type { AvailabilityModel } from '../../../legacy/catalogue/models';
import type { CatalogueContext } from '../context';
import * as input from '../input';

/** What availability checks need from the request: only the resource systems. */
export type AvailabilityDeps = Pick<CatalogueContext, 'catalogue'>;

/** F3: what can be delivered at a postcode. */
export function serviceAvailability(deps: AvailabilityDeps, postcode: string): Promise<AvailabilityModel> {
  return deps.catalogue.availability(input.postcode(postcode));
}

/** F3: whether one number is free to take. */
export async function numberAvailability(
  deps: AvailabilityDeps,
  number: string,
): Promise<{ number: string; available: boolean }> {
  const checked = input.e164Number(number);
  return { number: checked, available: await deps.catalogue.numberAvailable(checked) };
}

/** F3: free numbers under a prefix to choose from. */
export function availableNumbers(
  deps: AvailabilityDeps,
  prefix: string | null | undefined,
  count: number | null | undefined,
): Promise<string[]> {
  const p = input.numberPrefix(prefix ?? '+3587');
  const n = input.smallCount(count ?? 5, 'count');
  return deps.catalogue.freeNumbers(p, n);
}
