import type { AvailabilityModel, OfferingModel } from '../../legacy/catalogue/models';
import type { CustomerModel } from '../../legacy/crm/models';
import { qualifyOrder, type QualificationDeps } from '../../subgraphs/orders/services/order-qualification';

const offering = (id: string, serviceType: OfferingModel['serviceType'], bundled: string[] = []) =>
  ({ id, name: `Name of ${id}`, serviceType, bundledOfferingIds: bundled }) as unknown as OfferingModel;

const OFFERINGS = [
  offering('MOB', 'MOBILE'),
  offering('BB', 'BROADBAND'),
  offering('TV', 'IPTV'),
  offering('BUNDLE', null, ['BB', 'TV']),
  offering('MOBILE-BUNDLE', null, ['MOB']),
  // Bundles an offering the catalogue no longer has: that part is the order system's to refuse.
  offering('STALE-BUNDLE', null, ['GONE', 'TV']),
];

/** Resource management's answer for a postcode: fibre or not, as the simulator's rule says. */
function availability(
  fibre: boolean,
  reason: string | null = 'No fibre connection at this address',
): AvailabilityModel {
  return {
    postcode: '00210',
    results: (['MOBILE', 'FIXED_LINE', 'BROADBAND', 'IPTV'] as const).map((serviceType) => {
      const available = serviceType === 'BROADBAND' || serviceType === 'IPTV' ? fibre : true;
      return { serviceType, available, maxDownloadMbps: null, reason: available ? null : reason };
    }),
  } as AvailabilityModel;
}

function deps(
  options: { fibre?: boolean; taken?: string[]; customer?: boolean; reason?: string | null } = {},
) {
  const calls = { availability: [] as string[], numbers: [] as string[], offerings: [] as string[][] };
  const d: QualificationDeps = {
    catalogue: {
      getOfferings: async (ids) => {
        calls.offerings.push([...ids]);
        return OFFERINGS.filter((o) => ids.includes(o.id));
      },
      availability: async (postcode) => {
        calls.availability.push(postcode);
        return availability(options.fibre ?? true, options.reason === undefined ? undefined : options.reason);
      },
      numberAvailable: async (n) => {
        calls.numbers.push(n);
        return !(options.taken ?? []).includes(n);
      },
    },
    crm: {
      getCustomers: async (ids) =>
        options.customer === false
          ? []
          : ids.map((id) => ({ id, address: { postcode: '00210' } }) as unknown as CustomerModel),
    },
  };
  return { d, calls };
}

describe('F3: qualifying an order before it is sent', () => {
  it('passes what the address can have, asking resource management about the customer address', async () => {
    const { d, calls } = deps({ fibre: true });
    expect(
      await qualifyOrder(d, 'C-1', [{ offeringId: 'BB' }, { offeringId: 'TV' }, { offeringId: 'MOB' }]),
    ).toBeNull();
    expect(calls.availability).toEqual(['00210']);
  });

  it('refuses the first product the address cannot have, naming it, the postcode and the reason', async () => {
    const { d } = deps({ fibre: false });
    expect(
      await qualifyOrder(d, 'C-1', [{ offeringId: 'MOB' }, { offeringId: 'TV' }, { offeringId: 'BB' }]),
    ).toEqual({
      code: 'NOT_AVAILABLE_AT_ADDRESS',
      reason: 'Name of TV cannot be delivered at postcode 00210: No fibre connection at this address.',
    });
  });

  it('judges a bundle by the services it bundles', async () => {
    const { d, calls } = deps({ fibre: false });
    expect((await qualifyOrder(d, 'C-1', [{ offeringId: 'BUNDLE' }]))?.reason).toContain('Name of BUNDLE');
    expect(calls.offerings).toEqual([['BUNDLE'], ['BB', 'TV']]);
    expect(await qualifyOrder(deps({ fibre: false }).d, 'C-1', [{ offeringId: 'MOBILE-BUNDLE' }])).toBeNull();
  });

  it('judges a bundle by the parts the catalogue knows', async () => {
    expect(await qualifyOrder(deps({ fibre: true }).d, 'C-1', [{ offeringId: 'STALE-BUNDLE' }])).toBeNull();
    expect(
      (await qualifyOrder(deps({ fibre: false }).d, 'C-1', [{ offeringId: 'STALE-BUNDLE' }]))?.reason,
    ).toBe(
      'Name of STALE-BUNDLE cannot be delivered at postcode 00210: No fibre connection at this address.',
    );
  });

  it('says what is missing when resource management gives no reason', async () => {
    const { d } = deps({ fibre: false, reason: null });
    expect((await qualifyOrder(d, 'C-1', [{ offeringId: 'BB' }]))?.reason).toBe(
      'Name of BB cannot be delivered at postcode 00210: no BROADBAND there.',
    );
  });

  it('leaves unknown offerings and customers to the order system', async () => {
    expect(await qualifyOrder(deps({ fibre: false }).d, 'C-1', [{ offeringId: 'NOPE' }])).toBeNull();
    const { d, calls } = deps({ fibre: false, customer: false });
    expect(await qualifyOrder(d, 'C-1', [{ offeringId: 'BB' }])).toBeNull();
    expect(calls.availability).toEqual([]);
  });

  it('refuses a chosen number that is taken, after the address check, and asks about each chosen number', async () => {
    const { d, calls } = deps({ taken: ['+358401111111'] });
    expect(
      await qualifyOrder(d, 'C-1', [
        { offeringId: 'MOB', number: '+358402222222' },
        { offeringId: 'MOB', number: '+358401111111' },
      ]),
    ).toEqual({ code: 'NUMBER_TAKEN', reason: 'Number +358401111111 is not free; choose another one.' });
    expect(calls.numbers).toEqual(['+358402222222', '+358401111111']);
    expect(await qualifyOrder(deps().d, 'C-1', [{ offeringId: 'MOB', number: '+358402222222' }])).toBeNull();
  });

  it.each([
    ['0401234567', 'number must be in E.164 format, e.g. +358401234567.'],
    ['+0401234567', 'number must be in E.164 format, e.g. +358401234567.'],
    ['+35840', 'number must be in E.164 format, e.g. +358401234567.'],
    ['tel:+358401234567', 'number must be in E.164 format, e.g. +358401234567.'],
    ['+358401234567 ext 2', 'number must be in E.164 format, e.g. +358401234567.'],
  ])('refuses %s as a number before asking anyone', async (number, message) => {
    const { d, calls } = deps();
    await expect(qualifyOrder(d, 'C-1', [{ offeringId: 'MOB', number }])).rejects.toMatchObject({
      message,
      extensions: { code: 'BAD_USER_INPUT', field: 'number' },
    });
    expect(calls.numbers).toEqual([]);
  });

  it('refuses a number on a product that is not mobile, and the same number twice', async () => {
    await expect(
      qualifyOrder(deps().d, 'C-1', [{ offeringId: 'BB', number: '+358401234567' }]),
    ).rejects.toMatchObject({
      message: 'A number can be chosen for mobile offerings only.',
      extensions: { code: 'BAD_USER_INPUT', field: 'number' },
    });
    await expect(
      qualifyOrder(deps().d, 'C-1', [
        { offeringId: 'MOB', number: '+358401234567' },
        { offeringId: 'MOB', number: '+358401234567' },
      ]),
    ).rejects.toMatchObject({
      message: 'The same number is chosen twice.',
      extensions: { code: 'BAD_USER_INPUT', field: 'number' },
    });
  });
});
