import type { Target } from '../measure';
import type { Workload, WorkloadContext } from './workload';

/** A manager's dashboard: up to 50 mobile numbers with charges, last bill and open tickets. */
export const DASHBOARD = JSON.stringify({
  query: `{ me { customer { services(first: 50, filter: { type: MOBILE }) { totalCount edges { node {
        id identifier state currentCharges { total { amount } } lastBillCharges { amount { amount } bill { id } }
        troubleTickets(openOnly: true) { totalCount } } } } } } }`,
});

/** The dashboard's gateways: ours signed in with tokens, the others with signed actor contexts. */
function dashboardTargets(
  { fleet }: WorkloadContext,
  who: { tokens: string[]; actors: WorkloadContext['callers']['one']['actors'] },
): Target[] {
  const signedIn = { kind: 'tokens' as const, tokens: who.tokens };
  const contexts = { kind: 'actors' as const, actors: who.actors };
  return [
    {
      name: 'ours, response cache off',
      url: fleet.urls.oursUncached,
      callers: signedIn,
      process: 'oursUncached',
    },
    { name: 'ours, response cache on', url: fleet.urls.ours, callers: signedIn, process: 'ours' },
    { name: 'apollo gateway', url: fleet.urls.apollo, callers: contexts, process: 'apollo' },
    { name: 'hive gateway', url: fleet.urls.hive, callers: contexts, process: 'hive' },
    {
      name: 'hive gateway, no dedupe',
      url: fleet.urls.hiveNoDedupe,
      callers: contexts,
      process: 'hiveNoDedupe',
    },
    { name: 'hive gateway, rust planner', url: fleet.urls.hiveRust, callers: contexts, process: 'hiveRust' },
  ];
}

/**
 * (a): the dashboard through every gateway, each request from one of at least 200 signed-in
 * managers picked at random (issue 17: real traffic is many users, and per-actor caches and
 * in-flight sharing then do little).
 */
export function dashboardWorkload(context: WorkloadContext): Workload {
  const { many } = context.callers;
  return {
    name: `(a) dashboard, ${many.tokens.length} managers at random`,
    body: DASHBOARD,
    compareAnswers: true,
    targets: [...dashboardTargets(context, many), context.bare],
  };
}

/**
 * (a1): the same from ONE actor (Northwind's manager, 50 numbers) on every connection: the best
 * case for sharing identical in-flight subgraph calls, never the headline figure.
 */
export function oneActorDashboardWorkload(context: WorkloadContext): Workload {
  return {
    name: '(a1) dashboard, one actor: deduplication best case',
    body: DASHBOARD,
    compareAnswers: true,
    targets: dashboardTargets(context, context.callers.one).filter(
      (t) => t.name !== 'hive gateway, rust planner',
    ),
  };
}
