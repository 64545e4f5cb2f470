import type { ReadThroughCache } from '../../lib/cache/read-through';
import { customerTag, serviceTag } from '../../lib/cache/tags';
import { TTL } from '../../lib/cache/ttl';
import type { LegacyHttpClient } from '../base-client';
import type { OrderModel, OrderState, ServiceModel } from './models';
import { IbssAdapter, type CancelResult, type OrderSubmission, type SubmitResult } from './client';

const FINAL: ReadonlySet<OrderState> = new Set(['completed', 'failed', 'partial', 'cancelled', 'rejected']);

type ServicePage = { items: ServiceModel[]; total: number };

/**
 * The IBSS adapter with read-through caching of the inventory and of finished orders. Every
 * order we submit, and every completion the IBSS reports, invalidates the services and the
 * customer it touches, in every process sharing the store.
 */
export class CachedIbssAdapter extends IbssAdapter {
  constructor(
    http: LegacyHttpClient,
    private readonly cache: ReadThroughCache,
  ) {
    super(http);
  }

  override getServices(ids: readonly string[]): Promise<ServiceModel[]> {
    return this.cache.many({
      kind: 'service',
      ids,
      idOf: (s) => s.id,
      ttlOf: () => TTL.inventory,
      load: (missing) => super.getServices(missing),
    });
  }

  override async listServices(
    customerIds: readonly string[],
    filter: { type?: string; state?: string },
    offset: number,
    limit: number,
  ): Promise<Record<string, ServicePage>> {
    const pages = await this.cache.many<{ customerId: string; page: ServicePage }>({
      kind: `services-page:${filter.type ?? ''}|${filter.state ?? ''}|${offset}|${limit}`,
      ids: customerIds,
      idOf: (p) => p.customerId,
      ttlOf: () => TTL.inventory,
      tagOf: customerTag,
      load: async (missing) => {
        const byCustomer = await super.listServices(missing, filter, offset, limit);
        return missing.map((customerId) => ({
          customerId,
          page: byCustomer[customerId] ?? { items: [], total: 0 },
        }));
      },
    });
    return Object.fromEntries(pages.map((p) => [p.customerId, p.page]));
  }

  override getOrders(ids: readonly string[]): Promise<OrderModel[]> {
    return this.cache.many({
      kind: 'order',
      ids,
      idOf: (o) => o.id,
      ttlOf: (o) => (FINAL.has(o.state) ? TTL.orderFinal : TTL.orderOpen),
      load: (missing) => super.getOrders(missing),
    });
  }

  override listOrders(
    customerId: string,
    stateFilter: string | undefined,
    offset: number,
    limit: number,
  ): Promise<{ items: OrderModel[]; total: number }> {
    return this.cache.getTagged(
      [customerTag(customerId)],
      `orders-page:${customerId}:${stateFilter ?? ''}|${offset}|${limit}`,
      TTL.inventory,
      () => super.listOrders(customerId, stateFilter, offset, limit),
    );
  }

  override async submit(submission: OrderSubmission): Promise<SubmitResult> {
    try {
      return await super.submit(submission);
    } finally {
      // Even a failed call may have reached the IBSS: invalidate either way.
      await this.invalidateAfterChange(
        submission.customerId,
        submission.items.flatMap((i) => (i.serviceId ? [i.serviceId] : [])),
      );
    }
  }

  override async cancel(orderId: string, requestId: string, reason: string | null) {
    let result: CancelResult | null = null;
    try {
      result = await super.cancel(orderId, requestId, reason);
      return result;
    } finally {
      // The order's state and the customer's order lists change; a failed call may have too.
      await this.cache.invalidateIds('order', [orderId]);
      const customerId =
        result?.kind === 'cancelled'
          ? result.order.customerId
          : (await super.getOrders([orderId]).catch(() => []))[0]?.customerId;
      if (customerId) await this.cache.invalidateTags(customerTag(customerId));
    }
  }

  /** The IBSS reported an order finished: read it afresh and retire what it changed. */
  completedOrder(orderId: string): Promise<OrderModel | null> {
    return this.changedOrder(orderId);
  }

  /**
   * The IBSS reported a change of an order's state (pending, inProgress, finished, cancelled):
   * read it afresh and retire the cached order, the customer's order lists and the services it
   * touches, so the next read anywhere shows the new state.
   */
  async changedOrder(orderId: string): Promise<OrderModel | null> {
    await this.cache.invalidateIds('order', [orderId]);
    const [order] = await this.getOrders([orderId]);
    if (order) {
      await this.invalidateAfterChange(
        order.customerId,
        order.items.flatMap((i) => (i.serviceId ? [i.serviceId] : [])),
      );
    }
    return order ?? null;
  }

  private async invalidateAfterChange(customerId: string, serviceIds: string[]): Promise<void> {
    await Promise.all([
      this.cache.invalidateIds('service', serviceIds),
      // Tags reach the other systems' caches of the same services (billing, faults).
      this.cache.invalidateTags(customerTag(customerId), ...serviceIds.map(serviceTag)),
    ]);
  }
}
