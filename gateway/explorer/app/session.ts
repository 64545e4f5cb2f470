import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';

/** The API of the gateway that served this page: the explorer never talks to another origin. */
export const API_URL = new URL('/graphql', window.location.href).href;

/** Who the sign-in panel signed in, kept outside React: the panel unmounts when it is closed. */
export interface Session {
  /** `Bearer <access token>`. */
  authorization: string;
  /** Shown in the panel, e.g. "nw.manager (MANAGER)". */
  label: string;
  /** A person's session ends with `logout`; a partner's token has no session and just expires. */
  kind: 'person' | 'partner';
}

let current: Session | null = null;

export const session = {
  get: (): Session | null => current,
  set: (next: Session | null): void => {
    current = next;
  },
};

const send = createGraphiQLFetcher({ url: API_URL });

/**
 * GraphiQL's fetcher. The headers editor wins; without an Authorization there, the signed-in
 * caller's is added, so every tab (and every example) runs as the caller the panel signed in.
 */
export const fetcher: Fetcher = (params, opts) => {
  const headers: Record<string, unknown> = { ...opts?.headers };
  const signedIn = session.get();
  if (signedIn && !Object.keys(headers).some((name) => name.toLowerCase() === 'authorization'))
    headers.Authorization = signedIn.authorization;
  return send(params, { ...opts, headers });
};

interface Reply<T> {
  data?: T;
  errors?: { message: string }[];
}

/** One GraphQL request of the sign-in panel; errors become an exception with their message. */
export async function call<T>(
  query: string,
  variables: Record<string, unknown>,
  authorization?: string,
): Promise<T> {
  const response = await fetch(API_URL, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization ? { authorization } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const reply = (await response.json()) as Reply<T>;
  if (reply.errors?.length || !reply.data)
    throw new Error(reply.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
  return reply.data;
}
