import { apiError, badInput } from '../../../lib/errors';
import type { QualitySampleModel } from '../../../legacy/fault-management/models';
import type { FaultsLoaders } from '../context';
import { isoDate } from '../input';

/** What service-level reads need: the SLA and quality loaders. */
export interface ServiceLevelDeps {
  loaders: Pick<FaultsLoaders, 'sla' | 'quality'>;
}

/** The contracted service level as the API names it. */
export interface SlaTargetView {
  availabilityPercent: number;
  downloadMbps: number | null;
  latencyMs: number;
  callSetupSuccessPercent: number | null;
}

/** A3: the contracted service level; every service has one, so none is an upstream fault. */
export async function slaTarget(deps: ServiceLevelDeps, serviceId: string): Promise<SlaTargetView> {
  const sla = await deps.loaders.sla.load(serviceId);
  if (!sla)
    throw apiError('UPSTREAM_ERROR', 'No service level is recorded for this service.', { system: 'faults' });
  return {
    availabilityPercent: sla.availability,
    downloadMbps: sla.downloadMbps,
    latencyMs: sla.latencyMs,
    callSetupSuccessPercent: sla.callSetupSuccess,
  };
}

/** A6: quality measurements over a period; a date-only `to` includes that whole day. */
export async function qualityHistory(
  deps: ServiceLevelDeps,
  serviceId: string,
  from: string,
  to: string,
): Promise<QualitySampleModel[]> {
  if (isoDate(from, 'from') > isoDate(to, 'to')) throw badInput('from must not be after to.', 'from');
  return deps.loaders.quality.load({
    id: serviceId,
    from,
    to: to.length === 10 ? `${to}T23:59:59.999Z` : to,
  });
}
