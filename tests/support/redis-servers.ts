import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { freePort } from '../../lib/http';

const run = promisify(execFile);

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis on ${port} did not start`);
}

export interface PrivateRedisCluster {
  nodes: string;
  stop(): Promise<void>;
}

/** A private 3-master Redis Cluster on free ports (redis-server + redis-cli --cluster create). */
export async function startRedisCluster(): Promise<PrivateRedisCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssm-cluster-'));
  const ports = [await freePort(), await freePort(), await freePort()];
  const procs: ChildProcess[] = ports.map((port) =>
    spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        path.join(dir, `nodes-${port}.conf`),
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      { stdio: 'ignore' },
    ),
  );
  await Promise.all(ports.map(waitForPort));
  await run('redis-cli', [
    '--cluster',
    'create',
    ...ports.map((p) => `127.0.0.1:${p}`),
    '--cluster-replicas',
    '0',
    '--cluster-yes',
  ]);
  // Wait until every node reports the cluster as ok.
  for (let i = 0; i < 100; i++) {
    const states = await Promise.all(
      ports.map(async (p) =>
        (await run('redis-cli', ['-p', String(p), 'cluster', 'info'])).stdout.includes('cluster_state:ok'),
      ),
    );
    if (states.every(Boolean)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    nodes: ports.map((p) => `127.0.0.1:${p}`).join(','),
    stop: async () => {
      for (const p of procs) p.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PrivateRedis {
  url: string;
  /** Kills the server (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open but nothing is answered, as when overloaded. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

/** A private single Redis server on a free port, for tests that kill and restart it. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let proc: ChildProcess | null = null;
  const start = async () => {
    proc = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitForPort(port);
  };
  const kill = async () => {
    const p = proc;
    proc = null;
    if (!p) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGKILL');
    });
  };
  const signal = (name: NodeJS.Signals) => () => {
    (proc as ChildProcess | null)?.kill(name);
  };
  const stop = async () => {
    signal('SIGCONT')();
    await kill();
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    kill,
    restart: start,
    pause: signal('SIGSTOP'),
    resume: signal('SIGCONT'),
    stop,
  };
}
