import { partnerOverview } from '../../sdk/partner/example';
import { startTestSystem, type TestSystem } from '../support/system';

/**
 * R4: the partner SDK (sdk/partner) works as docs/partners.md says: its example signs in with a
 * demo partner's client credentials and reads, with the typed documents generated from the
 * partner contract, exactly what the simulators hold of that partner's products.
 */
let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system.stop();
});

describe('R4 partner SDK', () => {
  it.each(['PARTNER-SP-1', 'PARTNER-CP-1', 'PARTNER-CP-2'])(
    "R4, I2 (partner systems): the SDK's example shows %s its subscriptions and orders from the demo data",
    async (partnerId) => {
      const client = partnerId.toLowerCase();
      const overview = await partnerOverview(system.gatewayUrl, `client-${client}`, `secret-${client}`);
      const world = system.sims.world;
      const own = new Set(world.offerings.filter((o) => o.partnerId === partnerId).map((o) => o.id));
      const partner = world.partners.find((p) => p.id === partnerId);
      expect(overview.partner).toEqual({ id: partnerId, name: partner?.name });
      const subscriptions = world.services
        .filter((s) => own.has(s.offeringId))
        .map((s) => ({ id: s.id, offeringId: s.offeringId, state: s.state, startDate: s.startDate }));
      expect(subscriptions.length).toBeGreaterThan(0);
      expect(overview.subscriptions).toEqual(subscriptions);
      // Newest first, each with the partner's own items only.
      const orders = world.orders
        .filter((o) => o.items.some((i) => own.has(i.offeringId)))
        .reverse()
        .map((o) => ({
          id: o.id,
          state: o.state,
          createdAt: o.createdAt,
          offeringIds: o.items.filter((i) => own.has(i.offeringId)).map((i) => i.offeringId),
        }));
      expect(orders.length).toBeGreaterThan(0);
      expect(overview.orders).toEqual(orders);
      expect(overview.orderCount).toBe(orders.length);
    },
  );

  it('R4: the SDK reports refusals with their code', async () => {
    await expect(
      partnerOverview(system.gatewayUrl, 'client-partner-cp-1', 'wrong-secret'),
    ).rejects.toMatchObject({
      code: 'AUTH_FAILED',
    });
  });
});
