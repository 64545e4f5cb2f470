import { z } from 'zod';
import { LegacyError } from '../../lib/errors';
import { LegacyHttpClient } from '../base-client';
import { CRM_NS, envelope, parseEnvelope, toXml, type XmlValue } from '../../lib/soap';
import type { AccountModel, CustomerModel, UserModel } from './models';

/** The CRM caps bulk requests; the adapter splits larger ones. */
const CRM_MAX_IDS = 100;

const customerSchema = z.object({
  id: z.string(),
  kind: z.enum(['PERSON', 'COMPANY']),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  street: z.string(),
  city: z.string(),
  postcode: z.string(),
  areaId: z.string(),
  createdAt: z.string(),
});
const accountSchema = z.object({ id: z.string(), customerId: z.string(), name: z.string() });
const userSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  role: z.enum(['MANAGER', 'AUTHORIZED_USER', 'SSM_USER', 'STAFF']),
  name: z.string(),
  phone: z.string(),
  email: z.string(),
});
const preferenceSchema = z.object({ event: z.string(), channel: z.array(z.string()).optional() });

/** A SOAP fault the CRM raised on purpose (bad credentials, duplicate user, ...). */
export class CrmFault extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Registration {
  customerId: string;
  accountId: string;
  userId: string;
}

/** Adapter for the CRM's SOAP 1.1 web service: envelopes out, validated domain models in. */
export class CrmAdapter {
  constructor(private readonly http: LegacyHttpClient) {}

  static create(baseUrl: string, timeoutMs?: number): CrmAdapter {
    return new CrmAdapter(new LegacyHttpClient({ system: 'crm', baseUrl, timeoutMs }));
  }

  private async call(operation: string, payload: XmlValue): Promise<Record<string, unknown>> {
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

  private parse<T>(schema: z.ZodType<T>, value: unknown): T {
    const result = schema.safeParse(value);
    if (!result.success)
      throw new LegacyError('crm', 'UPSTREAM_ERROR', 'crm returned data the adapter does not understand.');
    return result.data;
  }

  private async chunked<T>(ids: readonly string[], fn: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += CRM_MAX_IDS) out.push(...(await fn(ids.slice(i, i + CRM_MAX_IDS))));
    return out;
  }

  async getCustomers(ids: readonly string[]): Promise<CustomerModel[]> {
    return this.chunked(ids, async (chunk) => {
      const payload = await this.call('GetCustomers', { id: chunk });
      return this.parse(z.array(customerSchema), payload.customer ?? []).map((c) => ({
        id: c.id,
        kind: c.kind,
        name: c.name,
        email: c.email,
        phone: c.phone,
        address: { street: c.street, city: c.city, postcode: c.postcode, areaId: c.areaId },
        createdAt: c.createdAt,
      }));
    });
  }

  async getAccountsOfCustomers(customerIds: readonly string[]): Promise<AccountModel[]> {
    return this.chunked(customerIds, async (chunk) =>
      this.parse(
        z.array(accountSchema),
        (await this.call('GetAccounts', { customerId: chunk })).account ?? [],
      ),
    );
  }

  async getAccounts(ids: readonly string[]): Promise<AccountModel[]> {
    return this.chunked(ids, async (chunk) =>
      this.parse(z.array(accountSchema), (await this.call('GetAccountsById', { id: chunk })).account ?? []),
    );
  }

  async getUsersOfCustomers(customerIds: readonly string[]): Promise<UserModel[]> {
    return this.chunked(customerIds, async (chunk) =>
      this.parse(z.array(userSchema), (await this.call('GetUsers', { customerId: chunk })).user ?? []),
    );
  }

  async getUser(userId: string): Promise<UserModel | null> {
    try {
      const [user] = this.parse(z.array(userSchema), (await this.call('GetUser', { userId })).user ?? []);
      return user ?? null;
    } catch (error) {
      if (error instanceof CrmFault && error.errorCode === 'USER_NOT_FOUND') return null;
      throw error;
    }
  }

  /** Checks passport credentials; null when the CRM refuses them. */
  async authenticate(userId: string, password: string): Promise<UserModel | null> {
    try {
      const [user] = this.parse(
        z.array(userSchema),
        (await this.call('AuthenticatePassport', { userId, password })).user ?? [],
      );
      return user ?? null;
    } catch (error) {
      if (error instanceof CrmFault && error.errorCode === 'AUTHENTICATION_FAILED') return null;
      throw error;
    }
  }

  async createCustomer(input: {
    requestId: string;
    kind: string;
    name: string;
    email: string;
    phone: string;
    street: string;
    city: string;
    postcode: string;
    userId: string;
    password: string;
  }): Promise<Registration> {
    const payload = await this.call('CreateCustomer', input);
    return this.parse(
      z.object({ customerId: z.string(), accountId: z.string(), userId: z.string() }),
      payload,
    );
  }

  async getNotificationPreferences(userId: string): Promise<{ event: string; channels: string[] }[]> {
    const payload = await this.call('GetNotificationPreferences', { userId });
    return this.parse(z.array(preferenceSchema), payload.preference ?? []).map((p) => ({
      event: p.event,
      channels: p.channel ?? [],
    }));
  }

  async setNotificationPreferences(
    userId: string,
    preferences: { event: string; channels: string[] }[],
  ): Promise<{ event: string; channels: string[] }[]> {
    const payload = await this.call('SetNotificationPreferences', {
      userId,
      preference: preferences.map((p) => ({ event: p.event, channel: p.channels })),
    });
    return this.parse(z.array(preferenceSchema), payload.preference ?? []).map((p) => ({
      event: p.event,
      channels: p.channel ?? [],
    }));
  }
}
