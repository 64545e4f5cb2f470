import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { RunningSystem } from '../system';
import type { ScratchDatabase } from './scratch-database';

/**
 * Runs a TypeScript entry point (scripts/gateway.ts, scripts/subgraph.ts, bench gateways) as a
 * child process through tsx and resolves once it prints its "listening" line.
 */
export async function startScript(
  script: string,
  env: NodeJS.ProcessEnv,
  options: { nodeFlags?: string[]; timeoutMs?: number } = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', script], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // What it printed before failing (its error log line), for the error; and a child that never
  // started is not left running behind the caller, who has no handle on it.
  let output = '';
  let started = false;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start: ${output}`));
    }, options.timeoutMs ?? 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (started) return;
      const text = chunk.toString();
      output = (output + text).slice(-2000);
      if (text.includes('listening')) {
        started = true;
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}): ${output}`));
    });
  });
  return child;
}

/** The entry points that run one server of the system as a process of its own. */
export type ServerScript = 'gateway.ts' | 'subgraph.ts';

/** Runs scripts/<script> as a child process (see startScript), with `env` as its whole environment. */
export function startServerScript(
  script: ServerScript,
  env: NodeJS.ProcessEnv,
  options: { nodeFlags?: string[]; timeoutMs?: number } = {},
): Promise<ChildProcess> {
  return startScript(path.join(__dirname, '../../scripts', script), env, options);
}

/**
 * The variables that make a gateway or subgraph started apart (startServerScript) part of a
 * system running in this process: the same secrets (tokens and actor contexts verify across
 * processes), its simulators and subgraphs, and the same stores (one Redis prefix, one database
 * schema), so sessions, grants and caches are shared.
 */
export function joiningEnvironment(
  system: Pick<RunningSystem, 'secrets' | 'sims' | 'subgraphUrls'>,
  stores: { redisUrl: string; keyPrefix: string; database: ScratchDatabase },
): Record<string, string> {
  if (!stores.database.url) throw new Error('a process started apart cannot open the embedded database');
  const urls = (kind: string, byName: Record<string, string>) =>
    Object.entries(byName).map(([name, url]) => [`${kind}_${name.toUpperCase()}_URL`, url]);
  return {
    SSM_CONTEXT_SECRET: system.secrets.contextSecret,
    SSM_TOKEN_SECRET: system.secrets.tokenSecret,
    SSM_IBSS_CALLBACK_SECRET: system.secrets.ibssCallbackSecret,
    ...Object.fromEntries(urls('LEGACY', system.sims.urls)),
    ...Object.fromEntries(urls('SSM_SUBGRAPH', system.subgraphUrls)),
    REDIS_URL: stores.redisUrl,
    SSM_KEY_PREFIX: stores.keyPrefix,
    DATABASE_URL: stores.database.url,
    SSM_DB_SCHEMA: stores.database.schema,
  };
}

/** Stops a child: `signal` first, SIGKILL after `graceMs` if it is still running. */
export function stopChild(child: ChildProcess | null, signal: NodeJS.Signals, graceMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}
