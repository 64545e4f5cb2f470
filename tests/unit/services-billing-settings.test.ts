import type { Actor } from '../../lib/actor';
import type { Change } from '../../legacy/change';
import type { BillingAccountModel } from '../../legacy/boss/models';
import {
  changeBillingMode,
  updateEBillSettings,
  updatePaymentSettings,
  type SettingsDeps,
} from '../../subgraphs/billing/services/billing-settings';

const manager: Actor = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S',
  grants: [],
};

const stored = (customerId = 'C-1'): BillingAccountModel => ({
  id: 'A-1',
  customerId,
  billingMode: 'POSTPAID',
  tariffPlanId: 'TP-STANDARD',
  eBillEnabled: false,
  eBillEmail: null,
  autoPay: false,
  outstanding: 0,
});

const plans = [
  { id: 'TP-STANDARD', billingMode: 'POSTPAID' },
  { id: 'TP-BUSINESSPLUSPREMIUM', billingMode: 'POSTPAID' },
  { id: 'TP-ABC', billingMode: 'POSTPAID' },
  { id: 'TP-PAYGO', billingMode: 'PREPAID' },
];

/**
 * BOSS holds account A-1 (of `owner`); the loader caches like a DataLoader, so the answer shows
 * BOSS's stored account only when the service clears the read first. `stores` is what BOSS
 * keeps of a patch (it may differ from what was asked for).
 */
function settings(
  options: {
    actor?: Actor;
    owner?: string;
    answer?: Change<unknown>;
    stores?: Partial<BillingAccountModel>;
  } = {},
) {
  let bossAccount: BillingAccountModel | null = stored(options.owner);
  const cache = new Map<string, BillingAccountModel | null>();
  const patches: unknown[] = [];
  const audit: { event: Record<string, unknown>; outcome: string }[] = [];
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
    boss: {
      updateAccount: async (id: string, patch: Partial<BillingAccountModel>) => {
        patches.push([id, patch]);
        const answer = options.answer ?? { ok: true, value: null };
        if (answer.ok && bossAccount) bossAccount = { ...bossAccount, ...patch, ...options.stores };
        return answer;
      },
    },
    selfCare: { tariffPlans: async () => plans },
    loaders: {
      account: {
        load: async (id: string) => {
          if (!cache.has(id)) cache.set(id, id === 'A-1' ? bossAccount : null);
          return cache.get(id) ?? null;
        },
        clear: (id: string) => cache.delete(id),
      },
    },
  } as unknown as SettingsDeps;
  return { deps, patches, audit, forget: () => (bossAccount = null) };
}

describe('B5: changing the billing mode (services/billing-settings)', () => {
  it('B5: sends the mode and plan, records the settings event, and answers with what BOSS stored', async () => {
    const { deps, patches, audit } = settings({ stores: { tariffPlanId: 'TP-STANDARD' } });
    expect(
      await changeBillingMode(deps, { accountId: 'A-1', billingMode: 'POSTPAID', tariffPlanId: 'TP-ABC' }),
    ).toEqual({ kind: 'changed', settings: { ...stored(), tariffPlanId: 'TP-STANDARD' } });
    expect(patches).toEqual([['A-1', { billingMode: 'POSTPAID', tariffPlanId: 'TP-ABC' }]]);
    expect(audit).toEqual([
      {
        event: { kind: 'BILLING_SETTINGS_CHANGE', customerId: 'C-1', actorId: 'U-1', target: 'A-1' },
        outcome: 'SUCCESS',
      },
    ]);
  });

  it('B5: without a plan only the mode is sent', async () => {
    const { deps, patches } = settings();
    const outcome = await changeBillingMode(deps, { accountId: 'A-1', billingMode: 'PREPAID' });
    expect(patches).toEqual([['A-1', { billingMode: 'PREPAID' }]]);
    expect(outcome).toMatchObject({ kind: 'changed', settings: { billingMode: 'PREPAID' } });
  });

  it('B5: a plan id must look like TP- and 3 to 20 capitals', async () => {
    for (const ok of ['TP-ABC', 'TP-BUSINESSPLUSPREMIUM'])
      expect(
        (
          await changeBillingMode(settings().deps, {
            accountId: 'A-1',
            billingMode: 'POSTPAID',
            tariffPlanId: ok,
          })
        ).kind,
      ).toBe('changed');
    for (const bad of ['TP-AB', 'TP-ABCDEFGHIJKLMNOPQRSTU', 'xTP-STANDARD', 'TP-STANDARDx', 'TP-standard']) {
      const { deps, patches } = settings();
      await expect(
        changeBillingMode(deps, { accountId: 'A-1', billingMode: 'POSTPAID', tariffPlanId: bad }),
      ).rejects.toMatchObject({
        message: 'tariffPlanId must look like TP-STANDARD.',
        extensions: { code: 'BAD_USER_INPUT', field: 'tariffPlanId' },
      });
      expect(patches).toEqual([]);
    }
  });

  it('B5: a plan BOSS does not offer with that mode is refused, naming the plans it does offer', async () => {
    const { deps, patches } = settings();
    await expect(
      changeBillingMode(deps, { accountId: 'A-1', billingMode: 'PREPAID', tariffPlanId: 'TP-STANDARD' }),
    ).rejects.toMatchObject({
      message: 'tariffPlanId must be one of the PREPAID plans: TP-PAYGO.',
      extensions: { code: 'BAD_USER_INPUT', field: 'tariffPlanId' },
    });
    expect(patches).toEqual([]);
  });

  it('B5/S3: another customer’s or an unknown account is NOT_FOUND; anonymous callers are UNAUTHENTICATED', async () => {
    for (const [owner, id] of [
      ['C-2', 'A-1'],
      ['C-1', 'A-0'],
    ]) {
      const { deps, patches } = settings({ owner });
      await expect(changeBillingMode(deps, { accountId: id, billingMode: 'PREPAID' })).rejects.toMatchObject({
        message: `Account ${id} was not found.`,
        extensions: { code: 'NOT_FOUND' },
      });
      expect(patches).toEqual([]);
    }
    await expect(
      changeBillingMode(settings({ actor: { kind: 'anonymous' } }).deps, {
        accountId: 'A-1',
        billingMode: 'PREPAID',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('B5: a refusal (a conflicting change included) is rejected with its reason, recorded as a FAILURE', async () => {
    const { deps, audit } = settings({
      answer: { ok: false, reason: 'Conflicting change.', conflict: true },
    });
    expect(await changeBillingMode(deps, { accountId: 'A-1', billingMode: 'PREPAID' })).toEqual({
      kind: 'rejected',
      reason: 'Conflicting change.',
    });
    expect(audit[0].outcome).toBe('FAILURE');
  });

  it('B5: an account gone by the time it is read back is NOT_FOUND', async () => {
    const s = settings();
    s.deps.boss.updateAccount = async () => {
      s.forget();
      return { ok: true, value: null } as never;
    };
    await expect(
      changeBillingMode(s.deps, { accountId: 'A-1', billingMode: 'PREPAID' }),
    ).rejects.toMatchObject({
      message: 'Account A-1 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
  });
});

describe('B8: e-mail bills and automatic payment (services/billing-settings)', () => {
  it('B8: an address given is checked and replaces the one on the account', async () => {
    const { deps, patches } = settings();
    const outcome = await updateEBillSettings(deps, {
      accountId: 'A-1',
      enabled: true,
      email: 'Anna@Example.com',
    });
    expect(patches).toEqual([['A-1', { eBillEnabled: true, eBillEmail: 'Anna@Example.com' }]]);
    expect(outcome).toMatchObject({
      kind: 'changed',
      settings: { eBillEnabled: true, eBillEmail: 'Anna@Example.com' },
    });
  });

  it('B8: without an address only the switch is sent; a malformed one is BAD_USER_INPUT on email', async () => {
    for (const email of [null, undefined]) {
      const { deps, patches } = settings();
      await updateEBillSettings(deps, { accountId: 'A-1', enabled: false, email });
      expect(patches).toEqual([['A-1', { eBillEnabled: false }]]);
    }
    const { deps, patches } = settings();
    await expect(
      updateEBillSettings(deps, { accountId: 'A-1', enabled: true, email: 'not-an-address' }),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'email' },
    });
    expect(patches).toEqual([]);
    await expect(
      updateEBillSettings(settings({ owner: 'C-2' }).deps, { accountId: 'A-1', enabled: true }),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('B8: automatic payment sends only its switch, on the own account only', async () => {
    const { deps, patches, audit } = settings();
    expect(await updatePaymentSettings(deps, { accountId: 'A-1', autoPay: true })).toMatchObject({
      kind: 'changed',
      settings: { autoPay: true },
    });
    expect(patches).toEqual([['A-1', { autoPay: true }]]);
    expect(audit[0].event).toMatchObject({ kind: 'BILLING_SETTINGS_CHANGE', target: 'A-1' });
    const foreign = settings({ owner: 'C-2' });
    await expect(
      updatePaymentSettings(foreign.deps, { accountId: 'A-1', autoPay: true }),
    ).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    expect(foreign.patches).toEqual([]);
  });
});
