import { DEMO_SIZE, generateWorld } from '../../mocks/seed/generate';
import { SCALING_SIZES, scalingManagerId } from '../../mocks/seed/enterprises';

/**
 * Issue 17 item 4: the bench's scaling companies (10, 100, 1,000 numbers) exist only when asked
 * for, after the population, so the demo world is the same with or without them.
 */
describe('seed: scaling enterprises', () => {
  const size = { ...DEMO_SIZE, customers: 40, usagePerService: 2, referenceTime: Date.UTC(2026, 0, 15) };
  const plain = generateWorld(size);
  const scaled = generateWorld({ ...size, enterprises: SCALING_SIZES });

  it('holds one company of exactly each size, with a manager who signs in for it', () => {
    for (const numbers of SCALING_SIZES) {
      const manager = scaled.users.find((u) => u.id === scalingManagerId(numbers));
      expect(manager?.role).toBe('MANAGER');
      const mobiles = scaled.services.filter(
        (s) => s.customerId === manager?.customerId && s.type === 'MOBILE',
      );
      expect(mobiles).toHaveLength(numbers);
      expect(scaled.customers.find((c) => c.id === manager?.customerId)?.kind).toBe('COMPANY');
      // Every number has usage, as the population's do (the dashboard's current charges).
      expect(mobiles.every((s) => (scaled.usage.get(s.id) ?? []).length > 0)).toBe(true);
    }
  });

  it('leaves the world without them unchanged: not asked for, none; the population the same', () => {
    expect(DEMO_SIZE.enterprises).toBeUndefined();
    expect(plain.users.some((u) => /^scale\d+\.manager$/.test(u.id))).toBe(false);
    expect(scaled.customers.slice(0, plain.customers.length)).toEqual(plain.customers);
    // Everything the population holds comes before the first service of a scaling company.
    const companies = new Set(scaled.customers.slice(plain.customers.length).map((c) => c.id));
    const first = scaled.services.findIndex((s) => companies.has(s.customerId));
    expect(first).toBeGreaterThan(0);
    expect(scaled.services.slice(0, first)).toEqual(plain.services.slice(0, first));
  });
});
