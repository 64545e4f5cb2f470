import crypto, { createHash } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { verifyAccessToken } from '../../lib/actor';
import { closeUserSessions } from '../../lib/user-sessions';
import { markPhoneUnverified } from '../../subgraphs/customer/services/contact-verification';
import type { Challenge, Session } from '../../subgraphs/customer/services/sign-in';
import { settings, user, wrongFor } from '../support/customer-auth-fakes';
import { PASSWORD, signInHarness } from '../support/sign-in-harness';

/**
 * S1 sign-in, first half: the password step and the one-time code step, with their S4 events and
 * lock-outs, over in-memory fakes. (Refresh and logout: services-customer-sign-in-sessions.)
 */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const loginFailure = (factor: string, customerId: string | null = user.customerId) => ({
  kind: 'LOGIN',
  outcome: 'FAILURE',
  customerId,
  actorId: user.id,
  detail: { factor },
});

async function rejection(promise: Promise<unknown>): Promise<GraphQLError> {
  return promise.then(
    () => {
      throw new Error('expected an error');
    },
    (error: GraphQLError) => error,
  );
}

afterEach(() => jest.restoreAllMocks());

describe('S1 sign-in: the password step', () => {
  it('S1: a right password sends a six-digit code by SMS by default and answers a masked challenge', async () => {
    const h = signInHarness();
    const now = Date.parse('2026-11-30T10:00:00Z');
    jest.spyOn(Date, 'now').mockReturnValue(now);
    const challenge = (await h
      .at('net-a')
      .startLogin({ actorId: '  Unit.USER ', password: PASSWORD })) as Challenge;
    expect(challenge).toEqual({
      kind: 'challenge',
      challengeId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      channel: 'SMS',
      sentTo: '+35********67',
      expiresAt: '2026-11-30T10:05:00.000Z',
    });
    expect(h.messages.sent).toEqual([
      {
        channel: 'SMS',
        to: user.phone,
        text: expect.stringMatching(/^Your ssm-gateway sign-in code is \d{6}\. It expires in 5 minutes\.$/),
        subject: 'Sign-in code',
      },
    ]);
    const stored = JSON.parse((await h.store.get(`otp:${challenge.challengeId}`)) as string);
    expect(stored).toEqual({
      userId: user.id,
      customerId: user.customerId,
      role: user.role,
      codeHash: sha256(`${challenge.challengeId}:${h.lastCode()}`),
      source: 'net-a',
      generation: '0',
    });
    expect(h.store.ttls.get(`otp:${challenge.challengeId}`)).toBe(300);
    expect(h.audit.events).toEqual([]);
  });

  it('S1: the code goes by e-mail when asked, and minutes are rounded in its text', async () => {
    const h = signInHarness({ settings: { ...settings, challengeTtlSeconds: 150 } });
    const challenge = await h.at().startLogin({ actorId: user.id, password: PASSWORD, channel: 'EMAIL' });
    expect(challenge).toMatchObject({ channel: 'EMAIL', sentTo: 'u***@example.org' });
    expect(h.messages.sent[0].to).toBe(user.email);
    expect(h.messages.sent[0].text).toMatch(/It expires in 3 minutes\.$/);
  });

  it('issue 12: asked for SMS to an unverified phone, the code goes by e-mail', async () => {
    const h = signInHarness();
    await markPhoneUnverified(h.store, user.id, user.phone);
    const challenge = await h.at().startLogin({ actorId: user.id, password: PASSWORD, channel: null });
    expect(challenge).toMatchObject({ channel: 'EMAIL', sentTo: 'u***@example.org' });
  });

  it('S4: a wrong password is a LOGIN FAILURE of the known customer, answered INVALID_CREDENTIALS', async () => {
    const h = signInHarness();
    expect(await h.at().startLogin({ actorId: user.id, password: 'wrong-password-1' })).toEqual({
      kind: 'failure',
      reason: 'INVALID_CREDENTIALS',
      message: 'The actor id or password is wrong.',
      retryAfterSeconds: null,
    });
    expect(h.audit.events).toEqual([loginFailure('password')]);
    expect(h.messages.sent).toEqual([]);
  });

  it('S4: an unknown actor id, or a CRM that cannot say, is a failure of no customer', async () => {
    const h = signInHarness();
    await h.at().startLogin({ actorId: 'nobody', password: 'x' });
    h.crm.getUser = async () => {
      throw new Error('CRM down');
    };
    await h.at().startLogin({ actorId: user.id, password: 'x' });
    expect(h.audit.events).toEqual([
      { ...loginFailure('password', null), actorId: 'nobody' },
      loginFailure('password', null),
    ]);
  });

  it('S1: an actor id over 100 or a password over 200 characters is never sent to the CRM', async () => {
    const h = signInHarness();
    const long = 'a'.repeat(100);
    await h.at().startLogin({ actorId: long, password: 'p'.repeat(200) });
    expect(h.crm.calls.filter((c) => c.startsWith('authenticate'))).toEqual([`authenticate:${long}`]);
    h.crm.calls.length = 0;
    expect(await h.at().startLogin({ actorId: `${long}a`, password: 'p' })).toMatchObject({
      reason: 'INVALID_CREDENTIALS',
    });
    h.crm.passwords[user.id] = 'p'.repeat(201);
    expect(await h.at().startLogin({ actorId: user.id, password: 'p'.repeat(201) })).toMatchObject({
      reason: 'INVALID_CREDENTIALS',
    });
    expect(h.crm.calls.filter((c) => c.startsWith('authenticate'))).toEqual([]);
  });

  it('S1: the third wrong password at one source locks the actor out there only, with a LOCKOUT event', async () => {
    const h = signInHarness();
    const there = h.at('net-a');
    expect(await there.startLogin({ actorId: user.id, password: 'x' })).toMatchObject({
      reason: 'INVALID_CREDENTIALS',
    });
    expect(await there.startLogin({ actorId: user.id, password: 'x' })).toMatchObject({
      reason: 'INVALID_CREDENTIALS',
    });
    expect(await there.startLogin({ actorId: user.id, password: 'x' })).toEqual({
      kind: 'failure',
      reason: 'LOCKED_OUT',
      message: 'Too many failed attempts; try again later.',
      retryAfterSeconds: 900,
    });
    expect(h.audit.events.slice(3)).toEqual([
      {
        kind: 'LOCKOUT',
        outcome: 'SUCCESS',
        customerId: user.customerId,
        actorId: user.id,
        detail: { where: 'source' },
      },
    ]);
    expect(h.log.lines).toEqual([
      [
        'warn',
        { event: 'login.lockout', factor: 'password', where: 'source' },
        'actor locked out after repeated failures',
      ],
    ]);
    // Locked there: even the right password is not checked; another source is not locked.
    h.crm.calls.length = 0;
    expect(await there.startLogin({ actorId: user.id, password: PASSWORD })).toMatchObject({
      reason: 'LOCKED_OUT',
      retryAfterSeconds: 900,
    });
    expect(h.crm.calls).toEqual([]);
    expect(await h.at('net-b').startLogin({ actorId: user.id, password: PASSWORD })).toMatchObject({
      kind: 'challenge',
    });
  });

  it('S1: failures racing past the lock-out answer LOCKED_OUT with the time left and no second LOCKOUT event', async () => {
    const h = signInHarness({ settings: { ...settings, maxFailures: 1 } });
    jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const results = await Promise.all([
      h.at().startLogin({ actorId: user.id, password: 'x' }),
      h.at().startLogin({ actorId: user.id, password: 'y' }),
    ]);
    expect(results).toEqual([
      expect.objectContaining({ reason: 'LOCKED_OUT', retryAfterSeconds: 900 }),
      expect.objectContaining({ reason: 'LOCKED_OUT', retryAfterSeconds: 900 }),
    ]);
    expect(h.audit.events.filter((e) => e.kind === 'LOCKOUT')).toHaveLength(1);
    expect(h.log.lines).toHaveLength(1);
  });
});

describe('S1 sign-in: the code step', () => {
  async function started(h = signInHarness(), source = 'net-a') {
    const challenge = (await h.at(source).startLogin({ actorId: user.id, password: PASSWORD })) as Challenge;
    return { h, id: challenge.challengeId, code: h.lastCode() };
  }

  it('S1: a small code keeps its leading zeros, in the message and when it is checked', async () => {
    jest.spyOn(crypto, 'randomInt').mockImplementation((() => 42) as never);
    const h = signInHarness();
    const challenge = (await h.at().startLogin({ actorId: user.id, password: PASSWORD })) as Challenge;
    expect(h.messages.sent[0].text).toContain(' 000042.');
    expect(await h.at().completeLogin(challenge.challengeId, '000042')).toMatchObject({ kind: 'session' });
  });

  it('S1: the code must be six digits', async () => {
    const { h, id } = await started();
    for (const code of ['12345', '1234567', 'abcdef', ' 123456', '123456 ']) {
      const error = await rejection(h.at('net-a').completeLogin(id, code));
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'code' });
      expect(error.message).toBe('code must be the six digits that were sent.');
    }
  });

  it('S1/R6: the right code opens a session with a signed token, a profile and a LOGIN SUCCESS', async () => {
    const { h, id, code } = await started();
    const session = (await h.at('net-a').completeLogin(id, code)) as Session;
    expect(session).toEqual({
      kind: 'session',
      accessToken: expect.any(String),
      accessTokenExpiresAt: expect.any(String),
      refreshToken: expect.stringMatching(/^[\w-]{43}$/),
      userId: user.id,
    });
    const claims = await verifyAccessToken(session.accessToken, settings.tokenSecret);
    expect(claims).toMatchObject({ userId: user.id, customerId: user.customerId, role: user.role });
    expect(await h.store.get(`session:${claims.sessionId}`)).toBe(user.id);
    expect(h.store.ttls.get(`session:${claims.sessionId}`)).toBe(30 * 24 * 3600);
    expect(await h.store.get(`user-sessions:1:${user.id}`)).toBe(claims.sessionId);
    expect(h.ensured).toEqual([[user.id, user.customerId]]);
    expect(h.audit.events).toEqual([
      { kind: 'LOGIN', outcome: 'SUCCESS', customerId: user.customerId, actorId: user.id },
    ]);
    expect(h.log.lines).toEqual([
      ['info', { event: 'login.success', sessionId: claims.sessionId }, 'session opened'],
    ]);
    // Single use.
    expect(await h.at('net-a').completeLogin(id, code)).toEqual({
      kind: 'failure',
      reason: 'CHALLENGE_EXPIRED',
      message: 'The sign-in attempt expired; start again.',
      retryAfterSeconds: null,
    });
  });

  it('R6: a user the CRM no longer knows gets no profile', async () => {
    const { h, id, code } = await started();
    h.crm.users.clear();
    expect(await h.at('net-a').completeLogin(id, code)).toMatchObject({ kind: 'session' });
    expect(h.ensured).toEqual([]);
  });

  it('S4: a wrong code is a LOGIN FAILURE of the challenge customer; the third spends the challenge', async () => {
    const { h, id, code } = await started();
    const service = h.at('net-a');
    h.crm.calls.length = 0;
    expect(await service.completeLogin(id, wrongFor(code))).toEqual({
      kind: 'failure',
      reason: 'INVALID_CODE',
      message: 'The code is wrong.',
      retryAfterSeconds: null,
    });
    expect(await service.completeLogin(id, wrongFor(code))).toMatchObject({ reason: 'INVALID_CODE' });
    expect(await h.store.get(`otp:${id}`)).not.toBeNull();
    expect(await service.completeLogin(id, wrongFor(code))).toEqual({
      kind: 'failure',
      reason: 'CHALLENGE_EXPIRED',
      message: 'Too many wrong codes; start again.',
      retryAfterSeconds: null,
    });
    expect(await h.store.get(`otp:${id}`)).toBeNull();
    expect(h.audit.events).toEqual([loginFailure('code'), loginFailure('code'), loginFailure('code')]);
    expect(h.crm.calls).toEqual([]);
    expect(await service.completeLogin(id, code)).toMatchObject({
      reason: 'CHALLENGE_EXPIRED',
      message: 'The sign-in attempt expired; start again.',
    });
  });

  it('S1: the right code on the last try still opens; past the last try nothing is checked', async () => {
    const first = await started();
    await first.h.store.incr(`otp-attempts:${first.id}`, 300);
    await first.h.store.incr(`otp-attempts:${first.id}`, 300);
    expect(await first.h.at('net-a').completeLogin(first.id, first.code)).toMatchObject({ kind: 'session' });
    const second = await started();
    for (let i = 0; i < 3; i += 1) await second.h.store.incr(`otp-attempts:${second.id}`, 300);
    expect(await second.h.at('net-a').completeLogin(second.id, second.code)).toMatchObject({
      reason: 'CHALLENGE_EXPIRED',
      message: 'Too many wrong codes; start again.',
    });
    expect(await second.h.store.get(`otp:${second.id}`)).toBeNull();
    expect(second.h.audit.events).toEqual([]);
  });

  it('S1: wrong codes count per actor over challenges; the fourth locks them out everywhere', async () => {
    const h = signInHarness();
    const one = await started(h, 'net-a');
    const two = await started(h, 'net-b');
    await h.at('net-a').completeLogin(one.id, wrongFor(one.code));
    await h.at('net-a').completeLogin(one.id, wrongFor(one.code));
    await h.at('net-b').completeLogin(two.id, wrongFor(two.code));
    expect(await h.at('net-b').completeLogin(two.id, wrongFor(two.code))).toEqual({
      kind: 'failure',
      reason: 'LOCKED_OUT',
      message: 'Too many failed attempts; try again later.',
      retryAfterSeconds: 900,
    });
    expect(h.audit.events.at(-1)).toEqual({
      kind: 'LOCKOUT',
      outcome: 'SUCCESS',
      customerId: user.customerId,
      actorId: user.id,
      detail: { where: 'everywhere' },
    });
    expect(h.log.lines).toEqual([
      [
        'warn',
        { event: 'login.lockout', factor: 'code', where: 'everywhere' },
        'actor locked out after repeated failures',
      ],
    ]);
    // The lock-out stops the open challenge too, and spends it.
    expect(await h.at('net-a').completeLogin(one.id, one.code)).toMatchObject({
      reason: 'LOCKED_OUT',
      retryAfterSeconds: 900,
    });
    expect(await h.store.get(`otp:${one.id}`)).toBeNull();
  });

  it('S1: a password lock-out where the password was given, or where the code comes from, stops a challenge', async () => {
    const h = signInHarness({ settings: { ...settings, maxFailures: 1 } });
    const one = await started(h, 'net-a');
    await h.at('net-a').startLogin({ actorId: user.id, password: 'x' });
    expect(await h.at('net-c').completeLogin(one.id, one.code)).toMatchObject({ reason: 'LOCKED_OUT' });
    expect(await h.store.get(`otp:${one.id}`)).toBeNull();
    const two = await started(h, 'net-b');
    expect(await h.at('net-a').completeLogin(two.id, two.code)).toMatchObject({ reason: 'LOCKED_OUT' });
    const three = await started(h, 'net-b');
    expect(await h.at('net-b').completeLogin(three.id, three.code)).toMatchObject({ kind: 'session' });
  });

  it('S1: a sign-in forgets the failures before it, at the source of the password and everywhere', async () => {
    const h = signInHarness();
    await h.at('net-a').startLogin({ actorId: user.id, password: 'x' });
    await h.at('net-a').startLogin({ actorId: user.id, password: 'x' });
    const one = await started(h, 'net-a');
    await h.at('net-b').completeLogin(one.id, wrongFor(one.code));
    expect(await h.store.get(`fail:user:net-a:${user.id}`)).toBe('2');
    expect(await h.store.get(`fail:user:*:${user.id}`)).toBe('1');
    expect(await h.at('net-b').completeLogin(one.id, one.code)).toMatchObject({ kind: 'session' });
    expect(await h.store.get(`fail:user:net-a:${user.id}`)).toBeNull();
    expect(await h.store.get(`fail:user:*:${user.id}`)).toBeNull();
  });

  it('issue 16: a password change after the password was given ends the sign-in', async () => {
    const { h, id, code } = await started();
    await closeUserSessions(h.store, user.id);
    expect(await h.at('net-a').completeLogin(id, code)).toEqual({
      kind: 'failure',
      reason: 'CHALLENGE_EXPIRED',
      message: 'The sign-in attempt expired; start again.',
      retryAfterSeconds: null,
    });
    expect(h.audit.events).toEqual([]);
  });

  it('a challenge stored without source or generation is of the unknown source and generation 0', async () => {
    const h = signInHarness({ settings: { ...settings, maxFailures: 1 } });
    const code = '123456';
    const id = 'legacy-challenge';
    const stored = {
      userId: user.id,
      customerId: user.customerId,
      role: user.role,
      codeHash: sha256(`${id}:${code}`),
    };
    await h.store.set(`otp:${id}`, JSON.stringify(stored), 300);
    expect(await h.at('net-b').completeLogin(id, code)).toMatchObject({ kind: 'session' });
    await h.store.set(`otp:${id}`, JSON.stringify(stored), 300);
    await h.store.del(`otp-attempts:${id}`);
    await h.at().startLogin({ actorId: user.id, password: 'x' });
    expect(await h.at('net-b').completeLogin(id, code)).toMatchObject({ reason: 'LOCKED_OUT' });
  });
});
