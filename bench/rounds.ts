import { answerOf, measure, median, sequentialMedian, type Sample } from './measure';
import type { Cell } from './report';
import { progress, type BenchSettings } from './settings';
import type { Workload } from './workloads/workload';

/** --only "<workload prefix>|<gateway name>[|...]": those targets of the workloads so named. */
export function selectCells(workloads: Workload[], only: string): Workload[] {
  const [prefix, ...names] = only.split('|');
  return workloads
    .map((w) => ({ ...w, targets: w.targets.filter((t) => names.includes(t.name)) }))
    .filter((w) => w.name.startsWith(prefix) && w.targets.length);
}

/**
 * Every cell (workload x target): answers compared first, a warm-up (full runs only), then
 * `rounds` runs alternating between the targets; each cell reports its medians.
 */
export async function runCells(
  workloads: Workload[],
  settings: BenchSettings,
  smoke: boolean,
): Promise<Cell[]> {
  const samples = new Map<string, Sample[]>();
  const answers = new Map<string, Cell['answer']>();
  const total = workloads.reduce((n, w) => n + w.targets.length, 0) * settings.rounds;
  let done = 0;
  for (const workload of workloads) {
    // Every gateway must answer the same data.
    if (workload.compareAnswers) {
      let reference: string | null = null;
      for (const target of workload.targets) {
        const answer = await answerOf(target, workload.body);
        reference ??= answer;
        answers.set(
          `${workload.name}|${target.name}`,
          answer === null ? 'errors' : answer === reference ? 'same' : 'differs',
        );
      }
    }
    for (const target of workload.targets) {
      progress(`warm-up: ${workload.name} · ${target.name}`);
      if (settings.rounds > 0 && !smoke) await measure(target, workload.body, settings.warmup, settings);
    }
    for (let round = 1; round <= settings.rounds; round++) {
      for (const target of workload.targets) {
        done++;
        progress(`[${done}/${total}] ${workload.name} · ${target.name} · round ${round}/${settings.rounds}`);
        const alongside = workload.alongside?.(target) ?? null;
        const sample = await measure(target, workload.body, settings.duration, settings);
        await alongside;
        const key = `${workload.name}|${target.name}`;
        samples.set(key, [...(samples.get(key) ?? []), sample]);
      }
    }
  }
  return [...samples].map(([key, runs]) => {
    const [workload, target] = key.split('|');
    return {
      workload,
      target,
      requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      errors: runs.reduce((n, r) => n + r.errors, 0),
      requests: runs.reduce((n, r) => n + r.requests, 0),
      answer: answers.get(key),
    };
  });
}

/**
 * Gateway-added latency at one connection: workload (b)'s catalogue query, one request at a time,
 * through each gateway and straight to the catalogue subgraph; medians in microseconds.
 */
export async function addedLatency(
  workloads: Workload[],
  smoke: boolean,
): Promise<{ directMedian: number; added: Record<string, number> }> {
  const added: Record<string, number> = {};
  const catalogue = workloads.find((w) => w.name.startsWith('(b)'));
  const direct = catalogue?.targets.find((t) => t.name === 'catalogue subgraph direct');
  let directMedian = 0;
  if (catalogue && direct) {
    const n = smoke ? 50 : 500;
    directMedian = await sequentialMedian(direct, catalogue.body, n);
    for (const target of catalogue.targets) {
      if (target.name.includes('direct') || target.name.includes('bare')) continue;
      progress(`one connection: ${target.name}`);
      added[target.name] = (await sequentialMedian(target, catalogue.body, n)) - directMedian;
    }
  }
  progress('');
  return { directMedian, added };
}
