import DataLoader from 'dataloader';
import type { CrmAdapter } from '../../legacy/crm/client';
import type { AccountModel, CustomerModel, UserModel } from '../../legacy/crm/models';

export interface CustomerLoaders {
  customer: DataLoader<string, CustomerModel | null>;
  account: DataLoader<string, AccountModel | null>;
  accountsOfCustomer: DataLoader<string, AccountModel[]>;
  usersOfCustomer: DataLoader<string, UserModel[]>;
}

const byId = <T extends { id: string }>(ids: readonly string[], items: T[]) => {
  const map = new Map(items.map((i) => [i.id, i]));
  return ids.map((id) => map.get(id) ?? null);
};
const groupBy = <T>(keys: readonly string[], items: T[], key: (t: T) => string) => {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return keys.map((k) => map.get(k) ?? []);
};

/** Per-request loaders: each batches one level of the query into one CRM call. */
export function createLoaders(crm: CrmAdapter): CustomerLoaders {
  return {
    customer: new DataLoader(async (ids) => byId(ids, await crm.getCustomers(ids))),
    account: new DataLoader(async (ids) => byId(ids, await crm.getAccounts(ids))),
    accountsOfCustomer: new DataLoader(async (ids) =>
      groupBy(ids, await crm.getAccountsOfCustomers(ids), (a) => a.customerId),
    ),
    usersOfCustomer: new DataLoader(async (ids) =>
      groupBy(ids, await crm.getUsersOfCustomers(ids), (u) => u.customerId),
    ),
  };
}
