import { assertCanOrNotFound, requireUser } from '../../../lib/authz/assertions';
import { canSee, serviceTarget } from '../../../lib/authz/decisions';
import { notFound } from '../../../lib/errors';
import type { FaultManagementAdapter } from '../../../legacy/fault-management/client';
import type { AlarmModel, FaultServiceModel } from '../../../legacy/fault-management/models';
import type { FaultsContext, FaultsLoaders } from '../context';

/** What alarm look-ups need from the request. */
export type AlarmDeps = Pick<FaultsContext, 'actor'> & {
  fm: Pick<FaultManagementAdapter, 'alarmServices'>;
  loaders: Pick<FaultsLoaders, 'service' | 'alarm'>;
};

/** An alarm reaches a service in its area of its kind of service (or of every kind). */
function reaches(alarm: AlarmModel, service: FaultServiceModel): boolean {
  return (
    alarm.areaId === service.areaId && (alarm.serviceType === null || alarm.serviceType === service.type)
  );
}

/**
 * A5/X3: an alarm or planned outage (raised or cleared) that reaches one of the signed-in
 * customer's services the actor can see, that service when one is named; null when it reaches none
 * of them, an unknown alarm id included, so ids tell nothing. A named service that is not the
 * actor's to see answers NOT_FOUND like a missing one (S3). Subscriptions re-resolve each
 * network.alarm event as this query, with the subscriber's rights.
 */
export async function relevantAlarm(
  deps: AlarmDeps,
  id: string,
  serviceId: string | null | undefined,
): Promise<AlarmModel | null> {
  const user = requireUser(deps.actor);
  if (serviceId) {
    const service = await deps.loaders.service.load(serviceId);
    if (!service) throw notFound('Service', serviceId);
    assertCanOrNotFound(deps.actor, null, serviceTarget(service), 'Service', serviceId);
    const alarm = await deps.loaders.alarm.load(id);
    return alarm && reaches(alarm, service) ? alarm : null;
  }
  const alarm = await deps.loaders.alarm.load(id);
  if (!alarm) return null;
  const reached = await deps.fm.alarmServices(alarm.id, user.customerId);
  return reached.some((s) => reaches(alarm, s) && canSee(deps.actor, serviceTarget(s))) ? alarm : null;
}
