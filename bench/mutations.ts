import { randomUUID } from 'node:crypto';
import { post } from '../system/kit/client';
import type { Fleet } from './fleet';
import type { RigActor } from './rig/world';

/** Idempotency keys of the mutations the gateway acknowledged, by kind. */
export interface MutationLog {
  orders: string[];
  changes: string[];
  payments: string[];
}

/** Who sends one mutation: the actor (its account, numbers, bills) and the headers it sends. */
export interface MutationCaller {
  actor: RigActor;
  headers(): Promise<Record<string, string>>;
}

/**
 * Workload (c): a steady mix of orders, parameter changes and payments at `perSecond`, through
 * the gateway, next to the read load (at least `atLeast` of them, whatever the clock says), each
 * from one of `callers` in turn (issue 17: mutations from many users). Returns what was
 * acknowledged, added to `previous`.
 */
export async function mutationMix(
  url: string,
  callers: MutationCaller[],
  pace: { perSecond: number; durationMs: number; atLeast: number },
  previous: MutationLog | null,
): Promise<MutationLog> {
  const log: MutationLog = previous ?? { orders: [], changes: [], payments: [] };
  const end = Date.now() + pace.durationMs;
  const pending: Promise<void>[] = [];
  // `atLeast` makes the smoke run independent of the clock: that many are sent however slow.
  for (let i = 0; Date.now() < end || i < pace.atLeast; i++) {
    const key = `bench-${randomUUID()}`;
    const kind = i % 3;
    const caller = callers[Math.floor(i / 3) % callers.length];
    const { actor } = caller;
    pending.push(
      (async () => {
        const headers = await caller.headers();
        if (kind === 0) {
          const r = await post<{ placeProductOrder: { __typename: string } }>(
            url,
            `mutation($input: PlaceProductOrderInput!) { placeProductOrder(input: $input) { __typename } }`,
            {
              input: {
                idempotencyKey: key,
                accountId: actor.accountId,
                items: [{ offeringId: 'OFF-MOB-S' }],
              },
            },
            undefined,
            headers,
          );
          if (r.data?.placeProductOrder.__typename === 'ProductOrder') log.orders.push(key);
        } else if (kind === 1 && actor.services.length) {
          const service = actor.services[i % actor.services.length];
          const r = await post<{ changeServiceParameters: { __typename: string } }>(
            url,
            `mutation($id: ID!, $key: String!, $v: String!) { changeServiceParameters(input: { idempotencyKey: $key, serviceId: $id, parameters: [{ name: "roaming", value: $v }] }) { __typename } }`,
            { id: service, key, v: i % 2 ? 'true' : 'false' },
            undefined,
            headers,
          );
          if (r.data?.changeServiceParameters.__typename === 'ProductOrder') log.changes.push(key);
        } else if (kind === 2 && actor.bills.length) {
          const bill = actor.bills[i % actor.bills.length];
          const r = await post<{ payBill: { __typename: string } }>(
            url,
            `mutation($input: PayBillInput!) { payBill(input: $input) { __typename } }`,
            { input: { idempotencyKey: key, billId: bill, amountMinorUnits: 1, method: 'CARD' } },
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

/**
 * Every acknowledged mutation must exist exactly once in the simulators (their own process, which
 * answers with the client keys of what it holds).
 */
export async function checkMutations(
  log: MutationLog,
  fleet: Pick<Fleet, 'simulators'>,
): Promise<MutationCheck> {
  const held = await fleet.simulators.mutations();
  const count = (keys: string[], ids: string[]) => {
    const seen = new Map<string, number>();
    for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
    return {
      missing: keys.filter((k) => !seen.has(k)).length,
      duplicated: keys.filter((k) => (seen.get(k) ?? 0) > 1).length,
    };
  };
  const orders = count([...log.orders, ...log.changes], held.orders);
  const payments = count(log.payments, held.payments);
  return {
    acknowledged: log.orders.length + log.changes.length + log.payments.length,
    missing: orders.missing + payments.missing,
    duplicated: orders.duplicated + payments.duplicated,
  };
}
