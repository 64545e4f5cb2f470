import type { AlarmModel, TicketModel } from '../../../legacy/fault-management/models';
import type { FaultsLoaders } from '../context';

/** What showing a ticket's known outage needs from the request. */
export type KnownOutageDeps = { loaders: Pick<FaultsLoaders, 'alarm'> };

/**
 * A5: the outage fault management linked a ticket to when it was reported (cleared ones too:
 * the link stays part of the ticket's history). The ticket itself is already guarded (its
 * permission rule), and the alarm carries no customer data, so no further check is needed.
 */
export async function relatedAlarm(deps: KnownOutageDeps, ticket: TicketModel): Promise<AlarmModel | null> {
  // Tickets cached before the link existed have no field at all.
  const id = ticket.relatedAlarmId ?? null;
  return id ? deps.loaders.alarm.load(id) : null;
}
