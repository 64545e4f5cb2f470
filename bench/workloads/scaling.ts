import { postBody } from '../../system/kit/client';
import { label } from '../../system/kit/scaling-chart';
import type { Fleet } from '../fleet';
import type { Cell } from '../report';
import type { Callers } from './callers';
import { DASHBOARD } from './dashboard';
import type { Workload, WorkloadContext } from './workload';

/**
 * (f) How cost grows with work (issue 17 item 4): workload (a)'s dashboard through our gateway
 * with the response cache off, asked by the manager of a company of 10, 100 and 1,000 numbers
 * (mocks/seed/enterprises.ts), one size per target, alternating like every workload's targets.
 * One connection, so that neither queueing nor in-flight sharing (all requests of a size come
 * from one actor) enters the per-request figures: they are what one request of that size costs.
 */
export const SCALING_WORKLOAD = '(f) scaling: uncached dashboard by company size, one connection';

const targetName = (numbers: number) => `ours, cache off, ${label(numbers)} numbers`;

/** The scaling cells, or none when the seed has no scaling companies. */
export function scalingWorkload({ fleet, callers }: WorkloadContext): Workload[] {
  if (!callers.scaling.length) return [];
  return [
    {
      name: SCALING_WORKLOAD,
      body: DASHBOARD,
      compareAnswers: false,
      targets: callers.scaling.map((s) => ({
        name: targetName(s.numbers),
        url: fleet.urls.oursUncached,
        callers: { kind: 'tokens' as const, tokens: s.tokens },
        process: 'oursUncached',
        connections: 1,
      })),
    },
  ];
}

/** One dashboard request per size before the load, with that company's legacy data not cached yet. */
export interface ColdRequest {
  numbers: number;
  /** The company's mobile numbers as the answer counts them (totalCount) and those it shows. */
  totalCount: number;
  shown: number;
  /** Calls the simulators and the SSM subgraphs received for it. */
  legacyCalls: number;
  subgraphCalls: number;
}

/**
 * The legacy calls one dashboard costs when nothing of the company is cached yet: under load the
 * subgraphs' legacy caches answer almost everything, so only the first request of each size
 * shows whether the calls grow with the company (they must not: the look-ups are batched).
 * Sent one at a time from the bench process, before any load, nothing else running.
 */
export async function coldRequests(fleet: Fleet, callers: Callers): Promise<ColdRequest[]> {
  const legacy = async () =>
    Object.values((await fleet.simulators.counters()).calls).reduce((n, c) => n + c, 0);
  const cold: ColdRequest[] = [];
  for (const s of callers.scaling) {
    const [legacyBefore, subgraphBefore] = [await legacy(), await fleet.subgraphRequests()];
    const response = await postBody(fleet.urls.oursUncached, DASHBOARD, {
      authorization: `Bearer ${s.tokens[0]}`,
    });
    const json = (await response.json()) as {
      data?: { me?: { customer?: { services?: { totalCount: number; edges: unknown[] } } } };
      errors?: unknown;
    };
    const services = json.data?.me?.customer?.services;
    if (!response.ok || json.errors || !services)
      throw new Error(`the ${s.numbers}-number dashboard failed: ${JSON.stringify(json)}`);
    cold.push({
      numbers: s.numbers,
      totalCount: services.totalCount,
      shown: services.edges.length,
      legacyCalls: (await legacy()) - legacyBefore,
      subgraphCalls: (await fleet.subgraphRequests()) - subgraphBefore,
    });
  }
  return cold;
}

/** One company size's figures, as the results JSON holds them (`scaling`). */
export interface ScalingRow {
  numbers: number;
  /** The company's mobile numbers and those one request shows (its first page), as the cold request's answer counted them. */
  totalCount: number;
  shown: number;
  /** Legacy and subgraph calls of the first request, nothing of the company cached. */
  coldLegacyCalls: number;
  coldSubgraphCalls: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  gatewayCpuMsPerRequest: number;
  /** Gateway CPU per number the answer shows: flat when cost follows the work, not the company. */
  gatewayCpuMsPerNumber: number;
  subgraphCallsPerRequest: number;
  /** Under load, legacy caches warm. */
  legacyCallsPerRequest: number;
  rigSaturated: boolean;
}

/** The scaling cells' figures with their cold requests', smallest company first. */
export function scalingRows(cells: Cell[], cold: ColdRequest[]): ScalingRow[] {
  const rows: ScalingRow[] = [];
  for (const { numbers, totalCount, shown, legacyCalls, subgraphCalls } of [...cold].sort(
    (a, b) => a.numbers - b.numbers,
  )) {
    const cell = cells.find((c) => c.workload === SCALING_WORKLOAD && c.target === targetName(numbers));
    if (!cell) continue;
    rows.push({
      numbers,
      totalCount,
      shown,
      coldLegacyCalls: legacyCalls,
      coldSubgraphCalls: subgraphCalls,
      requests: cell.requests,
      errors: cell.errors,
      p50: cell.p50,
      p99: cell.p99,
      gatewayCpuMsPerRequest: cell.cost.gatewayCpuMsPerRequest,
      gatewayCpuMsPerNumber: cell.cost.gatewayCpuMsPerRequest / shown,
      subgraphCallsPerRequest: cell.cost.subgraphCallsPerRequest,
      legacyCallsPerRequest: cell.cost.legacyCallsPerRequest,
      rigSaturated: cell.cost.rigSaturated,
    });
  }
  return rows;
}
