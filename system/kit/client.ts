import type { RunningSystem } from '../system';
import { DEMO_PASSWORD } from '../../mocks/seed/generate';

/** A minimal GraphQL-over-HTTP client for the scripts (reports, benchmarks). */
export interface Reply<T> {
  status: number;
  /** What the gateway's response cache did (x-ssm-cache). */
  cache: string | null;
  body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

export async function post<T = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    cache: res.headers.get('x-ssm-cache'),
    body: (await res.json()) as Reply<T>['body'],
  };
}

/** S1 sign-in through the gateway, reading the one-time code from the message simulator. */
export async function signIn(system: RunningSystem, userId: string): Promise<string> {
  const started = await post<{ startLogin: { challengeId?: string } }>(
    system.gatewayUrl,
    `mutation($u: String!, $p: String!) { startLogin(input: { actorId: $u, password: $p, channel: SMS }) { ... on LoginChallenge { challengeId } } }`,
    { u: userId, p: DEMO_PASSWORD },
  );
  const challengeId = started.body.data?.startLogin?.challengeId;
  const phone = system.sims.world.users.find((u) => u.id === userId)?.phone;
  const message = [...system.sims.outbox].reverse().find((m) => m.to === phone);
  const code = message && /\b(\d{6})\b/.exec(message.text)?.[1];
  if (!challengeId || !code) throw new Error(`sign-in of ${userId} failed`);
  const done = await post<{ completeLogin: { accessToken?: string } }>(
    system.gatewayUrl,
    `mutation($c: ID!, $code: String!) { completeLogin(input: { challengeId: $c, code: $code }) { ... on AuthSession { accessToken } } }`,
    { c: challengeId, code },
  );
  const token = done.body.data?.completeLogin?.accessToken;
  if (!token) throw new Error(`one-time code of ${userId} refused`);
  return token;
}
