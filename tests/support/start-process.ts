import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { ephemeralLow } from '../../lib/http';
import { ENV_SCHEMA } from '../../system/config';
import { checkPortsFree, plannedPorts, systemPorts, type SystemPorts } from '../../system/preflight';

/** The repository root: `npm start` runs there. */
export const ROOT = path.join(__dirname, '../..');

/**
 * This process's environment without any variable the system reads (each test sets its own),
 * nor jest's NODE_ENV=test: a person's shell has none, and libraries act on it (Apollo Server
 * installs its own signal handlers only outside tests).
 */
export const INHERITED = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !(name in ENV_SCHEMA.shape) && name !== 'NODE_ENV'),
);

/**
 * A PORT for `npm start` whose whole block (PORT, +1..5, +101..106) is free right now, below the
 * ephemeral range: other test files' servers listen on port 0, and a block inside that range could
 * be taken by one of them between the check and the listen (seen in CI: "port ... (the ibss
 * simulator) is in use").
 */
export async function freeSystemPorts(): Promise<SystemPorts> {
  const ceiling = ephemeralLow() - 110;
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 10_000 + Math.floor(Math.random() * (ceiling - 10_000));
    const ports = systemPorts(base);
    try {
      await checkPortsFree('127.0.0.1', plannedPorts(ports));
      return ports;
    } catch {
      // Some port of the block is taken: try another block.
    }
  }
  throw new Error('no free block of ports');
}

/** How long a test waits for a started process to say something (see `waitFor`). */
export const START_WAIT_MS = 240_000;

/** Every port `npm start` listens on. */
export const allPorts = (ports: SystemPorts): number[] => [
  ports.gateway,
  ...Object.values(ports.subgraphs),
  ...Object.values(ports.simulators),
];

/** A started entry point: what it printed so far, and its exit. */
export interface StartedProcess {
  child: ChildProcess;
  output(): string;
  /**
   * Resolves once the output contains `text`; rejects if the process exits first or after `ms`
   * (4 minutes by default: a start takes 7-20 s on a quiet machine, but one CI run under the full
   * suite's load went past 90 s between the explorer check and "is up").
   */
  waitFor(text: string | RegExp, ms?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ends the process and everything it started (its process group), whatever state it is in. */
  kill(): void;
}

/**
 * Runs `npm start` (`how: 'npm'`, as a person or a supervisor does) or scripts/start.ts directly
 * with node, in a process group of its own so that a test can always clean up whatever it left.
 */
export function runStart(env: Record<string, string>, how: 'npm' | 'node' = 'node'): StartedProcess {
  const [command, args] =
    how === 'npm'
      ? ['npm', ['start', '--silent']]
      : [process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/start.ts')]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...INHERITED, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => text,
    exited,
    waitFor: (wanted, ms = START_WAIT_MS) =>
      new Promise<void>((resolve, reject) => {
        const found = () => (typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text));
        const done = (error?: Error) => {
          listeners.delete(check);
          clearTimeout(timer);
          if (error) reject(error);
          else resolve();
        };
        const check = () => found() && done();
        const timer = setTimeout(
          () => done(new Error(`timed out after ${ms / 1000} s waiting for ${String(wanted)}:\n${text}`)),
          ms,
        );
        listeners.add(check);
        void exited.then(
          ({ code }) => !found() && done(new Error(`exited (${code}) before ${String(wanted)}:\n${text}`)),
        );
        check();
      }),
    kill: () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
}

/** True when nothing accepts connections on the port any more. */
export function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}
