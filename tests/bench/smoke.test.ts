import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Issue 5: a seconds-long run of `npm run bench -- --smoke` keeps the benchmark working (every
 * gateway starts, every workload answers without errors, mutations are checked). Its figures are
 * not looked at here: speed is measured by `npm run bench`, never asserted in tests.
 */
const root = path.join(__dirname, '../..');

/** Runs the bench with `flags`; its exit code, and its last lines when it failed (CI says why). */
async function runBench(...flags: string[]): Promise<{ code: number | null; output: string }> {
  let output = '';
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/run.ts'), ...flags], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('exit', resolve);
  });
  return { code, output: code === 0 ? '' : output };
}

it('the benchmark runs end to end on demo data', async () => {
  expect(await runBench('--smoke')).toEqual({ code: 0, output: '' });
  const results = JSON.parse(readFileSync(path.join(root, '.bench/smoke.json'), 'utf8')) as {
    smoke: boolean;
    cells: {
      workload: string;
      target: string;
      requests: number;
      errors: number;
      answer?: string;
      cost: { subgraphCallsPerRequest: number; legacyCallsPerRequest: number };
    }[];
    actors: number;
    scaling: {
      numbers: number;
      totalCount: number;
      requests: number;
      errors: number;
      coldLegacyCalls: number;
    }[];
    mutations: { acknowledged: number; missing: number; duplicated: number };
    addedLatencyMs: Record<string, number>;
  };
  expect(results.smoke).toBe(true);
  // (a) 7, (c) 5, (a1) 5, (b) 8, (b2) 5, (d) 5 (issue 17: many actors, catalogue pages, Rust
  // planner), (f) 3 (issue 17 item 4: the dashboard of a company of 10, 100 and 1,000 numbers).
  expect(results.cells.length).toBe(38);
  // Many actors: every manager the smoke seed has (at least 200 on benchmark data).
  expect(results.actors).toBeGreaterThan(20);
  // The gateways of (a) reach the subgraphs, which reach the legacy systems: the counters work.
  const dashboard = results.cells.find(
    (c) => c.workload.startsWith('(a) ') && c.target === 'ours, response cache off',
  );
  expect(dashboard?.cost.subgraphCallsPerRequest).toBeGreaterThan(0);
  expect(dashboard?.cost.legacyCallsPerRequest).toBeGreaterThan(0);
  // (f): every company size answered, the gateway counted the company's numbers, and the first
  // request, nothing of the company cached, reached the legacy systems.
  expect(
    results.scaling.map((s) => ({
      numbers: s.numbers,
      totalCount: s.totalCount,
      answered: s.requests > 0,
      errors: s.errors,
      legacy: s.coldLegacyCalls > 0,
    })),
  ).toEqual(
    [10, 100, 1000].map((numbers) => ({
      numbers,
      totalCount: numbers,
      answered: true,
      errors: 0,
      legacy: true,
    })),
  );
  for (const cell of results.cells) {
    expect({
      cell: `${cell.workload} / ${cell.target}`,
      answered: cell.requests > 0,
      errors: cell.errors,
      // Every gateway answers the same data as the others before the load starts ((f) asks one
      // gateway for different companies: nothing to compare).
      answer: /^\((c|f)\)/.test(cell.workload) ? 'same' : cell.answer,
    }).toEqual({
      cell: `${cell.workload} / ${cell.target}`,
      answered: true,
      errors: 0,
      answer: 'same',
    });
  }
  expect(results.mutations.acknowledged).toBeGreaterThan(0);
  expect(Object.keys(results.addedLatencyMs)).toHaveLength(6);
  expect(results.mutations).toMatchObject({ missing: 0, duplicated: 0 });
}, 600_000);

it('issue 13: the subscription workload runs end to end: every event delivered once to its own subscriber', async () => {
  expect(await runBench('--smoke', '--subscriptions')).toEqual({ code: 0, output: '' });
  const r = JSON.parse(readFileSync(path.join(root, '.bench/subscriptions-smoke.json'), 'utf8')) as {
    size: { subscriptions: number };
    websocket: number;
    sse: number;
    published: number;
    delivered: number;
    lost: number;
    misdelivered: number;
    errors: Record<string, number>;
    unexpected: number;
    backlog: { atEnd: Record<string, number> };
    stages: Record<string, { events: number }>;
  };
  // Both transports, every subscription open, every event delivered once to its own ticket.
  expect(r.websocket + r.sse).toBe(r.size.subscriptions);
  expect(r.websocket).toBeGreaterThan(0);
  expect(r.sse).toBeGreaterThan(0);
  expect(r.published).toBeGreaterThan(0);
  expect({ delivered: r.delivered, lost: r.lost, misdelivered: r.misdelivered, errors: r.errors }).toEqual({
    delivered: r.published,
    lost: 0,
    misdelivered: 0,
    errors: {},
  });
  expect(r.unexpected).toBe(0);
  // The notifier and the webhook dispatcher handled every event too, and the gateway's delay
  // histogram saw each event in both stages.
  expect(Object.keys(r.backlog.atEnd).sort()).toEqual(['notifier', 'webhooks']);
  expect(Object.values(r.backlog.atEnd)).toEqual([0, 0]);
  expect(r.stages.bus?.events).toBe(r.published);
  expect(r.stages.gateway?.events).toBe(r.published);
}, 600_000);
