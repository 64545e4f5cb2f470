import { createHash } from 'node:crypto';
import { Simulator, badRequest, ids, parseJson } from '../common/sim-server';
import { REWARDS, type Reward } from '../seed/rewards';
import type { SeedWorld } from '../seed/types';

/** One spending of points in the shop, as the loyalty system keeps it. */
export interface Redemption {
  id: string;
  requestId: string;
  customerId: string;
  rewardId: string;
  points: number;
  balanceAfter: number;
  /** What the customer shows or types to get the reward (a content code, a voucher number). */
  voucherCode: string;
  at: string;
}

/**
 * The loyalty shop (X4): the rewards on offer and redemptions, which spend a customer's points
 * exactly once per request id (same id and body: the same redemption again; same id, another
 * body: 409), refuse when the balance or the stock is short (422 with a reason), and never leave
 * points spent without a redemption or the other way round (both change in one step here).
 */
export function registerLoyaltyShop(sim: Simulator, world: SeedWorld): { redemptions: Redemption[] } {
  const rewards = new Map<string, Reward>(REWARDS.map((r) => [r.id, { ...r }]));
  const redemptions: Redemption[] = [];
  const byRequest = new Map<string, Redemption>();
  const byCustomer = new Map<string, Redemption[]>();

  sim.route('GET', '/loyalty/rewards', 'listRewards', (req) => {
    const wanted = ids(req.query);
    const items = wanted.length ? wanted.flatMap((id) => rewards.get(id) ?? []) : [...rewards.values()];
    return { status: 200, body: { items } };
  });
  sim.route('GET', '/loyalty/redemptions', 'listRedemptions', (req) => ({
    status: 200,
    body: {
      byCustomer: Object.fromEntries(
        ids(req.query, 'customerIds').map((id) => [id, [...(byCustomer.get(id) ?? [])].reverse()]),
      ),
    },
  }));
  sim.route('POST', '/loyalty/redemptions', 'redeemPoints', (req) => {
    const b = parseJson(req.body);
    if (!b || typeof b.requestId !== 'string' || !b.requestId) return badRequest('requestId is required');
    if (typeof b.customerId !== 'string' || typeof b.rewardId !== 'string')
      return badRequest('customerId and rewardId are required');
    const previous = byRequest.get(b.requestId);
    if (previous) {
      if (previous.customerId !== b.customerId || previous.rewardId !== b.rewardId)
        return {
          status: 409,
          body: { error: 'conflict', message: 'requestId was used for another redemption' },
        };
      return { status: 200, body: previous };
    }
    const reward = rewards.get(b.rewardId);
    if (!reward) return { status: 422, body: { error: 'rejected', reason: 'The shop has no such reward.' } };
    const balance = world.loyalty.get(b.customerId);
    if (balance === undefined)
      return { status: 422, body: { error: 'rejected', reason: 'The customer has no loyalty membership.' } };
    if (balance < reward.pointsPrice)
      return {
        status: 422,
        body: {
          error: 'rejected',
          reason: `Not enough points: the reward costs ${reward.pointsPrice} and the balance is ${balance}.`,
        },
      };
    if (reward.stock !== null && reward.stock <= 0)
      return { status: 422, body: { error: 'rejected', reason: 'The reward is out of stock.' } };
    if (reward.stock !== null) reward.stock -= 1;
    world.loyalty.set(b.customerId, balance - reward.pointsPrice);
    const redemption: Redemption = {
      id: `RDM-${String(redemptions.length + 1).padStart(6, '0')}`,
      requestId: b.requestId,
      customerId: b.customerId,
      rewardId: reward.id,
      points: reward.pointsPrice,
      balanceAfter: balance - reward.pointsPrice,
      voucherCode: createHash('sha256').update(b.requestId).digest('hex').slice(0, 12).toUpperCase(),
      at: new Date().toISOString(),
    };
    redemptions.push(redemption);
    byRequest.set(redemption.requestId, redemption);
    byCustomer.set(redemption.customerId, [...(byCustomer.get(redemption.customerId) ?? []), redemption]);
    return { status: 201, body: redemption };
  });
  return { redemptions };
}
