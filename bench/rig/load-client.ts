import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Sample } from '../measure';
import type { LoadRequest } from './loader';

/** The load generator's process (loader.ts), one request at a time. */
export interface LoadGenerator {
  pid: number | undefined;
  run(request: LoadRequest): Promise<Sample>;
  stop(): void;
}

export async function startLoadGenerator(env: NodeJS.ProcessEnv): Promise<LoadGenerator> {
  const child: ChildProcess = fork(path.join(__dirname, 'loader.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve(s: Sample): void; reject(e: Error): void }>();
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`load generator exited (${code})`)));
    child.on('message', (message: { ready?: boolean; id?: number; sample?: Sample; error?: string }) => {
      if (message.ready) return resolve();
      const pending = message.id === undefined ? undefined : waiting.get(message.id);
      if (!pending || message.id === undefined) return;
      waiting.delete(message.id);
      if (message.sample) pending.resolve(message.sample);
      else pending.reject(new Error(message.error ?? 'load generator failed'));
    });
  });
  return {
    pid: child.pid,
    run: (request) =>
      new Promise<Sample>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        child.send({ id, request });
      }),
    stop: () => {
      child.kill('SIGTERM');
    },
  };
}
