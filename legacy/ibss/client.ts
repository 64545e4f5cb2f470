import { z } from 'zod';
import { LegacyError } from '../../lib/errors';
import { LegacyAdapter } from '../base-client';
import { idList, pageOf } from '../payload-shapes';
import {
  closedUserGroup,
  order,
  partnerSubscription,
  service,
  type CallRestrictionModel,
  type ClosedUserGroupRecord,
  type OrderModel,
  type PartnerSubscriptionModel,
  type ServiceModel,
} from './models';

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
    /** F3: the free number the customer chose for a new mobile service. */
    number?: string;
  }[];
}

/**
 * What the IBSS answered to an order: accepted (it goes on in the background and completes by
 * callback), rejected with a reason (400/422), or a conflict (the request id was used for a
 * different order). Any other 4xx is thrown. The order outbox stores these as its row states.
 */
export type SubmitResult =
  { kind: 'accepted'; order: OrderModel } | { kind: 'rejected'; reason: string } | { kind: 'conflict' };

/** What the IBSS answered to a cancellation: the cancelled order, or why it could not be. */
export type CancelResult = { kind: 'cancelled'; order: OrderModel } | { kind: 'refused'; reason: string };

/** Adapter for the IBSS order handling and product inventory REST API. */
export class IbssAdapter extends LegacyAdapter {
  static readonly system = 'ibss';

  async getServices(ids: readonly string[]): Promise<ServiceModel[]> {
    return this.http.getItems(`/ibss/inventory/services/bulk?ids=${idList(ids)}`, service);
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
      await this.http.getJson(
        `/ibss/inventory/services?${params}`,
        z.object({ byCustomer: z.record(z.string(), pageOf(service)) }),
      )
    ).byCustomer;
  }

  async getOrders(ids: readonly string[]): Promise<OrderModel[]> {
    return this.http.getItems(`/ibss/orders/bulk?ids=${idList(ids)}`, order);
  }

  async listOrders(
    customerId: string,
    stateFilter: string | undefined,
    offset: number,
    limit: number,
  ): Promise<{ items: OrderModel[]; total: number }> {
    const params = new URLSearchParams({ customerId, offset: String(offset), limit: String(limit) });
    if (stateFilter) params.set('state', stateFilter);
    return this.http.getJson(`/ibss/orders?${params}`, pageOf(order));
  }

  /** F5: the closed user groups of one customer (none for private customers). */
  async listClosedUserGroups(customerId: string): Promise<ClosedUserGroupRecord[]> {
    return this.http.getItems(
      `/ibss/customers/${encodeURIComponent(customerId)}/closed-user-groups`,
      closedUserGroup,
    );
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
    return this.http.getJson(`/ibss/subscriptions?${params}`, pageOf(partnerSubscription));
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
    return this.http.getJson(`/ibss/orders?${params}`, pageOf(order));
  }

  /** Submits an order. Never retried here: the request id makes a client's own retry safe. */
  async submit(submission: OrderSubmission): Promise<SubmitResult> {
    const res = await this.http.json('POST', '/ibss/orders', submission);
    if (res.status === 200 || res.status === 202)
      return { kind: 'accepted', order: this.http.parse(order, res.body) };
    if (res.status === 409) return { kind: 'conflict' };
    if (res.status === 422 || res.status === 400)
      return { kind: 'rejected', reason: this.http.reasonOf(res, 'The order system rejected the order.') };
    throw new LegacyError(
      'ibss',
      'UPSTREAM_ERROR',
      `ibss answered HTTP ${res.status} to an order.`,
      res.status,
    );
  }

  /** Cancels an order not yet in progress; the request id makes a repeated call answer the same. */
  async cancel(orderId: string, requestId: string, reason: string | null): Promise<CancelResult | null> {
    const res = await this.http.json('POST', `/ibss/orders/${encodeURIComponent(orderId)}/cancel`, {
      requestId,
      reason,
    });
    if (res.status === 200) return { kind: 'cancelled', order: this.http.parse(order, res.body) };
    if (res.status === 404) return null;
    if (res.status === 409)
      return { kind: 'refused', reason: this.http.reasonOf(res, 'The order can no longer be cancelled.') };
    throw new LegacyError(
      'ibss',
      'UPSTREAM_ERROR',
      `ibss answered HTTP ${res.status} to a cancellation.`,
      res.status,
    );
  }
}
