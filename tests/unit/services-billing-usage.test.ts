import type { Actor } from '../../lib/actor';
import { encodeCursor } from '../../lib/pagination';
import type { SubscriptionModel, UsageSummaryModel } from '../../legacy/boss/models';
import {
  currentCharges,
  maskCounterpart,
  serviceUsageTotals,
  spendReport,
  usageRecords,
  usageTotals,
  type UsageDeps,
} from '../../subgraphs/billing/services/usage';

const manager: Actor = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S',
  grants: [],
};

/** A user whose only grant is billing.view over service S-1. */
const viewerOfS1: Actor = {
  ...manager,
  userId: 'U-2',
  role: 'AUTHORIZED_USER',
  grants: [
    { id: 'G-1', capabilities: ['billing.view'], scopeKind: 'SERVICES', scopeIds: ['S-1'], validUntil: null },
  ],
} as Actor;

const summary: UsageSummaryModel = {
  serviceId: 'S-1',
  records: 7,
  calls: 4,
  voiceSeconds: 125,
  sms: 3,
  dataKb: 1500,
  videoKb: 5120,
  charge: 1234,
};

const sub = (serviceId: string, customerId = 'C-1') =>
  ({
    serviceId,
    customerId,
    accountId: 'A-1',
    offeringId: 'O-1',
    prepaid: false,
    recurringFee: 1999,
  }) as SubscriptionModel;

/** Fakes of the BOSS calls and loaders; `calls` records what reached BOSS. */
function usage(
  options: {
    actor?: Actor;
    subs?: Record<string, SubscriptionModel | Error | null>;
    unbilled?: { periodStart: string; usageCharges: number; records: number } | null;
    summary?: UsageSummaryModel | null;
    items?: { total: number; items: string[] };
  } = {},
) {
  const calls: { kind: string; args: unknown[] }[] = [];
  const subs = options.subs ?? { 'S-1': sub('S-1'), 'S-2': sub('S-2') };
  const deps = {
    actor: options.actor ?? manager,
    boss: {
      usage: async (...args: unknown[]) => {
        calls.push({ kind: 'usage', args });
        return options.items ?? { total: 0, items: [] };
      },
      usageSummary: async (...args: unknown[]) => {
        calls.push({ kind: 'usageSummary', args });
        return (args[0] as string[]).map((serviceId, i) => ({
          ...summary,
          serviceId,
          charge: 100 * (i + 1),
          records: i + 1,
        }));
      },
    },
    loaders: {
      subscription: {
        load: async (id: string) => subs[id] ?? null,
        loadMany: async (ids: string[]) => ids.map((id) => subs[id] ?? null),
      },
      unbilled: {
        load: async () =>
          options.unbilled === undefined
            ? { periodStart: '2026-11-01', usageCharges: 250, records: 9 }
            : options.unbilled,
      },
      usageSummary: {
        load: async (key: unknown) => {
          calls.push({ kind: 'usageSummaryLoader', args: [key] });
          return options.summary === undefined ? summary : options.summary;
        },
      },
    },
  } as unknown as UsageDeps;
  return { deps, calls };
}

describe('B2: current charges (services/usage)', () => {
  it('B2: adds the recurring fee to the unbilled usage, as money', async () => {
    expect(await currentCharges(usage().deps, 'S-1')).toEqual({
      periodStart: '2026-11-01',
      usageCharges: { minorUnits: 250, currency: 'EUR', amount: '2.50' },
      recurringCharges: { minorUnits: 1999, currency: 'EUR', amount: '19.99' },
      total: { minorUnits: 2249, currency: 'EUR', amount: '22.49' },
      recordCount: 9,
    });
  });

  it('B2: a service without unbilled usage or without a subscription is NOT_FOUND', async () => {
    await expect(currentCharges(usage({ unbilled: null }).deps, 'S-1')).rejects.toMatchObject({
      message: 'Service S-1 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(currentCharges(usage({ subs: {} }).deps, 'S-1')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });
});

describe('B3: usage records and totals (services/usage)', () => {
  it('B3: asks BOSS for one page over the whole period and turns it into a connection', async () => {
    const { deps, calls } = usage({ items: { total: 5, items: ['r3', 'r4'] } });
    const page = await usageRecords(deps, 'S-1', '2026-11-01', '2026-11-30', {
      first: 2,
      after: encodeCursor(1),
    });
    expect(calls).toEqual([
      { kind: 'usage', args: [['S-1'], '2026-11-01T00:00:00.000Z', '2026-11-30T23:59:59.999Z', 2, 2] },
    ]);
    expect(page.totalCount).toBe(5);
    expect(page.edges).toEqual([
      { cursor: encodeCursor(2), node: 'r3' },
      { cursor: encodeCursor(3), node: 'r4' },
    ]);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('B3: pages hold at most 200 records; a bad period reaches no BOSS call', async () => {
    const ok = usage();
    await usageRecords(ok.deps, 'S-1', '2026-11-01', '2026-11-30', { first: 200 });
    expect(ok.calls[0].args[4]).toBe(200);
    const big = usage();
    await expect(
      usageRecords(big.deps, 'S-1', '2026-11-01', '2026-11-30', { first: 201 }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    await expect(usageRecords(big.deps, 'S-1', '2026-12-01', '2026-11-30', {})).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'from' },
    });
    expect(big.calls).toEqual([]);
  });

  it('B3: totals show minutes and megabytes to one decimal and the charge as money', async () => {
    const { deps, calls } = usage();
    const expected = {
      records: 7,
      calls: 4,
      voiceMinutes: 2.1, // 125 s
      sms: 3,
      dataMb: 1.5, // 1500 kB
      videoMb: 5, // 5120 kB
      charges: { minorUnits: 1234, currency: 'EUR', amount: '12.34' },
    };
    expect(await usageTotals(deps, 'S-1', '2026-11-01', '2026-11-30')).toEqual(expected);
    expect(calls).toEqual([
      {
        kind: 'usageSummaryLoader',
        args: [{ id: 'S-1', from: '2026-11-01T00:00:00.000Z', to: '2026-11-30T23:59:59.999Z' }],
      },
    ]);
    expect(await serviceUsageTotals(deps, 'S-1', '2026-11-01', '2026-11-30')).toEqual(expected);
  });

  it('B3: rounds each figure on its own (95 s, 1560 kB, 51 kB)', async () => {
    const { deps } = usage({ summary: { ...summary, voiceSeconds: 95, dataKb: 1560, videoKb: 51 } });
    expect(await usageTotals(deps, 'S-1', '2026-11-01', '2026-11-30')).toMatchObject({
      voiceMinutes: 1.6,
      dataMb: 1.5,
      videoMb: 0,
    });
  });

  it('B3: no totals are null; for a customer’s own service they are NOT_FOUND', async () => {
    const { deps } = usage({ summary: null });
    expect(await usageTotals(deps, 'S-1', '2026-11-01', '2026-11-30')).toBeNull();
    await expect(serviceUsageTotals(deps, 'S-1', '2026-11-01', '2026-11-30')).rejects.toMatchObject({
      message: 'Service S-1 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
  });
});

describe('B9: spend report (services/usage)', () => {
  it('B9: one BOSS call answers for all the services, each over the whole period', async () => {
    const { deps, calls } = usage();
    expect(await spendReport(deps, 'C-1', ['S-1', 'S-2'], '2026-11-01', '2026-11-30')).toEqual([
      {
        serviceId: 'S-1',
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-11-30T23:59:59.999Z',
        charge: 100,
        records: 1,
      },
      {
        serviceId: 'S-2',
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-11-30T23:59:59.999Z',
        charge: 200,
        records: 2,
      },
    ]);
    expect(calls).toEqual([
      {
        kind: 'usageSummary',
        args: [['S-1', 'S-2'], '2026-11-01T00:00:00.000Z', '2026-11-30T23:59:59.999Z'],
      },
    ]);
  });

  it('B9: 1 to 100 services; more or none is BAD_USER_INPUT before BOSS is asked', async () => {
    const many = Array.from({ length: 100 }, (_, i) => `S-${i}`);
    const subs = Object.fromEntries(many.map((id) => [id, sub(id)]));
    expect(await spendReport(usage({ subs }).deps, 'C-1', many, '2026-11-01', '2026-11-30')).toHaveLength(
      100,
    );
    for (const ids of [[], [...many, 'S-100']]) {
      const { deps, calls } = usage({ subs });
      await expect(spendReport(deps, 'C-1', ids, '2026-11-01', '2026-11-30')).rejects.toMatchObject({
        message: 'serviceIds must name 1 to 100 services.',
        extensions: { code: 'BAD_USER_INPUT', field: 'serviceIds' },
      });
      expect(calls).toEqual([]);
    }
  });

  it('B9/S3: another customer is FORBIDDEN; a service not viewable, unknown or failed to load is NOT_FOUND by its id', async () => {
    await expect(spendReport(usage().deps, 'C-2', ['S-1'], '2026-11-01', '2026-11-30')).rejects.toMatchObject(
      {
        extensions: { code: 'FORBIDDEN' },
      },
    );
    const viewer = usage({ actor: viewerOfS1 });
    expect(await spendReport(viewer.deps, 'C-1', ['S-1'], '2026-11-01', '2026-11-30')).toHaveLength(1);
    await expect(
      spendReport(viewer.deps, 'C-1', ['S-1', 'S-2'], '2026-11-01', '2026-11-30'),
    ).rejects.toMatchObject({
      message: 'Service S-2 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    // Seeing the service is not enough: the report needs billing.view over it.
    const settingsOnly = usage({
      actor: {
        ...viewerOfS1,
        grants: [
          {
            id: 'G-2',
            capabilities: ['billing.settings'],
            scopeKind: 'SERVICES',
            scopeIds: ['S-1'],
            validUntil: null,
          },
        ],
      } as Actor,
    });
    await expect(
      spendReport(settingsOnly.deps, 'C-1', ['S-1'], '2026-11-01', '2026-11-30'),
    ).rejects.toMatchObject({
      message: 'Service S-1 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(settingsOnly.calls).toEqual([]);
    const subs = { 'S-1': sub('S-1'), 'S-2': new Error('BOSS failed'), 'S-3': sub('S-3', 'C-2') };
    for (const id of ['S-2', 'S-3', 'S-4']) {
      const { deps, calls } = usage({ subs });
      await expect(spendReport(deps, 'C-1', ['S-1', id], '2026-11-01', '2026-11-30')).rejects.toMatchObject({
        message: `Service ${id} was not found.`,
        extensions: { code: 'NOT_FOUND' },
      });
      expect(calls).toEqual([]);
    }
  });
});

describe('S6: counterpart numbers (services/usage)', () => {
  it('S6: shows only the last three digits; no number stays null', () => {
    expect(maskCounterpart('0612345678')).toBe('*******678');
    expect(maskCounterpart(null)).toBeNull();
    expect(maskCounterpart('')).toBeNull();
  });
});
