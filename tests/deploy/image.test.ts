import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { listen } from '../../lib/http';
import { ENV_SCHEMA, SIMULATOR_PORTS, loadConfig } from '../../system/config';
import { ROOT, copies, envOf, execForm, instructions, readDockerfile, stage } from './dockerfile';

/**
 * Issue 15, item 6: the container image (Dockerfile, .dockerignore), checked by reading it, since
 * no container runtime runs here: what it copies exists and is all the three roles load, it runs as
 * a non-root user, and it listens and answers its health check where the configuration says.
 */
const run = promisify(execFile);
const dockerfile = readDockerfile();
const build = stage(dockerfile, 'build');
const runtime = stage(dockerfile, 'runtime');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
};
/** The entry point of each role the image runs (docs/operations.md, "Deployment"). */
const ROLES = ['scripts/gateway.ts', 'scripts/subgraph.ts', 'scripts/mocks.ts'];
const DEFAULT_PORT = loadConfig({}, { terminal: false }).server.port;

/** Runtime COPY sources from the build context (not from the build stage). */
const runtimeSources = copies(runtime)
  .filter((c) => !c.from)
  .flatMap((c) => c.sources);
const copiedToRuntime = (file: string) => runtimeSources.some((s) => file === s || file.startsWith(`${s}/`));

describe('container image (Dockerfile)', () => {
  it('builds in two stages: everything installed to build, production dependencies only to run', () => {
    expect(dockerfile.stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    expect(instructions(build, 'RUN')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^npm ci\b(?!.*--omit)/), 'npm run explorer:build']),
    );
    expect(instructions(runtime, 'RUN')).toEqual([expect.stringMatching(/^npm ci --omit=dev\b/)]);
    // Both stages on the Node.js release the tests run on, which package.json's engines accept.
    const version = dockerfile.args.NODE_VERSION;
    for (const s of [build, runtime]) expect(s.image).toBe('node:${NODE_VERSION}-bookworm-slim');
    expect(version.split('.')[0]).toBe(process.versions.node.split('.')[0]);
    const [major, minor] = version.split('.').map(Number);
    const [needMajor, needMinor] = pkg.engines.node.replace('>=', '').split('.').map(Number);
    expect(major > needMajor || (major === needMajor && minor >= needMinor)).toBe(true);
  });

  it('runs as a numeric non-root user, which Kubernetes can check (runAsNonRoot)', () => {
    const users = instructions(runtime, 'USER');
    expect(users).toHaveLength(1);
    const [uid, gid] = users[0].split(':').map(Number);
    expect(uid).toBeGreaterThan(0);
    expect(gid).toBeGreaterThan(0);
    // Installs and copies happen before it: the process cannot rewrite its own code.
    const keywords = runtime.instructions.map((i) => i.keyword);
    expect(keywords.lastIndexOf('COPY')).toBeLessThan(keywords.indexOf('USER'));
  });

  it('copies files that exist, none of them kept out by .dockerignore', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    for (const source of [...new Set(copies(build).flatMap((c) => c.sources)), ...runtimeSources]) {
      if (source === '.') continue;
      expect({ source, exists: existsSync(path.join(ROOT, source)) }).toEqual({ source, exists: true });
      expect({ source, ignored: ignored.includes(source) }).toEqual({ source, ignored: false });
    }
    // Never sent to a build: installed modules, development secrets, git history, old bundles.
    expect(ignored).toEqual(
      expect.arrayContaining(['node_modules', '.data', '.env*', '.git', 'gateway/explorer/dist*']),
    );
    // The explorer bundle comes from the build stage, built there.
    expect(copies(runtime).filter((c) => c.from)).toEqual([
      { from: 'build', sources: ['/app/gateway/explorer/dist'], destination: './gateway/explorer/dist' },
    ]);
  });

  it('holds every source file and package the three roles load, and the files they read', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'ssm-image-'));
    try {
      // esbuild's dependency graph of the entry points (the CLI: its JS API dislikes Jest's realm).
      await run(
        path.join(ROOT, 'node_modules/.bin/esbuild'),
        [
          ...ROLES,
          '--bundle',
          '--platform=node',
          '--packages=external',
          '--log-level=error',
          `--outdir=${out}`,
          `--metafile=${path.join(out, 'meta.json')}`,
        ],
        { cwd: ROOT },
      );
      const meta = JSON.parse(readFileSync(path.join(out, 'meta.json'), 'utf8')) as {
        inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
      };
      const files = Object.keys(meta.inputs);
      expect(files.length).toBeGreaterThan(100);
      expect(files.filter((file) => !copiedToRuntime(file))).toEqual([]);
      const packages = new Set(
        Object.values(meta.inputs)
          .flatMap((input) => input.imports)
          .filter((i) => i.external && !i.path.startsWith('node:') && !builtinModules.includes(i.path))
          .map((i) =>
            i.path
              .split('/')
              .slice(0, i.path.startsWith('@') ? 2 : 1)
              .join('/'),
          ),
      );
      expect([...packages].filter((name) => !(name in pkg.dependencies))).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    // tsx runs the TypeScript: a production dependency, or `npm ci --omit=dev` would drop it.
    expect(pkg.dependencies.tsx).toBeDefined();
    // Read at run time, not imported: the SDL (gateway, subgraphs) and the trusted documents.
    for (const file of ['schema/supergraph.graphql', 'schema/orders.graphql', 'apps/selfcare/manifest.json'])
      expect({ file, copied: copiedToRuntime(file) }).toEqual({ file, copied: true });
  });

  it('the command chooses the role: node runs tsx with the script, the gateway by default', () => {
    expect(execForm(instructions(runtime, 'ENTRYPOINT')[0])).toEqual(['node', '--import', 'tsx']);
    expect(execForm(instructions(runtime, 'CMD')[0])).toEqual(['scripts/gateway.ts']);
    for (const script of ROLES)
      expect({ script, copied: copiedToRuntime(script) }).toEqual({ script, copied: true });
  });

  it('listens on every interface at the configured default port, which it exposes', () => {
    const env = envOf(runtime);
    expect(env.HOST).toBe('0.0.0.0');
    expect(Number(env.PORT)).toBe(DEFAULT_PORT);
    expect(instructions(runtime, 'EXPOSE')).toEqual([String(DEFAULT_PORT)]);
    // Every variable the image sets is one system/config reads (NODE_ENV is Node's own).
    const unknown = Object.keys(env).filter((name) => name !== 'NODE_ENV' && !(name in ENV_SCHEMA.shape));
    expect(unknown).toEqual([]);
  });

  it("its HEALTHCHECK asks /healthz on PORT (the simulators: the CRM's admin page) and fails on anything but 2xx", async () => {
    const [healthcheck] = instructions(runtime, 'HEALTHCHECK');
    const command = execForm(healthcheck.slice(healthcheck.indexOf('CMD') + 3).trim());
    expect(command.slice(0, 2)).toEqual(['node', '-e']);
    expect(command[2]).toContain(`process.env.PORT || ${DEFAULT_PORT}`);
    expect(command[2]).toContain(`http://127.0.0.1:${SIMULATOR_PORTS.crm}/_admin/faults`);
    let status = 200;
    const asked: string[] = [];
    const server = http.createServer((req, res) => {
      asked.push(req.url ?? '');
      res.writeHead(status).end();
    });
    const port = await listen(server, 0, '127.0.0.1');
    const check = () =>
      run(process.execPath, ['-e', command[2]], { env: { PORT: String(port) } }).then(
        () => 0,
        (error: { code?: number }) => error.code ?? -1,
      );
    try {
      expect(await check()).toBe(0);
      status = 503;
      expect(await check()).toBe(1);
      expect(asked).toEqual(['/healthz', '/healthz']);
    } finally {
      server.close();
    }
  });
});
