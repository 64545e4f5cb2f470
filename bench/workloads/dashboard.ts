import type { Workload, WorkloadContext } from './workload';

/** The SS manager's dashboard: 50 mobile numbers with charges, last bill and open tickets. */
export const DASHBOARD = JSON.stringify({
  query: `{ me { customer { services(first: 50, filter: { type: MOBILE }) { totalCount edges { node {
        id identifier state currentCharges { total { amount } } lastBillCharges { amount { amount } bill { id } }
        troubleTickets(openOnly: true) { totalCount } } } } } } }`,
});

/** (a): the dashboard through every gateway, ours signed in, the others with signed actor headers. */
export function dashboardWorkload({ fleet, callers, bare }: WorkloadContext): Workload {
  const signedIn = { authorization: `Bearer ${callers.token}` };
  return {
    name: '(a) dashboard, 50 numbers',
    body: DASHBOARD,
    compareAnswers: true,
    targets: [
      { name: 'ours, response cache off', url: fleet.urls.oursUncached, headers: signedIn },
      { name: 'ours, response cache on', url: fleet.urls.ours, headers: signedIn },
      { name: 'apollo gateway', url: fleet.urls.apollo, headers: callers.managerHeaders },
      { name: 'hive gateway', url: fleet.urls.hive, headers: callers.managerHeaders },
      { name: 'hive gateway, no dedupe', url: fleet.urls.hiveNoDedupe, headers: callers.managerHeaders },
      bare,
    ],
  };
}
