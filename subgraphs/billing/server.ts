import { subgraphSdl } from '../../lib/subgraph-sdl';
import { SecurityEventLog } from '../../lib/audit/security-events';
import type { SubgraphConfig } from '../../lib/config';
import { rootLogger } from '../../lib/logger';
import type { SubgraphDefinition } from '../../lib/subgraph-server';
import { legacyEndpoint } from '../../legacy/base-client';
import { CatalogueAdapter } from '../../legacy/catalogue/client';
import { legacyCache } from '../../lib/cache/read-through';
import { CachedBossAdapter } from '../../legacy/boss/cached-client';
import { LoyaltyShopAdapter } from '../../legacy/boss/loyalty-shop';
import { BossSelfCareAdapter } from '../../legacy/boss/self-care';
import { BillingFeedAdapter } from '../../legacy/boss/feed';
import { feedEndpoint } from '../../legacy/feed';
import { billingFeedPoller } from './services/billing-events';
import { createLoaders, type BillingContext } from './context';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

const typeDefs = subgraphSdl('billing');

/** Builds the billing subgraph (B1-B9, X1). Opens no port. */
export function billingSubgraph(config: SubgraphConfig): SubgraphDefinition<BillingContext> {
  const bossCache = legacyCache(config, 'boss', rootLogger.child({ subgraph: 'billing' }));
  const boss = CachedBossAdapter.create(legacyEndpoint(config, 'billing'), bossCache);
  const loyaltyShop = LoyaltyShopAdapter.create(legacyEndpoint(config, 'billing'));
  const selfCare = BossSelfCareAdapter.create(legacyEndpoint(config, 'billing'));
  const catalogue = CatalogueAdapter.create(legacyEndpoint(config, 'catalogue'));
  const audit = new SecurityEventLog(config.db, rootLogger.child({ subgraph: 'billing' }), config.store);
  // Bills issued and payments settled in BOSS become domain events (issue 13).
  const poller = billingFeedPoller(
    config,
    BillingFeedAdapter.create(feedEndpoint(config, 'billing')),
    boss,
    rootLogger.child({ subgraph: 'billing' }),
  );
  return {
    name: 'billing',
    typeDefs,
    resolvers,
    permissions,
    createContext: (base) => ({
      ...base,
      boss,
      loyaltyShop,
      selfCare,
      audit,
      loaders: createLoaders(boss, catalogue),
    }),
    start: () => poller.start(),
    stop: () => poller.stop(),
  };
}
