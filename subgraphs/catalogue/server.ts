import { subgraphSdl } from '../../lib/subgraph-sdl';
import { SecurityEventLog } from '../../lib/audit/security-events';
import { legacyCache } from '../../lib/cache/read-through';
import type { SubgraphConfig } from '../../lib/config';
import { DEFAULT_LOCKOUT_SETTINGS, Lockouts } from '../../lib/lockouts';
import { rootLogger } from '../../lib/logger';
import { ProfileRepository } from '../../lib/profiles/profiles';
import type { SubgraphDefinition } from '../../lib/subgraph-server';
import { legacyEndpoint } from '../../legacy/base-client';
import { AnnouncementsAdapter } from '../../legacy/catalogue/announcements';
import { CatalogueAdapter } from '../../legacy/catalogue/client';
import { CrmInteractionsAdapter } from '../../legacy/crm/interactions';
import { IbssAdapter } from '../../legacy/ibss/client';
import { CachedCatalogueAdapter } from '../../legacy/catalogue/cached-client';
import { createLoaders, type CatalogueContext } from './context';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

const typeDefs = subgraphSdl('catalogue');

/** Builds the catalogue subgraph (offerings, partners, availability). Opens no port. */
export function catalogueSubgraph(config: SubgraphConfig): SubgraphDefinition<CatalogueContext> {
  const catalogue = new CachedCatalogueAdapter(
    CatalogueAdapter.create(legacyEndpoint(config, 'catalogue')),
    legacyCache(config, 'catalogue', rootLogger.child({ subgraph: 'catalogue' })),
  );
  const announcements = AnnouncementsAdapter.create(legacyEndpoint(config, 'catalogue'));
  const interactions = CrmInteractionsAdapter.create(legacyEndpoint(config, 'crm'));
  const inventory = IbssAdapter.create(legacyEndpoint(config, 'ibss'));
  const profiles = new ProfileRepository(config.db);
  const audit = new SecurityEventLog(config.db, rootLogger.child({ subgraph: 'catalogue' }), config.store);
  const lockouts = new Lockouts(config.store, 'partner', config.signIn ?? DEFAULT_LOCKOUT_SETTINGS);
  return {
    name: 'catalogue',
    typeDefs,
    resolvers,
    permissions,
    createContext: (base) => ({
      ...base,
      catalogue,
      announcements,
      interactions,
      inventory,
      profiles,
      audit,
      tokenSecret: config.tokenSecret,
      lockouts,
      loaders: createLoaders(catalogue),
    }),
  };
}
