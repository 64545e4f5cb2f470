import { freeText } from '../../subgraphs/customer/services/free-text';

describe('free text (F10, S5)', () => {
  it('trims, and holds the field to its bound', () => {
    expect(freeText('  Ada Lovelace ', 'name', 12)).toBe('Ada Lovelace');
    expect(() => freeText('Ada Lovelace!', 'name', 12)).toThrow(
      expect.objectContaining({
        message: 'name must be 1 to 12 characters.',
        extensions: { code: 'BAD_USER_INPUT', field: 'name' },
      }),
    );
    expect(() => freeText('   ', 'city', 80)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'city' } }),
    );
  });
});
