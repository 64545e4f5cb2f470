import type { Workload, WorkloadContext } from './workload';

/** The public catalogue page: ten offerings with prices and partners. */
export const CATALOGUE = JSON.stringify({
  query: `{ offerings(first: 10) { totalCount edges { node { id name prices { price { amount } } provider { partner { name } } } } } }`,
});

/** (b): the catalogue page, anonymous, through every gateway and straight to its subgraph. */
export function catalogueWorkload({ fleet, callers, bare }: WorkloadContext): Workload {
  return {
    name: '(b) catalogue page, anonymous',
    body: CATALOGUE,
    compareAnswers: true,
    targets: [
      { name: 'ours, response cache on', url: fleet.urls.ours, headers: {} },
      { name: 'ours, response cache off', url: fleet.urls.oursUncached, headers: {} },
      { name: 'apollo gateway', url: fleet.urls.apollo, headers: callers.anonymousHeaders },
      { name: 'hive gateway', url: fleet.urls.hive, headers: callers.anonymousHeaders },
      { name: 'hive gateway, no dedupe', url: fleet.urls.hiveNoDedupe, headers: callers.anonymousHeaders },
      // (e) the limit: the query sent straight to its subgraph, with the context ours would sign.
      {
        name: 'catalogue subgraph direct',
        url: fleet.system.subgraphUrls.catalogue,
        headers: callers.anonymousDirectHeaders.catalogue,
      },
      bare,
    ],
  };
}
