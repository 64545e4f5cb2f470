import { signedHeaders } from '../rig/actors';
import type { Fleet } from '../fleet';
import type { Target } from '../measure';
import {
  checkMutations,
  mutationMix,
  type MutationCaller,
  type MutationCheck,
  type MutationLog,
} from '../mutations';
import type { BenchSettings } from '../settings';
import type { Callers } from './callers';
import { BARE } from './limit';
import type { Workload } from './workload';

/**
 * (c): (a) again (many managers), with a steady mix of orders, parameter changes and payments
 * from those managers in turn, sent through the same gateway at 5/s, checked exactly once
 * afterwards (check(): null when no cell of (c) ran).
 */
export function mixWorkload(
  dashboard: Workload,
  fleet: Fleet,
  callers: Callers,
  settings: Pick<BenchSettings, 'duration' | 'mutationsPerCell'>,
): Workload & { check(): Promise<MutationCheck | null> } {
  let log: MutationLog | null = null;
  const secret = fleet.secrets.contextSecret;
  const mutationCallers = (target: Target): MutationCaller[] =>
    callers.world.managers.map((actor, i) => ({
      actor,
      headers: async () =>
        target.callers.kind === 'tokens'
          ? { authorization: `Bearer ${callers.many.tokens[i]}` }
          : signedHeaders(callers.many.actors[i], secret),
    }));
  return {
    name: dashboard.name.replace('(a) dashboard', '(c) dashboard + mutation mix'),
    body: dashboard.body,
    targets: dashboard.targets.filter((t) => !['hive gateway, no dedupe', BARE].includes(t.name)),
    // The mix changes the data while it runs.
    compareAnswers: false,
    alongside: async (target) => {
      const pace = { perSecond: 5, durationMs: settings.duration * 1000, atLeast: settings.mutationsPerCell };
      log = await mutationMix(target.url, mutationCallers(target), pace, log);
    },
    check: async () => (log ? checkMutations(log, fleet) : null),
  };
}
