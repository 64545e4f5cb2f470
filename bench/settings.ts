import path from 'node:path';
import { SCALING_SIZES } from '../mocks/seed/enterprises';
import { BENCH_SIZE, DEMO_SIZE, type SeedOptions } from '../mocks/seed/generate';
import type { Settings } from '../system/config';

/** The command line of `npm run bench` (see run.ts). */
export interface BenchFlags {
  smoke: boolean;
  soak: boolean;
  /** "<workload prefix>|<gateway name>[|<gateway name>...]": some cells of one workload. */
  only: string | null;
  /** Only the gateway-added latency at one connection. */
  oneConnection: boolean;
  /** --seconds N / --rounds N: a shorter full run (e.g. checking the rig); the docs quote full runs. */
  seconds: number | null;
  rounds: number | null;
}

export function readFlags(argv: string[]): BenchFlags {
  return {
    smoke: argv.includes('--smoke'),
    soak: argv.includes('--soak'),
    only: argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null,
    oneConnection: argv.includes('--one-connection'),
    seconds: argv.includes('--seconds') ? Number(argv[argv.indexOf('--seconds') + 1]) : null,
    rounds: argv.includes('--rounds') ? Number(argv[argv.indexOf('--rounds') + 1]) : null,
  };
}

export interface BenchSettings {
  seed: SeedOptions;
  /** Seconds of warm-up per cell before its rounds. */
  warmup: number;
  /** Seconds per measured run (full runs; the smoke run counts requests instead). */
  duration: number;
  rounds: number;
  connections: number;
  /** Requests per smoke cell (0: measure `duration` seconds). */
  requestsPerCell: number;
  /** Mutations the (c) mix sends per smoke cell, however slow the machine. */
  mutationsPerCell: number;
}

/**
 * The smoke run counts requests, not seconds: on a loaded 2-core machine (other test files
 * running) a 1-second window can pass before a slow cell answers anything, so each smoke cell
 * sends a fixed number of requests and waits for all of them, however long that takes.
 */
export function settingsFor(flags: BenchFlags): BenchSettings {
  return flags.smoke
    ? {
        // The scaling companies (10, 100, 1,000 numbers) after the population, as on benchmark data.
        seed: { ...DEMO_SIZE, customers: 60, enterprises: SCALING_SIZES },
        warmup: 1,
        duration: 1,
        rounds: 1,
        connections: 4,
        requestsPerCell: 20,
        mutationsPerCell: 3,
      }
    : {
        seed: { ...BENCH_SIZE, enterprises: SCALING_SIZES },
        warmup: flags.seconds ? Math.min(3, flags.seconds) : 3,
        duration: flags.seconds ?? 10,
        rounds: flags.oneConnection ? 0 : (flags.rounds ?? 3),
        connections: 50,
        requestsPerCell: 0,
        mutationsPerCell: 0,
      };
}

/** What the bench reads from its environment, all of it here. */
export interface BenchEnvironment {
  /** Where the bench's Redis lives (REDIS_URL, default redis://127.0.0.1:6379). */
  redisUrl: string;
  /** Where its PostgreSQL lives (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test). */
  databaseUrl: string;
  /**
   * SSM_BENCH_PROFILE=<name prefix>[,<name prefix>...]: those processes write a V8 CPU profile to
   * .bench/profiles: gateways by name (`ours`), subgraphs as `subgraph <name>`, `simulators`.
   */
  profile: string[];
  /** SSM_SOAK_MINUTES: the soak's length (default 10). */
  soakMinutes: number;
}

/**
 * The stores' URLs come from the system's configuration (`settings`, validated like every
 * process's); the bench always runs on a real Redis and PostgreSQL (our gateway is a process of
 * its own and shares sessions and grants with the subgraphs through them), so they default to the
 * local ones here. The rest are the bench's own variables.
 */
export function readBenchEnvironment(
  { stores }: Pick<Settings, 'stores'>,
  env: NodeJS.ProcessEnv,
): BenchEnvironment {
  return {
    redisUrl: stores.redisUrl ?? 'redis://127.0.0.1:6379',
    databaseUrl: stores.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/test',
    profile: (env.SSM_BENCH_PROFILE ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    soakMinutes: Number(env.SSM_SOAK_MINUTES ?? 10),
  };
}

export const root = path.join(__dirname, '..');

/** Where results, recorded responses and profiles go. */
export const outputDir = path.join(root, '.bench');

/** One progress line on stderr, overwritten by the next (stdout keeps the results). */
export const progress = (text: string) => process.stderr.write(`\r\x1b[2K${text}`);
