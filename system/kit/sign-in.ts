import type { RunningSystem } from '../system';
import { DEMO_PASSWORD } from '../../mocks/seed/demo';
import { post } from './client';

/** What signing in needs of a running system: the gateway and the message simulator's outbox. */
export type SignInTarget = Pick<RunningSystem, 'gatewayUrl' | 'sims'>;

export const START_LOGIN = `mutation($actorId: String!, $password: String!, $channel: NotificationChannel!) {
  startLogin(input: { actorId: $actorId, password: $password, channel: $channel }) {
    __typename
    ... on LoginChallenge { challengeId sentTo channel expiresAt }
    ... on LoginFailure { reason message retryAfterSeconds }
  }
}`;

export const COMPLETE_LOGIN = `mutation($challengeId: ID!, $code: String!) {
  completeLogin(input: { challengeId: $challengeId, code: $code }) {
    __typename
    ... on AuthSession { accessToken refreshToken accessTokenExpiresAt user { id role } }
    ... on LoginFailure { reason message }
  }
}`;

interface StartLoginData {
  startLogin: { __typename: string; challengeId?: string };
}
interface CompleteLoginData {
  completeLogin: { __typename: string; accessToken?: string; refreshToken?: string };
}

/** Reads the latest one-time code sent to a destination from the message gateway simulator. */
export function lastCode(system: Pick<RunningSystem, 'sims'>, to: string): string {
  const message = [...system.sims.outbox].reverse().find((m) => m.to === to);
  const match = message && /\b(\d{6})\b/.exec(message.text);
  if (!match) throw new Error(`no code was sent to ${to}`);
  return match[1];
}

/**
 * Full S1 sign-in through the gateway: password, then the one-time code read from the SMS
 * simulator (sent to `phone`, by default the seeded user's).
 */
export async function login(
  system: SignInTarget,
  actorId: string,
  password = DEMO_PASSWORD,
  phone?: string,
): Promise<{ accessToken: string; refreshToken: string }> {
  const started = await post<StartLoginData>(system.gatewayUrl, START_LOGIN, {
    actorId,
    password,
    channel: 'SMS',
  });
  const challengeId = started.data?.startLogin.challengeId;
  if (started.data?.startLogin.__typename !== 'LoginChallenge' || !challengeId)
    throw new Error(`login of ${actorId} failed: ${JSON.stringify(started)}`);
  const user = system.sims.world.users.find((u) => u.id === actorId);
  const code = lastCode(system, phone ?? user?.phone ?? '');
  const completed = await post<CompleteLoginData>(system.gatewayUrl, COMPLETE_LOGIN, { challengeId, code });
  const { __typename, accessToken, refreshToken } = completed.data?.completeLogin ?? {};
  if (__typename !== 'AuthSession' || !accessToken || !refreshToken)
    throw new Error(`code for ${actorId} refused: ${JSON.stringify(completed)}`);
  return { accessToken, refreshToken };
}
