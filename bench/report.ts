import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Sample } from './measure';
import type { MutationCheck } from './mutations';
import { outputDir, root, type BenchSettings } from './settings';

/** One workload through one target: the medians of its rounds. */
export interface Cell extends Sample {
  workload: string;
  target: string;
  /** One request before the warm-up: same data as the workload's first gateway, or not. */
  answer?: 'same' | 'differs' | 'errors';
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
}

/** The table on stdout: requests/s, p50, p99 and their ratios to plain Apollo Gateway. */
export function printResults(results: Results): void {
  const { cells, mutations, settings } = results;
  const rows: string[][] = [];
  for (const workload of [...new Set(cells.map((c) => c.workload))]) {
    const group = cells.filter((c) => c.workload === workload);
    const base = group.find((c) => c.target === 'apollo gateway');
    for (const c of group) {
      const ratio = (v: number, b: number | undefined) => (b ? `${(v / b).toFixed(2)}x` : '-');
      rows.push([
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
    }
  }
  const header = [
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
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(
    `\n${settings.connections} connections, ${settings.duration} s x ${settings.rounds} rounds per cell (median), ${os.cpus().length} cores`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  if (mutations)
    console.log(
      `\n(c) mutations through every gateway: ${mutations.acknowledged} acknowledged, ${mutations.missing} missing, ${mutations.duplicated} duplicated`,
    );
  console.log(
    `\ngateway-added p50 at one connection, catalogue page (vs the subgraph direct, ${(results.directMedian / 1000).toFixed(2)} ms):`,
  );
  for (const [name, us] of Object.entries(results.addedLatency))
    console.log(`  ${name.padEnd(26)} ${(us / 1000).toFixed(2)} ms`);
}

/**
 * .bench/results-<time>.json, and the same as .bench/latest.json (smoke.json for a smoke run,
 * which tests/bench/smoke.test.ts reads).
 */
export function writeResults(results: Results): void {
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
      addedLatencyMs: Object.fromEntries(Object.entries(results.addedLatency).map(([k, v]) => [k, v / 1000])),
    },
    null,
    2,
  );
  writeFileSync(file, json);
  writeFileSync(path.join(outputDir, results.smoke ? 'smoke.json' : 'latest.json'), json);
  console.log(`\nresults: ${path.relative(root, file)}`);
}
