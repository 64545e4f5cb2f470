import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Sample } from './measure';
import type { MutationCheck } from './mutations';
import { outputDir, root, type BenchSettings } from './settings';
import { printScaling } from './scaling-report';
import type { ScalingRow } from './workloads/scaling';

/** One workload through one target: the medians of its rounds. */
export interface Cell extends Sample {
  workload: string;
  target: string;
  /** One request before the warm-up: same data as the workload's first gateway, or not. */
  answer?: 'same' | 'differs' | 'errors';
  /** Over all the cell's rounds (issue 17): what each answered request cost, and the rig's load. */
  cost: {
    /** CPU milliseconds the gateway process spent per answered request (its own counters). */
    gatewayCpuMsPerRequest: number;
    /** Cores the gateway process used while loaded. */
    gatewayCores: number;
    subgraphCallsPerRequest: number;
    legacyCallsPerRequest: number;
    /** Commands the shared Redis processed per answered request (every process of the rig). */
    redisCommandsPerRequest: number;
    /** Socket reads of the shared Redis per answered request: round trips, pipelines counted once. */
    redisRoundTripsPerRequest: number;
    /** Cores the rig used (simulators, subgraphs, load generator, bench process). */
    rigCores: number;
    busiestRigProcess: string;
    busiestRigCores: number;
    /** A rig process near a full core, or the machine near all its cores: the cell measures the rig. */
    rigSaturated: boolean;
  };
}

export interface Results {
  smoke: boolean;
  settings: BenchSettings;
  cells: Cell[];
  mutations: MutationCheck | null;
  /** Median of the catalogue query straight to its subgraph, microseconds. */
  directMedian: number;
  /** Per gateway, microseconds over directMedian. */
  addedLatency: Record<string, number>;
  /** Handler time of the simulators' operations over the run (their look-ups), by system.operation. */
  lookups: Record<string, { calls: number; ms: number }>;
  /** Distinct signed-in managers of the many-actor workloads. */
  actors: number;
  /** (f): the dashboard's cost by company size (workloads/scaling.ts). */
  scaling: ScalingRow[];
}

/** Columns padded to their widest cell, markdown-like. */
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

const fixed = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : '-');
const ratio = (v: number, b: number | undefined) =>
  b && Number.isFinite(v) ? `${(v / b).toFixed(2)}x` : '-';

/**
 * The tables on stdout: requests/s, p50, p99 and their ratios to plain Apollo Gateway; then what
 * each answered request cost the gateway (CPU, subgraph and legacy calls) and how loaded the rig
 * was (a saturated rig means the cell measured the rig); then the simulators' look-up times.
 */
export function printResults(results: Results): void {
  const { cells, mutations, settings } = results;
  const speed: string[][] = [];
  const cost: string[][] = [];
  for (const workload of [...new Set(cells.map((c) => c.workload))]) {
    const group = cells.filter((c) => c.workload === workload);
    const base = group.find((c) => c.target === 'apollo gateway');
    for (const c of group) {
      speed.push([
        workload,
        c.target,
        c.requestsPerSecond.toFixed(0),
        ratio(c.requestsPerSecond, base?.requestsPerSecond),
        c.p50.toFixed(1),
        ratio(c.p50, base?.p50),
        c.p99.toFixed(1),
        ratio(c.p99, base?.p99),
        String(c.errors),
        c.answer ?? '-',
      ]);
      const k = c.cost;
      cost.push([
        workload,
        c.target,
        fixed(k.gatewayCpuMsPerRequest, 2),
        ratio(k.gatewayCpuMsPerRequest, base?.cost.gatewayCpuMsPerRequest),
        fixed(k.gatewayCores, 2),
        fixed(k.subgraphCallsPerRequest, 2),
        fixed(k.legacyCallsPerRequest, 2),
        `${fixed(k.redisRoundTripsPerRequest, 2)} (${fixed(k.redisCommandsPerRequest, 2)})`,
        fixed(k.rigCores, 2),
        `${k.busiestRigProcess} ${fixed(k.busiestRigCores, 2)}`,
        k.rigSaturated ? 'SATURATED' : 'ok',
      ]);
    }
  }
  console.log(
    `\n${settings.connections} connections, ${settings.duration} s x ${settings.rounds} rounds per cell (median), ${os.cpus().length} cores, ${results.actors} managers in the many-actor rows`,
  );
  printTable(
    [
      'workload',
      'gateway',
      'req/s',
      'vs apollo',
      'p50 ms',
      'vs apollo',
      'p99 ms',
      'vs apollo',
      'errors',
      'answer',
    ],
    speed,
  );
  console.log("\nper answered request, over all rounds of a cell (CPU from each process's own counters):");
  printTable(
    [
      'workload',
      'gateway',
      'gateway CPU ms/req',
      'vs apollo',
      'gateway cores',
      'subgraph calls/req',
      'legacy calls/req',
      'Redis round trips/req (commands)',
      'rig cores',
      'busiest rig process (cores)',
      'rig',
    ],
    cost,
  );
  if (mutations)
    console.log(
      `\n(c) mutations through every gateway: ${mutations.acknowledged} acknowledged, ${mutations.missing} missing, ${mutations.duplicated} duplicated`,
    );
  if (Object.keys(results.addedLatency).length)
    console.log(
      `\ngateway-added p50 at one connection, catalogue page (vs the subgraph direct, ${(results.directMedian / 1000).toFixed(2)} ms):`,
    );
  for (const [name, us] of Object.entries(results.addedLatency))
    console.log(`  ${name.padEnd(26)} ${(us / 1000).toFixed(2)} ms`);
  const lookups = Object.entries(results.lookups)
    .sort(([, a], [, b]) => b.ms - a.ms)
    .slice(0, 10);
  console.log('\nsimulator look-ups over the run (handler time, indexes built once), the ten costliest:');
  printTable(
    ['operation', 'calls', 'mean ms'],
    lookups.map(([name, t]) => [name, String(t.calls), (t.ms / Math.max(1, t.calls)).toFixed(3)]),
  );
  printScaling(results.scaling);
}

/**
 * .bench/results-<time>.json, and the same as .bench/latest.json (smoke.json for a smoke run,
 * which tests/bench/smoke.test.ts reads). Returns the file written.
 */
export function writeResults(results: Results): string {
  mkdirSync(outputDir, { recursive: true });
  const file = path.join(outputDir, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const json = JSON.stringify(
    {
      at: new Date().toISOString(),
      smoke: results.smoke,
      settings: results.settings,
      cores: os.cpus().length,
      cells: results.cells,
      mutations: results.mutations,
      actors: results.actors,
      // The machine's load at the end of the run: figures from a busy machine say so.
      loadAverage: os.loadavg(),
      scaling: results.scaling,
      lookups: results.lookups,
      addedLatencyMs: Object.fromEntries(Object.entries(results.addedLatency).map(([k, v]) => [k, v / 1000])),
    },
    null,
    2,
  );
  writeFileSync(file, json);
  writeFileSync(path.join(outputDir, results.smoke ? 'smoke.json' : 'latest.json'), json);
  console.log(`\nresults: ${path.relative(root, file)}`);
  return file;
}
