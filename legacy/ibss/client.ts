import { z } from 'zod';
import { LegacyError } from '../../lib/errors';
import { LegacyHttpClient } from '../base-client';
import type { CallRestrictionModel, OrderModel, PartnerSubscriptionModel, ServiceModel } from './models';

const state = z.enum([
  'acknowledged',
  'rejected',
  'pending',
  'held',
  'inProgress',
  'cancelled',
  'completed',
  'failed',
  'partial',
]);
const restriction = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('INCOMING_TIME_WINDOW'),
    from: z.string(),
    to: z.string(),
    days: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('CLOSED_USER_GROUP'),
    groupId: z.string(),
    allowExternalEmergency: z.boolean(),
  }),
  z.object({ kind: z.literal('OUTGOING_WHITELIST'), numbers: z.array(z.string()) }),
  z.object({
    kind: z.literal('MONTHLY_ALLOWANCE'),
    allowanceMinor: z.number(),
    currency: z.string(),
    numbersAfterAllowance: z.array(z.string()),
  }),
]);
const service = z.object({
  id: z.string(),
  customerId: z.string(),
  accountId: z.string(),
  type: z.enum(['MOBILE', 'FIXED_LINE', 'BROADBAND', 'IPTV']),
  identifier: z.string(),
  offeringId: z.string(),
  state: z.enum([
    'created',
    'pendingActive',
    'active',
    'suspended',
    'pendingTerminate',
    'terminated',
    'cancelled',
    'aborted',
  ]),
  startDate: z.string(),
  parameters: z.record(z.string(), z.string()),
  callRestrictions: z.array(restriction),
});
const order = z.object({
  id: z.string(),
  customerId: z.string(),
  accountId: z.string(),
  state,
  note: z.string().nullable(),
  requestedBy: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      action: z.enum(['add', 'modify', 'suspend', 'resume', 'terminate']),
      offeringId: z.string().nullable(),
      serviceId: z.string().nullable(),
      state,
      workOrderId: z.string(),
      failureReason: z.string().nullable(),
    }),
  ),
});

export interface OrderSubmission {
  requestId: string;
  customerId: string;
  accountId: string;
  requestedBy: string;
  callbackUrl: string | null;
  note: string | null;
  items: {
    action: 'add' | 'modify' | 'suspend' | 'resume' | 'terminate';
    offeringId?: string;
    serviceId?: string;
    parameters?: Record<string, string>;
    callRestrictions?: CallRestrictionModel[];
  }[];
}

export type SubmitResult =
  { kind: 'accepted'; order: OrderModel } | { kind: 'rejected'; reason: string } | { kind: 'conflict' };

/** Adapter for the IBSS order handling and product inventory REST API. */
export class IbssAdapter {
  constructor(private readonly http: LegacyHttpClient) {}

  static create(baseUrl: string, timeoutMs?: number): IbssAdapter {
    return new IbssAdapter(new LegacyHttpClient({ system: 'ibss', baseUrl, timeoutMs }));
  }

  private parse<T>(schema: z.ZodType<T>, value: unknown): T {
    const r = schema.safeParse(value);
    if (!r.success)
      throw new LegacyError('ibss', 'UPSTREAM_ERROR', 'ibss returned data the adapter does not understand.');
    return r.data;
  }

  private async get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const res = await this.http.json<unknown>('GET', path);
    if (res.status >= 400)
      throw new LegacyError(
        'ibss',
        'UPSTREAM_ERROR',
        `ibss refused the request (HTTP ${res.status}).`,
        res.status,
      );
    return this.parse(schema, res.body);
  }

  async getServices(ids: readonly string[]): Promise<ServiceModel[]> {
    return (
      await this.get(
        `/ibss/inventory/services/bulk?ids=${ids.map(encodeURIComponent).join(',')}`,
        z.object({ items: z.array(service) }),
      )
    ).items;
  }

  /** One call for many customers: a page of services per customer. */
  async listServices(
    customerIds: readonly string[],
    filter: { type?: string; state?: string },
    offset: number,
    limit: number,
  ): Promise<Record<string, { items: ServiceModel[]; total: number }>> {
    const params = new URLSearchParams({
      customerIds: customerIds.join(','),
      offset: String(offset),
      limit: String(limit),
    });
    if (filter.type) params.set('type', filter.type);
    if (filter.state) params.set('state', filter.state);
    return (
      await this.get(
        `/ibss/inventory/services?${params}`,
        z.object({
          byCustomer: z.record(z.string(), z.object({ items: z.array(service), total: z.number() })),
        }),
      )
    ).byCustomer;
  }

  async getOrders(ids: readonly string[]): Promise<OrderModel[]> {
    return (
      await this.get(
        `/ibss/orders/bulk?ids=${ids.map(encodeURIComponent).join(',')}`,
        z.object({ items: z.array(order) }),
      )
    ).items;
  }

  async listOrders(
    customerId: string,
    stateFilter: string | undefined,
    offset: number,
    limit: number,
  ): Promise<{ items: OrderModel[]; total: number }> {
    const params = new URLSearchParams({ customerId, offset: String(offset), limit: String(limit) });
    if (stateFilter) params.set('state', stateFilter);
    return this.get(`/ibss/orders?${params}`, z.object({ items: z.array(order), total: z.number() }));
  }

  /** R4: subscriptions to the given offerings (partner view, no customer data). */
  async listSubscriptions(
    offeringIds: readonly string[],
    offset: number,
    limit: number,
  ): Promise<{ items: PartnerSubscriptionModel[]; total: number }> {
    const params = new URLSearchParams({
      offeringIds: offeringIds.join(','),
      offset: String(offset),
      limit: String(limit),
    });
    const schema = z.object({
      items: z.array(
        z.object({
          serviceId: z.string(),
          offeringId: z.string(),
          state: service.shape.state,
          startDate: z.string(),
        }),
      ),
      total: z.number(),
    });
    return this.get(`/ibss/subscriptions?${params}`, schema);
  }

  /** R4: orders that contain items of the given offerings, newest first. */
  async listOrdersOfOfferings(
    offeringIds: readonly string[],
    offset: number,
    limit: number,
  ): Promise<{ items: OrderModel[]; total: number }> {
    const params = new URLSearchParams({
      offeringIds: offeringIds.join(','),
      offset: String(offset),
      limit: String(limit),
    });
    return this.get(`/ibss/orders?${params}`, z.object({ items: z.array(order), total: z.number() }));
  }

  /** Submits an order. Never retried here: the request id makes a client's own retry safe. */
  async submit(submission: OrderSubmission): Promise<SubmitResult> {
    const res = await this.http.json<unknown>('POST', '/ibss/orders', submission);
    if (res.status === 200 || res.status === 202)
      return { kind: 'accepted', order: this.parse(order, res.body) };
    if (res.status === 409) return { kind: 'conflict' };
    if (res.status === 422 || res.status === 400) {
      const body = this.parse(
        z.object({ reason: z.string().optional(), message: z.string().optional() }),
        res.body,
      );
      return {
        kind: 'rejected',
        reason: body.reason ?? body.message ?? 'The order system rejected the order.',
      };
    }
    throw new LegacyError(
      'ibss',
      'UPSTREAM_ERROR',
      `ibss answered HTTP ${res.status} to an order.`,
      res.status,
    );
  }
}
