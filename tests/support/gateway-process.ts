import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { freePort } from '../../lib/http';
import { RedisStore } from '../../lib/kv';
import { DEMO_SIZE } from '../../mocks/seed/generate';
import { ENV_SCHEMA } from '../../system/config';
import { joiningEnvironment, startServerScript, stopChild } from '../../system/kit/processes';
import { startSystem, type RunningSystem, type SystemOptions } from '../../system/system';
import { testDatabase } from './system';

/** This process's environment without any variable the system reads: each test sets its own. */
export const inheritedEnvironment = (): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !(name in ENV_SCHEMA.shape)));

export interface SystemWithGatewayProcess {
  /** Simulators and subgraphs, in this test process. */
  system: RunningSystem;
  /** The gateway process's GraphQL URL. */
  gatewayUrl: string;
  /** The gateway process itself (signals; its stdout carries its log lines). */
  gateway: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The system as a deployment runs its gateway: simulators and subgraphs here, the gateway in a
 * process of its own (scripts/gateway.ts) sharing the session store (Redis, one prefix named after
 * `name`) and the SSM store (one schema) with them. `env` is the gateway's configuration besides
 * what joins it to the system; nothing else of this process's configuration reaches it.
 */
export async function startSystemWithGatewayProcess(options: {
  name: string;
  env: Record<string, string>;
  system?: Pick<SystemOptions, 'caching'>;
}): Promise<SystemWithGatewayProcess> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const keyPrefix = `${options.name}:${randomUUID()}:`;
  const store = RedisStore.connect(redisUrl, keyPrefix);
  const database = await testDatabase();
  const stops: (() => Promise<void>)[] = [() => database.drop(), () => store.close()];
  const stop = async () => {
    for (const step of [...stops].reverse()) await step();
  };
  try {
    const system = await startSystem({
      db: database.db,
      store,
      seedDemoGrants: true,
      simulators: { seed: { ...DEMO_SIZE, customers: 60 }, provisioningDelayMs: 50 },
      ...options.system,
      startGateway: false,
    });
    stops.push(() => system.stop());
    const port = await freePort();
    const gateway = await startServerScript(
      'gateway.ts',
      {
        ...inheritedEnvironment(),
        ...options.env,
        ...joiningEnvironment(system, { redisUrl, keyPrefix, database }),
        PORT: String(port),
      },
      { timeoutMs: 120_000 },
    );
    stops.push(() => stopChild(gateway, 'SIGTERM'));
    return { system, gatewayUrl: `http://127.0.0.1:${port}/graphql`, gateway, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
