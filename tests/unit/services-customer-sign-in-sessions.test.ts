import type { GraphQLError } from 'graphql';
import { verifyAccessToken, type Actor } from '../../lib/actor';
import { SESSION_CLOSED_CHANNEL } from '../../lib/sessions';
import { DEFAULT_LOCKOUT_SETTINGS } from '../../lib/lockouts';
import {
  DEFAULT_AUTH_SETTINGS,
  type Challenge,
  type Session,
} from '../../subgraphs/customer/services/sign-in';
import { actor, settings, user } from '../support/customer-auth-fakes';
import { PASSWORD, signInHarness } from '../support/sign-in-harness';

/**
 * S1 sign-in, second half: the defaults, one session from concurrent right codes, the tokens a
 * session gets, the single-use refresh token (reuse closes the session) and logout, with their S4
 * events, over in-memory fakes.
 */

/** A whole second of the present, so the token (checked against the real clock) is unexpired. */
const NOW = Math.floor(Date.now() / 1000) * 1000;

async function signedIn(h = signInHarness()) {
  const challenge = (await h.at().startLogin({ actorId: user.id, password: PASSWORD })) as Challenge;
  const session = (await h.at().completeLogin(challenge.challengeId, h.lastCode())) as Session;
  const claims = await verifyAccessToken(session.accessToken, settings.tokenSecret);
  h.audit.events.length = 0;
  h.log.lines.length = 0;
  return { h, session, claims };
}

async function rejection(promise: Promise<unknown>): Promise<GraphQLError> {
  return promise.then(
    () => {
      throw new Error('expected an error');
    },
    (error: GraphQLError) => error,
  );
}

afterEach(() => jest.restoreAllMocks());

describe('S1 sessions: tokens', () => {
  it('the defaults: the lock-out settings, 15-minute tokens, 5-minute challenges, 3 tries', () => {
    expect(DEFAULT_AUTH_SETTINGS).toEqual({
      ...DEFAULT_LOCKOUT_SETTINGS,
      accessTokenTtlSeconds: 900,
      challengeTtlSeconds: 300,
      maxCodeAttempts: 3,
    });
  });

  it('S1: of two concurrent right codes, one opens a session', async () => {
    const h = signInHarness();
    const challenge = (await h.at().startLogin({ actorId: user.id, password: PASSWORD })) as Challenge;
    const [id, code] = [challenge.challengeId, h.lastCode()];
    const results = await Promise.all([h.at().completeLogin(id, code), h.at().completeLogin(id, code)]);
    expect(results.map((r) => r.kind).sort()).toEqual(['failure', 'session']);
    expect(results.find((r) => r.kind === 'failure')).toMatchObject({
      reason: 'CHALLENGE_EXPIRED',
      message: 'The sign-in attempt expired; start again.',
    });
  });
  it('S1: the access token names the user, customer, role and session, and lives the configured time', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    const h = signInHarness({ settings: { ...settings, accessTokenTtlSeconds: 600 } });
    const challenge = (await h.at().startLogin({ actorId: user.id, password: PASSWORD })) as Challenge;
    const session = (await h.at().completeLogin(challenge.challengeId, h.lastCode())) as Session;
    expect(session.accessTokenExpiresAt).toBe(new Date(NOW + 600_000).toISOString());
    jest.restoreAllMocks();
    const claims = await verifyAccessToken(session.accessToken, settings.tokenSecret);
    expect(claims).toEqual({
      userId: user.id,
      customerId: user.customerId,
      role: 'SSM_USER',
      sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      tokenId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      expiresAt: NOW / 1000 + 600,
    });
    await expect(
      verifyAccessToken(session.accessToken, 'another-secret-another-secret-xx'),
    ).rejects.toThrow();
  });

  it('S1: the refresh token is stored by its hash for the session lifetime, never in clear', async () => {
    const { h, session, claims } = await signedIn();
    const keys = [...h.store.ttls.keys()].filter((k) => k.startsWith('refresh:'));
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain(session.refreshToken);
    expect(h.store.ttls.get(keys[0])).toBe(30 * 24 * 3600);
    expect(JSON.parse((await h.store.get(keys[0])) as string)).toEqual({
      sessionId: claims.sessionId,
      userId: user.id,
      customerId: user.customerId,
      role: user.role,
    });
  });
});

describe('S1 sessions: refresh', () => {
  it('S1: a refresh token buys a new pair for the same session once, with a TOKEN_REFRESH event', async () => {
    const { h, session, claims } = await signedIn();
    const next = (await h.at().refresh(session.refreshToken)) as Session;
    expect(next).toMatchObject({ kind: 'session', userId: user.id });
    expect(next.refreshToken).not.toBe(session.refreshToken);
    const nextClaims = await verifyAccessToken(next.accessToken, settings.tokenSecret);
    expect(nextClaims).toMatchObject({
      sessionId: claims.sessionId,
      userId: user.id,
      customerId: user.customerId,
    });
    expect(nextClaims.tokenId).not.toBe(claims.tokenId);
    expect(h.audit.events).toEqual([
      { kind: 'TOKEN_REFRESH', outcome: 'SUCCESS', customerId: user.customerId, actorId: user.id },
    ]);
    const used = [...h.store.ttls].filter(([k]) => k.startsWith('refresh-used:'));
    expect(used).toEqual([[expect.any(String), 30 * 24 * 3600]]);
    expect(await h.store.get(used[0][0])).toBe(claims.sessionId);
    // The new token works in turn.
    expect(await h.at().refresh(next.refreshToken)).toMatchObject({ kind: 'session' });
  });

  it('S1: reuse of a refresh token means it leaked: the session is closed and the event DENIED', async () => {
    const { h, session, claims } = await signedIn();
    const announced: string[] = [];
    await h.store.subscribe(SESSION_CLOSED_CHANNEL, (id) => void announced.push(id));
    const next = (await h.at().refresh(session.refreshToken)) as Session;
    h.audit.events.length = 0;
    expect(await h.at().refresh(session.refreshToken)).toEqual({
      kind: 'failure',
      reason: 'INVALID_REFRESH_TOKEN',
      message: 'The refresh token is not valid; sign in again.',
      retryAfterSeconds: null,
    });
    expect(await h.store.get(`session:${claims.sessionId}`)).toBeNull();
    expect(announced).toEqual([claims.sessionId]);
    expect(h.audit.events).toEqual([
      { kind: 'TOKEN_REFRESH', outcome: 'DENIED', customerId: null, actorId: null, target: claims.sessionId },
    ]);
    expect(h.log.lines).toEqual([
      [
        'warn',
        { event: 'refresh.reuse', sessionId: claims.sessionId },
        'refresh token reused; session closed',
      ],
    ]);
    // The pair issued before the reuse is dead too: its session has ended.
    expect(await h.at().refresh(next.refreshToken)).toEqual({
      kind: 'failure',
      reason: 'INVALID_REFRESH_TOKEN',
      message: 'The session has ended; sign in again.',
      retryAfterSeconds: null,
    });
  });

  it('S1: an unknown refresh token is refused and closes nothing', async () => {
    const { h, claims } = await signedIn();
    expect(await h.at().refresh('made-up')).toMatchObject({
      reason: 'INVALID_REFRESH_TOKEN',
      message: 'The refresh token is not valid; sign in again.',
    });
    expect(await h.store.get(`session:${claims.sessionId}`)).toBe(user.id);
    expect(h.audit.events).toEqual([]);
    expect(h.log.lines).toEqual([]);
  });

  it('S1: after logout the refresh token buys nothing and is not marked used', async () => {
    const { h, session, claims } = await signedIn();
    await h.at().logout({ ...actor, sessionId: claims.sessionId });
    h.audit.events.length = 0;
    expect(await h.at().refresh(session.refreshToken)).toMatchObject({
      reason: 'INVALID_REFRESH_TOKEN',
      message: 'The session has ended; sign in again.',
    });
    expect(h.audit.events).toEqual([]);
    expect([...h.store.ttls.keys()].filter((k) => k.startsWith('refresh-used:'))).toEqual([]);
  });
});

describe('S1 sessions: logout', () => {
  it('S1: logout closes the session at once, tells the gateways and is a LOGOUT event', async () => {
    const { h, claims } = await signedIn();
    const announced: string[] = [];
    await h.store.subscribe(SESSION_CLOSED_CHANNEL, (id) => void announced.push(id));
    await h.at().logout({ ...actor, sessionId: claims.sessionId });
    expect(await h.store.get(`session:${claims.sessionId}`)).toBeNull();
    expect(announced).toEqual([claims.sessionId]);
    expect(h.audit.events).toEqual([
      { kind: 'LOGOUT', outcome: 'SUCCESS', customerId: user.customerId, actorId: user.id },
    ]);
    expect(h.log.lines).toEqual([
      ['info', { event: 'logout', sessionId: claims.sessionId }, 'session closed'],
    ]);
  });

  it('S1: staff log out as no customer', async () => {
    const h = signInHarness();
    await h.at().logout({ kind: 'staff', userId: 'STAFF-1', sessionId: 'S-9' });
    expect(h.audit.events).toEqual([
      { kind: 'LOGOUT', outcome: 'SUCCESS', customerId: null, actorId: 'STAFF-1' },
    ]);
  });

  it('S1: anonymous callers and partner tokens have no session to end', async () => {
    const h = signInHarness();
    const callers: Actor[] = [
      { kind: 'anonymous' },
      { kind: 'partner', partnerId: 'P-1', clientId: 'c', scopes: [] },
    ];
    for (const caller of callers) {
      const error = await rejection(h.at().logout(caller));
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect(error.message).toBe('Partner tokens have no session to end.');
    }
    expect(h.audit.events).toEqual([]);
  });
});
