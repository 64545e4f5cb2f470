import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postBody } from '../../system/kit/client';
import { startSystemWithGatewayProcess, type SystemWithGatewayProcess } from '../support/gateway-process';
import {
  allPorts,
  freeSystemPorts,
  refusesConnections,
  runStart,
  START_WAIT_MS,
  type StartedProcess,
} from '../support/start-process';

/**
 * Issue 15, lifecycle: SIGTERM stops a process cleanly. The gateway stops accepting, finishes the
 * requests it has started (SSM_DRAIN_TIMEOUT_MS at most) and exits 0; `npm start` stops every
 * server it started.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the gateway process on SIGTERM', () => {
  let running: SystemWithGatewayProcess;

  beforeAll(async () => {
    running = await startSystemWithGatewayProcess({
      name: 'drain',
      // NODE_ENV as deployments set it, not jest's `test` (Apollo Server acts on it).
      env: { LOG_LEVEL: 'warn', SSM_DRAIN_TIMEOUT_MS: '10000', NODE_ENV: 'production' },
    });
  }, START_WAIT_MS);
  afterAll(async () => {
    await running?.stop();
  });

  it('finishes a request in flight (200), refuses new connections meanwhile, and exits 0', async () => {
    const { gateway, gatewayUrl, system } = running;
    const exited = new Promise<number | null>((resolve) => gateway.once('exit', (code) => resolve(code)));
    // The catalogue answers after 1.5 s: the request is still in flight when the signal comes.
    await fetch(`${system.sims.urls.catalogue}/_admin/faults`, {
      method: 'PUT',
      body: JSON.stringify({ latencyMs: 1500 }),
    });
    try {
      const started = Date.now();
      const slow = postBody(gatewayUrl, JSON.stringify({ query: '{ offerings(first: 2) { totalCount } }' }));
      await sleep(400);
      gateway.kill('SIGTERM');
      await sleep(200);
      const port = Number(new URL(gatewayUrl).port);
      expect(await refusesConnections(port)).toBe(true);

      const answer = await slow;
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as {
        data?: { offerings?: { totalCount: number } };
        errors?: unknown;
      };
      expect(body.errors).toBeUndefined();
      expect(body.data?.offerings?.totalCount).toBeGreaterThan(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
      expect(await exited).toBe(0);
    } finally {
      await fetch(`${system.sims.urls.catalogue}/_admin/faults`, {
        method: 'PUT',
        body: JSON.stringify({ latencyMs: 0 }),
      });
    }
  }, 60_000);
});

describe('npm start on SIGTERM', () => {
  let started: StartedProcess | null = null;
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ssm-lifecycle-'));
  });
  afterAll(() => {
    // Whatever the outcome, nothing this test started outlives it.
    started?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'stops every server it started (gateway, subgraphs, simulators) and exits 0',
    async () => {
      const ports = await freeSystemPorts();
      started = runStart(
        {
          PORT: String(ports.gateway),
          SSM_DATA_DIR: dataDir,
          SSM_CUSTOMERS: '60',
          LOG_LEVEL: 'warn',
        },
        'npm',
      );
      await started.waitFor('is up');
      for (const port of allPorts(ports))
        expect({ port, refused: await refusesConnections(port) }).toEqual({ port, refused: false });

      // As a supervisor does: the signal goes to the process it started (npm), nothing else.
      started.child.kill('SIGTERM');
      const { code } = await started.exited;
      expect(code).toBe(0);
      // Give anything npm left behind a moment to show itself.
      await sleep(500);
      for (const port of allPorts(ports))
        expect({ port, refused: await refusesConnections(port) }).toEqual({ port, refused: true });
    },
    START_WAIT_MS + 60_000,
  );
});
