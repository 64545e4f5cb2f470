import DataLoader from 'dataloader';
import type { SecurityEventLog } from '../../lib/audit/security-events';
import { groupedLoader } from '../../lib/loaders';
import type { SubgraphBaseContext } from '../../lib/subgraph-server';
import type { CatalogueAdapter } from '../../legacy/catalogue/client';
import type { CrmAdapter } from '../../legacy/crm/client';
import type { IbssAdapter } from '../../legacy/ibss/client';
import type { OrderModel, ServiceModel } from '../../legacy/ibss/models';
import type { OrderOutbox } from './services/outbox';
import type { Webhooks } from './services/webhooks/event-subscriptions';

export interface ServicePageKey {
  /** Customer id. */
  id: string;
  type?: string;
  state?: string;
  offset: number;
  limit: number;
}

export interface OrdersContext extends SubgraphBaseContext {
  ibss: IbssAdapter;
  /** Account ownership comes from the CRM. */
  crm: CrmAdapter;
  /** R4: which offerings belong to a partner. */
  catalogue: CatalogueAdapter;
  audit: SecurityEventLog;
  /** Orders written ahead of submission (exactly once, queued while the IBSS is down). */
  outbox: OrderOutbox;
  /** R4: partners' event subscriptions and their dead letters. */
  webhooks: Webhooks;
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
    servicePage: groupedLoader<ServicePageKey, { items: ServiceModel[]; total: number }>(
      (k) => `${k.type ?? ''}|${k.state ?? ''}|${k.offset}|${k.limit}`,
      async (customerIds, { type, state, offset, limit }) => {
        const byCustomer = await ibss.listServices(customerIds, { type, state }, offset, limit);
        for (const page of Object.values(byCustomer)) page.items.forEach((s) => service.prime(s.id, s));
        return new Map(Object.entries(byCustomer));
      },
      { items: [], total: 0 },
    ),
  };
}
