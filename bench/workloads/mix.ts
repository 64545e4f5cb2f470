import type { RunningSystem } from '../../system/system';
import { checkMutations, mutationMix, type MutationCheck, type MutationLog } from '../mutations';
import type { BenchSettings } from '../settings';
import { BARE } from './limit';
import type { Workload } from './workload';

/**
 * (c): (a) again, with a steady mix of orders, parameter changes and payments sent through the
 * same gateway at 5/s, checked exactly once afterwards (check(): null when no cell of (c) ran).
 */
export function mixWorkload(
  dashboard: Workload,
  system: RunningSystem,
  settings: Pick<BenchSettings, 'duration' | 'mutationsPerCell'>,
): Workload & { check(): Promise<MutationCheck | null> } {
  let log: MutationLog | null = null;
  return {
    name: '(c) dashboard + mutation mix',
    body: dashboard.body,
    targets: dashboard.targets.filter((t) => !['hive gateway, no dedupe', BARE].includes(t.name)),
    // The mix changes the data while it runs.
    compareAnswers: false,
    alongside: async (target) => {
      const pace = { perSecond: 5, durationMs: settings.duration * 1000, atLeast: settings.mutationsPerCell };
      log = await mutationMix(target.url, target.headers, system, pace, log);
    },
    check: async () => (log ? checkMutations(log, system) : null),
  };
}
