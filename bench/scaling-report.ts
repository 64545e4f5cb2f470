import { readFileSync, writeFileSync } from 'node:fs';
import { label, scalingChart } from '../system/kit/scaling-chart';
import { SCALING_WORKLOAD, type ScalingRow } from './workloads/scaling';

/**
 * What the scaling cells (workloads/scaling.ts) report: a table on stdout, the goals in
 * words, and the chart drawn from a results JSON.
 */

/** Largest over smallest of a figure across the sizes (1.00 is flat). */
const spread = (values: number[]) => Math.max(...values) / Math.min(...values);

/**
 * The goals of issue 17 item 4 in words: CPU per number within 1.5x across sizes, legacy calls
 * per request constant (those of the cold request: under load the legacy caches answer).
 */
export function scalingVerdict(rows: ScalingRow[]): string[] {
  if (rows.length < 2) return ['fewer than two sizes measured'];
  const perNumber = rows.map((r) => r.gatewayCpuMsPerNumber);
  const cold = rows.map((r) => r.coldLegacyCalls);
  return [
    `gateway CPU per request: largest/smallest ${spread(rows.map((r) => r.gatewayCpuMsPerRequest)).toFixed(2)}x across sizes`,
    `gateway CPU per number shown: largest/smallest ${spread(perNumber).toFixed(2)}x (goal <= 1.5x)`,
    `legacy calls of one request, nothing cached: ${cold.join(', ')} (goal: constant)`,
  ];
}

/** The table on stdout, and the verdict under it. */
export function printScaling(rows: ScalingRow[]): void {
  if (!rows.length) return;
  console.log(`\n${SCALING_WORKLOAD}:`);
  const header = [
    'numbers',
    'shown',
    'requests',
    'p50 ms',
    'p99 ms',
    'CPU ms/req',
    'CPU ms/number shown',
    'subgraph calls/req',
    'legacy calls/req',
    'cold: legacy calls',
    'cold: subgraph calls',
  ];
  const lines = rows.map((r) => [
    label(r.numbers),
    String(r.shown),
    String(r.requests),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    r.gatewayCpuMsPerRequest.toFixed(2),
    r.gatewayCpuMsPerNumber.toFixed(3),
    r.subgraphCallsPerRequest.toFixed(2),
    r.legacyCallsPerRequest.toFixed(2),
    String(r.coldLegacyCalls),
    String(r.coldSubgraphCalls),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const l of [header, ...lines]) console.log(l.map((c, i) => c.padEnd(widths[i])).join(' | '));
  for (const line of scalingVerdict(rows)) console.log(line);
}

/** What the results JSON must hold for a chart. */
interface ScalingResults {
  at: string;
  smoke: boolean;
  cores: number;
  loadAverage?: number[];
  settings: { duration: number; rounds: number; requestsPerCell: number };
  scaling?: ScalingRow[];
}

/** How the figures were measured, under the chart. */
function caption(results: ScalingResults): string {
  const { settings } = results;
  const amount = settings.requestsPerCell
    ? `${settings.requestsPerCell} requests per size`
    : `${settings.rounds} x ${settings.duration} s per size`;
  const average = results.loadAverage?.[0];
  // More runnable processes than cores: other work shared the machine, and the figures show it.
  const load =
    average === undefined
      ? ''
      : `, load average ${average.toFixed(1)}${average > results.cores ? ' (shared machine)' : ''}`;
  return `${results.at.slice(0, 10)}, ${results.smoke ? 'smoke run' : 'npm run bench'}: ${amount}, one connection, ${results.cores} cores${load}`;
}

/** Draws the chart of a results JSON file (written by writeResults) into `svgFile`. */
export function writeScalingChart(resultsFile: string, svgFile: string): ScalingRow[] {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as ScalingResults;
  const rows = results.scaling ?? [];
  if (!rows.length) throw new Error(`${resultsFile} has no scaling figures`);
  const points = rows.map((r) => ({
    numbers: r.numbers,
    gatewayCpuMsPerRequest: r.gatewayCpuMsPerRequest,
    // The cold request's: under load the legacy caches answer nearly every look-up.
    legacyCallsPerRequest: r.coldLegacyCalls,
  }));
  writeFileSync(svgFile, scalingChart(points, caption(results)));
  return rows;
}
