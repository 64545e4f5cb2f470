import { billingSubgraph } from '../subgraphs/billing/server';
import { catalogueSubgraph } from '../subgraphs/catalogue/server';
import { customerSubgraph } from '../subgraphs/customer/server';
import { faultsSubgraph } from '../subgraphs/faults/server';
import { ordersSubgraph } from '../subgraphs/orders/server';
import type { SubgraphConfig } from '../lib/config';
import type { SubgraphBaseContext, SubgraphDefinition } from '../lib/subgraph-server';
import type { SubgraphName } from '../lib/subgraphs';

/** Explicit wiring of every subgraph (no loading by file-system convention). */
export const subgraphDefinitions: Record<
  SubgraphName,
  (config: SubgraphConfig) => SubgraphDefinition<SubgraphBaseContext>
> = {
  customer: customerSubgraph,
  catalogue: catalogueSubgraph,
  orders: ordersSubgraph,
  faults: faultsSubgraph,
  billing: billingSubgraph,
};
