import type { SecurityEventLog } from '../../lib/audit/security-events';
import type { CustomerUser } from '../../lib/authz/assertions';
import type { Grant, GrantRepository, NewGrant } from '../../lib/authz/grants';
import type { Logger } from '../../lib/logger';
import type { CrmAdapter } from '../../legacy/crm/client';
import type { AccountModel, UserModel } from '../../legacy/crm/models';
import type { IbssAdapter } from '../../legacy/ibss/client';
import type { ServiceModel } from '../../legacy/ibss/models';
import { GrantService } from '../../subgraphs/customer/services/grants';

/**
 * In-memory stand-ins for what the customer subgraph's GrantService reads and writes (grant
 * store, CRM, IBSS, security log, logger), for tests/unit/services-customer-grants*.test.ts.
 * Every call lands in one ordered `log`, so a test can tell what happened before what.
 */

const user = (id: string, customerId: string, role: UserModel['role']): UserModel => ({
  id,
  customerId,
  role,
  name: id,
  phone: '+358401234567',
  email: `${id}@x.net`,
});

/** C-1: manager U-1, authorized users U-2 and U-4, SSM user U-3 (accounts ). C-2: SSM user U-9. */
export const USERS = [
  user('U-1', 'C-1', 'MANAGER'),
  user('U-2', 'C-1', 'AUTHORIZED_USER'),
  user('U-3', 'C-1', 'SSM_USER'),
  user('U-4', 'C-1', 'AUTHORIZED_USER'),
  user('U-9', 'C-2', 'SSM_USER'),
];
export const ACCOUNTS: AccountModel[] = [
  { id: 'A-1', customerId: 'C-1', name: 'Main' },
  { id: 'A-2', customerId: 'C-1', name: 'Side' },
  { id: 'A-9', customerId: 'C-2', name: 'Other' },
];
const service = (id: string, customerId: string, accountId: string) =>
  ({ id, customerId, accountId }) as ServiceModel;
/** S-1, S-2 of C-1 (account A-1), S-9 of C-2; any `N-<n>` is another service of C-1. */
const SERVICES = [service('S-1', 'C-1', 'A-1'), service('S-2', 'C-1', 'A-1'), service('S-9', 'C-2', 'A-9')];

export const manager: CustomerUser = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'MANAGER',
  sessionId: 'S',
  grants: [],
};
/** The end of U-2's own grant G-H. */
export const HELD_UNTIL = '2099-01-01T00:00:00.000Z';
/** U-2 of C-1: its live grant G-H gives usage.view over S-1 (see `held`). */
export const authorized: CustomerUser = {
  ...manager,
  userId: 'U-2',
  role: 'AUTHORIZED_USER',
  grants: [
    {
      id: 'G-H',
      capabilities: ['usage.view'],
      scopeKind: 'SERVICES',
      scopeIds: ['S-1'],
      validUntil: HELD_UNTIL,
    },
  ],
};

export const grant = (over: Partial<Grant>): Grant => ({
  id: 'G-1',
  customerId: 'C-1',
  granteeId: 'U-3',
  grantedBy: 'U-1',
  capabilities: ['usage.view'],
  scopeKind: 'SERVICES',
  scopeIds: ['S-1'],
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  revokedAt: null,
  derivedFrom: null,
  state: 'ACTIVE',
  endedAt: null,
  endedBy: null,
  ...over,
});

/**
 * Held grants. U-2's: G-H (C-1, usage.view over S-1, ends HELD_UNTIL) and G-X, of customer C-2,
 * which would be a longer-living source if grants of other customers counted. U-4's: G-U4.
 */
export const held = [
  grant({ id: 'G-H', granteeId: 'U-2', capabilities: ['usage.view'], validUntil: HELD_UNTIL }),
  grant({ id: 'G-X', customerId: 'C-2', granteeId: 'U-2', capabilities: ['usage.view', 'fault.report'] }),
  grant({ id: 'G-U4', granteeId: 'U-4', capabilities: ['usage.view'], scopeIds: ['S-2'] }),
];

/** U-4 of C-1: its open-ended grant G-U4 gives usage.view over S-2. */
export const openEnded: CustomerUser = {
  ...authorized,
  userId: 'U-4',
  grants: [
    { id: 'G-U4', capabilities: ['usage.view'], scopeKind: 'SERVICES', scopeIds: ['S-2'], validUntil: null },
  ],
};

export interface Fakes {
  /** Grants `get` finds, by id. */
  stored?: Grant[];
  /** What derivedInForce answers. */
  derived?: Grant[];
  /** What the store's revoke answers (null: someone revoked it first). */
  revokeAnswers?: 'grant' | 'null';
  /** What listForCustomer answers. */
  listed?: Grant[];
}

/** The service over in-memory fakes; `log` holds every call in order. */
export function grantWorld(fakes: Fakes = {}) {
  const log: unknown[][] = [];
  const created: NewGrant[] = [];
  const repo = {
    create: async (g: NewGrant) => {
      created.push(g);
      log.push(['create']);
      return grant({
        ...g,
        id: 'G-NEW',
        validFrom: g.validFrom.toISOString(),
        validUntil: g.validUntil?.toISOString() ?? null,
      });
    },
    activeFor: async (granteeId: string) => {
      log.push(['activeFor', granteeId]);
      return held.filter((g) => g.granteeId === granteeId);
    },
    get: async (id: string) => (fakes.stored ?? []).find((g) => g.id === id) ?? null,
    derivedInForce: async (id: string) => {
      log.push(['derivedInForce', id]);
      return fakes.derived ?? [];
    },
    revoke: async (id: string, customerId: string, by: string) => {
      log.push(['revoke', id, customerId, by]);
      if (fakes.revokeAnswers === 'null') return null;
      return { ...(fakes.stored ?? []).find((g) => g.id === id), revokedAt: '2026-11-30T00:00:00.000Z' };
    },
    listForCustomer: async (customerId: string, includeEnded: boolean) => {
      log.push(['listForCustomer', customerId, includeEnded]);
      return fakes.listed ?? [];
    },
  } as unknown as GrantRepository;
  const crm = {
    getUsersOfCustomers: async (ids: readonly string[]) => {
      log.push(['users', ...ids]);
      return USERS.filter((u) => ids.includes(u.customerId));
    },
    getAccountsOfCustomers: async (ids: readonly string[]) => {
      log.push(['accounts', ...ids]);
      return ACCOUNTS.filter((a) => ids.includes(a.customerId));
    },
  } as unknown as CrmAdapter;
  const ibss = {
    getServices: async (ids: readonly string[]) => {
      log.push(['services', ids.length]);
      const generated = ids.filter((id) => id.startsWith('N-')).map((id) => service(id, 'C-1', 'A-1'));
      return [...SERVICES, ...generated].filter((s) => ids.includes(s.id));
    },
  } as unknown as IbssAdapter;
  // Like the real log: PENDING before the work, the outcome after it (FAILURE if it threw).
  const audit = {
    guard: async <T>(event: Record<string, unknown>, work: () => Promise<T>, outcomeOf: (r: T) => string) => {
      log.push(['PENDING', event]);
      let outcome = 'FAILURE';
      try {
        const result = await work();
        outcome = outcomeOf(result);
        return result;
      } finally {
        log.push([outcome, event.target]);
      }
    },
  } as unknown as SecurityEventLog;
  const infos: [Record<string, unknown>, string][] = [];
  const logger = {
    info: (fields: Record<string, unknown>, line: string) => void infos.push([fields, line]),
  } as unknown as Logger;
  return { service: new GrantService(repo, crm, ibss, audit, logger), log, created, infos };
}
