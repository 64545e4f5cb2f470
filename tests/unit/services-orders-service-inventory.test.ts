import type { Actor } from '../../lib/actor';
import type { Capability } from '../../lib/authz/capabilities';
import { encodeCursor } from '../../lib/pagination';
import type { ServiceModel } from '../../legacy/ibss/models';
import type { ServicePageKey } from '../../subgraphs/orders/context';
import {
  customerServices,
  serviceByReference,
  serviceById,
  serviceForActor,
  type InventoryDeps,
} from '../../subgraphs/orders/services/service-inventory';
import { anonymous, loader, manager, service, userWith } from '../support/orders-fakes';

/** C-1's services S-1..S-5 and C-2's S-9; the inventory pages answer from S-1..S-5. */
function inventory(actor: Actor = manager) {
  const asked: string[] = [];
  const pageKeys: ServicePageKey[] = [];
  const own = ['S-1', 'S-2', 'S-3', 'S-4', 'S-5'].map((id) => service(id));
  const all: Record<string, ServiceModel> = Object.fromEntries(
    [...own, service('S-9', 'C-2')].map((s) => [s.id, s]),
  );
  const deps = {
    actor,
    loaders: {
      service: loader('service', all, asked),
      servicePage: {
        load: async (key: ServicePageKey) => {
          pageKeys.push(key);
          return { items: own.slice(key.offset, key.offset + key.limit), total: 42 };
        },
      },
    },
  } as unknown as InventoryDeps;
  return { deps, asked, pageKeys };
}

/** A user of C-1 whose grants reach S-2 and S-4 (with different capabilities). */
const twoServices = {
  ...manager,
  userId: 'U-2',
  role: 'AUTHORIZED_USER',
  grants: [
    { id: 'G-1', capabilities: ['usage.view'], scopeKind: 'SERVICES', scopeIds: ['S-2'], validUntil: null },
    {
      id: 'G-2',
      capabilities: ['service.check'],
      scopeKind: 'SERVICES',
      scopeIds: ['S-4'],
      validUntil: null,
    },
  ],
} as Actor;

describe('F1: the product inventory (services/service-inventory)', () => {
  it('S3: a named service needs the capability on it (or, without one, any grant reaching it)', async () => {
    const { deps, asked } = inventory(userWith('service.order', 'S-1'));
    expect((await serviceForActor(deps, 'S-1', 'service.order')).id).toBe('S-1');
    expect((await serviceForActor(deps, 'S-1', null)).id).toBe('S-1');
    expect(asked).toEqual(['service:S-1', 'service:S-1']);
    const cases: [Actor, string, Capability | null][] = [
      [userWith('service.order', 'S-1'), 'S-1', 'service.configure'],
      [userWith('service.order', 'S-1'), 'S-2', null],
      [manager, 'S-9', null],
      [manager, 'S-0', 'service.order'],
    ];
    for (const [actor, id, capability] of cases)
      await expect(serviceForActor(inventory(actor).deps, id, capability)).rejects.toMatchObject({
        message: `Service ${id} was not found.`,
        extensions: { code: 'NOT_FOUND' },
      });
  });

  it('F1: Query.service is for signed-in users, before any inventory call, and needs only sight of the service', async () => {
    expect((await serviceById(inventory(userWith('usage.view', 'S-3')).deps, 'S-3')).id).toBe('S-3');
    const anon = inventory(anonymous);
    await expect(serviceById(anon.deps, 'S-1')).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(anon.asked).toEqual([]);
    await expect(serviceById(inventory(userWith('usage.view', 'S-3')).deps, 'S-1')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('F1: a reference must exist and be the own customer’s', async () => {
    expect((await serviceByReference(inventory(userWith('usage.view', 'S-3')).deps, 'S-1')).id).toBe('S-1');
    await expect(serviceByReference(inventory().deps, 'S-0')).rejects.toMatchObject({
      message: 'Service S-0 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(serviceByReference(inventory().deps, 'S-9')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('R2: the manager pages in the inventory with the filter, at most 200 a page', async () => {
    const { deps, pageKeys } = inventory();
    const page = await customerServices(
      deps,
      'C-1',
      { type: 'MOBILE', state: 'active' },
      {
        first: 200,
        after: encodeCursor(0),
      },
    );
    expect(pageKeys).toEqual([{ id: 'C-1', type: 'MOBILE', state: 'active', offset: 1, limit: 200 }]);
    expect(page.edges.map((e) => e.node.id)).toEqual(['S-2', 'S-3', 'S-4', 'S-5']);
    expect(page.totalCount).toBe(42);
    await expect(customerServices(deps, 'C-1', {}, { first: 201 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    await expect(customerServices(deps, 'C-2', {}, {})).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(pageKeys).toHaveLength(1);
  });

  it('R2/R3: other users see only the services their grants reach, filtered first, then paged', async () => {
    const { deps, pageKeys } = inventory(twoServices);
    const first = await customerServices(deps, 'C-1', { state: 'active' }, { first: 1 });
    expect(pageKeys).toEqual([{ id: 'C-1', type: undefined, state: 'active', offset: 0, limit: 500 }]);
    expect(first.edges.map((e) => e.node.id)).toEqual(['S-2']);
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await customerServices(deps, 'C-1', {}, { first: 1, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.id)).toEqual(['S-4']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});
