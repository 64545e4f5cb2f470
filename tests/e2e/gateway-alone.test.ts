import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from '../../lib/subgraphs';
import { post, postBody } from '../../system/kit/client';
import { login } from '../../system/kit/sign-in';
import type { RunningSystem } from '../../system/system';
import {
  inheritedEnvironment,
  startSystemWithGatewayProcess,
  type SystemWithGatewayProcess,
} from '../support/gateway-process';

/**
 * Issue 11: the gateway started alone (scripts/gateway.ts, as deployments and the chaos tests run
 * it) reads the same configuration as `npm start`, SSM_PRODUCTION included; and every entry point
 * refuses a bad environment before it starts anything.
 */
const root = path.join(__dirname, '../..');
const script = (name: string) => path.join(root, 'scripts', name);
const inherited = inheritedEnvironment();

const manifest = JSON.parse(
  readFileSync(path.join(root, 'apps/selfcare/persisted-query-manifest.json'), 'utf8'),
) as {
  operations: { id: string; name: string; body: string }[];
};
const dashboard = manifest.operations.find((o) => o.name === 'Dashboard');

describe('S5 the gateway started alone with SSM_PRODUCTION=true', () => {
  let running: SystemWithGatewayProcess;
  let system: RunningSystem;
  let gatewayUrl: string;

  beforeAll(async () => {
    running = await startSystemWithGatewayProcess({
      name: 'gateway-alone',
      env: { SSM_PRODUCTION: 'true', LOG_LEVEL: 'warn' },
    });
    ({ system, gatewayUrl } = running);
  }, 90_000);

  afterAll(async () => {
    await running?.stop();
  });

  it('S5 refuses an ad-hoc operation from a first-party app and runs a registered one', async () => {
    const adHoc = await post(gatewayUrl, `{ offerings(first: 2) { totalCount } }`, {}, undefined, {
      'x-ssm-client': 'selfcare-web',
    });
    expect(adHoc.status).toBe(403);
    expect(adHoc.errors?.[0].extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');

    const manager = (await login({ gatewayUrl, sims: system.sims }, 'nw.manager')).accessToken;
    const signedIn = await post(gatewayUrl, `{ me { id } }`, {}, manager);
    expect(signedIn.errors?.[0].extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');

    const registered = await postBody(
      gatewayUrl,
      JSON.stringify({ documentId: `sha256:${dashboard?.id}`, variables: { first: 2 } }),
      { authorization: `Bearer ${manager}`, 'x-ssm-client': 'selfcare-web' },
    );
    const body = (await registered.json()) as {
      data?: { me?: { customer?: { services?: { edges: unknown[] } } } };
      errors?: unknown[];
    };
    expect(registered.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.me?.customer?.services?.edges).toHaveLength(2);
  }, 60_000);

  it('S5 refuses introspection to an anonymous caller', async () => {
    const r = await post(gatewayUrl, `{ __schema { queryType { name } } }`);
    expect(r.status).toBe(403);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

/** Runs an entry point to its end; its exit code and what it printed. */
function run(name: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script(name)], {
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Were it to start anyway, it would never exit by itself.
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('an entry point given a bad environment', () => {
  it.each(['gateway.ts', 'subgraph.ts', 'start.ts', 'mocks.ts'])(
    'scripts/%s with PORT=abc exits non-zero, naming PORT, before starting anything',
    async (name) => {
      const secret = randomBytes(16).toString('hex');
      const result = await run(name, {
        PORT: 'abc',
        SSM_SUBGRAPH: 'orders',
        SSM_CONTEXT_SECRET: secret,
        SSM_TOKEN_SECRET: secret,
        ...Object.fromEntries(
          SUBGRAPHS.map((s) => [`SSM_SUBGRAPH_${s.toUpperCase()}_URL`, 'http://127.0.0.1:9/graphql']),
        ),
      });
      expect(result.code).not.toBe(0);
      expect(result.code).not.toBeNull();
      expect(result.stderr).toContain('PORT must be a port number (1-65535), got "abc"');
      expect(result.stdout).not.toMatch(/listening|is up/);
    },
    40_000,
  );

  it('scripts/gateway.ts names every variable it requires and lacks', async () => {
    const result = await run('gateway.ts', { SSM_SUBGRAPH_ORDERS_URL: 'not a url' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SSM_CONTEXT_SECRET is required');
    expect(result.stderr).toContain('SSM_SUBGRAPH_CUSTOMER_URL is required');
    expect(result.stderr).toContain(
      'SSM_SUBGRAPH_ORDERS_URL must be an http:// or https:// URL, got "not a url"',
    );
  }, 40_000);
});
