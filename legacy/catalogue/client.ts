import { z } from 'zod';
import { LegacyAdapter } from '../base-client';
import { idList, pageOf } from '../payload-shapes';
import {
  availability,
  offering,
  partner,
  partnerClient,
  type AvailabilityModel,
  type OfferingModel,
  type PartnerClientModel,
  type PartnerModel,
} from './models';

/** Adapter for the product catalogue, partner registry and resource management REST APIs. */
export class CatalogueAdapter extends LegacyAdapter {
  static readonly system = 'catalogue';

  async listOfferings(
    filter: { category?: string; serviceType?: string; partnerId?: string; q?: string },
    offset: number,
    limit: number,
  ): Promise<{ items: OfferingModel[]; total: number }> {
    const params = new URLSearchParams({ offset: String(offset), limit: String(limit) });
    for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
    return this.http.getJson(`/catalogue/offerings?${params}`, pageOf(offering));
  }

  /** ISMP: checks a partner system's client credentials; null when refused. */
  async verifyClient(clientId: string, clientSecret: string): Promise<PartnerClientModel | null> {
    // Credentials travel in a POST body, never in a URL; like every POST, it is not retried.
    const res = await this.http.json('POST', '/ismp/clients/verify', { clientId, clientSecret });
    if (res.status === 401) return null;
    if (res.status >= 400) throw this.http.refused(res.status, 'ismp');
    return this.http.parse(partnerClient, res.body, 'ismp');
  }

  async getOfferings(ids: readonly string[]): Promise<OfferingModel[]> {
    return this.http.getItems(`/catalogue/offerings/bulk?ids=${idList(ids)}`, offering);
  }

  async getPartners(ids: readonly string[] = []): Promise<PartnerModel[]> {
    const query = ids.length ? `?ids=${idList(ids)}` : '';
    return this.http.getItems(`/catalogue/partners${query}`, partner);
  }

  async availability(postcode: string): Promise<AvailabilityModel> {
    return this.http.getJson(
      `/resources/availability?postcode=${encodeURIComponent(postcode)}`,
      availability,
    );
  }

  async numberAvailable(number: string): Promise<boolean> {
    return (
      await this.http.getJson(
        `/resources/numbers/${encodeURIComponent(number)}`,
        z.object({ available: z.boolean() }),
      )
    ).available;
  }

  async freeNumbers(prefix: string, count: number): Promise<string[]> {
    return this.http.getItems(
      `/resources/numbers?prefix=${encodeURIComponent(prefix)}&count=${count}`,
      z.string(),
    );
  }
}
