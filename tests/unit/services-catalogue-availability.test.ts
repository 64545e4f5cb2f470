import {
  availableNumbers,
  numberAvailability,
  serviceAvailability,
  type AvailabilityDeps,
} from '../../subgraphs/catalogue/services/availability';

/** A resource system that records what it was asked and answers from small fixed data. */
function fakeDeps() {
  const asked: unknown[][] = [];
  const catalogue = {
    availability: async (postcode: string) => {
      asked.push(['availability', postcode]);
      return { postcode, technologies: ['FIBER'] };
    },
    numberAvailable: async (number: string) => {
      asked.push(['numberAvailable', number]);
      return number.endsWith('7');
    },
    freeNumbers: async (prefix: string, count: number) => {
      asked.push(['freeNumbers', prefix, count]);
      return Array.from({ length: count }, (_, i) => `${prefix}00${i}`);
    },
  };
  return { deps: { catalogue } as unknown as AvailabilityDeps, asked };
}

const refusedFor = (field: string) =>
  expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field } });

describe('availability (F3)', () => {
  it('F3: what is available at a checked postcode', async () => {
    const { deps, asked } = fakeDeps();
    expect(await serviceAvailability(deps, '02100')).toEqual({ postcode: '02100', technologies: ['FIBER'] });
    expect(asked).toEqual([['availability', '02100']]);
    expect(() => serviceAvailability(deps, '0210')).toThrow(refusedFor('postcode'));
  });

  it('F3: whether one checked number is free', async () => {
    const { deps, asked } = fakeDeps();
    expect(await numberAvailability(deps, '+358401234567')).toEqual({
      number: '+358401234567',
      available: true,
    });
    expect(await numberAvailability(deps, '+358401234568')).toEqual({
      number: '+358401234568',
      available: false,
    });
    expect(asked).toEqual([
      ['numberAvailable', '+358401234567'],
      ['numberAvailable', '+358401234568'],
    ]);
    await expect(numberAvailability(deps, '0401234567')).rejects.toEqual(refusedFor('number'));
    expect(asked).toHaveLength(2);
  });

  it('F3: free numbers under a prefix, five under +3587 unless asked otherwise', async () => {
    const { deps, asked } = fakeDeps();
    expect(await availableNumbers(deps, null, undefined)).toHaveLength(5);
    expect(await availableNumbers(deps, '+35850', 2)).toEqual(['+35850000', '+35850001']);
    expect(asked).toEqual([
      ['freeNumbers', '+3587', 5],
      ['freeNumbers', '+35850', 2],
    ]);
    expect(() => availableNumbers(deps, '35850', 2)).toThrow(refusedFor('prefix'));
    expect(() => availableNumbers(deps, '+35850', 21)).toThrow(refusedFor('count'));
  });
});
