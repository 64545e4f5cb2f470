import type { Actor } from '../../lib/actor';
import type { Change } from '../../legacy/change';
import type { BillModel, SubscriptionModel } from '../../legacy/boss/models';
import type { SpendLimitsModel } from '../../legacy/boss/self-care';
import {
  billDocument,
  checkTariffPlan,
  setSpendLimits,
  spendLimitsOf,
  tariffPlans,
  type SelfCareDeps,
} from '../../subgraphs/billing/services/self-care';

const manager: Actor = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S',
  grants: [],
};

/** A user of C-1 whose one grant gives `capability` over service S-1. */
const userWith = (capability: string): Actor =>
  ({
    ...manager,
    userId: 'U-2',
    role: 'AUTHORIZED_USER',
    grants: [
      { id: 'G-1', capabilities: [capability], scopeKind: 'SERVICES', scopeIds: ['S-1'], validUntil: null },
    ],
  }) as Actor;

const plans = [
  { id: 'TP-A', billingMode: 'POSTPAID' },
  { id: 'TP-B', billingMode: 'PREPAID' },
  { id: 'TP-C', billingMode: 'POSTPAID' },
];

const limits: SpendLimitsModel = {
  serviceId: 'S-1',
  alertMinorUnits: 5000,
  capMinorUnits: 10000,
  chargedMinorUnits: 1200,
  barred: false,
};

/** BOSS self-care fakes; services S-1 (C-1) and S-9 (C-2) exist. */
function selfCare(options: { actor?: Actor; answer?: Change<SpendLimitsModel> } = {}) {
  const set: unknown[][] = [];
  const asked: unknown[] = [];
  const logged: unknown[][] = [];
  const audit: { event: Record<string, unknown>; outcome: string }[] = [];
  const subs: Record<string, SubscriptionModel> = {
    'S-1': { serviceId: 'S-1', customerId: 'C-1', accountId: 'A-1' } as SubscriptionModel,
    'S-9': { serviceId: 'S-9', customerId: 'C-2', accountId: 'A-9' } as SubscriptionModel,
  };
  const deps = {
    actor: options.actor ?? manager,
    audit: {
      guard: async <T>(
        event: Record<string, unknown>,
        work: () => Promise<T>,
        outcomeOf: (r: T) => string,
      ) => {
        const result = await work();
        audit.push({ event, outcome: outcomeOf(result) });
        return result;
      },
    },
    logger: { info: (...args: unknown[]) => logged.push(args) },
    selfCare: {
      billDocument: async (id: string) => ({ billId: id, filename: `${id}.csv` }),
      tariffPlans: async () => plans,
      spendLimits: async (ids: string[]) => {
        asked.push(ids);
        return ids[0] === 'S-1' ? [limits] : [];
      },
      setSpendLimits: async (serviceId: string, values: Record<string, unknown>) => {
        set.push([serviceId, values]);
        return options.answer ?? { ok: true, value: { ...limits, ...values } };
      },
    },
    loaders: { subscription: { load: async (id: string) => subs[id] ?? null } },
  } as unknown as SelfCareDeps;
  return { deps, set, asked, logged, audit };
}

describe('B1/B5: bill documents and tariff plans (services/self-care)', () => {
  it('B1: the document is read by the bill’s id', async () => {
    expect(await billDocument(selfCare().deps, { id: 'B-7' } as BillModel)).toEqual({
      billId: 'B-7',
      filename: 'B-7.csv',
    });
  });

  it('B5: plans of one mode when asked, all of them otherwise', async () => {
    const { deps } = selfCare();
    expect((await tariffPlans(deps, 'POSTPAID')).map((p) => p.id)).toEqual(['TP-A', 'TP-C']);
    expect((await tariffPlans(deps, 'PREPAID')).map((p) => p.id)).toEqual(['TP-B']);
    expect((await tariffPlans(deps, null)).map((p) => p.id)).toEqual(['TP-A', 'TP-B', 'TP-C']);
    expect((await tariffPlans(deps)).map((p) => p.id)).toEqual(['TP-A', 'TP-B', 'TP-C']);
  });

  it('B5: a plan must be offered with the mode chosen; the refusal names the plans that are', async () => {
    const { deps } = selfCare();
    await expect(checkTariffPlan(deps, 'POSTPAID', 'TP-C')).resolves.toBeUndefined();
    await expect(checkTariffPlan(deps, 'POSTPAID', 'TP-B')).rejects.toMatchObject({
      message: 'tariffPlanId must be one of the POSTPAID plans: TP-A, TP-C.',
      extensions: { code: 'BAD_USER_INPUT', field: 'tariffPlanId' },
    });
  });
});

describe('Spend limits (services/self-care)', () => {
  it('reads the service’s limits, or null when BOSS has none', async () => {
    const { deps, asked } = selfCare();
    expect(await spendLimitsOf(deps, 'S-1')).toEqual(limits);
    expect(await spendLimitsOf(deps, 'S-2')).toBeNull();
    expect(asked).toEqual([['S-1'], ['S-2']]);
  });

  it('S4: sets alert and cap, recorded as a settings change by the user who set them', async () => {
    const { deps, set, audit, logged } = selfCare();
    const outcome = await setSpendLimits(deps, {
      serviceId: 'S-1',
      alertMinorUnits: 1,
      capMinorUnits: 100_000_000,
    });
    expect(outcome).toEqual({
      kind: 'set',
      limits: expect.objectContaining({ alertMinorUnits: 1, capMinorUnits: 100_000_000 }),
    });
    expect(set).toEqual([['S-1', { alertMinorUnits: 1, capMinorUnits: 100_000_000, setBy: 'U-1' }]]);
    expect(audit).toEqual([
      {
        event: { kind: 'BILLING_SETTINGS_CHANGE', customerId: 'C-1', actorId: 'U-1', target: 'S-1' },
        outcome: 'SUCCESS',
      },
    ]);
    expect(logged).toEqual([[{ event: 'spend-limits.set', serviceId: 'S-1' }, 'spend limits set']]);
  });

  it('absent limits are cleared (null); staff acting for the customer set them as nobody of the customer’s', async () => {
    const staff = { ...manager, userId: 'staff-7', assistedBy: { reason: 'call' } } as Actor;
    const { deps, set } = selfCare({ actor: staff });
    await setSpendLimits(deps, { serviceId: 'S-1', alertMinorUnits: null });
    expect(set).toEqual([['S-1', { alertMinorUnits: null, capMinorUnits: null, setBy: null }]]);
  });

  it('limits outside 1..100000000 or not whole are BAD_USER_INPUT on their field, before the service is looked at', async () => {
    for (const [field, value] of [
      ['alertMinorUnits', 0],
      ['alertMinorUnits', 100_000_001],
      ['capMinorUnits', 2.5],
      ['capMinorUnits', -1],
    ] as const) {
      const { deps, set } = selfCare();
      await expect(setSpendLimits(deps, { serviceId: 'S-0', [field]: value })).rejects.toMatchObject({
        message: `${field} must be between 1 and 100000000 minor units, or null.`,
        extensions: { code: 'BAD_USER_INPUT', field },
      });
      expect(set).toEqual([]);
    }
  });

  it('S3: needs billing.settings over the service; else, for another customer’s or an unknown service, NOT_FOUND', async () => {
    expect(
      (await setSpendLimits(selfCare({ actor: userWith('billing.settings') }).deps, { serviceId: 'S-1' }))
        .kind,
    ).toBe('set');
    for (const [actor, serviceId] of [
      [userWith('billing.view'), 'S-1'],
      [manager, 'S-9'],
      [manager, 'S-0'],
    ] as const) {
      const { deps, set } = selfCare({ actor });
      await expect(setSpendLimits(deps, { serviceId })).rejects.toMatchObject({
        message: `Service ${serviceId} was not found.`,
        extensions: { code: 'NOT_FOUND' },
      });
      expect(set).toEqual([]);
    }
    await expect(
      setSpendLimits(selfCare({ actor: { kind: 'anonymous' } }).deps, {
        serviceId: 'S-1',
        alertMinorUnits: 0,
      }),
    ).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('a refusal passes its reason on as a FAILURE and logs nothing', async () => {
    const { deps, audit, logged } = selfCare({
      answer: { ok: false, reason: 'Cap below this month’s charges.' },
    });
    expect(await setSpendLimits(deps, { serviceId: 'S-1', capMinorUnits: 100 })).toEqual({
      kind: 'refused',
      reason: 'Cap below this month’s charges.',
    });
    expect(audit[0].outcome).toBe('FAILURE');
    expect(logged).toEqual([]);
  });
});
