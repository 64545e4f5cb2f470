import type { GraphQLError } from 'graphql';
import { registerUserSession, sessionGeneration } from '../../lib/user-sessions';
import { actor, user } from '../support/customer-auth-fakes';
import { NEW_PASSWORD, OLD_PASSWORD, passwordHarness } from '../support/password-harness';
import { RecordingStore } from '../support/recording-store';

/**
 * S1 passwords (issue 16), first half: confirming and changing the signed-in user's password, with
 * the S4 events and the sign-in lock-out they share. (Resets: services-customer-passwords-reset.)
 */
const OLD = OLD_PASSWORD;
const NEW = NEW_PASSWORD;

async function rejection(promise: Promise<unknown>): Promise<GraphQLError> {
  return promise.then(
    () => {
      throw new Error('expected an error');
    },
    (error: GraphQLError) => error,
  );
}

const loginFailure = (during: string) => ({
  kind: 'LOGIN',
  outcome: 'FAILURE',
  customerId: user.customerId,
  actorId: user.id,
  detail: { factor: 'password', during },
});

async function openSessions(store: RecordingStore, ids: string[]) {
  for (const id of ids) {
    await store.set(`session:${id}`, user.id, 3600);
    await registerUserSession(store, user.id, id);
  }
}

afterEach(() => jest.restoreAllMocks());

describe('S1 confirming the password', () => {
  it('S1: the right password passes without an event', async () => {
    const h = passwordHarness();
    await expect(h.at('net-a').confirmPassword(actor, OLD, 'contact-change')).resolves.toBeUndefined();
    expect(h.audit.events).toEqual([]);
  });

  it('S1: a password over 200 characters is refused before the CRM; 200 are checked', async () => {
    const h = passwordHarness();
    const error = await rejection(h.at().confirmPassword(actor, 'p'.repeat(201), 'x'));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(error.message).toBe('password is too long.');
    expect(h.crm.calls).toEqual([]);
    h.crm.passwords[user.id] = 'p'.repeat(200);
    await h.at().confirmPassword(actor, 'p'.repeat(200), 'x');
    expect(h.crm.calls).toEqual([`authenticate:${user.id}`]);
  });

  it('S4: a wrong password is FORBIDDEN and a LOGIN FAILURE; the third locks out at that source', async () => {
    const h = passwordHarness();
    const service = h.at('net-a');
    for (let i = 0; i < 2; i += 1) {
      const error = await rejection(service.confirmPassword(actor, 'wrong', 'contact-change'));
      expect(error.message).toBe('The password is wrong.');
      expect(error.extensions).toEqual({ code: 'FORBIDDEN', reason: 'INVALID_CREDENTIALS' });
    }
    const locked = await rejection(service.confirmPassword(actor, 'wrong', 'contact-change'));
    expect(locked.message).toBe('Too many failed attempts; try again later.');
    expect(locked.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 900 });
    expect(h.audit.events).toEqual([
      loginFailure('contact-change'),
      loginFailure('contact-change'),
      loginFailure('contact-change'),
      {
        kind: 'LOCKOUT',
        outcome: 'SUCCESS',
        customerId: user.customerId,
        actorId: user.id,
        detail: { during: 'contact-change' },
      },
    ]);
    // Locked there even for the right password, unchecked; another source is not locked.
    h.crm.calls.length = 0;
    const still = await rejection(service.confirmPassword(actor, OLD, 'contact-change'));
    expect(still.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 900 });
    expect(h.crm.calls).toEqual([]);
    await expect(h.at('net-b').confirmPassword(actor, OLD, 'contact-change')).resolves.toBeUndefined();
  });

  it('S1: a wrong password at sign-in and here count together, per source', async () => {
    const h = passwordHarness();
    await h.store.incr(`fail:user:net-a:${user.id}`, 900);
    await h.store.incr(`fail:user:net-a:${user.id}`, 900);
    const error = await rejection(h.at('net-a').confirmPassword(actor, 'wrong', 'contact-change'));
    expect(error.extensions.code).toBe('RATE_LIMITED');
    expect(await h.store.get(`fail:user:*:${user.id}`)).toBeNull();
  });
});

describe('S1 changing the password', () => {
  const input = { oldPassword: OLD, newPassword: NEW, keepThisSession: true };

  it('S1: a change ends the other sessions, keeps this one when asked, and is a PASSWORD_CHANGE event', async () => {
    const h = passwordHarness();
    await openSessions(h.store, [actor.sessionId, 'other-1', 'other-2']);
    expect(await h.at().change(actor, input)).toEqual({ kind: 'changed', sessionsEnded: 2 });
    expect(h.crm.passwords[user.id]).toBe(NEW);
    expect(await h.store.get(`session:${actor.sessionId}`)).toBe(user.id);
    expect(await h.store.get('session:other-1')).toBeNull();
    expect(h.audit.events).toEqual([
      {
        kind: 'PASSWORD_CHANGE',
        customerId: user.customerId,
        actorId: user.id,
        target: user.id,
        outcome: 'SUCCESS',
      },
    ]);
    expect(h.log.lines).toEqual([
      ['info', { event: 'password.changed', sessionsEnded: 2 }, 'password changed'],
    ]);
    expect(await sessionGeneration(h.store, user.id)).toBe('1');
  });

  it('S1: without keepThisSession every session ends', async () => {
    const h = passwordHarness();
    await openSessions(h.store, [actor.sessionId, 'other-1']);
    expect(await h.at().change(actor, { ...input, keepThisSession: false })).toEqual({
      kind: 'changed',
      sessionsEnded: 2,
    });
    expect(await h.store.get(`session:${actor.sessionId}`)).toBeNull();
  });

  it('S1: a retried change finds the new password in place: done, nothing more ended, no failure', async () => {
    const h = passwordHarness();
    h.crm.passwords[user.id] = NEW;
    await openSessions(h.store, ['other-1']);
    expect(await h.at().change(actor, input)).toEqual({ kind: 'changed', sessionsEnded: 0 });
    expect(await h.store.get('session:other-1')).toBe(user.id);
    expect(h.audit.events).toEqual([
      expect.objectContaining({ kind: 'PASSWORD_CHANGE', outcome: 'SUCCESS' }),
    ]);
  });

  it('S4: a wrong old password is refused, a LOGIN FAILURE, and the change DENIED; the third locks out', async () => {
    const h = passwordHarness();
    const wrong = { ...input, oldPassword: 'wrong-password-9' };
    expect(await h.at('net-a').change(actor, wrong)).toEqual({
      kind: 'refused',
      reason: 'INVALID_CREDENTIALS',
      message: 'The old password is wrong.',
      retryAfterSeconds: null,
    });
    expect(h.audit.events).toEqual([
      loginFailure('password-change'),
      {
        kind: 'PASSWORD_CHANGE',
        customerId: user.customerId,
        actorId: user.id,
        target: user.id,
        outcome: 'DENIED',
      },
    ]);
    expect(h.log.lines).toEqual([]);
    await h.at('net-a').change(actor, wrong);
    expect(await h.at('net-a').change(actor, wrong)).toEqual({
      kind: 'refused',
      reason: 'LOCKED_OUT',
      message: 'Too many failed attempts; try again later.',
      retryAfterSeconds: 900,
    });
    h.crm.calls.length = 0;
    expect(await h.at('net-a').change(actor, input)).toMatchObject({
      reason: 'LOCKED_OUT',
      retryAfterSeconds: 900,
    });
    expect(h.crm.calls).toEqual([]);
    expect(await h.at('net-b').change(actor, input)).toMatchObject({ kind: 'changed' });
  });

  it('R5: staff acting for the user may not change their password', async () => {
    const h = passwordHarness();
    const error = await rejection(h.at().change({ ...actor, assistedBy: { reason: 'call' } }, input));
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.message).toBe('Only the user themself may change their password.');
    expect(h.crm.calls).toEqual([]);
  });

  it('S1: a weak new password or an old one over 200 characters is refused before the CRM', async () => {
    const h = passwordHarness();
    const weak = await rejection(h.at().change(actor, { ...input, newPassword: 'short1' }));
    expect(weak.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
    const long = await rejection(h.at().change(actor, { ...input, oldPassword: 'p'.repeat(201) }));
    expect(long.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'oldPassword' });
    expect(long.message).toBe('oldPassword is too long.');
    expect(h.crm.calls).toEqual([]);
    h.crm.passwords[user.id] = 'p'.repeat(200);
    expect(await h.at().change(actor, { ...input, oldPassword: 'p'.repeat(200) })).toMatchObject({
      kind: 'changed',
    });
  });
});
