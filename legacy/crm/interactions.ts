import { z } from 'zod';
import { CrmAdapter } from './client';

export const interaction = z.object({
  id: z.string(),
  customerId: z.string(),
  userId: z.string(),
  kind: z.enum(['RATING', 'SUGGESTION', 'CUSTOMISATION_REQUEST']),
  subjectId: z.string().transform((v) => v || null),
  score: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  text: z
    .string()
    .optional()
    .transform((v) => v ?? ''),
  state: z.enum(['RECEIVED', 'IN_REVIEW', 'ANSWERED']),
  createdAt: z.string(),
});
export type InteractionModel = z.infer<typeof interaction>;

/** X2: the CRM's customer interactions (ratings, suggestions, customisation requests) over SOAP. */
export class CrmInteractionsAdapter extends CrmAdapter {
  /** Records one interaction; the CRM does it once per `requestId` (CrmFault DUPLICATE_REQUEST otherwise). */
  async createInteraction(input: {
    requestId: string;
    customerId: string;
    userId: string;
    kind: InteractionModel['kind'];
    subjectId: string | null;
    score: number | null;
    text: string;
  }): Promise<InteractionModel> {
    const [created] = await this.list(
      'CreateInteraction',
      { ...input, subjectId: input.subjectId ?? '', score: input.score === null ? '' : String(input.score) },
      'interaction',
      interaction,
    );
    return created;
  }

  /** A customer's interactions, newest first; only one user's with `userId`. */
  async interactions(customerId: string, userId?: string): Promise<InteractionModel[]> {
    return this.list('GetInteractions', { customerId, userId: userId ?? '' }, 'interaction', interaction);
  }
}
