/**
 * `npx tsx bench/profile-summary.ts [--last <seconds>] [file.cpuprofile ...]`: what a V8 CPU profile written by a
 * bench run (SSM_BENCH_PROFILE=<gateway>, .bench/profiles) spent its samples on, as the tables in
 * docs/performance.md quote them: idle, garbage collection and busy time; busy samples by package
 * (node_modules/<name>, node's own modules, or this project's folder) and the functions with the
 * most self time. Without arguments, the newest profile in .bench/profiles.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { outputDir } from './settings';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: a package, node's own code, or a folder of this project. */
function placeOf(url: string): string {
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node';
  const local = /\/(gateway|lib|legacy|subgraphs|system|mocks|bench)\/([^/]+)/.exec(url);
  return local ? `${local[1]}/${local[2].replace(/\.[cm]?[jt]s$/, '')}` : url;
}

const SPECIAL = new Set(['(idle)', '(garbage collector)', '(program)', '(root)']);

/**
 * `lastSeconds`: only the samples of the profile's last seconds. A bench process is profiled from
 * its start, so without it the summary is mostly module loading and sign-in; the measured cells
 * are the end of the run.
 */
export function summarize(profile: CpuProfile, lastSeconds = Infinity, top = 15): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const micros = new Map<number, number>();
  const span = profile.timeDeltas.reduce((n, d) => n + d, 0);
  const from = span - lastSeconds * 1e6;
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= from) micros.set(id, (micros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  let total = 0;
  const special = new Map<string, number>();
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of micros) {
    total += us;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (SPECIAL.has(functionName)) {
      special.set(functionName, (special.get(functionName) ?? 0) + us);
      continue;
    }
    const place = placeOf(url);
    places.set(place, (places.get(place) ?? 0) + us);
    const name = `${functionName || '(anonymous)'} ${place}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const idle = special.get('(idle)') ?? 0;
  const busy = total - idle;
  const share = (us: number, of: number) => `${((100 * us) / of).toFixed(1)}%`;
  const lines = [
    `${(total / 1e6).toFixed(1)} s sampled: idle ${share(idle, total)}, busy ${share(busy, total)} (of which garbage collection ${share(special.get('(garbage collector)') ?? 0, busy)}, "(program)" ${share(special.get('(program)') ?? 0, busy)})`,
    '',
    'busy samples by place (self time):',
    ...[...places]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([place, us]) => `  ${share(us, busy).padStart(6)}  ${place}`),
    '',
    'functions with the most self time:',
    ...[...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `  ${share(us, busy).padStart(6)}  ${name}`),
  ];
  return lines.join('\n');
}

function newestProfile(): string {
  const dir = path.join(outputDir, 'profiles');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f));
  if (!files.length) throw new Error(`no .cpuprofile in ${dir}`);
  return files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const last = args.indexOf('--last');
  const lastSeconds = last >= 0 ? Number(args.splice(last, 2)[1]) : Infinity;
  for (const file of args.length ? args : [newestProfile()]) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    console.log(`${file}\n${summarize(profile, lastSeconds)}\n`);
  }
}
