import type { Random } from './random';
import type { SeedWorld } from './types';

export const DAY = 86_400_000;
export const pad = (n: number, width = 6) => String(n).padStart(width, '0');
export const iso = (ms: number) => new Date(ms).toISOString();

/**
 * What every part of the generator shares. One random stream feeds them all, so the order in which
 * generate.ts calls them is part of the world: moving a call changes every value drawn after it.
 */
export interface SeedBuilder {
  world: SeedWorld;
  rnd: Random;
  /** The instant dates are laid out backwards from. */
  now: number;
  /** The last number given out, per identifier sequence. */
  sequences: { account: number; service: number; msisdn: number };
}
