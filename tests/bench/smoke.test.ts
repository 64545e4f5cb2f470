import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Issue 5: a seconds-long run of `npm run bench -- --smoke` keeps the benchmark working (every
 * gateway starts, every workload answers without errors, mutations are checked). Its figures are
 * not looked at here: speed is measured by `npm run bench`, never asserted in tests.
 */
const root = path.join(__dirname, '../..');

it('the benchmark runs end to end on demo data', async () => {
  // The last lines the bench printed, so a failed run in CI says why it failed.
  let output = '';
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/run.ts'), '--smoke'], {
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
  expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
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
