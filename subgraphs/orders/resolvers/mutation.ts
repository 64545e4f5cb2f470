import type { MutationResolvers, ResolversTypes } from '../__generated__/resolvers-types';
import { cancelProductOrder } from '../services/order-cancellation';
import { placeProductOrder, type SubmissionOutcome } from '../services/order-submission';
import { changeServiceParameters, configureCallRestrictions } from '../services/service-configuration';
import { changeServiceState } from '../services/service-lifecycle';

/** An order, or the order system's refusal, as the schema's `OrderResult` union. */
function orderResult(outcome: SubmissionOutcome): ResolversTypes['OrderResult'] {
  return outcome.kind === 'rejected'
    ? { __typename: 'OrderRejected', reason: outcome.reason, code: outcome.code ?? 'ORDER_SYSTEM_REFUSED' }
    : { __typename: 'ProductOrder', ...outcome.order };
}

/** F4-F7: every mutation is an order to the IBSS, submitted exactly once per idempotency key. */
export const Mutation: MutationResolvers = {
  placeProductOrder: async (_p, { input }, ctx) => orderResult(await placeProductOrder(ctx, input)),
  cancelProductOrder: async (_p, { input }, ctx) => {
    const outcome = await cancelProductOrder(ctx, input);
    return outcome.kind === 'refused'
      ? { __typename: 'OrderCancellationRefused', reason: outcome.reason }
      : { __typename: 'ProductOrder', ...outcome.order };
  },
  changeServiceParameters: async (_p, { input }, ctx) =>
    orderResult(await changeServiceParameters(ctx, input)),
  configureCallRestrictions: async (_p, { input }, ctx) =>
    orderResult(await configureCallRestrictions(ctx, input)),
  suspendService: async (_p, { input }, ctx) => orderResult(await changeServiceState(ctx, 'suspend', input)),
  resumeService: async (_p, { input }, ctx) => orderResult(await changeServiceState(ctx, 'resume', input)),
  terminateService: async (_p, { input }, ctx) =>
    orderResult(await changeServiceState(ctx, 'terminate', input)),
};
