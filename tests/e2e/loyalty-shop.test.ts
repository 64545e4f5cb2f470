import { REWARDS } from '../../mocks/seed/rewards';
import { login } from '../../system/kit/sign-in';
import { gql, startTestSystem, type TestSystem } from '../support/system';

let system: TestSystem;
let manager: string;
let northwind: string;

beforeAll(async () => {
  system = await startTestSystem();
  manager = (await login(system, 'nw.manager')).accessToken;
  northwind = system.sims.world.users.find((u) => u.id === 'nw.manager')?.customerId as string;
}, 60_000);
afterAll(async () => {
  await system.stop();
});

const REDEEM = `mutation($input: RedeemLoyaltyPointsInput!) { redeemLoyaltyPoints(input: $input) {
  __typename ... on LoyaltyRedemption { id rewardId pointsSpent pointsRemaining voucherCode } ... on RedemptionRefused { reason } } }`;
const POINTS = `query($id: ID!) { customer(id: $id) { loyaltyPoints loyaltyRedemptions { id rewardId pointsSpent } } }`;

/** The loyalty system's own balance for the customer (the simulator's world). */
const balance = () => system.sims.world.loyalty.get(northwind) as number;
const setBalance = (points: number) => system.sims.world.loyalty.set(northwind, points);
const redeem = (rewardId: string, idempotencyKey: string, token = manager) =>
  gql(system.gatewayUrl, REDEEM, { input: { rewardId, idempotencyKey } }, token);

describe('X4: the loyalty shop', () => {
  it("X4: anyone can browse the rewards, the operator's and partners' content, at the shop's prices", async () => {
    const r = await gql(system.gatewayUrl, `{ rewards { id pointsPrice partnerId kind } }`, {});
    expect(r.errors).toBeUndefined();
    expect(r.data?.rewards).toEqual(
      REWARDS.map(({ id, pointsPrice, partnerId, kind }) => ({ id, pointsPrice, partnerId, kind })),
    );
    // Partners' content is sold through the operator (X4's second half).
    expect(r.data?.rewards.filter((w: { partnerId: string | null }) => w.partnerId).length).toBeGreaterThan(
      0,
    );
  });

  it('X4: a redemption spends exactly the reward price once per key, and the balance read afterwards shows it', async () => {
    setBalance(2000);
    const rental = REWARDS.find((r) => r.id === 'RW-KINOBOX-RENTAL');
    // Read (and so cache) the balance first: the redemption must retire that copy.
    const before = await gql(system.gatewayUrl, POINTS, { id: northwind }, manager);
    expect(before.data?.customer.loyaltyPoints).toBe(2000);
    const first = await redeem('RW-KINOBOX-RENTAL', 'redeem-rental-0001');
    expect(first.errors).toBeUndefined();
    expect(first.data?.redeemLoyaltyPoints).toMatchObject({
      __typename: 'LoyaltyRedemption',
      rewardId: 'RW-KINOBOX-RENTAL',
      pointsSpent: rental?.pointsPrice,
      pointsRemaining: 2000 - (rental?.pointsPrice as number),
    });
    expect(balance()).toBe(2000 - (rental?.pointsPrice as number));
    // The client retries (a lost answer): the same redemption, no second spending.
    const retried = await redeem('RW-KINOBOX-RENTAL', 'redeem-rental-0001');
    expect(retried.data?.redeemLoyaltyPoints.id).toBe(first.data?.redeemLoyaltyPoints.id);
    expect(retried.data?.redeemLoyaltyPoints.voucherCode).toBe(first.data?.redeemLoyaltyPoints.voucherCode);
    expect(balance()).toBe(2000 - (rental?.pointsPrice as number));
    // The same key for another reward is a conflict, not a second redemption.
    const conflict = await redeem('RW-DATA-5GB', 'redeem-rental-0001');
    expect(conflict.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(balance()).toBe(2000 - (rental?.pointsPrice as number));
    // The cached balance was retired: the graph shows the loyalty system's new balance.
    const read = await gql(system.gatewayUrl, POINTS, { id: northwind }, manager);
    expect(read.data?.customer.loyaltyPoints).toBe(balance());
    expect(read.data?.customer.loyaltyRedemptions[0]).toEqual({
      id: first.data?.redeemLoyaltyPoints.id,
      rewardId: 'RW-KINOBOX-RENTAL',
      pointsSpent: rental?.pointsPrice,
    });
  });

  it('X4: too few points or no stock left is a refusal with the reason, and spends nothing', async () => {
    setBalance(100);
    const poor = await redeem('RW-VOUCHER-10', 'redeem-poor-0001');
    expect(poor.data?.redeemLoyaltyPoints).toEqual({
      __typename: 'RedemptionRefused',
      reason: 'Not enough points: the reward costs 1000 and the balance is 100.',
    });
    expect(balance()).toBe(100);
    const stock = REWARDS.find((r) => r.id === 'RW-EARBUDS')?.stock as number;
    const price = REWARDS.find((r) => r.id === 'RW-EARBUDS')?.pointsPrice as number;
    setBalance(price * (stock + 1));
    for (let i = 0; i < stock; i++)
      expect((await redeem('RW-EARBUDS', `redeem-earbuds-${i}-x`)).data?.redeemLoyaltyPoints.__typename).toBe(
        'LoyaltyRedemption',
      );
    const soldOut = await redeem('RW-EARBUDS', 'redeem-earbuds-last');
    expect(soldOut.data?.redeemLoyaltyPoints).toEqual({
      __typename: 'RedemptionRefused',
      reason: 'The reward is out of stock.',
    });
    expect(balance()).toBe(price);
    const unknown = await redeem('RW-NO-SUCH', 'redeem-unknown-1');
    expect(unknown.data?.redeemLoyaltyPoints.__typename).toBe('RedemptionRefused');
  });

  it('X4: only the manager spends the customer points; others are refused before the shop is called', async () => {
    setBalance(5000);
    const employee = (await login(system, 'nw.employee01')).accessToken;
    const denied = await redeem('RW-DATA-5GB', 'redeem-employee-1', employee);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gql(system.gatewayUrl, REDEEM, {
      input: { rewardId: 'RW-DATA-5GB', idempotencyKey: 'redeem-anon-01' },
    });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(balance()).toBe(5000);
    // S4: the manager's redemptions are payment events, with their outcome.
    const events = await gql(
      system.gatewayUrl,
      `query { securityEvents(kind: PAYMENT, first: 100) { edges { node { outcome target } } } }`,
      {},
      manager,
    );
    expect(events.data?.securityEvents.edges).toContainEqual({
      node: { outcome: 'SUCCESS', target: 'RW-KINOBOX-RENTAL' },
    });
    expect(events.data?.securityEvents.edges).toContainEqual({
      node: { outcome: 'FAILURE', target: 'RW-VOUCHER-10' },
    });
  });
});
