import type { Actor } from '../../lib/actor';
import { encodeCursor } from '../../lib/pagination';
import type { BillingAccountModel, BillModel, SubscriptionModel } from '../../legacy/boss/models';
import { accountReference, billingSettings, outstanding } from '../../subgraphs/billing/services/accounts';
import { prepaidBalance, type BalanceDeps } from '../../subgraphs/billing/services/balances';
import {
  billReference,
  billsOfAccount,
  existingBill,
  lastBillCharges,
  usageComparison,
  viewableBill,
  type BillDeps,
} from '../../subgraphs/billing/services/bills';
import type { AccountDeps } from '../../subgraphs/billing/services/accounts';

const manager: Actor = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S',
  grants: [],
};

/** A user of C-1 whose one grant covers the account `accountId` with `capability`. */
const userWith = (capability: string, accountId: string): Actor =>
  ({
    ...manager,
    userId: 'U-2',
    role: 'AUTHORIZED_USER',
    grants: [
      {
        id: 'G-1',
        capabilities: [capability],
        scopeKind: 'ACCOUNT',
        scopeIds: [accountId],
        validUntil: null,
      },
    ],
  }) as Actor;

const account = (id: string, customerId = 'C-1'): BillingAccountModel => ({
  id,
  customerId,
  billingMode: 'POSTPAID',
  tariffPlanId: 'TP-STANDARD',
  eBillEnabled: false,
  eBillEmail: null,
  autoPay: false,
  outstanding: 4200,
});

const item = (serviceId: string, description: string, amount: number) => ({ serviceId, description, amount });

const bill = (id: string, accountId: string, items: ReturnType<typeof item>[] = []): BillModel =>
  ({ id, accountId, periodStart: '2026-10-01', periodEnd: '2026-10-31', items }) as BillModel;

const sub = (serviceId: string, prepaid = false) =>
  ({
    serviceId,
    customerId: 'C-1',
    accountId: 'A-1',
    offeringId: 'O',
    prepaid,
    recurringFee: 0,
  }) as SubscriptionModel;

/** Loader fakes over small maps; `asked` records every load by loader name. */
function reads(actor: Actor = manager) {
  const asked: string[] = [];
  const bills: Record<string, BillModel> = {
    'B-1': bill('B-1', 'A-1', [
      item('S-1', 'Usage charges', 300),
      item('S-1', 'Monthly fee', 1000),
      item('S-2', 'Monthly fee', 50),
    ]),
    'B-2': bill('B-2', 'A-2'),
    'B-9': bill('B-9', 'A-9'),
  };
  const accounts: Record<string, BillingAccountModel> = {
    'A-1': account('A-1'),
    'A-2': account('A-2'),
    'A-3': account('A-3', 'C-2'),
  };
  const subs: Record<string, SubscriptionModel> = {
    'S-1': sub('S-1'),
    'S-2': sub('S-2'),
    'S-P': sub('S-P', true),
  };
  const loader = <T>(name: string, data: Record<string, T>) => ({
    load: async (id: string) => {
      asked.push(`${name}:${id}`);
      return data[id] ?? null;
    },
  });
  const pageKeys: unknown[] = [];
  const loaders = {
    bill: loader('bill', bills),
    account: loader('account', accounts),
    subscription: loader('subscription', subs),
    latestBill: loader('latestBill', { 'A-1': bills['B-1'] }),
    balance: loader('balance', { 'S-P': { at: '2026-11-30T10:00:00Z', buckets: [{ kind: 'DATA' }] } }),
    billsPage: {
      load: async (key: unknown) => {
        pageKeys.push(key);
        return { total: 4, items: ['b2', 'b3'] };
      },
    },
  };
  return { deps: { actor, loaders } as unknown as BillDeps & BalanceDeps & AccountDeps, asked, pageKeys };
}

describe('B1: bills (services/bills)', () => {
  it('B1: a bill of an account the actor may view is returned', async () => {
    expect((await viewableBill(reads().deps, 'B-1'))?.id).toBe('B-1');
    expect((await viewableBill(reads(userWith('billing.view', 'A-1')).deps, 'B-1'))?.id).toBe('B-1');
  });

  it('B1/S3: unknown bills, bills of accounts without billing.view, and unknown accounts are NOT_FOUND', async () => {
    const unknown = reads();
    await expect(viewableBill(unknown.deps, 'B-0')).rejects.toMatchObject({
      message: 'Bill B-0 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(unknown.asked).toEqual(['bill:B-0']);
    for (const actor of [userWith('billing.view', 'A-2'), userWith('billing.settings', 'A-1')])
      await expect(viewableBill(reads(actor).deps, 'B-1')).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
    await expect(viewableBill(reads().deps, 'B-9')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    const anonymous = reads({ kind: 'anonymous' });
    await expect(viewableBill(anonymous.deps, 'B-1')).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(anonymous.asked).toEqual([]);
  });

  it('B1: references need the own customer’s bill; an existing bill is read as is', async () => {
    expect((await billReference(reads().deps, 'B-1')).id).toBe('B-1');
    await expect(billReference(reads().deps, 'B-0')).rejects.toMatchObject({
      message: 'Bill B-0 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(billReference(reads().deps, 'B-9')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await existingBill(reads().deps, 'B-9')).id).toBe('B-9');
    await expect(existingBill(reads().deps, 'B-0')).rejects.toMatchObject({
      message: 'Bill B-0 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('B1: pages of an account’s bills hold at most 36', async () => {
    const { deps, pageKeys } = reads();
    const page = await billsOfAccount(deps, 'A-1', { first: 36, after: encodeCursor(0) });
    expect(pageKeys).toEqual([{ id: 'A-1', offset: 1, limit: 36 }]);
    expect(page.edges.map((e) => e.node)).toEqual(['b2', 'b3']);
    expect(page.totalCount).toBe(4);
    await expect(billsOfAccount(deps, 'A-1', { first: 37 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it('B1: the latest bill charged a service the sum of its own lines; prepaid, unknown or unbilled services have none', async () => {
    const { deps, asked } = reads();
    const charges = await lastBillCharges(deps, 'S-1');
    expect(charges).toEqual({ bill: expect.objectContaining({ id: 'B-1' }), amount: 1300 });
    expect(asked).toEqual(['subscription:S-1', 'latestBill:A-1']);
    expect((await lastBillCharges(deps, 'S-2'))?.amount).toBe(50);
    const prepaid = reads();
    expect(await lastBillCharges(prepaid.deps, 'S-P')).toBeNull();
    expect(prepaid.asked).toEqual(['subscription:S-P']);
    expect(await lastBillCharges(reads().deps, 'S-0')).toBeNull();
    const unbilled = reads();
    unbilled.deps.loaders.latestBill.load = async () => null;
    expect(await lastBillCharges(unbilled.deps, 'S-1')).toBeNull();
  });
});

describe('B4: billed against recorded usage (services/bills)', () => {
  it('B4: per service on the bill, only usage lines count as billed, against what BOSS recorded over the period', async () => {
    const asked: unknown[][] = [];
    const boss = {
      usageSummary: async (...args: unknown[]) => {
        asked.push(args);
        return [{ serviceId: 'S-1', charge: 280, records: 12 }];
      },
    };
    const b = reads();
    const theBill = (await existingBill(b.deps, 'B-1')) as BillModel;
    expect(await usageComparison({ boss } as never, theBill)).toEqual([
      { serviceId: 'S-1', billed: 300, recorded: 280, records: 12 },
      { serviceId: 'S-2', billed: 0, recorded: 0, records: 0 },
    ]);
    expect(asked).toEqual([[['S-1', 'S-2'], '2026-10-01', '2026-10-31']]);
    expect(await usageComparison({ boss } as never, bill('B-0', 'A-1'))).toEqual([]);
    expect(asked).toHaveLength(1);
  });
});

describe('B7: prepaid balance (services/balances)', () => {
  it('B7: a prepaid service shows the OCS buckets and when they were read', async () => {
    expect(await prepaidBalance(reads().deps, 'S-P')).toEqual({
      asOf: '2026-11-30T10:00:00Z',
      buckets: [{ kind: 'DATA' }],
    });
  });

  it('B7: postpaid and unknown services have no balance and the OCS is not asked; no OCS answer is null', async () => {
    const postpaid = reads();
    expect(await prepaidBalance(postpaid.deps, 'S-1')).toBeNull();
    expect(await prepaidBalance(postpaid.deps, 'S-0')).toBeNull();
    expect(postpaid.asked).toEqual(['subscription:S-1', 'subscription:S-0']);
    const silent = reads();
    silent.deps.loaders.balance.load = async () => null;
    expect(await prepaidBalance(silent.deps, 'S-P')).toBeNull();
  });
});

describe('B5/B8: accounts (services/accounts)', () => {
  it('B5: a reference needs the own customer’s account; an unknown one is NOT_FOUND', async () => {
    expect(await accountReference(reads().deps, 'A-1')).toEqual({ id: 'A-1' });
    await expect(accountReference(reads().deps, 'A-3')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(accountReference(reads().deps, 'A-0')).rejects.toMatchObject({
      message: 'Account A-0 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('B5/B8: settings are the account as BOSS holds it; what is outstanding defaults to nothing', async () => {
    expect(await billingSettings(reads().deps, 'A-1')).toEqual(account('A-1'));
    await expect(billingSettings(reads().deps, 'A-0')).rejects.toMatchObject({
      message: 'Account A-0 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(await outstanding(reads().deps, 'A-1')).toBe(4200);
    expect(await outstanding(reads().deps, 'A-0')).toBe(0);
  });
});
