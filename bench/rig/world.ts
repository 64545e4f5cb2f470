import { DEMO_PASSWORD } from '../../mocks/seed/demo';
import { SCALING_SIZES, scalingManagerId } from '../../mocks/seed/enterprises';
import type { SeedWorld } from '../../mocks/seed/types';

/** One person the load generator speaks for, and what its mutations may touch. */
export interface RigActor {
  userId: string;
  customerId: string;
  password: string;
  /** Where the one-time sign-in code goes. */
  phone: string;
  accountId: string;
  /** Mobile numbers (parameter changes). */
  services: string[];
  /** Bills with more than 1.00 still open (payments of 0.01). */
  bills: string[];
}

/** What the bench needs of the simulated world, read from the simulators process. */
export interface RigWorld {
  /** Northwind's SS manager: the one-actor rows (the deduplication best case). */
  manager: RigActor;
  /** The many-actor rows: managers of companies first (3-12 numbers each), then of persons. */
  managers: RigActor[];
  /** The managers of the scaling companies (10, 100, 1,000 numbers) the seed holds, smallest first. */
  scaling: { numbers: number; actor: RigActor }[];
}

/** How many distinct signed-in users the many-actor workloads spread their requests over. */
export const MANY_ACTORS = 200;

function actorsOf(world: SeedWorld): (userId: string, password: string) => RigActor | null {
  const users = new Map(world.users.map((u) => [u.id, u]));
  const accounts = new Map<string, string>();
  for (const a of world.accounts) if (!accounts.has(a.customerId)) accounts.set(a.customerId, a.id);
  const services = new Map<string, string[]>();
  for (const s of world.services)
    if (s.type === 'MOBILE' && s.state === 'active')
      services.set(s.accountId, [...(services.get(s.accountId) ?? []), s.id]);
  const bills = new Map<string, string[]>();
  for (const b of world.bills)
    if (b.amountDue > b.paidAmount + 100) bills.set(b.accountId, [...(bills.get(b.accountId) ?? []), b.id]);
  return (userId, password) => {
    const user = users.get(userId);
    const accountId = user && accounts.get(user.customerId);
    if (!user || !accountId) return null;
    return {
      userId,
      customerId: user.customerId,
      password,
      phone: user.phone,
      accountId,
      services: services.get(accountId) ?? [],
      bills: bills.get(accountId) ?? [],
    };
  };
}

/** Picks the actors once, when the simulators start (a walk of the world is fine here). */
export function rigActors(world: SeedWorld): RigWorld {
  const actorOf = actorsOf(world);
  const manager = actorOf('nw.manager', DEMO_PASSWORD);
  if (!manager) throw new Error('the seed has no Northwind manager');
  const companies = new Set(world.customers.filter((c) => c.kind === 'COMPANY').map((c) => c.id));
  // Seeded customers after the demo ones sign in as user-<n> with password pw-<n> (mocks/seed/customers.ts).
  const others = world.users.filter((u) => /^user-\d+$/.test(u.id) && u.role === 'MANAGER');
  const ordered = [
    ...others.filter((u) => companies.has(u.customerId)),
    ...others.filter((u) => !companies.has(u.customerId)),
  ];
  const managers: RigActor[] = [];
  for (const u of ordered) {
    if (managers.length >= MANY_ACTORS) break;
    const actor = actorOf(u.id, `pw-${u.id.slice('user-'.length)}`);
    if (actor && actor.services.length) managers.push(actor);
  }
  const scaling: RigWorld['scaling'] = [];
  for (const numbers of SCALING_SIZES) {
    const actor = actorOf(scalingManagerId(numbers), DEMO_PASSWORD);
    if (actor) scaling.push({ numbers: actor.services.length, actor });
  }
  return { manager, managers, scaling };
}
