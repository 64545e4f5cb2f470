import type { EventBus, Unsubscribe } from '../../lib/events/bus';
import type { DomainEvent } from '../../lib/events/event';
import type { RunningSimulators } from '../../mocks';

/** Every event the bus delivers from now on, in order, for a test to wait for and inspect. */
export class FollowedEvents {
  readonly seen: DomainEvent[] = [];
  private unfollow: Unsubscribe | null = null;

  static async follow(bus: EventBus): Promise<FollowedEvents> {
    const followed = new FollowedEvents();
    followed.unfollow = await bus.follow((e) => {
      followed.seen.push(e);
    });
    return followed;
  }

  /** The first event that matches, once it has come (10 s at most, then the test fails). */
  async where(match: (e: DomainEvent) => boolean, what: string): Promise<DomainEvent> {
    for (let i = 0; i < 200; i++) {
      const found = this.seen.find(match);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no event: ${what}`);
  }

  async stop(): Promise<void> {
    await this.unfollow?.();
  }
}

/** The customers with a service an alarm in `areaId` reaches (its service type, or every type), from the seed. */
export function customersReached(
  world: RunningSimulators['world'],
  areaId: string,
  serviceType: string | null,
): string[] {
  const reached = world.services.filter(
    (s) => s.areaId === areaId && (serviceType === null || s.type === serviceType),
  );
  return [...new Set(reached.map((s) => s.customerId))].sort();
}

/** A simulator's admin endpoint: what the network operations centre, fault desk or billing run does. */
export async function simControl(
  sims: Pick<RunningSimulators, 'urls'>,
  sim: 'faults' | 'billing',
  path: string,
  body: unknown,
): Promise<Record<string, any>> {
  const res = await fetch(`${sims.urls[sim]}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${sim} ${path} answered ${res.status}`);
  return (await res.json()) as Record<string, any>;
}
