import type { Actor } from '../../lib/actor';
import { encodeCursor } from '../../lib/pagination';
import type { OrderModel } from '../../legacy/ibss/models';
import {
  partnerOrders,
  partnerSubscriptionByReference,
  partnerSubscriptions,
  type PartnerViewDeps,
} from '../../subgraphs/orders/services/partner-views';
import { loader, manager, service } from '../support/orders-fakes';

const partner = (partnerId: string) => ({ kind: 'partner', partnerId }) as unknown as Actor;

const item = (offeringId: string | null) => ({ id: `I-${offeringId}`, offeringId });

/** Partner P-1 owns offerings TV and MUSIC; P-2 none. */
function views(actor: Actor = partner('P-1')) {
  const calls: { method: string; args: unknown[] }[] = [];
  const deps = {
    actor,
    catalogue: {
      listOfferings: async (...args: unknown[]) => {
        calls.push({ method: 'listOfferings', args });
        const mine = (args[0] as { partnerId: string }).partnerId === 'P-1';
        return { items: mine ? [{ id: 'TV' }, { id: 'MUSIC' }] : [], total: mine ? 2 : 0 };
      },
    },
    ibss: {
      listSubscriptions: async (...args: unknown[]) => {
        calls.push({ method: 'listSubscriptions', args });
        return { items: ['sub-1', 'sub-2'], total: 12 };
      },
      listOrdersOfOfferings: async (...args: unknown[]) => {
        calls.push({ method: 'listOrdersOfOfferings', args });
        return {
          items: [
            { id: 'O-1', customerId: 'C-1', items: [item('TV'), item('MOB'), item(null), item('MUSIC')] },
          ],
          total: 3,
        };
      },
    },
    loaders: {
      service: loader('service', {
        'S-TV': service('S-TV', 'C-1', { offeringId: 'TV', state: 'suspended', startDate: '2026-02-03' }),
        'S-MOB': service('S-MOB'),
      }),
    },
  } as unknown as PartnerViewDeps;
  return { deps, calls };
}

describe('R4: partner views (services/partner-views)', () => {
  it('R4: subscriptions to the partner’s offerings, one page of at most 200', async () => {
    const { deps, calls } = views();
    const page = await partnerSubscriptions(deps, { first: 200, after: encodeCursor(9) });
    expect(calls).toEqual([
      { method: 'listOfferings', args: [{ partnerId: 'P-1' }, 0, 200] },
      { method: 'listSubscriptions', args: [['TV', 'MUSIC'], 10, 200] },
    ]);
    expect(page.edges.map((e) => e.node)).toEqual(['sub-1', 'sub-2']);
    expect(page.totalCount).toBe(12);
    await expect(partnerSubscriptions(deps, { first: 201 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it('R4: a partner without offerings has empty pages and the IBSS is not asked', async () => {
    const { deps, calls } = views(partner('P-2'));
    for (const page of [await partnerSubscriptions(deps, {}), await partnerOrders(deps, {})])
      expect(page).toMatchObject({ edges: [], totalCount: 0, pageInfo: { hasNextPage: false } });
    expect(calls.map((c) => c.method)).toEqual(['listOfferings', 'listOfferings']);
  });

  it('R4: orders with the partner’s offerings show only the partner’s own items, at most 100 a page', async () => {
    const { deps, calls } = views();
    const page = await partnerOrders(deps, { first: 100 });
    expect(calls[1]).toEqual({ method: 'listOrdersOfOfferings', args: [['TV', 'MUSIC'], 0, 100] });
    expect(page.totalCount).toBe(3);
    const [only] = page.edges.map((e) => e.node as OrderModel);
    expect(only.id).toBe('O-1');
    expect(only.items.map((i) => i.offeringId)).toEqual(['TV', 'MUSIC']);
    await expect(partnerOrders(deps, { first: 101 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it('R4: only partner systems have a partner view', async () => {
    for (const call of [
      (d: PartnerViewDeps) => partnerSubscriptions(d, {}),
      (d: PartnerViewDeps) => partnerOrders(d, {}),
      (d: PartnerViewDeps) => partnerSubscriptionByReference(d, 'S-TV'),
    ]) {
      const { deps, calls } = views(manager);
      await expect(call(deps)).rejects.toMatchObject({
        message: 'Only partner systems have a partner view.',
        extensions: { code: 'FORBIDDEN' },
      });
      expect(calls).toEqual([]);
    }
  });

  it('R4: a subscription reference shows the partner’s own product without customer data; others are FORBIDDEN', async () => {
    expect(await partnerSubscriptionByReference(views().deps, 'S-TV')).toEqual({
      serviceId: 'S-TV',
      offeringId: 'TV',
      state: 'suspended',
      startDate: '2026-02-03',
    });
    for (const id of ['S-MOB', 'S-0'])
      await expect(partnerSubscriptionByReference(views().deps, id)).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
  });
});
