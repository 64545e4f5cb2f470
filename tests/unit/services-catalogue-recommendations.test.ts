import type { Actor } from '../../lib/actor';
import {
  USAGE_WEIGHT,
  recommendOfferings,
  type RecommendationDeps,
} from '../../subgraphs/catalogue/services/recommendations';

const manager: Actor = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S',
  grants: [],
};
/** A user of C-1 whose one grant reaches the service S-BB only. */
const bbUser: Actor = {
  ...manager,
  userId: 'U-2',
  role: 'AUTHORIZED_USER',
  grants: [
    {
      id: 'G-1',
      capabilities: ['service.view'],
      scopeKind: 'SERVICES',
      scopeIds: ['S-BB'],
      validUntil: null,
    },
  ],
};

const offering = (id: string, category: string, serviceType: string | null) => ({
  id,
  category,
  serviceType,
});
/** The catalogue's own order. */
const OFFERINGS = [
  offering('O-1', 'mobile', 'MOBILE'),
  offering('O-2', 'broadband', 'BROADBAND'),
  offering('O-3', 'tv', null),
  offering('O-4', 'bundle', 'BROADBAND'),
  offering('O-5', 'mobile', null),
  offering('O-6', 'tv', 'TV'),
];

/** A catalogue, profiles and inventory in memory, recording what was asked of them. */
function fakeDeps(
  actor: Actor,
  topics: { topic: string; hits: number }[] = [],
  services: { id: string; type: string }[] = [],
) {
  const asked: unknown[][] = [];
  const deps = {
    actor,
    catalogue: {
      listOfferings: async (...args: unknown[]) => {
        asked.push(['listOfferings', ...args]);
        return { items: OFFERINGS, total: OFFERINGS.length };
      },
    },
    profiles: {
      topics: async (userId: string) => {
        asked.push(['topics', userId]);
        return topics;
      },
    },
    inventory: {
      listServices: async (...args: unknown[]) => {
        asked.push(['listServices', ...args]);
        return {
          'C-1': {
            items: services.map((s) => ({ ...s, customerId: 'C-1', accountId: `A-${s.id}` })),
            total: services.length,
          },
        };
      },
    },
  } as unknown as RecommendationDeps;
  return { deps, asked };
}

const ids = (offerings: { id: string }[]) => offerings.map((o) => o.id);

describe('recommendations (R6)', () => {
  it('R6: anyone not signed in as a customer user gets the catalogue’s own order, five by default', async () => {
    const { deps, asked } = fakeDeps({ kind: 'anonymous' });
    expect(ids(await recommendOfferings(deps, null))).toEqual(['O-1', 'O-2', 'O-3', 'O-4', 'O-5']);
    expect(ids(await recommendOfferings(deps, 2))).toEqual(['O-1', 'O-2']);
    expect(asked).toEqual([
      ['listOfferings', {}, 0, 200],
      ['listOfferings', {}, 0, 200],
    ]);
    await expect(recommendOfferings(deps, 21)).rejects.toMatchObject({ extensions: { field: 'first' } });
  });

  it('R6: browsed topics rank offerings; ties keep the catalogue’s order', async () => {
    const { deps, asked } = fakeDeps(manager, [
      { topic: 'category:tv', hits: 3 },
      { topic: 'type:TV', hits: 1 },
      { topic: 'category:mobile', hits: 1 },
    ]);
    // O-6 scores 4, O-3 3, O-1 and O-5 1 each (catalogue order), the rest 0.
    expect(ids(await recommendOfferings(deps, 6))).toEqual(['O-6', 'O-3', 'O-1', 'O-5', 'O-2', 'O-4']);
    expect(asked).toContainEqual(['topics', 'U-1']);
    expect(asked).toContainEqual(['listServices', ['C-1'], { state: 'active' }, 0, 500]);
  });

  it('R6: each service type the customer uses counts as USAGE_WEIGHT visits, however many services', async () => {
    expect(USAGE_WEIGHT).toBe(2);
    const { deps } = fakeDeps(
      manager,
      [
        { topic: 'category:tv', hits: 1 },
        { topic: 'type:BROADBAND', hits: 1 },
      ],
      [
        { id: 'S-BB', type: 'BROADBAND' },
        { id: 'S-M1', type: 'MOBILE' },
        { id: 'S-M2', type: 'MOBILE' },
        { id: 'S-M3', type: 'MOBILE' },
      ],
    );
    // BROADBAND 1 + 2 = 3 (O-2, O-4); MOBILE 2 (O-1), not 6; tv 1 (O-3, O-6).
    expect(ids(await recommendOfferings(deps, 6))).toEqual(['O-2', 'O-4', 'O-1', 'O-3', 'O-6', 'O-5']);
  });

  it('R6: only the services the user can see count', async () => {
    const services = [
      { id: 'S-BB', type: 'BROADBAND' },
      { id: 'S-TV', type: 'TV' },
    ];
    const { deps } = fakeDeps(bbUser, [], services);
    expect(ids(await recommendOfferings(deps, 3))).toEqual(['O-2', 'O-4', 'O-1']);
    const managed = fakeDeps(manager, [], services);
    expect(ids(await recommendOfferings(managed.deps, 3))).toEqual(['O-2', 'O-4', 'O-6']);
  });

  it('R6: a customer with no page of services ranks by browsing alone', async () => {
    const { deps } = fakeDeps({ ...manager, customerId: 'C-9' } as Actor, [
      { topic: 'category:bundle', hits: 1 },
    ]);
    expect(ids(await recommendOfferings(deps, 2))).toEqual(['O-4', 'O-1']);
  });
});
