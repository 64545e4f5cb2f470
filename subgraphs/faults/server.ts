import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SubgraphConfig } from '../../lib/config';
import type { SubgraphDefinition } from '../../lib/subgraph-server';
import { FaultManagementAdapter } from './adapters/fault-management';
import { createLoaders, type FaultsContext } from './context';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

const typeDefs = readFileSync(path.join(__dirname, '../../schema/faults.graphql'), 'utf8');

/** Builds the faults subgraph (assurance A1-A8). Opens no port. */
export function faultsSubgraph(config: SubgraphConfig): SubgraphDefinition<FaultsContext> {
  const fm = FaultManagementAdapter.create(config.legacy.faults, config.legacyTimeoutMs);
  return {
    name: 'faults',
    typeDefs,
    resolvers,
    permissions,
    createContext: (base) => ({ ...base, fm, loaders: createLoaders(fm) }),
  };
}
