import type { Actor } from '../../lib/actor';
import type { Change } from '../../legacy/change';
import type { RedemptionModel } from '../../legacy/boss/loyalty-shop';
import type { SubscriptionModel, TopUpModel } from '../../legacy/boss/models';
import {
  redeemLoyaltyPoints,
  redemptionsOf,
  rewardsOnOffer,
  type LoyaltyShopDeps,
} from '../../subgraphs/billing/services/loyalty-shop';
import {
  TOP_UP_MAX_MINOR_UNITS,
  TOP_UP_MIN_MINOR_UNITS,
  topUpPrepaidBalance,
  type TopUpDeps,
} from '../../subgraphs/billing/services/top-up';

const manager: Actor = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S',
  grants: [],
};

/** A security log that records what it guarded and the outcome the service reported. */
function auditLog() {
  const events: { event: Record<string, unknown>; outcome: string }[] = [];
  return {
    events,
    guard: async <T>(event: Record<string, unknown>, work: () => Promise<T>, outcomeOf: (r: T) => string) => {
      const result = await work();
      events.push({ event, outcome: outcomeOf(result) });
      return result;
    },
  };
}

const redemption: RedemptionModel = {
  id: 'RDM-1',
  customerId: 'C-1',
  rewardId: 'RW-1',
  points: 300,
  balanceAfter: 700,
  voucherCode: 'ABC',
  at: '2026-11-30T00:00:00Z',
};

function shop(answer: Change<RedemptionModel>, actor: Actor = manager) {
  const audit = auditLog();
  const sent: Record<string, unknown>[] = [];
  const logged: [Record<string, unknown>, string][] = [];
  const deps = {
    actor,
    audit,
    logger: { info: (fields: Record<string, unknown>, line: string) => void logged.push([fields, line]) },
    loyaltyShop: {
      rewards: async () => [{ id: 'RW-1' }],
      // The loyalty system answers for the customers it is asked about only.
      redemptions: async (ids: readonly string[]) => (ids.includes('C-1') ? { 'C-1': [redemption] } : {}),
      redeem: async (input: Record<string, unknown>) => {
        sent.push(input);
        return answer;
      },
    },
  } as unknown as LoyaltyShopDeps;
  return { deps, audit, sent, logged };
}

describe('X4: redeeming loyalty points', () => {
  it('X4: sends the caller-scoped request id for the customer, records a successful PAYMENT event', async () => {
    const { deps, audit, sent, logged } = shop({ ok: true, value: redemption });
    expect(await redeemLoyaltyPoints(deps, { rewardId: 'RW-1', idempotencyKey: 'redeem-key-1' })).toEqual({
      kind: 'redeemed',
      redemption,
    });
    expect(logged).toEqual([
      [{ event: 'loyalty.redeemed', redemptionId: 'RDM-1', rewardId: 'RW-1' }, 'loyalty points redeemed'],
    ]);
    expect(sent).toEqual([{ requestId: 'C-1:U-1:redeem-key-1', customerId: 'C-1', rewardId: 'RW-1' }]);
    expect(audit.events).toEqual([
      {
        event: {
          kind: 'PAYMENT',
          customerId: 'C-1',
          actorId: 'U-1',
          target: 'RW-1',
          detail: { loyaltyRedemption: true },
        },
        outcome: 'SUCCESS',
      },
    ]);
  });

  it("X4: passes the shop's refusal on, recorded as a FAILURE; a reused key is a CONFLICT", async () => {
    const refused = shop({ ok: false, reason: 'Not enough points.' });
    expect(
      await redeemLoyaltyPoints(refused.deps, { rewardId: 'RW-1', idempotencyKey: 'redeem-key-1' }),
    ).toEqual({
      kind: 'refused',
      reason: 'Not enough points.',
    });
    expect(refused.audit.events[0].outcome).toBe('FAILURE');
    const reused = shop({ ok: false, reason: 'used', conflict: true });
    await expect(
      redeemLoyaltyPoints(reused.deps, { rewardId: 'RW-1', idempotencyKey: 'redeem-key-1' }),
    ).rejects.toMatchObject({
      message: 'This idempotencyKey was already used for a different redemption.',
      extensions: { code: 'CONFLICT' },
    });
    expect(refused.logged).toEqual([]);
  });

  it('X4: anonymous callers are refused before the shop is called; reads pass through', async () => {
    const { deps, sent } = shop({ ok: true, value: redemption }, { kind: 'anonymous' });
    await expect(
      redeemLoyaltyPoints(deps, { rewardId: 'RW-1', idempotencyKey: 'redeem-key-1' }),
    ).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(sent).toEqual([]);
    expect(await rewardsOnOffer(deps)).toEqual([{ id: 'RW-1' }]);
    expect(await redemptionsOf(deps, 'C-1')).toEqual([redemption]);
    expect(await redemptionsOf(deps, 'C-2')).toEqual([]);
  });
});

function topUps(
  sub: Partial<SubscriptionModel> | null,
  answer: Change<TopUpModel> = {
    ok: true,
    value: {
      id: 'T-1',
      serviceId: 'SVC-1',
      amount: 500,
      balance: { serviceId: 'SVC-1', at: '', buckets: [] },
    },
  },
) {
  const audit = auditLog();
  const sent: Record<string, unknown>[] = [];
  const cleared: string[] = [];
  const logged: [Record<string, unknown>, string][] = [];
  const deps = {
    actor: manager,
    audit,
    logger: { info: (fields: Record<string, unknown>, line: string) => void logged.push([fields, line]) },
    boss: {
      topUp: async (input: Record<string, unknown>) => {
        sent.push(input);
        return answer;
      },
    },
    loaders: {
      subscription: {
        load: async () => (sub ? ({ customerId: 'C-1', prepaid: true, ...sub } as SubscriptionModel) : null),
      },
      balance: { clear: (id: string) => cleared.push(id) },
    },
  } as unknown as TopUpDeps;
  return { deps, audit, sent, cleared, logged };
}

describe('B6: topping up a prepaid balance', () => {
  const input = (amountMinorUnits: number) => ({
    serviceId: 'SVC-1',
    amountMinorUnits,
    method: 'CARD' as const,
    idempotencyKey: 'top-up-key-1',
  });

  it('B6: tops up exactly the amount, once per caller-scoped key, and retires the balance read', async () => {
    const { deps, sent, cleared, audit, logged } = topUps({});
    expect(await topUpPrepaidBalance(deps, input(500))).toEqual({
      kind: 'toppedUp',
      topUp: {
        id: 'T-1',
        serviceId: 'SVC-1',
        amount: 500,
        balance: { serviceId: 'SVC-1', at: '', buckets: [] },
      },
    });
    expect(logged).toEqual([[{ event: 'top-up', topUpId: 'T-1', serviceId: 'SVC-1' }, 'prepaid top-up']]);
    expect(sent).toEqual([
      { requestId: 'C-1:U-1:top-up-key-1', serviceId: 'SVC-1', amount: 500, method: 'CARD' },
    ]);
    expect(cleared).toEqual(['SVC-1']);
    expect(audit.events).toEqual([
      {
        event: {
          kind: 'PAYMENT',
          customerId: 'C-1',
          actorId: 'U-1',
          target: 'SVC-1',
          detail: { amount: 500, topUp: true },
        },
        outcome: 'SUCCESS',
      },
    ]);
  });

  it('B6: the bounds are inclusive; outside them nothing is sent', async () => {
    for (const ok of [TOP_UP_MIN_MINOR_UNITS, TOP_UP_MAX_MINOR_UNITS])
      expect((await topUpPrepaidBalance(topUps({}).deps, input(ok))).kind).toBe('toppedUp');
    for (const bad of [TOP_UP_MIN_MINOR_UNITS - 1, TOP_UP_MAX_MINOR_UNITS + 1, 150.5]) {
      const { deps, sent } = topUps({});
      await expect(topUpPrepaidBalance(deps, input(bad))).rejects.toMatchObject({
        message: 'amountMinorUnits must be between 100 and 50000.',
        extensions: { code: 'BAD_USER_INPUT', field: 'amountMinorUnits' },
      });
      expect(sent).toEqual([]);
    }
  });

  it("B6: another customer's or an unknown service is NOT_FOUND; a postpaid one is refused; the OCS's refusals and conflicts pass on", async () => {
    await expect(topUpPrepaidBalance(topUps({ customerId: 'C-2' }).deps, input(500))).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(topUpPrepaidBalance(topUps(null).deps, input(500))).rejects.toMatchObject({
      message: 'Service SVC-1 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    const postpaid = topUps({ prepaid: false });
    expect(await topUpPrepaidBalance(postpaid.deps, input(500))).toEqual({
      kind: 'refused',
      reason: 'The service is not prepaid; its charges are billed.',
    });
    expect(postpaid.sent).toEqual([]);
    const refused = topUps({}, { ok: false, reason: 'No balance.' });
    expect(await topUpPrepaidBalance(refused.deps, input(500))).toEqual({
      kind: 'refused',
      reason: 'No balance.',
    });
    expect(refused.cleared).toEqual([]);
    expect(refused.audit.events[0].outcome).toBe('FAILURE');
    await expect(
      topUpPrepaidBalance(topUps({}, { ok: false, reason: 'x', conflict: true }).deps, input(500)),
    ).rejects.toMatchObject({
      message: 'This idempotencyKey was already used for a different top-up.',
      extensions: { code: 'CONFLICT' },
    });
  });
});
