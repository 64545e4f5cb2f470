import DataLoader from 'dataloader';
import type { SubgraphBaseContext } from '../../lib/subgraph-server';
import type { IbssAdapter } from './adapters/ibss';
import type { OrderModel, ServiceModel } from './models';

export interface ServicePageKey {
  customerId: string;
  type?: string;
  state?: string;
  offset: number;
  limit: number;
}

export interface OrdersContext extends SubgraphBaseContext {
  ibss: IbssAdapter;
  /** Where the IBSS posts completions (this subgraph's callback route). */
  callbackUrl: string | null;
  loaders: {
    service: DataLoader<string, ServiceModel | null>;
    order: DataLoader<string, OrderModel | null>;
    servicePage: DataLoader<ServicePageKey, { items: ServiceModel[]; total: number }, string>;
  };
}

export function createLoaders(ibss: IbssAdapter): OrdersContext['loaders'] {
  const index = <T extends { id: string }>(ids: readonly string[], items: T[]) => {
    const map = new Map(items.map((i) => [i.id, i]));
    return ids.map((id) => map.get(id) ?? null);
  };
  const service = new DataLoader<string, ServiceModel | null>(async (ids) =>
    index(ids, await ibss.getServices(ids)),
  );
  return {
    service,
    order: new DataLoader(async (ids) => index(ids, await ibss.getOrders(ids))),
    // Pages of many customers with the same filter and window share one inventory call.
    servicePage: new DataLoader(
      async (keys) => {
        const groups = new Map<string, ServicePageKey[]>();
        for (const k of keys) {
          const g = `${k.type ?? ''}|${k.state ?? ''}|${k.offset}|${k.limit}`;
          groups.set(g, [...(groups.get(g) ?? []), k]);
        }
        const results = new Map<string, { items: ServiceModel[]; total: number }>();
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const { type, state, offset, limit } = group[0];
            const byCustomer = await ibss.listServices(
              [...new Set(group.map((k) => k.customerId))],
              { type, state },
              offset,
              limit,
            );
            for (const k of group) {
              const page = byCustomer[k.customerId] ?? { items: [], total: 0 };
              page.items.forEach((s) => service.prime(s.id, s));
              results.set(JSON.stringify(k), page);
            }
          }),
        );
        return keys.map((k) => results.get(JSON.stringify(k)) ?? { items: [], total: 0 });
      },
      { cacheKeyFn: (k) => JSON.stringify(k) },
    ),
  };
}
