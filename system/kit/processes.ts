import { spawn, type ChildProcess } from 'node:child_process';

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
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), options.timeoutMs ?? 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code})`)));
  });
  return child;
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
