import { GraphQLError, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { executedRootFields } from './root-fields';

/**
 * Root fields that present a credential (password, one-time code, refresh token, client secret)
 * or create one (a registration's password): each is a sign-in attempt.
 */
export const CREDENTIAL_FIELDS: ReadonlySet<string> = new Set([
  'startLogin',
  'completeLogin',
  'refreshSession',
  'partnerToken',
  'registerCustomer',
  // Issue 16: a password check or a reset code (each also counted by the lock-outs behind).
  'changePassword',
  'startPasswordReset',
  'completePasswordReset',
  // A one-time code confirming a changed e-mail or phone (also counted by its own lock-out).
  'confirmContact',
]);

/** Code of the refusal of an operation with more than one credential field. */
export const ONE_CREDENTIAL_PER_REQUEST = 'ONE_CREDENTIAL_PER_REQUEST';

/**
 * The credential fields an operation would execute, one entry per occurrence: each alias is an
 * attempt of its own (15 aliased `partnerToken` fields are 15 guesses), also inside fragments.
 */
export function credentialFieldsOf(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  if (operation.operation !== 'mutation') return [];
  return executedRootFields(operation, document, (name) => CREDENTIAL_FIELDS.has(name));
}

/**
 * The refusal of an operation with more than one credential field (HTTP 400, before anything
 * runs). Why refuse rather than run them one by one: no client needs two sign-in steps in one
 * request, and every limit behind the gateway (lock-outs, per-challenge tries) is then met one
 * attempt at a time. The message names the fields, never their arguments.
 */
export function oneCredentialPerRequest(fields: readonly string[]): GraphQLError {
  const counts = new Map<string, number>();
  for (const f of fields) counts.set(f, (counts.get(f) ?? 0) + 1);
  const named = [...counts].map(([f, n]) => (n > 1 ? `${f} x${n}` : f)).join(', ');
  return new GraphQLError(
    `One sign-in field per request: this operation has ${fields.length} (${named}); send each in a request of its own.`,
    {
      extensions: { code: ONE_CREDENTIAL_PER_REQUEST, found: fields.length, max: 1, http: { status: 400 } },
    },
  );
}
