import type { ServiceLifecycleInput } from '../__generated__/resolvers-types';
import * as input from '../input';
import { submitOrder, type SubmissionDeps, type SubmissionOutcome } from './order-submission';
import { serviceForActor, type InventoryDeps } from './service-inventory';

/** F6/F7: what a lifecycle order does to a running service. */
export type LifecycleAction = 'suspend' | 'resume' | 'terminate';

/**
 * Suspends, resumes or terminates one service through the order system. The actor needs
 * `service.order` on the service (S3; otherwise NOT_FOUND); the reason travels as the order note.
 */
export async function changeServiceState(
  deps: SubmissionDeps & InventoryDeps,
  action: LifecycleAction,
  request: ServiceLifecycleInput,
): Promise<SubmissionOutcome> {
  const service = await serviceForActor(deps, request.serviceId, 'service.order');
  const reason = input.freeText(request.reason, 'reason');
  return submitOrder(deps, {
    idempotencyKey: request.idempotencyKey,
    accountId: service.accountId,
    items: [{ action, serviceId: service.id }],
    note: reason,
  });
}
