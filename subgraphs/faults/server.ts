import { subgraphSdl } from '../../lib/subgraph-sdl';
import type { SubgraphConfig } from '../../lib/config';
import type { SubgraphDefinition } from '../../lib/subgraph-server';
import { legacyCache } from '../../lib/cache/read-through';
import { rootLogger } from '../../lib/logger';
import { legacyEndpoint } from '../../legacy/base-client';
import { CachedFaultManagementAdapter } from '../../legacy/fault-management/cached-client';
import { FaultFeedAdapter } from '../../legacy/fault-management/feed';
import { TicketFeedbackAdapter } from '../../legacy/fault-management/ticket-feedback';
import { feedEndpoint } from '../../legacy/feed';
import { faultFeedPoller } from './services/fault-events';
import { createLoaders, type FaultsContext } from './context';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

const typeDefs = subgraphSdl('faults');

/** Builds the faults subgraph (assurance A1-A8). Opens no port. */
export function faultsSubgraph(config: SubgraphConfig): SubgraphDefinition<FaultsContext> {
  const logger = rootLogger.child({ subgraph: 'faults' });
  const fm = CachedFaultManagementAdapter.create(
    legacyEndpoint(config, 'faults'),
    legacyCache(config, 'fm', logger),
  );
  const ticketFeedback = TicketFeedbackAdapter.create(legacyEndpoint(config, 'faults'));
  // Test results, ticket updates and alarms in the fault system become domain events (issue 13).
  const poller = faultFeedPoller(config, FaultFeedAdapter.create(feedEndpoint(config, 'faults')), fm, logger);
  return {
    name: 'faults',
    typeDefs,
    resolvers,
    permissions,
    createContext: (base) => ({
      ...base,
      fm,
      loaders: createLoaders(fm),
      ticketFeedback,
      retireTicket: (t) => fm.ticketChanged(t),
    }),
    start: () => poller.start(),
    stop: () => poller.stop(),
  };
}
