/** The five subgraphs, in a fixed order (ports 4001-4005 by default). */
export const SUBGRAPHS = ['customer', 'catalogue', 'orders', 'faults', 'billing'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

export function defaultSubgraphUrl(name: SubgraphName): string {
  return `http://localhost:${4001 + SUBGRAPHS.indexOf(name)}/graphql`;
}
