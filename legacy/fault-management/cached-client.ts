import type { ReadThroughCache } from '../../lib/cache/read-through';
import { customerTag, serviceTag } from '../../lib/cache/tags';
import { TTL } from '../../lib/cache/ttl';
import type { LegacyHttpClient } from '../base-client';
import type { Change } from '../change';
import type { AlarmModel, FaultServiceModel, NetworkStatusModel, SlaModel, TicketModel } from './models';
import { FaultManagementAdapter, type TicketRequest } from './client';

/**
 * The fault-management adapter with read-through caching: service records and SLAs for long,
 * tickets and network status for half a minute. Reporting a fault or adding a note retires the
 * tickets of that service and customer. Service tests (polled for their progress) are never cached.
 */
export class CachedFaultManagementAdapter extends FaultManagementAdapter {
  constructor(
    http: LegacyHttpClient,
    private readonly cache: ReadThroughCache,
  ) {
    super(http);
  }

  override getServices(ids: readonly string[]): Promise<FaultServiceModel[]> {
    return this.cache.many({
      kind: 'service',
      ids,
      idOf: (s) => s.id,
      ttlOf: () => TTL.inventory,
      tagOf: serviceTag,
      load: (missing) => super.getServices(missing),
    });
  }

  override async ticketsOfServices(serviceIds: readonly string[], openOnly: boolean): Promise<TicketModel[]> {
    const lists = await this.cache.many<{ serviceId: string; tickets: TicketModel[] }>({
      kind: `tickets-of-service:${openOnly}`,
      ids: serviceIds,
      idOf: (l) => l.serviceId,
      ttlOf: () => TTL.tickets,
      tagOf: serviceTag,
      load: async (missing) => {
        const tickets = await super.ticketsOfServices(missing, openOnly);
        return missing.map((serviceId) => ({
          serviceId,
          tickets: tickets.filter((t) => t.serviceId === serviceId),
        }));
      },
    });
    return lists.flatMap((l) => l.tickets);
  }

  override ticketsOfCustomer(
    customerId: string,
    openOnly: boolean,
    offset: number,
    limit: number,
  ): Promise<{ items: TicketModel[]; total: number }> {
    return this.cache.getTagged(
      [customerTag(customerId)],
      `tickets-of-customer:${customerId}:${openOnly}|${offset}|${limit}`,
      TTL.tickets,
      () => super.ticketsOfCustomer(customerId, openOnly, offset, limit),
    );
  }

  override getTickets(ids: readonly string[]): Promise<TicketModel[]> {
    return this.cache.many({
      kind: 'ticket',
      ids,
      idOf: (t) => t.id,
      ttlOf: () => TTL.tickets,
      load: (missing) => super.getTickets(missing),
    });
  }

  override networkStatus(serviceIds: readonly string[]): Promise<NetworkStatusModel[]> {
    return this.cache.many({
      kind: 'network-status',
      ids: serviceIds,
      idOf: (s) => s.serviceId,
      ttlOf: () => TTL.networkStatus,
      tagOf: serviceTag,
      load: (missing) => super.networkStatus(missing),
    });
  }

  override sla(serviceIds: readonly string[]): Promise<SlaModel[]> {
    return this.cache.many({
      kind: 'sla',
      ids: serviceIds,
      idOf: (s) => s.serviceId,
      ttlOf: () => TTL.sla,
      tagOf: serviceTag,
      load: (missing) => super.sla(missing),
    });
  }

  override getAlarms(ids: readonly string[]): Promise<AlarmModel[]> {
    return this.cache.many({
      kind: 'alarm',
      ids,
      idOf: (a) => a.id,
      ttlOf: () => TTL.networkStatus,
      load: (missing) => super.getAlarms(missing),
    });
  }

  // Which services an alarm reaches changes only with the customer's services (orders bump the tag).
  override alarmServices(alarmId: string, customerId: string): Promise<FaultServiceModel[]> {
    return this.cache.getTagged(
      [customerTag(customerId)],
      `alarm-services:${alarmId}:${customerId}`,
      TTL.networkStatus,
      () => super.alarmServices(alarmId, customerId),
    );
  }

  /** The fault desk changed a ticket behind our back (event log): read it afresh. */
  async ticketChanged(ticket: { ticketId: string; customerId: string; serviceId: string }): Promise<void> {
    await Promise.all([
      this.cache.invalidateIds('ticket', [ticket.ticketId]),
      this.cache.invalidateTags(customerTag(ticket.customerId), serviceTag(ticket.serviceId)),
    ]);
  }

  /**
   * An alarm was raised or cleared: the alarm, the network status of the services it reaches and
   * the cached answers of their customers are read afresh.
   */
  async alarmChanged(alarm: { alarmId: string; serviceIds: string[]; customerIds: string[] }): Promise<void> {
    await Promise.all([
      this.cache.invalidateIds('alarm', [alarm.alarmId]),
      // Network status entries carry their service's tag version: bumping it retires them.
      this.cache.invalidateTags(...alarm.serviceIds.map(serviceTag), ...alarm.customerIds.map(customerTag)),
    ]);
  }

  override async createTicket(input: TicketRequest): Promise<Change<TicketModel>> {
    try {
      return await super.createTicket(input);
    } finally {
      await this.cache.invalidateTags(customerTag(input.customerId), serviceTag(input.serviceId));
    }
  }

  override async addNote(ticketId: string, text: string): Promise<Change<TicketModel>> {
    const [ticket] = await this.getTickets([ticketId]);
    try {
      return await super.addNote(ticketId, text);
    } finally {
      await Promise.all([
        this.cache.invalidateIds('ticket', [ticketId]),
        ticket
          ? this.cache.invalidateTags(customerTag(ticket.customerId), serviceTag(ticket.serviceId))
          : undefined,
      ]);
    }
  }
}
