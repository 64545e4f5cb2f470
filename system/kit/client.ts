/**
 * The one GraphQL-over-HTTP client of the tests, the scripts and the bench: it sends what a client
 * app sends and hands back what tests assert on (HTTP status, the response cache's verdict).
 */

/** A GraphQL response body as the gateway writes it. */
export interface GraphQLResponseBody<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; [k: string]: unknown };
  }[];
}

export interface GraphQLReply<T> extends GraphQLResponseBody<T> {
  status: number;
  /** What the gateway's response cache did (x-ssm-cache: HIT, MISS, PASS; absent for mutations). */
  cache: string | null;
}

/**
 * One POST of an already serialised GraphQL request, answered as a raw Response: for callers
 * that need the exact bytes (the bench records them) or send something other than a query
 * (persisted-query hashes).
 */
export function postBody(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

/** Sends one GraphQL operation, with a bearer token and extra headers when given. */
export async function post<T = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLReply<T>> {
  const res = await postBody(url, JSON.stringify({ query, variables }), {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...headers,
  });
  const body = (await res.json()) as GraphQLResponseBody<T>;
  return { ...body, status: res.status, cache: res.headers.get('x-ssm-cache') };
}
