import { randomUUID } from 'node:crypto';
import { clientKeyOf } from '../lib/input/caller-request-id';
import type { RunningSystem } from '../system/system';
import { post } from '../system/kit/client';

/** Idempotency keys of the mutations the gateway acknowledged, by kind. */
export interface MutationLog {
  orders: string[];
  changes: string[];
  payments: string[];
}

/**
 * Workload (c): a steady mix of orders, parameter changes and payments at `perSecond`, through
 * the gateway, next to the read load (at least `atLeast` of them, whatever the clock says).
 * Returns what was acknowledged, added to `previous`.
 */
export async function mutationMix(
  url: string,
  headers: Record<string, string>,
  system: RunningSystem,
  pace: { perSecond: number; durationMs: number; atLeast: number },
  previous: MutationLog | null,
): Promise<MutationLog> {
  const log: MutationLog = previous ?? { orders: [], changes: [], payments: [] };
  const services = system.sims.world.services.filter(
    (s) => s.customerId === 'CUST-000001' && s.type === 'MOBILE',
  );
  const bills = system.sims.world.bills.filter(
    (b) => b.accountId === 'ACC-0000001' && b.amountDue > b.paidAmount + 100,
  );
  const end = Date.now() + pace.durationMs;
  const pending: Promise<void>[] = [];
  // `atLeast` makes the smoke run independent of the clock: that many are sent however slow.
  for (let i = 0; Date.now() < end || i < pace.atLeast; i++) {
    const key = `bench-${randomUUID()}`;
    const kind = i % 3;
    pending.push(
      (async () => {
        if (kind === 0) {
          const r = await post<{ placeProductOrder: { __typename: string } }>(
            url,
            `mutation($input: PlaceProductOrderInput!) { placeProductOrder(input: $input) { __typename } }`,
            {
              input: { idempotencyKey: key, accountId: 'ACC-0000001', items: [{ offeringId: 'OFF-MOB-S' }] },
            },
            undefined,
            headers,
          );
          if (r.data?.placeProductOrder.__typename === 'ProductOrder') log.orders.push(key);
        } else if (kind === 1) {
          const service = services[i % services.length];
          const r = await post<{ changeServiceParameters: { __typename: string } }>(
            url,
            `mutation($id: ID!, $key: String!, $v: String!) { changeServiceParameters(input: { idempotencyKey: $key, serviceId: $id, parameters: [{ name: "roaming", value: $v }] }) { __typename } }`,
            { id: service.id, key, v: i % 2 ? 'true' : 'false' },
            undefined,
            headers,
          );
          if (r.data?.changeServiceParameters.__typename === 'ProductOrder') log.changes.push(key);
        } else if (bills.length) {
          const bill = bills[i % bills.length];
          const r = await post<{ payBill: { __typename: string } }>(
            url,
            `mutation($input: PayBillInput!) { payBill(input: $input) { __typename } }`,
            { input: { idempotencyKey: key, billId: bill.id, amountMinorUnits: 1, method: 'CARD' } },
            undefined,
            headers,
          );
          if (r.data?.payBill.__typename === 'Payment') log.payments.push(key);
        }
      })().catch(() => undefined),
    );
    await new Promise((r) => setTimeout(r, 1000 / pace.perSecond));
  }
  await Promise.all(pending);
  return log;
}

/** How many acknowledged mutations the simulators hold not at all, or more than once. */
export interface MutationCheck {
  acknowledged: number;
  missing: number;
  duplicated: number;
}

/** Every acknowledged mutation must exist exactly once in the simulators. */
export async function checkMutations(log: MutationLog, system: RunningSystem): Promise<MutationCheck> {
  await system.sims.provisioningIdle();
  const count = (keys: string[], ids: string[]) => {
    const seen = new Map<string, number>();
    for (const id of ids) {
      const key = clientKeyOf(id);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    return {
      missing: keys.filter((k) => !seen.has(k)).length,
      duplicated: keys.filter((k) => (seen.get(k) ?? 0) > 1).length,
    };
  };
  const orders = count(
    [...log.orders, ...log.changes],
    [...system.sims.orders.values()].map((o) => o.requestId),
  );
  const payments = count(
    log.payments,
    system.sims.payments.filter((p) => p.status === 'ACCEPTED').map((p) => p.idempotencyKey),
  );
  return {
    acknowledged: log.orders.length + log.changes.length + log.payments.length,
    missing: orders.missing + payments.missing,
    duplicated: orders.duplicated + payments.duplicated,
  };
}
