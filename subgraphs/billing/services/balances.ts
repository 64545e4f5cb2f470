import type { BucketModel } from '../../../legacy/boss/models';
import type { BillingLoaders } from '../context';

/** What the prepaid balance needs: the subscription and OCS balance loaders. */
export interface BalanceDeps {
  loaders: Pick<BillingLoaders, 'subscription' | 'balance'>;
}

/** The OCS balance of a prepaid service: its buckets and when the OCS read them. */
export interface PrepaidBalanceView {
  asOf: string;
  buckets: BucketModel[];
}

/** B7: the prepaid balance from the online charging system, in real time; postpaid has none. */
export async function prepaidBalance(
  deps: BalanceDeps,
  serviceId: string,
): Promise<PrepaidBalanceView | null> {
  const sub = await deps.loaders.subscription.load(serviceId);
  if (!sub?.prepaid) return null;
  const balance = await deps.loaders.balance.load(serviceId);
  return balance ? { asOf: balance.at, buckets: balance.buckets } : null;
}
