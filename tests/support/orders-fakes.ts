import type { Actor } from '../../lib/actor';
import type { OrderSubmission } from '../../legacy/ibss/client';
import type { OrderModel, ServiceModel } from '../../legacy/ibss/models';
import { fingerprintOf, type OutboxRow } from '../../subgraphs/orders/services/outbox';

/**
 * In-memory stand-ins for what the orders subgraph's services read and write (loaders, the IBSS,
 * the outbox, the audit log), so their unit tests (tests/unit/services-orders-*.test.ts) run
 * without the IBSS simulator, PostgreSQL or a gateway.
 */

/** The manager of customer C-1: every right over C-1's services, none over C-2's. */
export const manager: Actor = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S',
  grants: [],
};

export const anonymous: Actor = { kind: 'anonymous' };

/** A user of C-1 whose one grant covers the service `serviceId` with `capability`. */
export const userWith = (capability: string, serviceId: string): Actor => ({
  ...manager,
  userId: 'U/2',
  role: 'AUTHORIZED_USER',
  grants: [
    { id: 'G-1', capabilities: [capability], scopeKind: 'SERVICES', scopeIds: [serviceId], validUntil: null },
  ],
});

export const service = (id: string, customerId = 'C-1', extra: Partial<ServiceModel> = {}): ServiceModel =>
  ({
    id,
    customerId,
    accountId: `A-${id}`,
    type: 'MOBILE',
    identifier: '0401234567',
    offeringId: 'MOB',
    state: 'active',
    startDate: '2026-01-01',
    parameters: {},
    callRestrictions: [],
    ...extra,
  }) as ServiceModel;

export const order = (
  id: string,
  customerId = 'C-1',
  accountId = 'A-1',
  state = 'acknowledged',
): OrderModel => ({ id, customerId, accountId, state, items: [] }) as unknown as OrderModel;

/** A loader over a map (null for a missing key) that records each key in `asked` as `name:key`. */
export function loader<T>(name: string, data: Record<string, T>, asked: string[] = []) {
  const cleared: string[] = [];
  return {
    cleared,
    load: async (key: string): Promise<T | null> => {
      asked.push(`${name}:${key}`);
      return data[key] ?? null;
    },
    clear: (key: string) => void cleared.push(key),
  };
}

/** An outbox row as the store would hold it for `submission`. */
export function outboxRow(submission: OrderSubmission, extra: Partial<OutboxRow> = {}): OutboxRow {
  return {
    requestId: submission.requestId,
    queuedId: 'QO-1',
    customerId: submission.customerId,
    accountId: submission.accountId,
    requestedBy: submission.requestedBy,
    submission,
    fingerprint: fingerprintOf(submission),
    state: 'pending',
    orderId: null,
    reason: null,
    attempts: 0,
    createdAt: '2026-11-30T10:00:00Z',
    ...extra,
  };
}

/** An audit log whose `guard` runs the work and keeps each event with its outcome. */
export function auditLog() {
  const events: { event: Record<string, unknown>; outcome: string }[] = [];
  return {
    events,
    audit: {
      guard: async <T>(
        event: Record<string, unknown>,
        work: () => Promise<T>,
        outcomeOf: (r: T) => string,
      ) => {
        const result = await work();
        events.push({ event, outcome: outcomeOf(result) });
        return result;
      },
    },
  };
}

/** A logger that keeps its info lines. */
export function infoLog() {
  const lines: [Record<string, unknown>, string][] = [];
  return {
    lines,
    logger: { info: (fields: Record<string, unknown>, line: string) => void lines.push([fields, line]) },
  };
}

/**
 * Everything an orders service may ask for, over small maps: C-1's services S-1 and S-2, C-2's
 * S-9, C-1's closed groups CUG-1 and CUG-2. `sent` records what reached the IBSS, by method.
 */
export function ordersDeps(actor: Actor = manager) {
  const asked: string[] = [];
  const sent: { method: string; args: unknown[] }[] = [];
  const record = (method: string, args: unknown[]) => void sent.push({ method, args });
  const services: Record<string, ServiceModel> = {
    'S-1': service('S-1'),
    'S-2': service('S-2'),
    'S-9': service('S-9', 'C-2'),
  };
  const { audit, events } = auditLog();
  const { logger, lines } = infoLog();
  const ibss = {
    listClosedUserGroups: async (...args: unknown[]) => {
      record('listClosedUserGroups', args);
      return [
        { id: 'CUG-1', customerId: 'C-1', members: ['0401234567', '0407654321'] },
        { id: 'CUG-2', customerId: 'C-1', members: ['12'] },
      ];
    },
    submit: async (submission: OrderSubmission) => {
      record('submit', [submission]);
      return { kind: 'accepted' as const, order: order('O-1', submission.customerId, submission.accountId) };
    },
    getOrders: async (ids: string[]) => ids.map((id) => order(id)),
  };
  const outbox = {
    record: async (submission: OrderSubmission) => outboxRow(submission),
    settle: async (...args: unknown[]) => void record('settle', args),
  };
  const deps = {
    actor,
    ibss,
    outbox,
    audit,
    logger,
    callbackUrl: 'http://orders/callback',
    loaders: { service: loader('service', services, asked) },
  };
  return { deps: deps as never, ibss, outbox, asked, sent, events, lines };
}
