import type { BillingLoaders } from '../context';

/** What loyalty reads need: the points loader. */
export interface LoyaltyDeps {
  loaders: Pick<BillingLoaders, 'points'>;
}

/** The customer's loyalty points; a customer the loyalty system does not know has none. */
export async function loyaltyPoints(deps: LoyaltyDeps, customerId: string): Promise<number> {
  return (await deps.loaders.points.load(customerId)) ?? 0;
}
