import { assertOwned, requireUser } from '../../../lib/authz/assertions';
import { badInput } from '../../../lib/errors';
import { callerRequestId } from '../../../lib/input/caller-request-id';
import type { FaultManagementAdapter } from '../../../legacy/fault-management/client';
import type { ExperienceReportModel } from '../../../legacy/fault-management/models';
import type { ExperienceReportInput } from '../__generated__/resolvers-types';
import type { FaultsContext, FaultsLoaders } from '../context';
import { areaId, freeText } from '../input';
import { serviceInScope } from './service-access';

/** What experience reports need from the request. */
export type ExperienceReportDeps = Pick<FaultsContext, 'actor'> & {
  fm: Pick<FaultManagementAdapter, 'createExperienceReport' | 'experienceReports'>;
  loaders: Pick<FaultsLoaders, 'service'>;
};

/**
 * A8: records the experience in an area, optionally about one of the customer's services. A
 * retry with the same key by the same user returns the first report. Fault management refusing the report is
 * the client's input being wrong (there is no rejected result type for reports).
 */
export async function submitExperienceReport(
  deps: ExperienceReportDeps,
  input: ExperienceReportInput,
): Promise<ExperienceReportModel> {
  const user = requireUser(deps.actor);
  const requestId = callerRequestId(user, input.idempotencyKey);
  if (input.serviceId) await serviceInScope(deps, input.serviceId, 'experience.report');
  const area = areaId(input.areaId);
  const result = await deps.fm.createExperienceReport({
    // Scoped to the sender: another user's key is a new report, never theirs (S3).
    requestId,
    customerId: user.customerId,
    serviceId: input.serviceId ?? null,
    areaId: area,
    kind: input.kind,
    comment: input.comment ? freeText(input.comment, 'comment', 0, 1000) : '',
  });
  if (!result.ok) throw badInput(result.reason, 'input');
  return result.value;
}

/** A8: the experience reports the customer's users submitted. */
export async function experienceReportsOf(
  deps: ExperienceReportDeps,
  customerId: string,
): Promise<ExperienceReportModel[]> {
  assertOwned(deps.actor, customerId);
  return deps.fm.experienceReports(customerId);
}
