import { subgraphSdl } from '../../lib/subgraph-sdl';
import type { SubgraphConfig } from '../../lib/config';
import { SecurityEventLog } from '../../lib/audit/security-events';
import { rootLogger } from '../../lib/logger';
import { legacyEndpoint } from '../../legacy/base-client';
import type { SubgraphDefinition } from '../../lib/subgraph-server';
import { CatalogueAdapter } from '../../legacy/catalogue/client';
import { CachedCrmAdapter } from '../../legacy/crm/cached-client';
import { legacyCache } from '../../lib/cache/read-through';
import { CachedIbssAdapter } from '../../legacy/ibss/cached-client';
import { createLoaders, type OrdersContext } from './context';
import { CALLBACK_PATH, callbackRoute } from './callback-route';
import { OrderOutbox } from './services/outbox';
import { OutboxWorker } from './services/outbox-worker';
import { createWebhooks } from './services/webhooks/webhooks';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

const typeDefs = subgraphSdl('orders');

/** The IBSS signs its callbacks with this secret; without it no callback could be trusted. */
function ibssCallbackSecretOf(config: SubgraphConfig): string {
  if (!config.ibssCallbackSecret)
    throw new Error('The orders subgraph needs the IBSS callback secret (SSM_IBSS_CALLBACK_SECRET).');
  return config.ibssCallbackSecret;
}

/** Builds the orders subgraph (ordering, inventory, F4-F9). Opens no port. */
export function ordersSubgraph(config: SubgraphConfig): SubgraphDefinition<OrdersContext> {
  const logger = rootLogger.child({ subgraph: 'orders' });
  const ibss = CachedIbssAdapter.create(legacyEndpoint(config, 'ibss'), legacyCache(config, 'ibss', logger));
  const crm = CachedCrmAdapter.create(legacyEndpoint(config, 'crm'), legacyCache(config, 'crm', logger));
  const catalogue = CatalogueAdapter.create(legacyEndpoint(config, 'catalogue'));
  const audit = new SecurityEventLog(config.db, rootLogger.child({ subgraph: 'orders' }), config.store);
  const outbox = new OrderOutbox(config.db, config.events);
  const worker = new OutboxWorker(outbox, ibss, logger, config.outboxIntervalMs ?? 1000);
  const webhooks = createWebhooks(config, ibss, catalogue, logger.child({ component: 'webhooks' }));
  return {
    name: 'orders',
    typeDefs,
    resolvers,
    permissions,
    createContext: (base) => ({
      ...base,
      ibss,
      crm,
      catalogue,
      audit,
      outbox,
      webhooks: webhooks.service,
      callbackUrl: config.selfUrl ? `${config.selfUrl}${CALLBACK_PATH}` : null,
      loaders: createLoaders(ibss),
    }),
    start: () => {
      worker.start();
      webhooks.start();
    },
    stop: async () => {
      await worker.stop();
      await webhooks.stop();
    },
    routes: callbackRoute({
      callbackSecret: ibssCallbackSecretOf(config),
      ibss,
      events: config.events,
      logger: rootLogger.child({ subgraph: 'orders' }),
    }),
  };
}
