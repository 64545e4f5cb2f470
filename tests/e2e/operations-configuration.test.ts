import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../lib/http';
import { post } from '../../system/kit/client';
import { START_LOGIN, COMPLETE_LOGIN } from '../../system/kit/sign-in';
import { DEMO_PASSWORD } from '../../mocks/seed/demo';
import type { SystemPorts } from '../../system/preflight';
import { freeSystemPorts, runStart, START_WAIT_MS, type StartedProcess } from '../support/start-process';

/**
 * Issue 15: configuration errors (a port in use, a store that does not answer, a secret missing in
 * production) are reported before any seeding, naming the variable to change; in development the
 * secrets are kept in SSM_DATA_DIR, so a restart of `npm start` keeps the sessions.
 */

let dataDir: string;
const processes: StartedProcess[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ssm-config-'));
});
afterAll(() => {
  for (const p of processes) p.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs scripts/start.ts (as `npm start` does) on a free block of ports. */
async function start(env: Record<string, string>, ports?: SystemPorts) {
  const block = ports ?? (await freeSystemPorts());
  const started = runStart({
    PORT: String(block.gateway),
    SSM_DATA_DIR: dataDir,
    SSM_CUSTOMERS: '60',
    LOG_LEVEL: 'warn',
    ...env,
  });
  processes.push(started);
  return { started, ports: block };
}

/**
 * Runs start.ts expecting a configuration error, in a data directory of its own: its exit code,
 * output, and what it left in that directory (the secrets file, the embedded database), which
 * shows how far it got before refusing, whatever the machine's load.
 */
async function refused(env: Record<string, string>, ports?: SystemPorts) {
  const own = mkdtempSync(path.join(os.tmpdir(), 'ssm-config-refused-'));
  try {
    const { started } = await start({ SSM_DATA_DIR: own, ...env }, ports);
    const { code } = await started.exited;
    return { code, output: started.output(), left: readdirSync(own).sort() };
  } finally {
    rmSync(own, { recursive: true, force: true });
  }
}

describe('configuration errors, reported before anything is seeded or started', () => {
  it('a port in use names PORT and the server it was for, before writing anything', async () => {
    const ports = await freeSystemPorts();
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(ports.subgraphs.orders, '127.0.0.1', resolve));
    try {
      const { code, output, left } = await refused({}, ports);
      expect(code).toBe(1);
      expect(output).toContain(
        `PORT: port ${ports.subgraphs.orders} on 127.0.0.1 (the orders subgraph) is in use; choose another PORT`,
      );
      expect(output).not.toMatch(/is up|system started|EADDRINUSE/);
      // Refused before anything was written: no secrets generated, no embedded database opened.
      expect(left).toEqual([]);
    } finally {
      taken.close();
    }
  }, 120_000);

  it('an unreachable DATABASE_URL names DATABASE_URL and where it points, never the password', async () => {
    const closed = await freePort();
    const { code, output } = await refused({
      DATABASE_URL: `postgres://ssm:hunter2@127.0.0.1:${closed}/ssm`,
    });
    expect(code).toBe(1);
    expect(output).toContain(`DATABASE_URL: PostgreSQL at 127.0.0.1:${closed} cannot be reached (`);
    expect(output).toContain('ECONNREFUSED');
    expect(output).not.toContain('hunter2');
    expect(output).not.toMatch(/is up|system started/);
  }, 120_000);

  it('REDIS_URL at a closed port fails fast (before the SSM store opens), naming REDIS_URL (never "ready" while every sign-in fails)', async () => {
    const closed = await freePort();
    const { code, output, left } = await refused({ REDIS_URL: `redis://127.0.0.1:${closed}` });
    expect(code).toBe(1);
    expect(output).toContain(`REDIS_URL: Redis at 127.0.0.1:${closed} did not answer within 3 s`);
    expect(output).not.toMatch(/is up|system started|Unhandled error event/);
    // Refused before the SSM store was opened (the embedded database lives in <data dir>/pglite).
    expect(left).not.toContain('pglite');
  }, 120_000);

  it('S5 SSM_PRODUCTION=true without SSM_CONTEXT_SECRET and SSM_TOKEN_SECRET names both', async () => {
    const { code, output } = await refused({ SSM_PRODUCTION: 'true' });
    expect(code).toBe(1);
    expect(output).toContain('SSM_CONTEXT_SECRET is required in production (SSM_PRODUCTION=true)');
    expect(output).toContain('SSM_TOKEN_SECRET is required in production (SSM_PRODUCTION=true)');
    expect(output).not.toMatch(/is up/);
  }, 120_000);
});

describe('development secrets', () => {
  /** Signs nw.manager in through the gateway, reading the one-time code from the SMS simulator. */
  async function signIn(gatewayUrl: string, messagesUrl: string): Promise<string> {
    const challenge = await post<{ startLogin: { challengeId?: string } }>(gatewayUrl, START_LOGIN, {
      actorId: 'nw.manager',
      password: DEMO_PASSWORD,
      channel: 'SMS',
    });
    const outbox = (await (await fetch(`${messagesUrl}/outbox?login=nw.manager`)).json()) as { code: string };
    const session = await post<{ completeLogin: { accessToken?: string } }>(gatewayUrl, COMPLETE_LOGIN, {
      challengeId: challenge.data?.startLogin.challengeId,
      code: outbox.code,
    });
    const token = session.data?.completeLogin.accessToken;
    if (!token) throw new Error(`sign-in failed: ${JSON.stringify(session)}`);
    return token;
  }

  const me = (gatewayUrl: string, token: string) =>
    post<{ me: { id: string } | null }>(gatewayUrl, '{ me { id } }', {}, token);

  it(
    'S5 are kept in SSM_DATA_DIR (mode 600): a token issued before a restart still works after it',
    async () => {
      const env = {
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        SSM_KEY_PREFIX: `restart:${randomUUID()}:`,
      };
      const first = await start(env);
      await first.started.waitFor('is up');
      const gatewayUrl = `http://127.0.0.1:${first.ports.gateway}/graphql`;
      const token = await signIn(gatewayUrl, `http://127.0.0.1:${first.ports.simulators.messages}`);
      expect((await me(gatewayUrl, token)).data?.me?.id).toBe('nw.manager');
      const file = path.join(dataDir, 'secrets.json');
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);

      first.started.child.kill('SIGTERM');
      const firstExit = await first.started.exited;
      expect({ ...firstExit, output: firstExit.code === 0 ? '' : first.started.output() }).toEqual({
        code: 0,
        signal: null,
        output: '',
      });

      const second = await start(env, first.ports);
      await second.started.waitFor('is up');
      const again = await me(gatewayUrl, token);
      expect(again.status).toBe(200);
      expect(again.data?.me?.id).toBe('nw.manager');
      second.started.child.kill('SIGTERM');
      expect((await second.started.exited).code).toBe(0);
    },
    2 * START_WAIT_MS + 60_000,
  );
});
