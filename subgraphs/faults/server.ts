import { subgraphSdl } from '../../lib/subgraph-sdl';
import type { SubgraphConfig } from '../../lib/config';
import type { SubgraphDefinition } from '../../lib/subgraph-server';
import { legacyCache } from '../../lib/cache/read-through';
import { rootLogger } from '../../lib/logger';
import { legacyEndpoint } from '../../legacy/base-client';
import { CachedFaultManagementAdapter } from '../../legacy/fault-management/cached-client';
import { createLoaders, type FaultsContext } from './context';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

const typeDefs = subgraphSdl('faults');

/** Builds the faults subgraph (assurance A1-A8). Opens no port. */
export function faultsSubgraph(config: SubgraphConfig): SubgraphDefinition<FaultsContext> {
  const fm = CachedFaultManagementAdapter.create(
    legacyEndpoint(config, 'faults'),
    legacyCache(config, 'fm', rootLogger.child({ subgraph: 'faults' })),
  );
  return {
    name: 'faults',
    typeDefs,
    resolvers,
    permissions,
    createContext: (base) => ({ ...base, fm, loaders: createLoaders(fm) }),
  };
}
