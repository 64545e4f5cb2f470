/**
 * `npm run explorer:build` (run by `npm start` and `npm test` before they need it): type-checks the
 * explorer's browser code (gateway/explorer/app, its own tsconfig: DOM and JSX) and bundles it with
 * esbuild into gateway/explorer/dist, which the gateway serves (serve.ts). The bundle is not
 * committed: it is a few megabytes of generated code, built in seconds from pinned packages.
 * Nothing is rebuilt while the stamp of the inputs (the app's sources, this file, package-lock.json)
 * matches the bundle's; `--force` rebuilds anyway.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BuildOptions } from 'esbuild';
import { BUILD_STAMP, EXPLORER_DIST } from './serve';

const APP = path.join(__dirname, 'app');
const ROOT = path.join(__dirname, '../..');
const LOCK = `${EXPLORER_DIST}.lock`;

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>SSM API explorer</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/explorer/explorer.css" />
  </head>
  <body>
    <div id="explorer"></div>
    <script type="module" src="/explorer/explorer.js"></script>
  </body>
</html>
`;

/** A hash of everything the bundle is made from. */
function inputsStamp(): string {
  const hash = createHash('sha256');
  const files = fs
    .readdirSync(APP, { recursive: true, encoding: 'utf8' })
    .filter((name) => fs.statSync(path.join(APP, name)).isFile())
    .sort();
  for (const name of files) hash.update(name).update(fs.readFileSync(path.join(APP, name)));
  hash.update(fs.readFileSync(__filename));
  hash.update(fs.readFileSync(path.join(ROOT, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

function currentStamp(): string | null {
  try {
    return fs.readFileSync(path.join(EXPLORER_DIST, BUILD_STAMP), 'utf8').trim();
  } catch {
    return null;
  }
}

/** One build at a time across processes (two test files may ask at once): a lock directory. */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed build would block forever: older than the longest build, it is stale.
      const since = fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 180_000 || Date.now() > deadline)
        fs.rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

async function bundle(outdir: string): Promise<void> {
  // Imported here: the gateway's runtime (serve.ts) never needs the bundler.
  const esbuild = await import('esbuild');
  const common = {
    bundle: true,
    minify: true,
    outdir,
    logLevel: 'warning' as const,
    legalComments: 'none' as const,
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  try {
    await bundleWith(esbuild, common);
  } finally {
    // Its service process would otherwise outlive the build (and keep a test runner waiting).
    await esbuild.stop();
  }
  fs.writeFileSync(path.join(outdir, 'index.html'), INDEX_HTML);
}

async function bundleWith(esbuild: typeof import('esbuild'), common: BuildOptions): Promise<void> {
  await esbuild.build({
    ...common,
    entryPoints: { explorer: path.join(APP, 'main.tsx') },
    format: 'esm',
    // GraphiQL loads Prettier and parts of Monaco on demand: those become chunks of their own.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
    assetNames: '[name]-[hash]',
    // Only for subscriptions over WebSocket (a `subscriptionUrl`), which the explorer never sets.
    external: ['graphql-ws'],
  });
  // Monaco's language services, one classic worker each (app/workers.ts names them), from the
  // Monaco that GraphiQL's editor package depends on (not one of our own dependencies).
  const editorPackage = { paths: [path.dirname(require.resolve('@graphiql/react/package.json'))] };
  const worker = (name: string) => require.resolve(name, editorPackage);
  await esbuild.build({
    ...common,
    entryPoints: {
      'editor.worker': worker('monaco-editor/esm/vs/editor/editor.worker.js'),
      'json.worker': worker('monaco-editor/esm/vs/language/json/json.worker.js'),
      'graphql.worker': worker('monaco-graphql/esm/graphql.worker.js'),
    },
    format: 'iife',
  });
}

/**
 * Builds the explorer unless the bundle is up to date. The new bundle is made in a folder of its
 * own and swapped in whole, the stamp written last, so a running gateway never serves half a build.
 */
export async function buildExplorer(options: { force?: boolean } = {}): Promise<'built' | 'up to date'> {
  if (!options.force && currentStamp() === inputsStamp()) return 'up to date';
  return withLock(async () => {
    const stamp = inputsStamp();
    if (!options.force && currentStamp() === stamp) return 'up to date';
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', path.join(APP, 'tsconfig.json')],
      {
        stdio: 'inherit',
      },
    );
    const next = `${EXPLORER_DIST}.next`;
    fs.rmSync(next, { recursive: true, force: true });
    await bundle(next);
    fs.writeFileSync(path.join(next, BUILD_STAMP), `${stamp}\n`);
    const old = `${EXPLORER_DIST}.old`;
    fs.rmSync(old, { recursive: true, force: true });
    if (fs.existsSync(EXPLORER_DIST)) fs.renameSync(EXPLORER_DIST, old);
    fs.renameSync(next, EXPLORER_DIST);
    fs.rmSync(old, { recursive: true, force: true });
    return 'built';
  });
}

if (require.main === module) {
  const started = Date.now();
  buildExplorer({ force: process.argv.includes('--force') }).then(
    (outcome) =>
      console.log(
        `explorer ${outcome}: ${path.relative(process.cwd(), EXPLORER_DIST)} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      ),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
