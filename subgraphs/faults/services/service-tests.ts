import { requireUser } from '../../../lib/authz/assertions';
import { notFound } from '../../../lib/errors';
import type { FaultManagementAdapter } from '../../../legacy/fault-management/client';
import type { TestRunModel } from '../../../legacy/fault-management/models';
import type { StartServiceTestInput } from '../__generated__/resolvers-types';
import type { FaultsContext, FaultsLoaders } from '../context';
import { serviceInScope } from './service-access';

/** What service tests need from the request. */
export type ServiceTestDeps = Pick<FaultsContext, 'actor'> & {
  fm: Pick<FaultManagementAdapter, 'startTest'>;
  loaders: Pick<FaultsLoaders, 'service' | 'test'>;
};

/** The test started, or why fault management refused to start it (an expected outcome). */
export type ServiceTestOutcome =
  { kind: 'started'; test: TestRunModel } | { kind: 'rejected'; reason: string };

/**
 * A2/A3: a test started earlier, on a service the actor may check; any other test answers like
 * a missing one (S3).
 */
export async function viewableServiceTest(deps: ServiceTestDeps, id: string): Promise<TestRunModel> {
  requireUser(deps.actor);
  const test = await deps.loaders.test.load(id);
  if (!test) throw notFound('Service test', id);
  await serviceInScope(deps, test.serviceId, 'service.check', 'Service test', id);
  return test;
}

/** A2/A3: starts a line, speed or SLA test; the client polls for its measurements. */
export async function startServiceTest(
  deps: ServiceTestDeps,
  input: StartServiceTestInput,
): Promise<ServiceTestOutcome> {
  const service = await serviceInScope(deps, input.serviceId, 'service.check');
  const user = requireUser(deps.actor);
  // Staff acting for the customer are not the customer's users: nobody of theirs to tell.
  const result = await deps.fm.startTest(service.id, input.kind, user.assistedBy ? undefined : user.userId);
  return result.ok ? { kind: 'started', test: result.value } : { kind: 'rejected', reason: result.reason };
}
