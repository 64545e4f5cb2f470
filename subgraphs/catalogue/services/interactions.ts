import { assertCanOrNotFound, requireUser } from '../../../lib/authz/assertions';
import { serviceTarget } from '../../../lib/authz/decisions';
import { apiError, badInput } from '../../../lib/errors';
import { callerRequestId } from '../../../lib/input/caller-request-id';
import { typedText } from '../../../lib/input/free-text';
import { CrmFault } from '../../../legacy/crm/client';
import type { CrmInteractionsAdapter, InteractionModel } from '../../../legacy/crm/interactions';
import type { IbssAdapter } from '../../../legacy/ibss/client';
import type { RateServiceInput, SendRequestInput } from '../__generated__/resolvers-types';
import type { CatalogueContext } from '../context';

/** What customer interactions need from the request. */
export type InteractionDeps = Pick<CatalogueContext, 'actor' | 'logger'> & {
  interactions: Pick<CrmInteractionsAdapter, 'createInteraction' | 'interactions'>;
  inventory: Pick<IbssAdapter, 'getServices'>;
};

/** The CRM's answer to a request id reused for another interaction, in the API's terms. */
async function recorded(create: () => Promise<InteractionModel>): Promise<InteractionModel> {
  try {
    return await create();
  } catch (error) {
    if (error instanceof CrmFault && error.errorCode === 'DUPLICATE_REQUEST')
      throw apiError('CONFLICT', 'This idempotencyKey was already used for a different request.');
    throw error;
  }
}

/**
 * X2: a rating (1 to 5) of how a service is experienced. The rater must be allowed to report
 * experience on the service (`experience.report`, authorization 1 and up; the manager always);
 * another customer's service, or one outside the rater's grants, answers NOT_FOUND like an
 * unknown one.
 */
export async function rateService(deps: InteractionDeps, input: RateServiceInput): Promise<InteractionModel> {
  const user = requireUser(deps.actor);
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5)
    throw badInput('score must be 1 to 5.', 'score');
  const comment = input.comment ? typedText(input.comment, 'comment', { max: 1000 }) : '';
  const requestId = callerRequestId(user, input.idempotencyKey);
  const [service] = await deps.inventory.getServices([input.serviceId]);
  assertCanOrNotFound(
    deps.actor,
    'experience.report',
    service ? serviceTarget(service) : undefined,
    'Service',
    input.serviceId,
  );
  const interaction = await recorded(() =>
    deps.interactions.createInteraction({
      requestId,
      customerId: user.customerId,
      userId: user.userId,
      kind: 'RATING',
      subjectId: input.serviceId,
      score: input.score,
      text: comment,
    }),
  );
  deps.logger.info({ event: 'interaction.rating', interactionId: interaction.id }, 'service rated');
  return interaction;
}

/** X2: a suggestion or a request to tailor an offering, from any of the customer's users. */
export async function sendCustomerRequest(
  deps: InteractionDeps,
  input: SendRequestInput,
): Promise<InteractionModel> {
  const user = requireUser(deps.actor);
  const text = typedText(input.text, 'text', { max: 1000 });
  const requestId = callerRequestId(user, input.idempotencyKey);
  const interaction = await recorded(() =>
    deps.interactions.createInteraction({
      requestId,
      customerId: user.customerId,
      userId: user.userId,
      kind: input.kind,
      subjectId: input.offeringId ?? null,
      score: null,
      text,
    }),
  );
  deps.logger.info({ event: 'interaction.request', interactionId: interaction.id }, 'customer request sent');
  return interaction;
}

/** X2: the user's own interactions; the manager's view is the whole customer's. */
export async function interactionsOf(deps: InteractionDeps): Promise<InteractionModel[]> {
  const user = requireUser(deps.actor);
  return deps.interactions.interactions(user.customerId, user.role === 'MANAGER' ? undefined : user.userId);
}
