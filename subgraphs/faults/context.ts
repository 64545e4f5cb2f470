import DataLoader from 'dataloader';
import { groupedLoader } from '../../lib/loaders';
import type { SubgraphBaseContext } from '../../lib/subgraph-server';
import type { FaultManagementAdapter } from '../../legacy/fault-management/client';
import type { TicketFeedbackAdapter } from '../../legacy/fault-management/ticket-feedback';
import type {
  AlarmModel,
  FaultServiceModel,
  NetworkStatusModel,
  QualitySampleModel,
  SlaModel,
  TestRunModel,
  TicketModel,
} from '../../legacy/fault-management/models';

export interface FaultsContext extends SubgraphBaseContext {
  fm: FaultManagementAdapter;
  loaders: FaultsLoaders;
  /** A1: closing and reopening tickets. */
  ticketFeedback: TicketFeedbackAdapter;
  /** Drops the cached copies of a ticket the customer just changed. */
  retireTicket(ticket: { ticketId: string; customerId: string; serviceId: string }): Promise<void>;
}

/** The per-request loaders; services name the few they use (`Pick<FaultsLoaders, ...>`). */
export type FaultsLoaders = ReturnType<typeof createLoaders>;

const index = <K, T>(keys: readonly K[], items: T[], key: (t: T) => K) => {
  const map = new Map(items.map((i) => [key(i), i]));
  return keys.map((k) => map.get(k) ?? null);
};

/** Per-request loaders: one fault-system call per kind of data per query level. */
export function createLoaders(fm: FaultManagementAdapter) {
  const ticketsOf = (openOnly: boolean) =>
    new DataLoader<string, TicketModel[]>(async (serviceIds) => {
      const tickets = await fm.ticketsOfServices(serviceIds, openOnly);
      return serviceIds.map((id) => tickets.filter((t) => t.serviceId === id));
    });
  return {
    service: new DataLoader<string, FaultServiceModel | null>(async (ids) =>
      index(ids, await fm.getServices(ids), (s) => s.id),
    ),
    ticket: new DataLoader<string, TicketModel | null>(async (ids) =>
      index(ids, await fm.getTickets(ids), (t) => t.id),
    ),
    openTickets: ticketsOf(true),
    allTickets: ticketsOf(false),
    networkStatus: new DataLoader<string, NetworkStatusModel | null>(async (ids) =>
      index(ids, await fm.networkStatus(ids), (s) => s.serviceId),
    ),
    /** Alarms and planned outages by id, cleared ones included. */
    alarm: new DataLoader<string, AlarmModel | null>(async (ids) =>
      index(ids, await fm.getAlarms(ids), (a) => a.id),
    ),
    alarmsOfArea: new DataLoader<string, AlarmModel[]>(async (areaIds) => {
      const alarms = await fm.activeAlarms(areaIds);
      return areaIds.map((a) => alarms.filter((x) => x.areaId === a));
    }),
    sla: new DataLoader<string, SlaModel | null>(async (ids) =>
      index(ids, await fm.sla(ids), (s) => s.serviceId),
    ),
    /** Quality samples per service over a period; services asking for the same period share one call. */
    quality: groupedLoader<{ id: string; from: string; to: string }, QualitySampleModel[]>(
      (k) => `${k.from}|${k.to}`,
      async (serviceIds, { from, to }) => {
        const samples = await fm.quality(serviceIds, from, to);
        return new Map(serviceIds.map((id) => [id, samples.filter((q) => q.serviceId === id)]));
      },
      [],
    ),
    test: new DataLoader<string, TestRunModel | null>(async (ids) =>
      index(ids, await fm.getTests(ids), (t) => t.id),
    ),
  };
}
