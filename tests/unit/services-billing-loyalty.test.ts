import { loyaltyPoints, type LoyaltyDeps } from '../../subgraphs/billing/services/loyalty';
import { loader } from '../support/faults-fakes';

function loyalty(points: Record<string, number>) {
  const asked: string[] = [];
  const deps = { loaders: { points: loader('points', points, asked) } } as unknown as LoyaltyDeps;
  return { deps, asked };
}

describe('X4: loyalty points', () => {
  it("X4: reads the customer's points from the loyalty system", async () => {
    const { deps, asked } = loyalty({ 'C-1': 1250, 'C-2': 7 });
    expect(await loyaltyPoints(deps, 'C-1')).toBe(1250);
    expect(asked).toEqual(['points:C-1']);
  });

  it('X4: a customer the loyalty system does not know has none, not an error', async () => {
    expect(await loyaltyPoints(loyalty({ 'C-2': 7 }).deps, 'C-1')).toBe(0);
  });
});
