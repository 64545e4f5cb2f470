/**
 * What an actor can be allowed to do (M.3345 R1-R3). Capabilities are grouped into the
 * Recommendation's authorization levels; a grant names capabilities, never roles.
 */
export const CAPABILITIES = [
  // authorization 1: service configuration and experience reports
  'service.configure',
  'experience.report',
  // authorization 2: service checks (status, tests, tickets)
  'service.check',
  'fault.report',
  // authorization 3: billing and charging checks
  'billing.view',
  // usage functions an SSM user may be given for their own number
  'usage.view',
  // ordering and lifecycle of services in scope
  'service.order',
  // total authorization: manager only, never granted
  'billing.pay',
  'billing.settings',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

export const LEVELS = {
  AUTHORIZATION_1: ['service.configure', 'experience.report'],
  AUTHORIZATION_2: ['service.check', 'fault.report'],
  AUTHORIZATION_3: ['billing.view', 'usage.view'],
  TOTAL: ['billing.pay', 'billing.settings'],
} as const satisfies Record<string, readonly Capability[]>;

export type Level = keyof typeof LEVELS;

/** Capabilities only an SS manager holds; no grant can carry them (R1). */
export const MANAGER_ONLY: readonly Capability[] = LEVELS.TOTAL;

/**
 * Usage functions (R3): what an authorized user may enable for the SSM users of service
 * instances in their own scope. Everything else is management and cannot be passed on (R2).
 */
export const USAGE_FUNCTIONS: readonly Capability[] = ['usage.view', 'fault.report'];

export function isCapability(value: string): value is Capability {
  return (CAPABILITIES as readonly string[]).includes(value);
}

export function expandLevels(levels: readonly Level[]): Capability[] {
  return [...new Set(levels.flatMap((l) => LEVELS[l]))];
}
