import { generateAreas } from './areas';
import { generateBalances } from './balances';
import { generateBills } from './bills';
import { generateBillingDispute } from './billing-dispute';
import type { SeedBuilder } from './builder';
import { DAY } from './builder';
import { OFFERINGS, PARTNERS } from './catalogue';
import { generateOtherCustomers } from './customers';
import { generateDemoCustomers } from './demo';
import { generateAssurance } from './assurance';
import { generateScalingEnterprises } from './enterprises';
import { generatePartnerBusiness } from './partners';
import { Random } from './random';
import type { SeedWorld } from './types';
import { generateUsage } from './usage';

export interface SeedOptions {
  seed: number;
  customers: number;
  /** Average rated usage records per service (the benchmark size uses ~7 for 1M records). */
  usagePerService: number;
  /** Dates are laid out backwards from this instant; defaults to today 00:00 UTC. */
  referenceTime?: number;
  /**
   * Companies of exactly these many mobile numbers after the population (the bench's scaling
   * cells, enterprises.ts); none by default, so the demo world stays as it is.
   */
  enterprises?: readonly number[];
}

export const DEMO_SIZE: SeedOptions = { seed: 42, customers: 500, usagePerService: 20 };
export const BENCH_SIZE: SeedOptions = { seed: 42, customers: 100_000, usagePerService: 7 };

/**
 * Builds the whole simulated operator deterministically from a seed and a size. Each kind of data
 * has its own module; they share one random stream, so the order of the steps below is part of
 * the world (changing it changes every value drawn afterwards).
 */
export function generateWorld(options: SeedOptions): SeedWorld {
  const now = options.referenceTime ?? Math.floor(Date.now() / DAY) * DAY;
  const world: SeedWorld = {
    seed: options.seed,
    referenceTime: now,
    customers: [],
    accounts: [],
    users: [],
    partners: PARTNERS,
    offerings: OFFERINGS,
    services: [],
    bills: [],
    usage: new Map(),
    usageCount: 0,
    balances: new Map(),
    loyalty: new Map(),
    areas: generateAreas(),
    alarms: [],
    tickets: [],
    quality: new Map(),
    orders: [],
  };
  const builder: SeedBuilder = {
    world,
    rnd: new Random(options.seed),
    now,
    sequences: { account: 0, service: 0, msisdn: 0 },
  };
  generateDemoCustomers(builder);
  generateOtherCustomers(builder, 4, options.customers);
  if (options.enterprises?.length)
    generateScalingEnterprises(builder, options.enterprises, options.customers + 1);
  generateUsage(builder, options.usagePerService);
  generateBills(builder);
  generateBalances(builder);
  generateAssurance(builder);
  generatePartnerBusiness(builder);
  generateBillingDispute(builder);
  return world;
}
