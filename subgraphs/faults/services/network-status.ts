import { apiError } from '../../../lib/errors';
import type { Locale } from '../../../lib/i18n/locale';
import { localize, msg, type Text } from '../../../lib/i18n/text';
import type { AlarmModel, NetworkStatusModel } from '../../../legacy/fault-management/models';
import type { FaultsLoaders } from '../context';

/** What network status reads need: the status, service and alarm loaders. */
export interface NetworkStatusDeps {
  loaders: Pick<FaultsLoaders, 'networkStatus' | 'service' | 'alarmsOfArea'>;
}

/** Rendered in the request's language (issue 16 item 4). */
const DIAGNOSIS = {
  fault: msg`A network fault in the area explains the outage; engineers are working on it.`,
  off: msg`The network is fine; the handset is switched off or out of coverage.`,
  notProvisioned: msg`The service is not active (suspended or terminated).`,
  ok: msg`The service is reachable.`,
};

/**
 * A4: can the network reach the service right now. Every service has a status in the network;
 * none is a fault of the monitoring system, not an unknown service.
 */
export async function networkStatus(deps: NetworkStatusDeps, serviceId: string): Promise<NetworkStatusModel> {
  const status = await deps.loaders.networkStatus.load(serviceId);
  if (!status)
    throw apiError('UPSTREAM_ERROR', 'The network has no status for this service.', { system: 'faults' });
  return status;
}

/** A4: why the service is or is not reachable, most fundamental cause first. */
export function diagnosis(status: NetworkStatusModel, locale?: Locale): string {
  return localize(diagnosisText(status), locale);
}

function diagnosisText(status: NetworkStatusModel): Text {
  if (!status.provisioned) return DIAGNOSIS.notProvisioned;
  if (status.networkFault) return DIAGNOSIS.fault;
  if (status.handsetState === 'OFF') return DIAGNOSIS.off;
  return DIAGNOSIS.ok;
}

/** The active alarm that explains a status, if any (still active in the service's area). */
export async function alarmOfStatus(
  deps: NetworkStatusDeps,
  status: NetworkStatusModel,
): Promise<AlarmModel | null> {
  if (!status.alarmId) return null;
  return (await deps.loaders.alarmsOfArea.load(status.areaId)).find((a) => a.id === status.alarmId) ?? null;
}

/**
 * A5: active alarms in the service's area that concern its kind of service (or every kind), shown
 * before a ticket is raised.
 */
export async function knownIssues(deps: NetworkStatusDeps, serviceId: string): Promise<AlarmModel[]> {
  const service = await deps.loaders.service.load(serviceId);
  if (!service) return [];
  return (await deps.loaders.alarmsOfArea.load(service.areaId)).filter(
    (a) => a.serviceType === null || a.serviceType === service.type,
  );
}
