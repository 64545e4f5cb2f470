import type { Fleet } from '../fleet';
import type { Target } from '../measure';
import type { Callers } from './callers';

/** One row group of the results table: request bodies sent to each of its targets in turn. */
export interface Workload {
  name: string;
  /** The serialised GraphQL request whose answers are compared (and sent, without `bodies`). */
  body: string;
  /** When set, each request sends one of these at random (many pages, many page sizes). */
  bodies?: string[];
  targets: Target[];
  /** Every target must answer the same data before the load (not when the load changes it). */
  compareAnswers: boolean;
  /** Load sent next to each measured run of a target, awaited after it (the (c) mutation mix). */
  alongside?: (target: Target) => Promise<void>;
}

/** What the workloads' targets are built from. */
export interface WorkloadContext {
  fleet: Fleet;
  callers: Callers;
  /** Workload (e): the bare node:http server answering recorded bytes. */
  bare: Target;
}
