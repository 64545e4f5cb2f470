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

/** A failure talking to a legacy system, raised by adapters and turned into a GraphQLError. */
export class LegacyError extends Error {
  constructor(
    readonly system: string,
    readonly code: Extract<
      ErrorCode,
      'UPSTREAM_TIMEOUT' | 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_ERROR' | 'NOT_FOUND'
    >,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LegacyError';
  }

  toGraphQLError(): GraphQLError {
    return apiError(this.code, this.message, { system: this.system });
  }
}

/** Resolvers throw LegacyError; Apollo's formatError hook uses this so the code reaches the client. */
export function toClientError(error: unknown): GraphQLError | undefined {
  if (error instanceof LegacyError) return error.toGraphQLError();
  return undefined;
}
