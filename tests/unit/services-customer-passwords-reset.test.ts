import crypto, { createHash } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { apiError } from '../../lib/errors';
import { registerUserSession, sessionGeneration } from '../../lib/user-sessions';
import {
  markEmailUnverified,
  markPhoneUnverified,
} from '../../subgraphs/customer/services/contact-verification';
import { RESET_CODE_TTL_SECONDS } from '../../subgraphs/customer/services/passwords';
import { codeIn, user, wrongFor } from '../support/customer-auth-fakes';
import { passwordHarness } from '../support/password-harness';

/**
 * S1 passwords (issue 16), second half: resetting a forgotten password with a code sent to a
 * verified channel; the start never says whether anything was sent (no enumeration of actor ids).
 */
const NEW = 'brand-new-password-3';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const codeFailure = {
  kind: 'LOGIN',
  outcome: 'FAILURE',
  customerId: user.customerId,
  actorId: user.id,
  detail: { factor: 'code', during: 'password-reset' },
};
const codeSent = (outcome: string) => ({
  kind: 'PASSWORD_RESET',
  customerId: user.customerId,
  actorId: user.id,
  target: user.id,
  detail: { step: 'code-sent' },
  outcome,
});

async function rejection(promise: Promise<unknown>): Promise<GraphQLError> {
  return promise.then(
    () => {
      throw new Error('expected an error');
    },
    (error: GraphQLError) => error,
  );
}

async function started(h = passwordHarness(), source = 'net-a') {
  await h.at(source).startReset(user.id);
  h.audit.events.length = 0;
  return { h, code: codeIn(h.messages.sent[h.messages.sent.length - 1].text) };
}

afterEach(() => jest.restoreAllMocks());

describe('S1 password reset: asking for a code', () => {
  it('S1: sends a code by SMS for ten minutes, stored by its hash, with a code-sent event', async () => {
    expect(RESET_CODE_TTL_SECONDS).toBe(600);
    const h = passwordHarness();
    await h.store.set(`pwreset-tries:${user.id}`, '2', 600);
    await h.at().startReset('  UNIT.user ');
    expect(h.messages.sent).toEqual([
      {
        channel: 'SMS',
        to: user.phone,
        text: expect.stringMatching(
          /^Your ssm-gateway password reset code is \d{6}\. It expires in 10 minutes\. If you did not ask for it, ignore it\.$/,
        ),
        subject: 'Password reset code',
      },
    ]);
    const code = codeIn(h.messages.sent[0].text);
    expect(JSON.parse((await h.store.get(`pwreset:${user.id}`)) as string)).toEqual({
      codeHash: sha256(`${user.id}:${code}`),
      customerId: user.customerId,
    });
    expect(h.store.ttls.get(`pwreset:${user.id}`)).toBe(600);
    // A new code gets its own tries.
    expect(await h.store.get(`pwreset-tries:${user.id}`)).toBeNull();
    expect(h.audit.events).toEqual([codeSent('SUCCESS')]);
  });

  it('S1: an unverified phone gets no code; the e-mail address does', async () => {
    const h = passwordHarness();
    await markPhoneUnverified(h.store, user.id, user.phone);
    await h.at().startReset(user.id);
    expect(h.messages.sent.map((m) => [m.channel, m.to])).toEqual([['EMAIL', user.email]]);
  });

  it('S1: three codes per actor per lock-out window; the fourth ask sends nothing', async () => {
    const h = passwordHarness();
    for (let i = 0; i < 4; i += 1) await h.at().startReset(user.id);
    expect(h.messages.sent).toHaveLength(3);
    expect(await h.store.get(`pwreset-asked:${user.id}`)).toBe('4');
    expect(h.audit.events).toEqual([codeSent('SUCCESS'), codeSent('SUCCESS'), codeSent('SUCCESS')]);
  });

  it('S1: an empty or over-long actor id, or an unknown one, sends nothing and says nothing', async () => {
    const h = passwordHarness();
    await expect(h.at().startReset('   ')).resolves.toBeUndefined();
    await h.at().startReset('a'.repeat(101));
    expect(h.crm.calls).toEqual([]);
    await h.at().startReset('a'.repeat(100));
    await h.at().startReset('nobody');
    expect(h.crm.calls).toEqual([`getUser:${'a'.repeat(100)}`, 'getUser:nobody']);
    expect(h.messages.sent).toEqual([]);
    expect(h.audit.events).toEqual([]);
  });

  it('S1: a user with neither phone nor e-mail gets nothing and no event', async () => {
    const h = passwordHarness();
    h.crm.users.set(user.id, { ...user, phone: '', email: '' });
    await h.at().startReset(user.id);
    expect(h.audit.events).toEqual([]);
    h.crm.users.set(user.id, { ...user, phone: '' });
    await h.at().startReset(user.id);
    expect(h.messages.sent.map((m) => m.channel)).toEqual(['EMAIL']);
    h.crm.users.set(user.id, { ...user, email: '' });
    await h.at().startReset(user.id);
    expect(h.messages.sent.map((m) => m.channel)).toEqual(['EMAIL', 'SMS']);
  });

  it('S1: with no verified channel the code is dropped, the event DENIED, the answer the same', async () => {
    const h = passwordHarness();
    await markPhoneUnverified(h.store, user.id, user.phone);
    await markEmailUnverified(h.store, user.id, user.email);
    await expect(h.at().startReset(user.id)).resolves.toBeUndefined();
    expect(await h.store.get(`pwreset:${user.id}`)).toBeNull();
    expect(h.audit.events).toEqual([codeSent('DENIED')]);
  });

  it('S1: a spent message budget is DENIED alike; a gateway failure is an error and stores no code', async () => {
    const budget = passwordHarness({ failSend: () => apiError('RATE_LIMITED', 'too many') });
    await budget.at().startReset(user.id);
    expect(budget.audit.events).toEqual([codeSent('DENIED')]);
    expect(await budget.store.get(`pwreset:${user.id}`)).toBeNull();
    const down = passwordHarness({ failSend: () => new Error('gateway down') });
    await expect(down.at().startReset(user.id)).rejects.toThrow('gateway down');
    expect(await down.store.get(`pwreset:${user.id}`)).toBeNull();
    expect(down.audit.events).toEqual([codeSent('FAILURE')]);
  });

  it('S1: an actor locked out of codes gets none; a password lock-out at one source does not stop it', async () => {
    const h = passwordHarness();
    await h.store.set(`lock:user:net-a:${user.id}`, String(Date.now() + 900_000), 900);
    await h.at('net-a').startReset(user.id);
    expect(h.messages.sent).toHaveLength(1);
    await h.store.set(`lock:user:*:${user.id}`, String(Date.now() + 900_000), 900);
    await h.at('net-a').startReset(user.id);
    expect(h.messages.sent).toHaveLength(1);
  });
});

describe('S1 password reset: the code', () => {
  it('S1: the right code sets the password, ends every session, forgets failures and is an event', async () => {
    const { h, code } = await started();
    for (const id of ['s-1', 's-2']) {
      await h.store.set(`session:${id}`, user.id, 3600);
      await registerUserSession(h.store, user.id, id);
    }
    await h.store.incr(`fail:user:*:${user.id}`, 900);
    await h.store.incr(`fail:user:net-a:${user.id}`, 900);
    expect(await h.at('net-a').completeReset({ actorId: ' Unit.User', code, newPassword: NEW })).toEqual({
      kind: 'reset',
      actorId: user.id,
    });
    expect(h.crm.passwords[user.id]).toBe(NEW);
    expect(await h.store.get('session:s-1')).toBeNull();
    expect(await h.store.get('session:s-2')).toBeNull();
    expect(await sessionGeneration(h.store, user.id)).toBe('1');
    expect(await h.store.get(`fail:user:*:${user.id}`)).toBeNull();
    expect(await h.store.get(`fail:user:net-a:${user.id}`)).toBeNull();
    expect(h.audit.events).toEqual([
      {
        kind: 'PASSWORD_RESET',
        customerId: user.customerId,
        actorId: user.id,
        target: user.id,
        detail: { step: 'completed' },
        outcome: 'SUCCESS',
      },
    ]);
    expect(h.log.lines).toEqual([['info', { event: 'password.reset', sessionsEnded: 2 }, 'password reset']]);
    // Single use.
    expect(await h.at('net-a').completeReset({ actorId: user.id, code, newPassword: NEW })).toMatchObject({
      reason: 'INVALID_CODE',
    });
  });

  it('S1: a small code keeps its leading zeros', async () => {
    jest.spyOn(crypto, 'randomInt').mockImplementation((() => 7) as never);
    const h = passwordHarness();
    await h.at().startReset(user.id);
    expect(h.messages.sent[0].text).toContain(' 000007.');
    expect(await h.at().completeReset({ actorId: user.id, code: '000007', newPassword: NEW })).toMatchObject({
      kind: 'reset',
    });
  });

  it('S1: the code must be six digits and the new password strong, before anything is read', async () => {
    const { h, code } = await started();
    for (const bad of ['12345', '1234567', 'abcdef', ' 123456']) {
      const error = await rejection(h.at().completeReset({ actorId: user.id, code: bad, newPassword: NEW }));
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'code' });
      expect(error.message).toBe('code must be the six digits that were sent.');
    }
    const weak = await rejection(h.at().completeReset({ actorId: user.id, code, newPassword: 'short' }));
    expect(weak.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(await h.store.get(`pwreset-tries:${user.id}`)).toBeNull();
  });

  it('S1: no code asked for is INVALID_CODE with no failure counted', async () => {
    const h = passwordHarness();
    expect(await h.at().completeReset({ actorId: user.id, code: '123456', newPassword: NEW })).toEqual({
      kind: 'refused',
      reason: 'INVALID_CODE',
      message: 'The code is wrong, used or expired; ask for a new one.',
      retryAfterSeconds: null,
    });
    expect(h.audit.events).toEqual([]);
  });

  it('S4: a wrong code is a LOGIN FAILURE; the third spends the code', async () => {
    const { h, code } = await started();
    const wrong = { actorId: user.id, code: wrongFor(code), newPassword: NEW };
    expect(await h.at().completeReset(wrong)).toEqual({
      kind: 'refused',
      reason: 'INVALID_CODE',
      message: 'The code is wrong, used or expired; ask for a new one.',
      retryAfterSeconds: null,
    });
    await h.at().completeReset(wrong);
    expect(await h.store.get(`pwreset:${user.id}`)).not.toBeNull();
    await h.at().completeReset(wrong);
    expect(await h.store.get(`pwreset:${user.id}`)).toBeNull();
    expect(h.audit.events).toEqual([codeFailure, codeFailure, codeFailure]);
    expect(await h.at().completeReset({ ...wrong, code })).toMatchObject({ reason: 'INVALID_CODE' });
    expect(h.crm.passwords[user.id]).not.toBe(NEW);
  });

  it('S1: the right code on the third try works; past the third try even the right code fails', async () => {
    const { h, code } = await started();
    await h.store.incr(`pwreset-tries:${user.id}`, 600);
    await h.store.incr(`pwreset-tries:${user.id}`, 600);
    expect(await h.at().completeReset({ actorId: user.id, code, newPassword: NEW })).toMatchObject({
      kind: 'reset',
    });
    const again = await started();
    for (let i = 0; i < 3; i += 1) await again.h.store.incr(`pwreset-tries:${user.id}`, 600);
    expect(
      await again.h.at().completeReset({ actorId: user.id, code: again.code, newPassword: NEW }),
    ).toMatchObject({
      reason: 'INVALID_CODE',
    });
    expect(await again.h.store.get(`pwreset:${user.id}`)).toBeNull();
    expect(again.h.audit.events).toEqual([codeFailure]);
  });

  it('S1: wrong codes count everywhere; the fourth locks the actor out of resets and sign-in codes', async () => {
    const h = passwordHarness();
    const first = await started(h);
    await h.at('net-a').completeReset({ actorId: user.id, code: wrongFor(first.code), newPassword: NEW });
    await h.at('net-a').completeReset({ actorId: user.id, code: wrongFor(first.code), newPassword: NEW });
    const second = await started(h, 'net-b');
    await h.at('net-b').completeReset({ actorId: user.id, code: wrongFor(second.code), newPassword: NEW });
    h.audit.events.length = 0;
    expect(
      await h.at('net-b').completeReset({ actorId: user.id, code: wrongFor(second.code), newPassword: NEW }),
    ).toEqual({
      kind: 'refused',
      reason: 'LOCKED_OUT',
      message: 'Too many failed attempts; try again later.',
      retryAfterSeconds: 900,
    });
    expect(h.audit.events).toEqual([
      codeFailure,
      {
        kind: 'LOCKOUT',
        outcome: 'SUCCESS',
        customerId: user.customerId,
        actorId: user.id,
        detail: { during: 'password-reset' },
      },
    ]);
    // Locked: the right code is not even read.
    expect(
      await h.at('net-c').completeReset({ actorId: user.id, code: second.code, newPassword: NEW }),
    ).toMatchObject({
      reason: 'LOCKED_OUT',
      retryAfterSeconds: 900,
    });
    expect(await h.store.get(`lock:user:*:${user.id}`)).not.toBeNull();
  });

  it('S1: a password lock-out at a source does not stop a reset there', async () => {
    const { h, code } = await started();
    await h.store.set(`lock:user:net-a:${user.id}`, String(Date.now() + 900_000), 900);
    expect(await h.at('net-a').completeReset({ actorId: user.id, code, newPassword: NEW })).toMatchObject({
      kind: 'reset',
    });
  });

  it('S1: of two concurrent right codes, one resets', async () => {
    const { h, code } = await started();
    const input = { actorId: user.id, code, newPassword: NEW };
    const results = await Promise.all([h.at().completeReset(input), h.at().completeReset(input)]);
    expect(results.map((r) => r.kind).sort()).toEqual(['refused', 'reset']);
    expect(h.audit.events.filter((e) => e.kind === 'PASSWORD_RESET')).toHaveLength(1);
  });
});
