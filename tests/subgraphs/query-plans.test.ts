import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { parse } from 'graphql';
import { subgraphSdl } from '../../lib/subgraph-sdl';
import { SUBGRAPHS, defaultSubgraphUrl } from '../../lib/subgraphs';

/** Composes the subgraph SDL files in-process, as the compose step does, and plans queries. */
const composed = composeServices(
  SUBGRAPHS.map((name) => ({
    name,
    url: defaultSubgraphUrl(name),
    typeDefs: parse(subgraphSdl(name)),
  })),
);

function fetchesOf(plan: QueryPlan): string[] {
  const out: string[] = [];
  const walk = (node: PlanNode | undefined): void => {
    if (!node) return;
    switch (node.kind) {
      case 'Fetch':
        out.push(node.serviceName);
        return;
      case 'Sequence':
      case 'Parallel':
        node.nodes.forEach(walk);
        return;
      case 'Flatten':
        walk(node.node);
        return;
      default:
        return;
    }
  };
  if (plan.node?.kind !== 'Subscription') walk(plan.node);
  return out;
}

function plan(query: string): string[] {
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const supergraph = Supergraph.build(composed.supergraphSdl);
  const planner = new QueryPlanner(supergraph);
  return fetchesOf(planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query))));
}

describe('supergraph composed in-process', () => {
  it('composes without errors and matches the checked-in supergraph', () => {
    expect(composed.errors).toBeUndefined();
    expect(readFileSync(path.join(__dirname, '../../schema/supergraph.graphql'), 'utf8')).toBe(
      `${composed.supergraphSdl}\n`,
    );
  });

  it('plans the catalogue page on the catalogue subgraph alone', () => {
    expect(plan('{ offerings { edges { node { id name prices { price { amount } } } } } }')).toEqual([
      'catalogue',
    ]);
  });

  it('plans the dashboard as one fetch per subgraph, whatever the number of services', () => {
    const fetches = plan(`{ me { customer { services { edges { node {
      identifier state offering { name }
      currentCharges { total { amount } } lastBillCharges { amount { amount } }
      troubleTickets(openOnly: true) { totalCount }
    } } } } } }`);
    expect([...fetches].sort()).toEqual(['billing', 'catalogue', 'customer', 'faults', 'orders']);
  });

  it('plans an order item offering through the catalogue (entity across subgraphs)', () => {
    expect(plan('{ productOrder(id: "PO-1") { state items { offering { name } } } }')).toEqual([
      'orders',
      'catalogue',
    ]);
  });
});
