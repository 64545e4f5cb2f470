import type http from 'node:http';
import { close, listen } from '../lib/http';
import type { Simulator } from './common/sim-server';
import { createBilling, type Payment } from './billing/server';
import { createCatalogue } from './catalogue/server';
import { createCrm } from './crm/server';
import { createFaults } from './faults/server';
import { createMessages, type SentMessage } from './messages/server';
import { createOrders, type IbssOrder, type ProvisioningControl } from './orders/server';
import { generateWorld, type SeedOptions } from './seed/generate';
import type { SeedWorld } from './seed/types';

export type SystemName = 'crm' | 'catalogue' | 'ibss' | 'faults' | 'billing' | 'messages';
export const SYSTEMS: SystemName[] = ['crm', 'catalogue', 'ibss', 'faults', 'billing', 'messages'];

export interface RunningSimulators {
  world: SeedWorld;
  sims: Record<SystemName, Simulator>;
  urls: Record<SystemName, string>;
  outbox: SentMessage[];
  orders: Map<string, IbssOrder>;
  payments: Payment[];
  provisioning: ProvisioningControl;
  /** Waits until no provisioning work is in flight. */
  provisioningIdle(): Promise<void>;
  stop(): Promise<void>;
}

export interface SimulatorOptions {
  seed: SeedOptions;
  /** Port per system; 0 (default) picks free ports. */
  ports?: Partial<Record<SystemName, number>>;
  host?: string;
  provisioningDelayMs?: number;
  testDurationMs?: number;
  /** The IBSS signs its completion callbacks with it; the orders subgraph must know the same. */
  ibssCallbackSecret: string;
}

/** Generates the world once and starts every legacy simulator as its own HTTP server. */
export async function startSimulators(options: SimulatorOptions): Promise<RunningSimulators> {
  const world = generateWorld(options.seed);
  const messages = createMessages(world.users);
  const orders = createOrders(world, options.ibssCallbackSecret, {
    delayMs: options.provisioningDelayMs ?? 200,
    failingOfferings: [],
  });
  const billing = createBilling(world);
  const sims: Record<SystemName, Simulator> = {
    crm: createCrm(world),
    catalogue: createCatalogue(world),
    ibss: orders.sim,
    faults: createFaults(world, { testDurationMs: options.testDurationMs ?? 300 }),
    billing: billing.sim,
    messages: messages.sim,
  };
  const servers: http.Server[] = [];
  const urls = {} as Record<SystemName, string>;
  const host = options.host ?? '127.0.0.1';
  for (const name of SYSTEMS) {
    const server = sims[name].createServer();
    servers.push(server);
    const port = await listen(server, options.ports?.[name] ?? 0, host);
    urls[name] = `http://${host}:${port}`;
  }
  return {
    world,
    sims,
    urls,
    outbox: messages.outbox,
    orders: orders.orders,
    payments: billing.payments,
    provisioning: orders.control,
    provisioningIdle: orders.idle,
    stop: async () => {
      await Promise.all(servers.map(close));
    },
  };
}
