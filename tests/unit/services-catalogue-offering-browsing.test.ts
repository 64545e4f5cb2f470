import type { Actor } from '../../lib/actor';
import { encodeCursor } from '../../lib/pagination';
import {
  browseOfferings,
  viewOffering,
  type BrowsingDeps,
} from '../../subgraphs/catalogue/services/offering-browsing';

const user: Actor = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S',
  grants: [],
};

const offering = (id: string, category: string, serviceType: string | null) => ({
  id,
  category,
  serviceType,
});
const O1 = offering('O-1', 'mobile', 'MOBILE');
const O2 = offering('O-2', 'bundle', null);

/** A catalogue, a loader and profiles in memory, recording what was asked of them. */
function fakeDeps(actor: Actor = user, total = 7) {
  const asked: unknown[][] = [];
  const primed: unknown[][] = [];
  const touched: unknown[][] = [];
  const deps = {
    actor,
    catalogue: {
      listOfferings: async (...args: unknown[]) => {
        asked.push(args);
        return { items: [O1, O2], total };
      },
    },
    loaders: {
      offering: {
        prime: (...args: unknown[]) => void primed.push(args),
        load: async (id: string) => ({ 'O-1': O1, 'O-2': O2 })[id] ?? null,
      },
    },
    profiles: { touch: async (...args: unknown[]) => void touched.push(args) },
    logger: { warn: () => undefined },
  } as unknown as BrowsingDeps;
  return { deps, asked, primed, touched };
}

describe('offering browsing (F1, F2, R6)', () => {
  it('F1: a page of offerings, primed for later reads, with its cursors', async () => {
    const { deps, asked, primed, touched } = fakeDeps();
    const page = await browseOfferings(deps, null, { first: 2, after: encodeCursor(2) });
    expect(asked).toEqual([
      [{ category: undefined, serviceType: undefined, partnerId: undefined, q: undefined }, 3, 2],
    ]);
    expect(primed).toEqual([
      ['O-1', O1],
      ['O-2', O2],
    ]);
    expect(page).toEqual({
      edges: [
        { cursor: encodeCursor(3), node: O1 },
        { cursor: encodeCursor(4), node: O2 },
      ],
      totalCount: 7,
      pageInfo: { hasNextPage: true, endCursor: encodeCursor(4) },
    });
    expect(touched).toEqual([]);
  });

  it('F1: the filter reaches the catalogue; bundlesOnly asks for bundles whatever the category', async () => {
    const { deps, asked } = fakeDeps({ kind: 'anonymous' });
    await browseOfferings(
      deps,
      { category: 'mobile', serviceType: 'MOBILE', partnerId: 'P-1', search: 'fast' } as never,
      {},
    );
    await browseOfferings(deps, { category: 'mobile', bundlesOnly: true } as never, {});
    await browseOfferings(deps, { bundlesOnly: false, category: null } as never, {});
    expect(asked).toEqual([
      [{ category: 'mobile', serviceType: 'MOBILE', partnerId: 'P-1', q: 'fast' }, 0, 20],
      [{ category: 'bundle', serviceType: undefined, partnerId: undefined, q: undefined }, 0, 20],
      [{ category: undefined, serviceType: undefined, partnerId: undefined, q: undefined }, 0, 20],
    ]);
  });

  it('F1: at most 50 a page, and a search of at most 100 characters', async () => {
    const { deps, asked } = fakeDeps();
    await browseOfferings(deps, null, { first: 50 });
    expect(asked[0][2]).toBe(50);
    await expect(browseOfferings(deps, null, { first: 51 })).rejects.toMatchObject({
      extensions: { field: 'first' },
    });
    await expect(browseOfferings(deps, { search: 'x'.repeat(101) } as never, {})).rejects.toMatchObject({
      extensions: { field: 'search' },
    });
  });

  it('R6: a signed-in user’s category and type filters go into their profile', async () => {
    const { deps, touched } = fakeDeps();
    await browseOfferings(deps, { category: 'mobile', serviceType: 'MOBILE' } as never, {});
    await browseOfferings(deps, { serviceType: 'TV' } as never, {});
    await browseOfferings(deps, { category: 'tv' } as never, {});
    await browseOfferings(deps, { search: 'fast' } as never, {});
    expect(touched).toEqual([
      ['U-1', 'C-1', ['category:mobile', 'type:MOBILE']],
      ['U-1', 'C-1', ['type:TV']],
      ['U-1', 'C-1', ['category:tv']],
    ]);
  });

  it('F2, R6: viewing an offering counts as browsing its topics; a missing one as nothing', async () => {
    const { deps, touched } = fakeDeps();
    expect(await viewOffering(deps, 'O-1')).toBe(O1);
    expect(await viewOffering(deps, 'O-9')).toBeNull();
    expect(touched).toEqual([['U-1', 'C-1', ['category:mobile', 'type:MOBILE']]]);
  });
});
