import { badInput } from '../../../lib/errors';
import type {
  ChangeServiceParametersInput,
  ConfigureCallRestrictionsInput,
} from '../__generated__/resolvers-types';
import * as input from '../input';
import { submitOrder, type SubmissionDeps, type SubmissionOutcome } from './order-submission';
import { serviceForActor, type InventoryDeps } from './service-inventory';

/** What configuring a service needs from the request. */
type ConfigurationDeps = SubmissionDeps & InventoryDeps;

/** F5: changes configurable parameters of one service, as a `modify` order. */
export async function changeServiceParameters(
  deps: ConfigurationDeps,
  request: ChangeServiceParametersInput,
): Promise<SubmissionOutcome> {
  const service = await serviceForActor(deps, request.serviceId, 'service.configure');
  const parameters = input.parameters(request.parameters);
  if (Object.keys(parameters).length === 0) throw badInput('parameters must not be empty.', 'parameters');
  return submitOrder(deps, {
    idempotencyKey: request.idempotencyKey,
    accountId: service.accountId,
    items: [{ action: 'modify', serviceId: service.id, parameters }],
    note: null,
  });
}

/** F5: replaces the call restrictions of one number (an empty list removes them all). */
export async function configureCallRestrictions(
  deps: ConfigurationDeps,
  request: ConfigureCallRestrictionsInput,
): Promise<SubmissionOutcome> {
  const service = await serviceForActor(deps, request.serviceId, 'service.configure');
  const callRestrictions = input.callRestrictions(request.restrictions);
  return submitOrder(deps, {
    idempotencyKey: request.idempotencyKey,
    accountId: service.accountId,
    items: [{ action: 'modify', serviceId: service.id, callRestrictions }],
    note: null,
  });
}
