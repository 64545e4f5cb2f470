import type { XmlValue } from '../../lib/soap';
import { ClientFault, str } from './fault';

const KINDS = ['RATING', 'SUGGESTION', 'CUSTOMISATION_REQUEST'] as const;
type InteractionKind = (typeof KINDS)[number];

/** One customer interaction (TMF683-like) as the CRM keeps it: a rating, suggestion or request. */
interface Interaction {
  id: string;
  requestId: string;
  customerId: string;
  userId: string;
  kind: InteractionKind;
  subjectId: string;
  score: number | null;
  text: string;
  state: 'RECEIVED' | 'IN_REVIEW' | 'ANSWERED';
  createdAt: string;
}

/** customerId repeats in bulk requests, so the SOAP parser always reads it as a list. */
const one = (v: unknown): string => (Array.isArray(v) ? str(v[0]) : str(v));

const xml = (i: Interaction): XmlValue => ({
  id: i.id,
  customerId: i.customerId,
  userId: i.userId,
  kind: i.kind,
  subjectId: i.subjectId,
  score: i.score === null ? '' : String(i.score),
  text: i.text,
  state: i.state,
  createdAt: i.createdAt,
});

/**
 * X2: the CRM's customer interactions. CreateInteraction records one exactly once per requestId
 * (the same request again answers the same interaction; the same id with another body is a
 * DUPLICATE_REQUEST fault); a rating carries a score from 1 to 5, the others a text. A
 * customisation request goes to review at once (the CRM routes it to product management).
 */
export function interactionOperations(): Record<
  'CreateInteraction' | 'GetInteractions',
  (p: Record<string, unknown>) => XmlValue
> {
  const all: Interaction[] = [];
  const byRequest = new Map<string, Interaction>();
  return {
    CreateInteraction: (p) => {
      const requestId = str(p.requestId);
      if (!requestId) throw new ClientFault('MISSING_REQUEST_ID', 'requestId is required.');
      const kind = str(p.kind) as InteractionKind;
      if (!KINDS.includes(kind))
        throw new ClientFault('INVALID_KIND', `kind must be one of ${KINDS.join(', ')}.`);
      const score = kind === 'RATING' ? Number(str(p.score)) : null;
      if (score !== null && !(Number.isInteger(score) && score >= 1 && score <= 5))
        throw new ClientFault('INVALID_SCORE', 'score must be 1 to 5.');
      const previous = byRequest.get(requestId);
      const same =
        previous &&
        previous.kind === kind &&
        previous.subjectId === str(p.subjectId) &&
        previous.score === score &&
        previous.text === str(p.text);
      if (previous && !same)
        throw new ClientFault('DUPLICATE_REQUEST', 'requestId was used for another interaction.');
      if (previous) return { interaction: xml(previous), created: 'false' };
      const interaction: Interaction = {
        id: `INT-${String(all.length + 1).padStart(6, '0')}`,
        requestId,
        customerId: one(p.customerId),
        userId: str(p.userId),
        kind,
        subjectId: str(p.subjectId),
        score,
        text: str(p.text),
        state: kind === 'CUSTOMISATION_REQUEST' ? 'IN_REVIEW' : 'RECEIVED',
        createdAt: new Date().toISOString(),
      };
      all.push(interaction);
      byRequest.set(requestId, interaction);
      return { interaction: xml(interaction), created: 'true' };
    },
    GetInteractions: (p) => ({
      interaction: all
        .filter((i) => i.customerId === one(p.customerId) && (!str(p.userId) || i.userId === str(p.userId)))
        .reverse()
        .map(xml),
    }),
  };
}
