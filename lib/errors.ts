import { GraphQLError } from 'graphql';

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

export function apiError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const unauthenticated = (message = 'Log in to use this operation.'): GraphQLError =>
  apiError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to access this resource.'): GraphQLError =>
  apiError('FORBIDDEN', message);
export const badInput = (message: string, field?: string): GraphQLError =>
  apiError('BAD_USER_INPUT', message, field ? { field } : {});
export const notFound = (what: string, id: string): GraphQLError =>
  apiError('NOT_FOUND', `${what} ${id} was not found.`);

export type LegacyErrorCode = Extract<
  ErrorCode,
  'UPSTREAM_TIMEOUT' | 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_ERROR' | 'NOT_FOUND'
>;

/** How clients hear of each legacy system (never its own name for itself, never its words). */
const SYSTEM_NAMES: Record<string, string> = {
  crm: 'customer system',
  catalogue: 'product catalogue',
  ibss: 'order system',
  faults: 'fault management system',
  billing: 'billing system',
  messages: 'message gateway',
};

/** The fixed text a client gets for a legacy failure: the system and the kind of failure only. */
export function legacyClientMessage(system: string, code: LegacyErrorCode): string {
  const name = SYSTEM_NAMES[system] ?? 'legacy system';
  switch (code) {
    case 'UPSTREAM_UNAVAILABLE':
      return `The ${name} is unavailable.`;
    case 'UPSTREAM_TIMEOUT':
      return `The ${name} did not answer in time.`;
    case 'UPSTREAM_ERROR':
      return `The ${name} could not handle the request.`;
    case 'NOT_FOUND':
      return `The ${name} does not know the requested record.`;
  }
}

/**
 * A failure talking to a legacy system, raised by adapters and turned into a GraphQLError.
 * `message` is for the log: it may quote the legacy system's own words (a SOAP fault string, an
 * upstream body), which never reach clients (S5). Clients get `clientMessage`: the fixed text per
 * system and code, unless the raiser wrote one of its own that quotes nothing from upstream.
 */
export class LegacyError extends Error {
  readonly clientMessage: string;

  constructor(
    readonly system: string,
    readonly code: LegacyErrorCode,
    message: string,
    readonly status?: number,
    clientMessage?: string,
  ) {
    super(message);
    this.name = 'LegacyError';
    this.clientMessage = clientMessage ?? legacyClientMessage(system, code);
  }

  toGraphQLError(): GraphQLError {
    return apiError(this.code, this.clientMessage, { system: this.system });
  }
}

/** Resolvers throw LegacyError; Apollo's formatError hook uses this so the code reaches the client. */
export function toClientError(error: unknown): GraphQLError | undefined {
  if (error instanceof LegacyError) return error.toGraphQLError();
  return undefined;
}
