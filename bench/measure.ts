import http from 'node:http';
import autocannon from 'autocannon';
import { postBody } from '../system/kit/client';
import type { BenchSettings } from './settings';

/** One gateway (or server) a workload is sent to, with the headers its caller sends. */
export interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
}

/** What one autocannon run measured. */
export interface Sample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

/**
 * One autocannon run; GraphQL errors inside 200 answers count as errors. A smoke run sends
 * `requestsPerCell` requests (60 s timeout each) however long that takes, a full run loads the
 * target for `seconds`.
 */
export async function measure(
  target: Target,
  body: string,
  seconds: number,
  settings: Pick<BenchSettings, 'connections' | 'requestsPerCell'>,
): Promise<Sample> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: target.url,
    connections: settings.connections,
    ...(settings.requestsPerCell ? { amount: settings.requestsPerCell, timeout: 60 } : { duration: seconds }),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers },
        body,
        onResponse: (_status: number, text: string) => {
          if (text.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    requests: result.requests.total,
  };
}

/** One request's `data`, serialised, or null when the answer has errors or is not 200. */
export async function answerOf(target: Target, body: string): Promise<string | null> {
  const response = await postBody(target.url, body, target.headers);
  const json = (await response.json()) as { data?: unknown; errors?: unknown };
  return response.ok && !json.errors ? JSON.stringify(json.data) : null;
}

/** Median latency (microseconds) of `n` requests sent one after another on a kept-alive socket. */
export async function sequentialMedian(target: Target, body: string, n: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const req = http.request(
        target.url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', ...target.headers } },
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
