import type { ReadThroughCache } from '../../lib/cache/read-through';
import { customerTag } from '../../lib/cache/tags';
import { TTL } from '../../lib/cache/ttl';
import type { LegacyHttpClient } from '../base-client';
import type { AccountModel, CustomerModel, NotificationPreferenceModel, UserModel } from './models';
import { CrmAdapter } from './client';

/**
 * The CRM adapter with read-through caching of customer records, accounts, users and
 * notification preferences (minutes). Per-customer lists carry the customer's tag, so anything
 * that changes a customer (a grant, a registration, an order) retires them. Password checks and
 * registrations always go to the CRM.
 */
export class CachedCrmAdapter extends CrmAdapter {
  constructor(
    http: LegacyHttpClient,
    private readonly cache: ReadThroughCache,
  ) {
    super(http);
  }

  override getCustomers(ids: readonly string[]): Promise<CustomerModel[]> {
    return this.cache.many({
      kind: 'customer',
      ids,
      idOf: (c) => c.id,
      ttlOf: () => TTL.crm,
      tagOf: customerTag,
      load: (missing) => super.getCustomers(missing),
    });
  }

  override getAccounts(ids: readonly string[]): Promise<AccountModel[]> {
    return this.cache.many({
      kind: 'account',
      ids,
      idOf: (a) => a.id,
      ttlOf: () => TTL.crm,
      load: (missing) => super.getAccounts(missing),
    });
  }

  override async getAccountsOfCustomers(customerIds: readonly string[]): Promise<AccountModel[]> {
    const lists = await this.cache.many<{ customerId: string; accounts: AccountModel[] }>({
      kind: 'accounts-of',
      ids: customerIds,
      idOf: (l) => l.customerId,
      ttlOf: () => TTL.crm,
      tagOf: customerTag,
      load: async (missing) => {
        const accounts = await super.getAccountsOfCustomers(missing);
        return missing.map((customerId) => ({
          customerId,
          accounts: accounts.filter((a) => a.customerId === customerId),
        }));
      },
    });
    return lists.flatMap((l) => l.accounts);
  }

  override async getUsersOfCustomers(customerIds: readonly string[]): Promise<UserModel[]> {
    const lists = await this.cache.many<{ customerId: string; users: UserModel[] }>({
      kind: 'users-of',
      ids: customerIds,
      idOf: (l) => l.customerId,
      ttlOf: () => TTL.crm,
      tagOf: customerTag,
      load: async (missing) => {
        const users = await super.getUsersOfCustomers(missing);
        return missing.map((customerId) => ({
          customerId,
          users: users.filter((u) => u.customerId === customerId),
        }));
      },
    });
    return lists.flatMap((l) => l.users);
  }

  override getUser(userId: string): Promise<UserModel | null> {
    // An unknown user id may be registered any minute: only found users are cached.
    return this.cache.get(
      `user:${userId}`,
      TTL.crm,
      () => super.getUser(userId),
      (user) => user !== null,
    );
  }

  override getNotificationPreferences(userId: string): Promise<NotificationPreferenceModel[]> {
    return this.cache.get(`preferences:${userId}`, TTL.crm, () => super.getNotificationPreferences(userId));
  }

  override async setNotificationPreferences(
    userId: string,
    preferences: NotificationPreferenceModel[],
  ): Promise<NotificationPreferenceModel[]> {
    try {
      return await super.setNotificationPreferences(userId, preferences);
    } finally {
      await this.cache.invalidate(`preferences:${userId}`);
    }
  }
}
