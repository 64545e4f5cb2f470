import os from 'node:os';
import type { Fleet } from './fleet';
import { answerOf, measure, median, sequentialMedian, type Sample, type Target } from './measure';
import type { Cell } from './report';
import { cpuSeconds } from './rig/cpu';
import { RedisStats, type RedisCounters } from './rig/redis-stats';
import { progress, type BenchSettings } from './settings';
import type { Workload } from './workloads/workload';

/** --only "<workload prefix>|<gateway name>[|...]": those targets of the workloads so named. */
export function selectCells(workloads: Workload[], only: string): Workload[] {
  const [prefix, ...names] = only.split('|');
  return workloads
    .map((w) => ({ ...w, targets: w.targets.filter((t) => names.includes(t.name)) }))
    .filter((w) => w.name.startsWith(prefix) && w.targets.length);
}

/** A rig process using this much of a core during a cell is its bottleneck (one event loop). */
const SATURATED_CORES = 0.9;

/** The counters read before and after each run: CPU seconds per process, calls behind the gateway. */
interface Snapshot {
  at: number;
  cpu: Record<string, number>;
  legacy: number;
  subgraph: number;
  redis: RedisCounters;
}

async function snapshot(fleet: Fleet, redis: RedisStats): Promise<Snapshot> {
  const [counters, subgraph, store] = await Promise.all([
    fleet.simulators.counters(),
    fleet.subgraphRequests(),
    redis.read(),
  ]);
  const cpu: Record<string, number> = {};
  for (const [name, pid] of Object.entries(fleet.pids)) cpu[name] = cpuSeconds(pid);
  const legacy = Object.values(counters.calls).reduce((n, c) => n + c, 0);
  return { at: performance.now(), cpu, legacy, subgraph, redis: store };
}

/** Sums of the runs of one cell: what the per-request figures are made of. */
interface Totals {
  seconds: number;
  requests: number;
  legacy: number;
  subgraph: number;
  redisCommands: number;
  redisReads: number;
  cpu: Record<string, number>;
}

function add(totals: Totals | undefined, before: Snapshot, after: Snapshot, sample: Sample): Totals {
  const t = totals ?? {
    seconds: 0,
    requests: 0,
    legacy: 0,
    subgraph: 0,
    redisCommands: 0,
    redisReads: 0,
    cpu: {},
  };
  t.seconds += (after.at - before.at) / 1000;
  t.requests += sample.requests;
  t.legacy += after.legacy - before.legacy;
  t.subgraph += after.subgraph - before.subgraph;
  t.redisCommands += after.redis.commands - before.redis.commands;
  t.redisReads += after.redis.reads - before.redis.reads;
  for (const name of Object.keys(after.cpu))
    t.cpu[name] = (t.cpu[name] ?? 0) + after.cpu[name] - before.cpu[name];
  return t;
}

/** Per-request costs, the gateway's and the rig's CPU, and whether the rig was the limit. */
function costs(t: Totals, target: Target, rig: string[]): Cell['cost'] {
  const perRequest = (n: number) => (t.requests ? n / t.requests : 0);
  const cores = (name: string) => (t.seconds ? (t.cpu[name] ?? Number.NaN) / t.seconds : Number.NaN);
  const rigCores = rig.map((name) => ({ name, cores: cores(name) }));
  const busiest = rigCores.reduce((a, b) => (b.cores > a.cores ? b : a), { name: '-', cores: 0 });
  const gateway = target.process && !rig.includes(target.process) ? target.process : null;
  const gatewayCores = gateway ? cores(gateway) : Number.NaN;
  const rigTotal = rigCores.reduce((n, r) => n + (Number.isNaN(r.cores) ? 0 : r.cores), 0);
  return {
    gatewayCpuMsPerRequest: gateway ? perRequest((t.cpu[gateway] ?? Number.NaN) * 1000) : Number.NaN,
    gatewayCores,
    subgraphCallsPerRequest: perRequest(t.subgraph),
    legacyCallsPerRequest: perRequest(t.legacy),
    redisCommandsPerRequest: perRequest(t.redisCommands),
    redisRoundTripsPerRequest: perRequest(t.redisReads),
    rigCores: rigTotal,
    busiestRigProcess: busiest.name,
    busiestRigCores: busiest.cores,
    rigSaturated:
      busiest.cores >= SATURATED_CORES ||
      rigTotal + (Number.isNaN(gatewayCores) ? 0 : gatewayCores) >= SATURATED_CORES * os.cpus().length,
  };
}

/**
 * Every cell (workload x target): answers compared first, a warm-up (full runs only), then
 * `rounds` runs alternating between the targets; each cell reports its medians, and the CPU
 * and calls counted over all its rounds.
 */
export async function runCells(
  fleet: Fleet,
  workloads: Workload[],
  settings: BenchSettings,
  options: { smoke: boolean; beforeRun: () => Promise<void> },
): Promise<Cell[]> {
  const samples = new Map<string, Sample[]>();
  const totals = new Map<string, Totals>();
  const answers = new Map<string, Cell['answer']>();
  const total = workloads.reduce((n, w) => n + w.targets.length, 0) * settings.rounds;
  const secret = fleet.secrets.contextSecret;
  const redis = new RedisStats(fleet.stores.redisUrl);
  let done = 0;
  try {
    await runAll();
  } finally {
    await redis.close();
  }
  async function runAll(): Promise<void> {
    for (const workload of workloads) {
      const bodies = workload.bodies ?? [workload.body];
      await options.beforeRun();
      // Every gateway must answer the same data.
      if (workload.compareAnswers) {
        let reference: string | null = null;
        for (const target of workload.targets) {
          const answer = await answerOf(target, workload.body, secret);
          reference ??= answer;
          answers.set(
            `${workload.name}|${target.name}`,
            answer === null ? 'errors' : answer === reference ? 'same' : 'differs',
          );
        }
      }
      for (const target of workload.targets) {
        progress(`warm-up: ${workload.name} · ${target.name}`);
        if (settings.rounds > 0 && !options.smoke)
          await measure(fleet, target, bodies, settings.warmup, settings);
      }
      for (let round = 1; round <= settings.rounds; round++) {
        for (const target of workload.targets) {
          done++;
          progress(
            `[${done}/${total}] ${workload.name} · ${target.name} · round ${round}/${settings.rounds}`,
          );
          await options.beforeRun();
          const before = await snapshot(fleet, redis);
          const alongside = workload.alongside?.(target) ?? null;
          const sample = await measure(fleet, target, bodies, settings.duration, settings);
          const after = await snapshot(fleet, redis);
          await alongside;
          const key = `${workload.name}|${target.name}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
          totals.set(key, add(totals.get(key), before, after, sample));
        }
      }
    }
  }
  return [...samples].map(([key, runs]) => {
    const [workloadName, targetName] = key.split('|');
    const workload = workloads.find((w) => w.name === workloadName);
    const target = workload?.targets.find((t) => t.name === targetName) as Target;
    return {
      workload: workloadName,
      target: targetName,
      requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      errors: runs.reduce((n, r) => n + r.errors, 0),
      requests: runs.reduce((n, r) => n + r.requests, 0),
      answer: answers.get(key),
      cost: costs(totals.get(key) as Totals, target, fleet.rig),
    };
  });
}

/**
 * Gateway-added latency at one connection: workload (b)'s catalogue query, one request at a time,
 * through each gateway and straight to the catalogue subgraph; medians in microseconds.
 */
export async function addedLatency(
  fleet: Fleet,
  workloads: Workload[],
  smoke: boolean,
): Promise<{ directMedian: number; added: Record<string, number> }> {
  const added: Record<string, number> = {};
  const secret = fleet.secrets.contextSecret;
  const catalogue = workloads.find((w) => w.name.startsWith('(b) catalogue page'));
  const direct = catalogue?.targets.find((t) => t.name === 'catalogue subgraph direct');
  let directMedian = 0;
  if (catalogue && direct) {
    const n = smoke ? 50 : 500;
    directMedian = await sequentialMedian(direct, catalogue.body, n, secret);
    for (const target of catalogue.targets) {
      if (target.name.includes('direct') || target.name.includes('bare')) continue;
      progress(`one connection: ${target.name}`);
      added[target.name] = (await sequentialMedian(target, catalogue.body, n, secret)) - directMedian;
    }
  }
  progress('');
  return { directMedian, added };
}
