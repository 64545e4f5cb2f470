import { subgraphSdl } from '../../lib/subgraph-sdl';
import { SecurityEventLog } from '../../lib/audit/security-events';
import type { SubgraphConfig } from '../../lib/config';
import { rootLogger } from '../../lib/logger';
import type { SubgraphDefinition } from '../../lib/subgraph-server';
import { legacyEndpoint } from '../../legacy/base-client';
import { CatalogueAdapter } from '../../legacy/catalogue/client';
import { legacyCache } from '../../lib/cache/read-through';
import { CachedBossAdapter } from '../../legacy/boss/cached-client';
import { createLoaders, type BillingContext } from './context';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

const typeDefs = subgraphSdl('billing');

/** Builds the billing subgraph (B1-B9, X1). Opens no port. */
export function billingSubgraph(config: SubgraphConfig): SubgraphDefinition<BillingContext> {
  const boss = CachedBossAdapter.create(
    legacyEndpoint(config, 'billing'),
    legacyCache(config, 'boss', rootLogger.child({ subgraph: 'billing' })),
  );
  const catalogue = CatalogueAdapter.create(legacyEndpoint(config, 'catalogue'));
  const audit = new SecurityEventLog(config.db, rootLogger.child({ subgraph: 'billing' }), config.store);
  return {
    name: 'billing',
    typeDefs,
    resolvers,
    permissions,
    createContext: (base) => ({ ...base, boss, audit, loaders: createLoaders(boss, catalogue) }),
  };
}
