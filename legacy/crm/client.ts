import { z } from 'zod';
import { LegacyError } from '../../lib/errors';
import { CRM_NS, envelope, parseEnvelope, toXml, type XmlValue } from '../../lib/soap';
import { LegacyAdapter } from '../base-client';
import {
  account,
  customer,
  notificationPreference,
  registration,
  user,
  type AccountModel,
  type ContactDetails,
  type CustomerModel,
  type NotificationPreferenceModel,
  type RegistrationModel,
  type UserModel,
} from './models';

/** The CRM caps bulk requests; the adapter splits larger ones. */
const CRM_MAX_IDS = 100;

/** A SOAP fault the CRM raised on purpose (bad credentials, duplicate user, ...). */
export class CrmFault extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

/** Adapter for the CRM's SOAP 1.1 web service: envelopes out, validated domain models in. */
export class CrmAdapter extends LegacyAdapter {
  static readonly system = 'crm';

  /**
   * One SOAP operation. A Client fault is the CRM refusing on purpose (CrmFault, for the caller
   * to decide); a Server fault is a failure (LegacyError).
   */
  protected async call(operation: string, payload: XmlValue): Promise<Record<string, unknown>> {
    const response = await this.http.send('POST', '/crm/soap', {
      body: envelope(toXml(`${operation}Request`, payload)),
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${CRM_NS}#${operation}"` },
      // SOAP goes over POST; its Get* operations are reads and may be retried.
      idempotent: operation.startsWith('Get'),
    });
    let parsed;
    try {
      parsed = parseEnvelope(response.body);
    } catch {
      throw new LegacyError(
        'crm',
        'UPSTREAM_ERROR',
        'crm answered with an invalid SOAP envelope.',
        response.status,
      );
    }
    if (parsed.fault) {
      if (parsed.fault.code.endsWith('Client'))
        throw new CrmFault(parsed.fault.detailCode, parsed.fault.message);
      throw new LegacyError('crm', 'UPSTREAM_ERROR', `crm failed: ${parsed.fault.message}`, response.status);
    }
    return parsed.payload;
  }

  /** The repeated elements `name` of an operation's answer, each validated. */
  protected async list<T>(
    operation: string,
    payload: XmlValue,
    name: string,
    item: z.ZodType<T>,
  ): Promise<T[]> {
    return this.http.parse(z.array(item), (await this.call(operation, payload))[name] ?? []);
  }

  private async chunked<T>(ids: readonly string[], fn: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += CRM_MAX_IDS) out.push(...(await fn(ids.slice(i, i + CRM_MAX_IDS))));
    return out;
  }

  async getCustomers(ids: readonly string[]): Promise<CustomerModel[]> {
    return this.chunked(ids, (chunk) => this.list('GetCustomers', { id: chunk }, 'customer', customer));
  }

  async getAccountsOfCustomers(customerIds: readonly string[]): Promise<AccountModel[]> {
    return this.chunked(customerIds, (chunk) =>
      this.list('GetAccounts', { customerId: chunk }, 'account', account),
    );
  }

  async getAccounts(ids: readonly string[]): Promise<AccountModel[]> {
    return this.chunked(ids, (chunk) => this.list('GetAccountsById', { id: chunk }, 'account', account));
  }

  async getUsersOfCustomers(customerIds: readonly string[]): Promise<UserModel[]> {
    return this.chunked(customerIds, (chunk) => this.list('GetUsers', { customerId: chunk }, 'user', user));
  }

  async getUser(userId: string): Promise<UserModel | null> {
    try {
      const [found] = await this.list('GetUser', { userId }, 'user', user);
      return found ?? null;
    } catch (error) {
      if (error instanceof CrmFault && error.errorCode === 'USER_NOT_FOUND') return null;
      throw error;
    }
  }

  /** Checks passport credentials; null when the CRM refuses them. */
  async authenticate(userId: string, password: string): Promise<UserModel | null> {
    try {
      const [found] = await this.list('AuthenticatePassport', { userId, password }, 'user', user);
      return found ?? null;
    } catch (error) {
      if (error instanceof CrmFault && error.errorCode === 'AUTHENTICATION_FAILED') return null;
      throw error;
    }
  }

  /** `requestId` makes a retry safe; `userId` and `password` are the manager user's. */
  async createCustomer(
    input: ContactDetails & { requestId: string; kind: string; userId: string; password: string },
  ): Promise<RegistrationModel> {
    return this.http.parse(registration, await this.call('CreateCustomer', input));
  }

  async getNotificationPreferences(userId: string): Promise<NotificationPreferenceModel[]> {
    return this.list('GetNotificationPreferences', { userId }, 'preference', notificationPreference);
  }

  async setNotificationPreferences(
    userId: string,
    preferences: NotificationPreferenceModel[],
  ): Promise<NotificationPreferenceModel[]> {
    return this.list(
      'SetNotificationPreferences',
      { userId, preference: preferences.map((p) => ({ event: p.event, channel: p.channels })) },
      'preference',
      notificationPreference,
    );
  }
}
