import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ANONYMOUS, signActorContext } from '../../lib/actor';
import { freePort } from '../../lib/http';
import { ACTOR_HEADER } from '../../lib/subgraph-server';
import { startServerScript, stopChild } from '../../system/kit/processes';
import { refusesConnections } from '../support/start-process';
import { startTestSystem, type TestSystem } from '../support/system';

/**
 * Issue 15 lifecycle, for a subgraph run alone (scripts/subgraph.ts, as each deploys): SIGTERM
 * lets the requests in flight finish before its stores close, refuses new connections meanwhile,
 * and exits 0. Before, it closed its stores under the request.
 */
let system: TestSystem;
let catalogue: ChildProcess | null = null;
let port: number;
let dataDir: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  system = await startTestSystem();
  port = await freePort();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ssm-subgraph-drain-'));
  catalogue = await startServerScript(
    'subgraph.ts',
    {
      PATH: process.env.PATH,
      SSM_SUBGRAPH: 'catalogue',
      PORT: String(port),
      SSM_CONTEXT_SECRET: system.secrets.contextSecret,
      SSM_TOKEN_SECRET: system.secrets.tokenSecret,
      LEGACY_CATALOGUE_URL: system.sims.urls.catalogue,
      LEGACY_CRM_URL: system.sims.urls.crm,
      // Its own embedded stores: this test is about the process, not what it shares.
      SSM_DATA_DIR: dataDir,
      SSM_CACHE: 'off',
      SSM_DRAIN_TIMEOUT_MS: '10000',
      SSM_LEGACY_TIMEOUT_MS: '5000',
      LOG_LEVEL: 'warn',
    },
    { timeoutMs: 60_000 },
  );
}, 120_000);
afterAll(async () => {
  await stopChild(catalogue, 'SIGKILL');
  await system?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

it('a subgraph run alone finishes a request in flight on SIGTERM (200), refuses new connections meanwhile, and exits 0', async () => {
  const child = catalogue;
  if (!child) throw new Error('the catalogue subgraph did not start');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const active = system.sims.world.offerings.filter((o) => o.lifecycleStatus === 'ACTIVE').length;
  // The catalogue system answers after 1.5 s: the request is in flight when the signal comes.
  system.sims.sims.catalogue.setFaults({ latencyMs: 1500 });
  try {
    const slow = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ACTOR_HEADER]: await signActorContext(ANONYMOUS, 'catalogue', system.secrets.contextSecret),
      },
      body: JSON.stringify({ query: '{ offerings(first: 2) { totalCount } }' }),
    });
    await sleep(400);
    child.kill('SIGTERM');
    await sleep(200);
    expect(await refusesConnections(port)).toBe(true);
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { offerings: { totalCount: active } } });
    expect(await exited).toBe(0);
    catalogue = null;
  } finally {
    system.sims.sims.catalogue.setFaults({ latencyMs: 0 });
  }
}, 60_000);
