/**
 * `npm run bench`: our gateway next to plain Apollo Gateway and Hive Gateway (default and Rust
 * planner) over the same supergraph, subgraphs and simulators (benchmark-size data), driven in one
 * run, alternating, after a warm-up, with autocannon, on a rig shaped like production (simulators,
 * each subgraph, the load generator and each gateway in a process of its own). Prints a table
 * (requests/s, p50, p99, errors, ratios to plain Apollo Gateway), one of costs per answered
 * request (gateway CPU, subgraph and legacy calls, rig load) and the simulators' look-up times,
 * and writes JSON to .bench/. See docs/performance.md.
 *
 *   npm run bench                 full run (benchmark data, 3 rounds x 10 s per cell)
 *   npm run bench -- --smoke      seconds-long run on demo data (npm test keeps it working)
 *   npm run bench -- --soak       10 minutes on our gateway at 80% of its highest rate
 *   npm run bench -- --only "<workload prefix>|<gateway name>[|...]"   some cells of one workload
 *                                 (e.g. to profile one with SSM_BENCH_PROFILE)
 *   npm run bench -- --one-connection   only the gateway-added latency at one connection
 *   npm run bench -- --seconds 3 --rounds 1   shorter cells (checking the rig, not for the docs)
 *   npm run bench -- --chart [results.json]   only draws docs/performance-scaling.svg from a results
 *                                 file (default .bench/latest.json); every run draws .bench/scaling.svg
 *
 * Needs Redis (REDIS_URL, default redis://127.0.0.1:6379) and PostgreSQL (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test): our gateway runs in its own process and shares
 * sessions and grants with the subgraphs through them.
 *
 * fleet.ts starts the processes, workloads/ says what is sent where, rounds.ts and measure.ts
 * measure it, report.ts prints and writes the results, soak.ts is the long run.
 */
import path from 'node:path';
import { settingsOrExit } from '../system/config';
import { startFleet } from './fleet';
import { printResults, writeResults } from './report';
import { printScaling, writeScalingChart } from './scaling-report';
import { addedLatency, runCells, selectCells } from './rounds';
import { outputDir, readBenchEnvironment, readFlags, root, settingsFor } from './settings';
import { runSoak } from './soak';
import { signInCallers } from './workloads/callers';
import { CATALOGUE, catalogueWorkload, cataloguePagesWorkload } from './workloads/catalogue';
import { DASHBOARD, dashboardWorkload, oneActorDashboardWorkload } from './workloads/dashboard';
import { guildWorkload } from './workloads/guild';
import { startBare } from './workloads/limit';
import { mixWorkload } from './workloads/mix';
import { coldRequests, SCALING_WORKLOAD, scalingRows, scalingWorkload } from './workloads/scaling';
import { reportSubscriptions, runSubscriptionWorkload, subscriptionFlags } from './workloads/subscriptions';
import type { Workload, WorkloadContext } from './workloads/workload';

/**
 * Every workload of a run, in the order they run: the one place to add one (a workload file
 * under workloads/ exports a function of the context returning a Workload).
 */
async function workloadsOf(context: WorkloadContext, settings: ReturnType<typeof settingsFor>) {
  const dashboard = dashboardWorkload(context);
  const mix = mixWorkload(dashboard, context.fleet, context.callers, settings);
  const workloads: Workload[] = [
    dashboard,
    mix,
    oneActorDashboardWorkload(context),
    catalogueWorkload(context),
    await cataloguePagesWorkload(context),
    guildWorkload(context),
    ...scalingWorkload(context),
  ];
  return { workloads, mix };
}

/** --chart [file]: the scaling chart of a stored run into docs/, without running anything. */
function drawChart(argv: string[]): void {
  const given = argv[argv.indexOf('--chart') + 1];
  const from = given && !given.startsWith('--') ? path.resolve(given) : path.join(outputDir, 'latest.json');
  const to = path.join(root, 'docs/performance-scaling.svg');
  printScaling(writeScalingChart(from, to));
  console.log(`\nchart: ${path.relative(root, to)} (from ${path.relative(root, from)})`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--chart')) return drawChart(process.argv.slice(2));
  const flags = readFlags(process.argv.slice(2));
  const settings = settingsFor(flags);
  // Validates the environment and configures logging (LOG_LEVEL=warn by default in `npm run
  // bench`): the rig's processes inherit it and their warnings must show.
  const env = readBenchEnvironment(settingsOrExit(), process.env);
  // The subscription workload (issue 13; workloads/subscriptions.ts): alone with --subscriptions.
  const subscriptions = subscriptionFlags(process.argv.slice(2));
  const fleet = await startFleet(settings, env, subscriptions.only ? ['ours'] : undefined);
  try {
    const callers = await signInCallers(fleet);
    if (subscriptions.only) {
      reportSubscriptions(await runSubscriptionWorkload(fleet, callers, subscriptions.size), flags.smoke);
      return;
    }
    const context = { fleet, callers, bare: await startBare(fleet, callers) };
    const { workloads, mix } = await workloadsOf(context, settings);
    if (flags.soak) {
      const bodies = { dashboard: DASHBOARD, catalogue: CATALOGUE };
      const { connections } = settings;
      await runSoak({
        url: fleet.urls.ours,
        token: callers.one.tokens[0],
        bodies,
        connections,
        minutes: env.soakMinutes,
      });
      return;
    }
    const selected = flags.only ? selectCells(workloads, flags.only) : workloads;
    // Before any load: the first dashboard of each scaling company, nothing of it cached yet.
    const cold = selected.some((w) => w.name === SCALING_WORKLOAD) ? await coldRequests(fleet, callers) : [];
    const cells = await runCells(fleet, selected, settings, { smoke: flags.smoke, beforeRun: callers.fresh });
    const latency = await addedLatency(fleet, selected, flags.smoke);
    const counters = await fleet.simulators.counters();
    const results = {
      smoke: flags.smoke,
      settings,
      cells,
      mutations: await mix.check(),
      directMedian: latency.directMedian,
      addedLatency: latency.added,
      lookups: counters.timings,
      actors: callers.many.tokens.length,
      scaling: scalingRows(cells, cold),
    };
    printResults(results);
    const file = writeResults(results);
    if (results.scaling.length)
      writeScalingChart(file, path.join(outputDir, flags.smoke ? 'smoke-scaling.svg' : 'scaling.svg'));
    if (!flags.only && !flags.oneConnection)
      reportSubscriptions(await runSubscriptionWorkload(fleet, callers, subscriptions.size), flags.smoke);
  } finally {
    await fleet.stop();
  }
}

main()
  // Load-generator sockets and the store's reconnect timers would keep the process alive.
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
