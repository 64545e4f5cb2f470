import http from 'node:http';
import { postBody } from '../system/kit/client';
import type { Fleet } from './fleet';
import { firstCallerHeaders, type LoadCallers } from './rig/actors';
import type { BenchSettings } from './settings';

/** One gateway (or server) a workload is sent to, and who calls it. */
export interface Target {
  name: string;
  url: string;
  /** One picked at random per request (many actors), or none in particular. */
  callers: LoadCallers;
  /** The process answering (a key of Fleet.pids), whose CPU time per request the tables show. */
  process?: string;
  /** Connections for this target instead of the run's (the scaling cells use one). */
  connections?: number;
}

/** What one load run measured. */
export interface Sample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

/**
 * One run of the load generator (its own process); GraphQL errors inside 200 answers count as
 * errors. A smoke run sends `requestsPerCell` requests (60 s timeout each) however long that
 * takes, a full run loads the target for `seconds`. Each request's body is one of `bodies`.
 */
export function measure(
  fleet: Pick<Fleet, 'load'>,
  target: Target,
  bodies: string[],
  seconds: number,
  settings: Pick<BenchSettings, 'connections' | 'requestsPerCell'>,
): Promise<Sample> {
  return fleet.load.run({
    url: target.url,
    headers: {},
    callers: target.callers,
    bodies,
    connections: target.connections ?? settings.connections,
    amount: settings.requestsPerCell,
    seconds,
  });
}

/** The headers of the target's first caller, for single requests from this process. */
export const headersOf = (target: Target, contextSecret: string) =>
  firstCallerHeaders(target.callers, contextSecret);

/** One request's `data`, serialised, or null when the answer has errors or is not 200. */
export async function answerOf(target: Target, body: string, contextSecret: string): Promise<string | null> {
  const response = await postBody(target.url, body, await headersOf(target, contextSecret));
  const json = (await response.json()) as { data?: unknown; errors?: unknown };
  return response.ok && !json.errors ? JSON.stringify(json.data) : null;
}

/** Median latency (microseconds) of `n` requests sent one after another on a kept-alive socket. */
export async function sequentialMedian(
  target: Target,
  body: string,
  n: number,
  contextSecret: string,
): Promise<number> {
  const headers = await headersOf(target, contextSecret);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const req = http.request(
        target.url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(Number(process.hrtime.bigint() - t0) / 1000));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  for (let i = 0; i < 20; i++) await one();
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await one());
  agent.destroy();
  return median(times);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
