import { z } from 'zod';
import { LegacyError } from '../../lib/errors';
import { LegacyHttpClient } from '../base-client';
import type { OfferingModel, PartnerModel } from './models';

const price = z.object({
  name: z.string(),
  type: z.enum(['RECURRING', 'ONE_TIME', 'USAGE']),
  period: z.enum(['MONTH']).nullable(),
  amount: z.number().int(),
  currency: z.string(),
  unit: z.string().nullable(),
});
const characteristic = z.object({
  name: z.string(),
  valueType: z.enum(['STRING', 'NUMBER', 'BOOLEAN']),
  allowedValues: z.array(z.string()),
  defaultValue: z.string().nullable(),
  configurable: z.boolean(),
});
const offering = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  serviceType: z.enum(['MOBILE', 'FIXED_LINE', 'BROADBAND', 'IPTV']).nullable(),
  providerKind: z.enum(['OPERATOR', 'NETWORK_OPERATOR', 'SERVICE_PROVIDER', 'CONTENT_PROVIDER']),
  partnerId: z.string().nullable(),
  isBundle: z.boolean(),
  bundledOfferingIds: z.array(z.string()),
  prices: z.array(price),
  characteristics: z.array(characteristic),
  lifecycleStatus: z.enum(['ACTIVE', 'RETIRED']),
});
const partner = z.object({ id: z.string(), name: z.string(), kind: z.enum(['SP', 'CP']) });
const availability = z.object({
  postcode: z.string(),
  results: z.array(
    z.object({
      serviceType: z.enum(['MOBILE', 'FIXED_LINE', 'BROADBAND', 'IPTV']),
      available: z.boolean(),
      maxDownloadMbps: z.number().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

export type Availability = z.infer<typeof availability>;

/** Adapter for the product catalogue, partner registry and resource management REST APIs. */
export class CatalogueAdapter {
  constructor(private readonly http: LegacyHttpClient) {}

  static create(baseUrl: string, timeoutMs?: number): CatalogueAdapter {
    return new CatalogueAdapter(new LegacyHttpClient({ system: 'catalogue', baseUrl, timeoutMs }));
  }

  private async get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const res = await this.http.json<unknown>('GET', path);
    if (res.status === 400)
      throw new LegacyError('catalogue', 'UPSTREAM_ERROR', 'catalogue refused the request.', 400);
    const parsed = schema.safeParse(res.body);
    if (!parsed.success)
      throw new LegacyError(
        'catalogue',
        'UPSTREAM_ERROR',
        'catalogue returned data the adapter does not understand.',
      );
    return parsed.data;
  }

  async listOfferings(
    filter: { category?: string; serviceType?: string; partnerId?: string; q?: string },
    offset: number,
    limit: number,
  ): Promise<{ items: OfferingModel[]; total: number }> {
    const params = new URLSearchParams({ offset: String(offset), limit: String(limit) });
    for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
    return this.get(
      `/catalogue/offerings?${params}`,
      z.object({ items: z.array(offering), total: z.number() }),
    );
  }

  /** ISMP: checks a partner system's client credentials; null when refused. */
  async verifyClient(
    clientId: string,
    clientSecret: string,
  ): Promise<{ partnerId: string; scopes: string[] } | null> {
    const res = await this.http.json<unknown>('POST', '/ismp/clients/verify', { clientId, clientSecret });
    if (res.status === 401) return null;
    if (res.status >= 400)
      throw new LegacyError(
        'catalogue',
        'UPSTREAM_ERROR',
        `ismp refused the request (HTTP ${res.status}).`,
        res.status,
      );
    const parsed = z.object({ partnerId: z.string(), scopes: z.array(z.string()) }).safeParse(res.body);
    if (!parsed.success)
      throw new LegacyError(
        'catalogue',
        'UPSTREAM_ERROR',
        'ismp returned data the adapter does not understand.',
      );
    return parsed.data;
  }

  async getOfferings(ids: readonly string[]): Promise<OfferingModel[]> {
    return (
      await this.get(
        `/catalogue/offerings/bulk?ids=${ids.map(encodeURIComponent).join(',')}`,
        z.object({ items: z.array(offering) }),
      )
    ).items;
  }

  async getPartners(ids: readonly string[] = []): Promise<PartnerModel[]> {
    const query = ids.length ? `?ids=${ids.map(encodeURIComponent).join(',')}` : '';
    return (await this.get(`/catalogue/partners${query}`, z.object({ items: z.array(partner) }))).items;
  }

  async availability(postcode: string): Promise<Availability> {
    return this.get(`/resources/availability?postcode=${encodeURIComponent(postcode)}`, availability);
  }

  async numberAvailable(number: string): Promise<boolean> {
    return (
      await this.get(`/resources/numbers/${encodeURIComponent(number)}`, z.object({ available: z.boolean() }))
    ).available;
  }

  async freeNumbers(prefix: string, count: number): Promise<string[]> {
    return (
      await this.get(
        `/resources/numbers?prefix=${encodeURIComponent(prefix)}&count=${count}`,
        z.object({ items: z.array(z.string()) }),
      )
    ).items;
  }
}
