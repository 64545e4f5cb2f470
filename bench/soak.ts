import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { outputDir, progress } from './settings';

/**
 * `--soak`: minutes on our gateway (everything on) at 80% of the highest rate it sustained, with a
 * mix of a private cached dashboard, the public catalogue page and a never-cached live balance read
 * (every layer: copies, shared cache, planning, subgraphs, the OCS), watching errors and memory.
 */
export async function runSoak(options: {
  url: string;
  token: string;
  bodies: { dashboard: string; catalogue: string };
  connections: number;
  minutes: number;
}): Promise<void> {
  const { url, token, bodies, connections, minutes } = options;
  const live = JSON.stringify({
    query: `{ me { customer { services(first: 5, filter: { type: MOBILE }) { edges { node { id state prepaidBalance { asOf } } } } } } }`,
  });
  const signedIn = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const requests = [
    { method: 'POST' as const, headers: signedIn, body: bodies.dashboard },
    { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: bodies.catalogue },
    { method: 'POST' as const, headers: signedIn, body: live },
  ];
  let graphqlErrors = 0;
  const run = (seconds: number, rate?: number) =>
    autocannon({
      url,
      connections,
      duration: seconds,
      ...(rate ? { overallRate: rate } : {}),
      requests: requests.map((r) => ({
        ...r,
        onResponse: (_status: number, text: string) => {
          if (text.includes('"errors"')) graphqlErrors++;
        },
      })),
    });
  const memory = async () => {
    const metrics = await (await fetch(url.replace('/graphql', '/metrics'))).text();
    const read = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(metrics)?.[1] ?? 0) / 1e6;
    return { rss: read('ssm_process_resident_memory_bytes'), heap: read('ssm_nodejs_heap_size_used_bytes') };
  };
  progress('soak: measuring the highest sustainable rate...');
  const peak = await run(10);
  graphqlErrors = 0;
  const rate = Math.floor(peak.requests.average * 0.8);
  const samples = [await memory()];
  let errors = 0;
  let total = 0;
  const latency: number[] = [];
  for (let m = 1; m <= minutes; m++) {
    progress(`soak: minute ${m}/${minutes} at ${rate} req/s`);
    const result = await run(60, rate);
    errors += result.errors + result.timeouts + result.non2xx;
    total += result.requests.total;
    latency.push(result.latency.p99);
    samples.push(await memory());
  }
  errors += graphqlErrors;
  progress('');
  // Flat: the last three minutes' mean within 10% of minutes 1-3's (the first sample is before load).
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const early = mean(samples.slice(1, 4).map((x) => x.rss));
  const late = mean(samples.slice(-3).map((x) => x.rss));
  const growth = early ? (late - early) / early : 0;
  console.log(
    `soak: ${minutes} min at ${rate} req/s (80% of ${peak.requests.average.toFixed(0)}), ${os.cpus().length} cores: ${total} requests, ${errors} errors (GraphQL errors included)`,
  );
  console.log(`gateway resident memory per minute (MB): ${samples.map((x) => x.rss.toFixed(0)).join(', ')}`);
  console.log(`gateway heap used per minute (MB):       ${samples.map((x) => x.heap.toFixed(0)).join(', ')}`);
  console.log(`p99 per minute (ms): ${latency.join(', ')}`);
  console.log(
    `memory ${Math.abs(growth) < 0.1 ? 'flat' : 'NOT flat'}: last three minutes ${(growth * 100).toFixed(1)}% vs the first three`,
  );
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(
    path.join(outputDir, `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify(
      { minutes, rate, peak: peak.requests.average, requests: total, errors, samples, p99: latency, growth },
      null,
      2,
    ),
  );
}
