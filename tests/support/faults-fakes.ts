import type { Actor } from '../../lib/actor';
import type { FaultServiceModel, TicketModel } from '../../legacy/fault-management/models';

/**
 * In-memory stand-ins for what the faults subgraph's services read (loaders, the actor), so their
 * unit tests (tests/unit/services-faults-*.test.ts) run without fault management or a gateway.
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

/** The same manager, but operator staff acting for C-1 (R5). */
export const assisted: Actor = { ...manager, userId: 'STAFF-1', assistedBy: { reason: 'phone call' } };

/** A user of C-1 whose one grant covers the service `serviceId` with `capability`. */
export const userWith = (capability: string, serviceId: string): Actor => ({
  ...manager,
  userId: 'U/2',
  role: 'AUTHORIZED_USER',
  grants: [
    { id: 'G-1', capabilities: [capability], scopeKind: 'SERVICES', scopeIds: [serviceId], validUntil: null },
  ],
});

export const service = (
  id: string,
  customerId = 'C-1',
  type: FaultServiceModel['type'] = 'MOBILE',
  areaId = 'AREA-01',
): FaultServiceModel => ({ id, customerId, accountId: `A-${id}`, type, areaId }) as FaultServiceModel;

export const ticket = (id: string, serviceId: string, customerId = 'C-1'): TicketModel =>
  ({ id, serviceId, customerId, state: 'resolved', notes: [] }) as unknown as TicketModel;

/**
 * A loader over a map (null for a missing key) that records each key it is asked for in `asked`
 * as `name:key`.
 */
export function loader<T>(name: string, data: Record<string, T>, asked: string[] = []) {
  return {
    load: async (key: string): Promise<T | null> => {
      asked.push(`${name}:${key}`);
      return data[key] ?? null;
    },
  };
}

/** The services of C-1 (S-1 mobile, S-2 broadband, both in AREA-01) and of C-2 (S-9). */
export const SERVICES: Record<string, FaultServiceModel> = {
  'S-1': service('S-1'),
  'S-2': service('S-2', 'C-1', 'BROADBAND'),
  'S-9': service('S-9', 'C-2'),
};

/** A logger that keeps its info lines. */
export function infoLog() {
  const lines: [Record<string, unknown>, string][] = [];
  return {
    lines,
    logger: { info: (fields: Record<string, unknown>, line: string) => void lines.push([fields, line]) },
  };
}
