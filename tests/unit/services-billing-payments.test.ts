import type { Actor } from '../../lib/actor';
import type { Change } from '../../legacy/change';
import type { BillingAccountModel, BillModel, PaymentModel } from '../../legacy/boss/models';
import { payBill, type PaymentDeps } from '../../subgraphs/billing/services/payments';

const manager: Actor = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S',
  grants: [],
};

const accepted: PaymentModel = {
  id: 'P-1',
  billId: 'B-1',
  amount: 500,
  method: 'CARD',
  status: 'ACCEPTED',
  declineReason: null,
  at: '2026-11-30T00:00:00Z',
};

/** A bill B-1 on account A-1 of `owner` (null: BOSS knows no such bill). */
function payments(
  answer: Change<PaymentModel> = { ok: true, value: accepted },
  options: { actor?: Actor; owner?: string | null } = {},
) {
  const owner = options.owner === undefined ? 'C-1' : options.owner;
  const audit: { event: Record<string, unknown>; outcome: string }[] = [];
  const sent: Record<string, unknown>[] = [];
  const logged: unknown[][] = [];
  const cleared: string[] = [];
  const accountsAsked: string[] = [];
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
    boss: {
      pay: async (input: Record<string, unknown>) => {
        sent.push(input);
        return answer;
      },
    },
    loaders: {
      bill: {
        load: async (id: string) => (owner === null ? null : ({ id, accountId: 'A-1' } as BillModel)),
        clear: (id: string) => cleared.push(id),
      },
      account: {
        load: async (id: string) => {
          accountsAsked.push(id);
          return { id, customerId: owner } as BillingAccountModel;
        },
      },
    },
  } as unknown as PaymentDeps;
  return { deps, audit, sent, logged, cleared, accountsAsked };
}

const input = (amountMinorUnits = 500) => ({
  billId: 'B-1',
  amountMinorUnits,
  method: 'CARD' as const,
  idempotencyKey: 'pay-key-0001',
});

describe('B6: paying a bill (services/payments)', () => {
  it('B6: pays exactly the amount under the caller-scoped key, records the PAYMENT event and retires the bill read', async () => {
    const { deps, audit, sent, logged, cleared, accountsAsked } = payments();
    expect(await payBill(deps, input())).toEqual({ kind: 'paid', payment: accepted });
    expect(accountsAsked).toEqual(['A-1']);
    expect(sent).toEqual([
      { idempotencyKey: 'C-1:U-1:pay-key-0001', billId: 'B-1', amount: 500, method: 'CARD', paidBy: 'U-1' },
    ]);
    expect(audit).toEqual([
      {
        event: { kind: 'PAYMENT', customerId: 'C-1', actorId: 'U-1', target: 'B-1', detail: { amount: 500 } },
        outcome: 'SUCCESS',
      },
    ]);
    expect(logged).toEqual([
      [{ event: 'payment', paymentId: 'P-1', billId: 'B-1', status: 'ACCEPTED' }, 'payment processed'],
    ]);
    expect(cleared).toEqual(['B-1']);
  });

  it('B6/R5: staff acting for the customer pay with nobody of the customer as payer', async () => {
    const staff: Actor = { ...manager, userId: 'staff-7', assistedBy: { reason: 'phone call' } } as Actor;
    const { deps, sent } = payments(undefined, { actor: staff });
    await payBill(deps, input());
    expect(sent).toEqual([
      {
        idempotencyKey: 'C-1:staff-7:pay-key-0001',
        billId: 'B-1',
        amount: 500,
        method: 'CARD',
        paidBy: undefined,
      },
    ]);
  });

  it('B6: the amount bounds are 1 and 100000000 inclusive; outside them nothing is sent', async () => {
    for (const ok of [1, 100_000_000]) expect((await payBill(payments().deps, input(ok))).kind).toBe('paid');
    for (const bad of [0, -5, 100_000_001, 12.5]) {
      const { deps, sent, audit } = payments();
      const refusal = payBill(deps, input(bad));
      await expect(refusal).rejects.toMatchObject({
        message: 'amountMinorUnits must be between 1 and 100000000.',
        extensions: { code: 'BAD_USER_INPUT', field: 'amountMinorUnits' },
      });
      expect(sent).toEqual([]);
      expect(audit).toEqual([]);
    }
  });

  it('B6/S3: an unknown bill and another customer’s bill are both NOT_FOUND; anonymous callers are UNAUTHENTICATED', async () => {
    const unknown = payments(undefined, { owner: null });
    await expect(payBill(unknown.deps, input())).rejects.toMatchObject({
      message: 'Bill B-1 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(unknown.accountsAsked).toEqual([]);
    const foreign = payments(undefined, { owner: 'C-2' });
    await expect(payBill(foreign.deps, input())).rejects.toMatchObject({
      message: 'Bill B-1 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(foreign.sent).toEqual([]);
    const anonymous = payments(undefined, { actor: { kind: 'anonymous' } });
    await expect(payBill(anonymous.deps, input())).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(anonymous.sent).toEqual([]);
  });

  it('B6: a payment BOSS declines is declined with its reason (or "Declined"), a FAILURE, and leaves the bill read alone', async () => {
    const declined = payments({
      ok: true,
      value: { ...accepted, status: 'DECLINED', declineReason: 'Card expired' },
    });
    expect(await payBill(declined.deps, input())).toEqual({ kind: 'declined', reason: 'Card expired' });
    expect(declined.audit[0].outcome).toBe('FAILURE');
    expect(declined.cleared).toEqual([]);
    expect(declined.logged).toEqual([
      [{ event: 'payment', paymentId: 'P-1', billId: 'B-1', status: 'DECLINED' }, 'payment processed'],
    ]);
    const silent = payments({ ok: true, value: { ...accepted, status: 'DECLINED' } });
    expect(await payBill(silent.deps, input())).toEqual({ kind: 'declined', reason: 'Declined' });
  });

  it('B6: a refusal passes its reason on as a FAILURE; a reused key for another payment is a CONFLICT', async () => {
    const refused = payments({ ok: false, reason: 'Bill already settled.' });
    expect(await payBill(refused.deps, input())).toEqual({
      kind: 'declined',
      reason: 'Bill already settled.',
    });
    expect(refused.audit[0].outcome).toBe('FAILURE');
    expect(refused.cleared).toEqual([]);
    expect(refused.logged).toEqual([]);
    const reused = payments({ ok: false, reason: 'used', conflict: true });
    await expect(payBill(reused.deps, input())).rejects.toMatchObject({
      message: 'This idempotencyKey was already used for a different payment.',
      extensions: { code: 'CONFLICT' },
    });
    expect(reused.cleared).toEqual([]);
  });
});
