import { GraphQLError } from 'graphql';
import { localize, msg, type Text } from './i18n/text';

/** The one list of error codes the API uses (see docs/architecture.md). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_ERROR'
  | 'INTERNAL_SERVER_ERROR';

/**
 * An error for the client. The message is rendered in the request's language (issue 16 item 4:
 * lib/i18n); the code is the same in every language, so clients branch on it, never on the text.
 */
export function apiError(
  code: ErrorCode,
  message: string | Text,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(localize(message), { extensions: { code, ...extensions } });
}

export const unauthenticated = (message: string | Text = 'Log in to use this operation.'): GraphQLError =>
  apiError('UNAUTHENTICATED', message);
export const forbidden = (
  message: string | Text = 'You are not allowed to access this resource.',
): GraphQLError => apiError('FORBIDDEN', message);
export const badInput = (message: string | Text, field?: string): GraphQLError =>
  apiError('BAD_USER_INPUT', message, field ? { field } : {});
/** `what` is the kind of record ('Order'), translated; `id` is the client's own, never translated. */
export const notFound = (what: string, id: string): GraphQLError =>
  apiError('NOT_FOUND', msg`${{ id: what, values: [] }} ${id} was not found.`);

export type LegacyErrorCode = Extract<
  ErrorCode,
  'UPSTREAM_TIMEOUT' | 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_ERROR' | 'NOT_FOUND'
>;

/** How clients hear of each legacy system (never its own name for itself, never its words). */
const SYSTEM_NAMES: Record<string, Text> = {
  crm: msg`customer system`,
  catalogue: msg`product catalogue`,
  ibss: msg`order system`,
  faults: msg`fault management system`,
  billing: msg`billing system`,
  messages: msg`message gateway`,
};

/** The fixed text a client gets for a legacy failure: the system and the kind of failure only. */
export function legacyClientMessage(system: string, code: LegacyErrorCode): Text {
  const name = SYSTEM_NAMES[system] ?? msg`legacy system`;
  switch (code) {
    case 'UPSTREAM_UNAVAILABLE':
      return msg`The ${name} is unavailable.`;
    case 'UPSTREAM_TIMEOUT':
      return msg`The ${name} did not answer in time.`;
    case 'UPSTREAM_ERROR':
      return msg`The ${name} could not handle the request.`;
    case 'NOT_FOUND':
      return msg`The ${name} does not know the requested record.`;
  }
}

/**
 * A failure talking to a legacy system, raised by adapters and turned into a GraphQLError.
 * `message` is for the log: it may quote the legacy system's own words (a SOAP fault string, an
 * upstream body), which never reach clients (S5). Clients get `clientMessage`: the fixed text per
 * system and code, unless the raiser wrote one of its own that quotes nothing from upstream.
 */
export class LegacyError extends Error {
  /** Kept as a text: it is rendered in the language of the request that reports it. */
  private readonly clientText: string | Text;

  constructor(
    readonly system: string,
    readonly code: LegacyErrorCode,
    message: string,
    readonly status?: number,
    clientMessage?: string | Text,
  ) {
    super(message);
    this.name = 'LegacyError';
    this.clientText = clientMessage ?? legacyClientMessage(system, code);
  }

  /** The client's text, in the request's language. */
  get clientMessage(): string {
    return localize(this.clientText);
  }

  toGraphQLError(): GraphQLError {
    return apiError(this.code, this.clientText, { system: this.system });
  }
}

/** Resolvers throw LegacyError; Apollo's formatError hook uses this so the code reaches the client. */
export function toClientError(error: unknown): GraphQLError | undefined {
  if (error instanceof LegacyError) return error.toGraphQLError();
  return undefined;
}
