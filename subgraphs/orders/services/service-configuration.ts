import type { Actor } from '../../../lib/actor';
import { can, serviceTarget } from '../../../lib/authz/decisions';
import { badInput } from '../../../lib/errors';
import { maskLastDigits } from '../../../lib/text';
import type { CallRestrictionModel, ServiceModel } from '../../../legacy/ibss/models';
import type {
  ChangeServiceParametersInput,
  ConfigureCallRestrictionsInput,
} from '../__generated__/resolvers-types';
import * as input from '../input';
import { assertOwnGroups } from './closed-groups';
import {
  submitOrder,
  type OrderRequest,
  type SubmissionDeps,
  type SubmissionOutcome,
} from './order-submission';
import { serviceForActor, type InventoryDeps } from './service-inventory';

/** What configuring a service needs from the request. */
type ConfigurationDeps = SubmissionDeps & InventoryDeps;

/** What a `modify` item changes on its service. */
type Changes = Omit<OrderRequest['items'][number], 'action' | 'serviceId' | 'offeringId'>;

/**
 * F5: one `modify` order for a service the actor may configure. `changes` reads the new settings
 * from the request only after that check, so a service that is not the actor's answers NOT_FOUND
 * whatever the input says.
 */
async function modifyService(
  deps: ConfigurationDeps,
  request: { serviceId: string; idempotencyKey: string },
  changes: (service: ServiceModel) => Changes | Promise<Changes>,
): Promise<SubmissionOutcome> {
  const service = await serviceForActor(deps, request.serviceId, 'service.configure');
  const changed = await changes(service);
  return submitOrder(deps, {
    idempotencyKey: request.idempotencyKey,
    accountId: service.accountId,
    items: [{ action: 'modify', serviceId: service.id, ...changed }],
    note: null,
  });
}

/** F5: changes configurable parameters of one service. */
export function changeServiceParameters(
  deps: ConfigurationDeps,
  request: ChangeServiceParametersInput,
): Promise<SubmissionOutcome> {
  return modifyService(deps, request, () => {
    const parameters = input.parameters(request.parameters);
    if (Object.keys(parameters).length === 0) throw badInput('parameters must not be empty.', 'parameters');
    return { parameters };
  });
}

/**
 * F5: replaces the call restrictions of one number (an empty list removes them all). A closed
 * group must be one of the number's own company (NOT_FOUND otherwise, see closed-groups.ts).
 */
export function configureCallRestrictions(
  deps: ConfigurationDeps,
  request: ConfigureCallRestrictionsInput,
): Promise<SubmissionOutcome> {
  return modifyService(deps, request, async (service) => {
    const callRestrictions = input.callRestrictions(request.restrictions);
    await assertOwnGroups(deps, service.customerId, callRestrictions);
    return { callRestrictions };
  });
}

/**
 * F5 + S6 (minimum exposure): the call restrictions of a number as this actor may read them. The
 * third-party numbers in them (the outgoing whitelist, the numbers callable after the allowance)
 * are shown in full only to actors who may configure the number; anyone else who may see it (an
 * SSM user with usage functions on it) gets them masked.
 */
export function callRestrictionsFor(actor: Actor, service: ServiceModel): CallRestrictionModel[] {
  if (can(actor, 'service.configure', serviceTarget(service))) return service.callRestrictions;
  return service.callRestrictions.map((r) => {
    switch (r.kind) {
      case 'OUTGOING_WHITELIST':
        return { ...r, numbers: r.numbers.map(maskLastDigits) };
      case 'MONTHLY_ALLOWANCE':
        return { ...r, numbersAfterAllowance: r.numbersAfterAllowance.map(maskLastDigits) };
      default:
        return r;
    }
  });
}
