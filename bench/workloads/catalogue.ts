import { post } from '../../system/kit/client';
import type { Target } from '../measure';
import type { Workload, WorkloadContext } from './workload';

/** The public catalogue page: ten offerings with prices and partners. */
export const CATALOGUE = JSON.stringify({
  query: `{ offerings(first: 10) { totalCount edges { node { id name prices { price { amount } } provider { partner { name } } } } } }`,
});

/** One catalogue page of any size, by cursor: the document a catalogue app sends. */
const PAGE = `query Page($first: Int, $after: String) { offerings(first: $first, after: $after) { totalCount
  pageInfo { endCursor hasNextPage } edges { node { id name prices { price { amount } } provider { partner { name } } } } } }`;

/** The page sizes a client may ask for; every page of each is requested. */
const PAGE_SIZES = [1, 2, 5, 10, 20, 50];

const anonymous = (context: WorkloadContext) => ({
  kind: 'actors' as const,
  actors: context.callers.anonymous,
});

function catalogueTargets(context: WorkloadContext): Target[] {
  const { fleet } = context;
  const none = { kind: 'fixed' as const };
  return [
    { name: 'ours, response cache on', url: fleet.urls.ours, callers: none, process: 'ours' },
    {
      name: 'ours, response cache off',
      url: fleet.urls.oursUncached,
      callers: none,
      process: 'oursUncached',
    },
    { name: 'apollo gateway', url: fleet.urls.apollo, callers: anonymous(context), process: 'apollo' },
    { name: 'hive gateway', url: fleet.urls.hive, callers: anonymous(context), process: 'hive' },
    {
      name: 'hive gateway, no dedupe',
      url: fleet.urls.hiveNoDedupe,
      callers: anonymous(context),
      process: 'hiveNoDedupe',
    },
    {
      name: 'hive gateway, rust planner',
      url: fleet.urls.hiveRust,
      callers: anonymous(context),
      process: 'hiveRust',
    },
  ];
}

/** (b): the catalogue page, anonymous, through every gateway and straight to its subgraph. */
export function catalogueWorkload(context: WorkloadContext): Workload {
  const { fleet, bare } = context;
  return {
    name: '(b) catalogue page, anonymous',
    body: CATALOGUE,
    compareAnswers: true,
    targets: [
      ...catalogueTargets(context),
      // (e) the limit: the query sent straight to its subgraph, with the context ours would sign.
      {
        name: 'catalogue subgraph direct',
        url: fleet.subgraphUrls.catalogue,
        callers: { kind: 'actors', actors: context.callers.anonymous, direct: 'catalogue' },
        process: 'subgraph catalogue',
      },
      bare,
    ],
  };
}

/**
 * (b2): many anonymous clients over every page of every page size (issue 17), each request one
 * of them at random: what a public cache meets beyond one hot page. The cursors are walked once
 * through our gateway first.
 */
export async function cataloguePagesWorkload(context: WorkloadContext): Promise<Workload> {
  const bodies: string[] = [];
  for (const first of PAGE_SIZES) {
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const variables: { first: number; after: string | null } = { first, after };
      bodies.push(JSON.stringify({ query: PAGE, variables }));
      const r = await post<{ offerings: { pageInfo: { endCursor: string | null; hasNextPage: boolean } } }>(
        context.fleet.urls.ours,
        PAGE,
        variables,
      );
      const info = r.data?.offerings.pageInfo;
      if (!info?.hasNextPage || !info.endCursor) break;
      after = info.endCursor;
    }
  }
  return {
    name: `(b2) catalogue, ${bodies.length} pages of ${PAGE_SIZES.length} sizes, anonymous`,
    body: bodies[0],
    bodies,
    compareAnswers: true,
    targets: catalogueTargets(context).filter((t) => t.name !== 'hive gateway, no dedupe'),
  };
}
