import { SecurityEventLog } from '../../lib/audit/security-events';
import type { CustomerUser } from '../../lib/authz/assertions';
import { GrantRepository } from '../../lib/authz/grants';
import type { ReadThroughCache } from '../../lib/cache/read-through';
import { MemoryStore } from '../../lib/kv';
import type { Database } from '../../lib/store/database';
import type { CrmAccountCareAdapter } from '../../legacy/crm/account-care';
import type { CustomerModel, NotificationPreferenceModel, UserModel } from '../../legacy/crm/models';
import { PersonalData } from '../../subgraphs/customer/services/personal-data';
import { recordingLogger } from './notifier-fakes';

/**
 * What the personal-data service (S5/S6) needs besides the SSM store's SQL, which its tests run on
 * a scratch PostgreSQL schema: a CRM over maps, a cache that records what it was told to forget,
 * the real security event log and grant repository over that schema, an in-memory key-value store.
 */

export const managerOf = (customerId: string): CustomerUser => ({
  kind: 'customerUser',
  userId: `M-${customerId}`,
  customerId,
  role: 'MANAGER',
  sessionId: 'S-1',
  grants: [],
});

export const crmUser = (id: string, customerId: string, role: UserModel['role'] = 'SSM_USER'): UserModel => ({
  id,
  customerId,
  role,
  name: `Name ${id}`,
  phone: `+358 ${id}`,
  email: `${id.toLowerCase()}@example.org`,
});

export const crmCustomer = (id: string): CustomerModel => ({
  id,
  kind: 'COMPANY',
  name: `Company ${id}`,
  email: `office@${id.toLowerCase()}.example`,
  phone: '+358 9 123',
  address: { street: 'Street 1', city: 'Espoo', postcode: '02100', areaId: 'AREA-01' },
  createdAt: '2020-05-06',
});

export function personalData(
  db: Database,
  crmData: {
    customers: CustomerModel[];
    users: UserModel[];
    preferences?: Record<string, NotificationPreferenceModel[]>;
    erased?: boolean;
  },
) {
  const store = new MemoryStore();
  const { logger, lines } = recordingLogger();
  const erasures: string[] = [];
  const invalidated: { keys: string[]; tags: string[] } = { keys: [], tags: [] };
  const crm = {
    getCustomers: async (ids: readonly string[]) => crmData.customers.filter((c) => ids.includes(c.id)),
    getUsersOfCustomers: async (ids: readonly string[]) =>
      crmData.users.filter((u) => ids.includes(u.customerId)),
    getUser: async (id: string) => crmData.users.find((u) => u.id === id) ?? null,
    getNotificationPreferences: async (id: string) => crmData.preferences?.[id] ?? [],
    eraseUser: async (id: string) => {
      erasures.push(id);
      return crmData.erased ?? true;
    },
  } as unknown as CrmAccountCareAdapter;
  const crmCache = {
    invalidate: async (...keys: string[]) => void invalidated.keys.push(...keys),
    invalidateTags: async (...tags: string[]) => void invalidated.tags.push(...tags),
  } as unknown as ReadThroughCache;
  const grants = new GrantRepository(db);
  const audit = new SecurityEventLog(db, logger);
  const service = new PersonalData({ db, store, crm, crmCache, grants, audit, logger });
  return { service, store, lines, erasures, invalidated, grants, audit };
}
