import crypto from 'node:crypto';
import type { CustomerUser } from '../../lib/authz/assertions';
import { MemoryStore } from '../../lib/kv';
import type { Logger } from '../../lib/logger';
import type { UserModel } from '../../legacy/crm/models';
import { ContactConfirmation } from '../../subgraphs/customer/services/contact-confirmation';
import {
  markEmailUnverified,
  markPhoneUnverified,
  verifiedChannels,
} from '../../subgraphs/customer/services/contact-verification';
import { DEFAULT_AUTH_SETTINGS } from '../../subgraphs/customer/services/sign-in';
import { memoryAudit } from '../support/customer-auth-fakes';

/**
 * S6 contact confirmation codes on the service itself, over an in-memory store, message gateway
 * and security log: what is sent where, the events, the tries per code and the lock-out. (The
 * expiry with the real security log: services-contact-confirmation.test.ts.) No database, so the
 * mutation run (jest.mutation.config.js) can run these once per mutant.
 */
const user: UserModel = {
  id: 'unit.user',
  customerId: 'CUST-UNIT',
  role: 'SSM_USER',
  name: 'Unit User',
  phone: '+358401234567',
  email: 'changed@example.org',
};
const actor: CustomerUser = {
  kind: 'customerUser',
  userId: user.id,
  customerId: user.customerId,
  role: 'SSM_USER',
  sessionId: 'session-unit',
  grants: [],
};

/** The service over an in-memory store, message gateway, security log and logger. */
function inMemory(options: { store?: MemoryStore; failSend?: boolean; lockoutSeconds?: number } = {}) {
  const store = options.store ?? new MemoryStore();
  const sent: { channel: string; to: string; text: string; subject?: string }[] = [];
  const logged: [string, Record<string, unknown>, string][] = [];
  const audit = memoryAudit();
  const confirmation = new ContactConfirmation({
    store,
    messages: {
      send: async (channel, to, text, subject) => {
        if (options.failSend) throw new Error('gateway down');
        sent.push({ channel, to, text, subject });
      },
    },
    audit: audit.log,
    settings: {
      ...DEFAULT_AUTH_SETTINGS,
      lockoutSeconds: options.lockoutSeconds ?? DEFAULT_AUTH_SETTINGS.lockoutSeconds,
      tokenSecret: 'unit-test-secret-unit-test-secret',
    },
    logger: {
      info: (fields: Record<string, unknown>, line: string) => void logged.push(['info', fields, line]),
      warn: (fields: Record<string, unknown>, line: string) => void logged.push(['warn', fields, line]),
    } as unknown as Logger,
  });
  const codeOf = (n: number) => /\b(\d{6})\b/.exec(sent[n].text)?.[1] as string;
  /** A six-digit code that is not the one sent. */
  const wrongFor = (code: string) => (code === '000000' ? '000001' : '000000');
  return { store, sent, logged, audit, confirmation, codeOf, wrongFor };
}

const pendingKey = `contact-confirm:EMAIL:${user.id}`;

describe('S6 contact confirmation: asking for a code', () => {
  afterEach(() => jest.restoreAllMocks());

  it('S6: sends a code to the new e-mail address itself, for 10 minutes, masked in the answer, with a code-sent event', async () => {
    const { store, sent, logged, audit, confirmation } = inMemory();
    await markEmailUnverified(store, user.id, user.email);
    const now = Date.parse('2026-11-30T10:00:00Z');
    jest.spyOn(Date, 'now').mockReturnValue(now);
    expect(await confirmation.request(actor, user, 'EMAIL')).toEqual({
      kind: 'sent',
      channel: 'EMAIL',
      sentTo: 'c***@example.org',
      expiresAt: '2026-11-30T10:10:00.000Z',
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      channel: 'EMAIL',
      to: user.email,
      subject: 'Confirm your contact details',
    });
    expect(sent[0].text).toMatch(
      /^Your ssm-gateway confirmation code is \d{6}\. It expires in 10 minutes\. /,
    );
    expect(audit.events).toEqual([
      {
        kind: 'CONTACT_CONFIRMATION',
        customerId: user.customerId,
        actorId: user.id,
        target: user.id,
        detail: { step: 'code-sent', channel: 'EMAIL' },
        outcome: 'SUCCESS',
      },
    ]);
    expect(logged).toEqual([
      ['info', { event: 'contact.confirmation-sent', channel: 'EMAIL' }, 'contact confirmation code sent'],
    ]);
  });

  it('S6: a changed phone gets its code by SMS, and the code confirms the phone', async () => {
    const { store, sent, confirmation, codeOf } = inMemory();
    await markPhoneUnverified(store, user.id, user.phone);
    expect(await confirmation.request(actor, user, 'PHONE')).toMatchObject({
      kind: 'sent',
      channel: 'PHONE',
      sentTo: '+35********67',
    });
    expect(sent.map((m) => [m.channel, m.to])).toEqual([['SMS', user.phone]]);
    expect(await confirmation.confirm(actor, user, 'PHONE', codeOf(0))).toEqual({
      kind: 'confirmed',
      channel: 'PHONE',
    });
    expect(await verifiedChannels(store, user)).toEqual({ phone: true, email: true });
  });

  it('S6: a verified channel has nothing to confirm; an empty one is refused; nothing is sent', async () => {
    const { sent, confirmation } = inMemory();
    const already = {
      kind: 'refused',
      reason: 'ALREADY_VERIFIED',
      message: 'This contact channel is already verified; nothing to confirm.',
      retryAfterSeconds: null,
    };
    expect(await confirmation.request(actor, user, 'EMAIL')).toEqual(already);
    expect(await confirmation.confirm(actor, user, 'PHONE', '123456')).toEqual(already);
    await expect(confirmation.request(actor, { ...user, email: '' }, 'EMAIL')).rejects.toMatchObject({
      message: 'There is no e-mail address to confirm.',
      extensions: { code: 'BAD_USER_INPUT', field: 'channel' },
    });
    await expect(confirmation.request(actor, { ...user, phone: '' }, 'PHONE')).rejects.toMatchObject({
      message: 'There is no phone to confirm.',
      extensions: { code: 'BAD_USER_INPUT', field: 'channel' },
    });
    expect(sent).toEqual([]);
  });

  it('S6: an assistant acting for the user may neither ask for nor enter a code', async () => {
    const { store, sent, confirmation } = inMemory();
    await markEmailUnverified(store, user.id, user.email);
    const assisted: CustomerUser = { ...actor, assistedBy: { reason: 'customer on the phone' } };
    const forbidden = {
      message: 'Only the user themself may confirm their contact details.',
      extensions: { code: 'FORBIDDEN' },
    };
    await expect(confirmation.request(assisted, user, 'EMAIL')).rejects.toMatchObject(forbidden);
    await expect(confirmation.confirm(assisted, user, 'EMAIL', '123456')).rejects.toMatchObject(forbidden);
    expect(sent).toEqual([]);
  });

  it('S6: a code is always six digits, leading zeros included', async () => {
    const { store, sent, confirmation, codeOf } = inMemory();
    await markEmailUnverified(store, user.id, user.email);
    jest.spyOn(crypto, 'randomInt').mockImplementation((() => 42) as unknown as typeof crypto.randomInt);
    await confirmation.request(actor, user, 'EMAIL');
    expect(sent[0].text).toContain(' is 000042. ');
    expect(await confirmation.confirm(actor, user, 'EMAIL', codeOf(0))).toMatchObject({ kind: 'confirmed' });
  });

  it('S6: a code that could not be sent is not kept', async () => {
    const { store, confirmation } = inMemory({ failSend: true });
    await markEmailUnverified(store, user.id, user.email);
    await expect(confirmation.request(actor, user, 'EMAIL')).rejects.toThrow('gateway down');
    expect(await store.get(pendingKey)).toBeNull();
  });
});

describe('S6 contact confirmation: entering the code', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each(['12345', '1234567', '12345a', ' 123456'])('S6: refuses %j as a code', async (code) => {
    const { store, confirmation } = inMemory();
    await markEmailUnverified(store, user.id, user.email);
    await expect(confirmation.confirm(actor, user, 'EMAIL', code)).rejects.toMatchObject({
      message: 'code must be the six digits that were sent.',
      extensions: { code: 'BAD_USER_INPUT', field: 'code' },
    });
  });

  it('S6: the right code confirms once, with a confirmed event; without a code sent any code is INVALID_CODE', async () => {
    const { store, logged, audit, confirmation, codeOf } = inMemory();
    await markEmailUnverified(store, user.id, user.email);
    expect(await confirmation.confirm(actor, user, 'EMAIL', '123456')).toEqual({
      kind: 'refused',
      reason: 'INVALID_CODE',
      message: 'The code is wrong, used or expired; ask for a new one.',
      retryAfterSeconds: null,
    });
    await confirmation.request(actor, user, 'EMAIL');
    // The address as typed and as the CRM holds it may differ in case and spaces.
    const asStored = { ...user, email: ' Changed@Example.ORG ' };
    expect(await confirmation.confirm(actor, asStored, 'EMAIL', codeOf(0))).toEqual({
      kind: 'confirmed',
      channel: 'EMAIL',
    });
    expect(audit.events.at(-1)).toEqual({
      kind: 'CONTACT_CONFIRMATION',
      customerId: user.customerId,
      actorId: user.id,
      target: user.id,
      detail: { step: 'confirmed', channel: 'EMAIL' },
      outcome: 'SUCCESS',
    });
    expect(logged.at(-1)).toEqual([
      'info',
      { event: 'contact.confirmed', channel: 'EMAIL' },
      'contact channel confirmed',
    ]);
    expect(await store.get(pendingKey)).toBeNull();
  });

  it('S6: the right code sent twice at once confirms once', async () => {
    const { store, audit, confirmation, codeOf } = inMemory();
    await markEmailUnverified(store, user.id, user.email);
    await confirmation.request(actor, user, 'EMAIL');
    const answers = await Promise.all([
      confirmation.confirm(actor, user, 'EMAIL', codeOf(0)),
      confirmation.confirm(actor, user, 'EMAIL', codeOf(0)),
    ]);
    expect(answers.map((a) => (a.kind === 'confirmed' ? a.kind : a.reason)).sort()).toEqual([
      'INVALID_CODE',
      'confirmed',
    ]);
    expect(audit.events.filter((e) => (e.detail as { step: string }).step === 'confirmed')).toHaveLength(1);
  });

  it('S6: a code proves only the value it went to', async () => {
    const { store, confirmation, codeOf } = inMemory();
    await markEmailUnverified(store, user.id, user.email);
    await confirmation.request(actor, user, 'EMAIL');
    const later = { ...user, email: 'later@example.org' };
    await markEmailUnverified(store, user.id, later.email);
    expect(await confirmation.confirm(actor, later, 'EMAIL', codeOf(0))).toMatchObject({
      reason: 'INVALID_CODE',
    });
    expect(await store.get(pendingKey)).toBeNull();
    expect(await verifiedChannels(store, later)).toEqual({ phone: true, email: false });
  });

  it('S6: a value changed again while the code is checked is not confirmed (DENIED event)', async () => {
    const racing = new MemoryStore();
    const take = racing.take.bind(racing);
    racing.take = async (key: string) => {
      const taken = await take(key);
      if (key === pendingKey) await markEmailUnverified(racing, user.id, 'other@example.org');
      return taken;
    };
    const { audit, confirmation, codeOf } = inMemory({ store: racing });
    await markEmailUnverified(racing, user.id, user.email);
    await confirmation.request(actor, user, 'EMAIL');
    expect(await confirmation.confirm(actor, user, 'EMAIL', codeOf(0))).toMatchObject({
      reason: 'INVALID_CODE',
    });
    expect(audit.events.at(-1)).toMatchObject({ detail: { step: 'confirmed' }, outcome: 'DENIED' });
  });

  it('S6: each code allows three tries, each wrong one a FAILURE event', async () => {
    const { store, audit, confirmation, codeOf, wrongFor } = inMemory();
    await markEmailUnverified(store, user.id, user.email);
    await confirmation.request(actor, user, 'EMAIL');
    for (let i = 0; i < 2; i++)
      expect(await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(0)))).toMatchObject({
        reason: 'INVALID_CODE',
      });
    expect(audit.events.at(-1)).toEqual({
      kind: 'CONTACT_CONFIRMATION',
      outcome: 'FAILURE',
      customerId: user.customerId,
      actorId: user.id,
      target: user.id,
      detail: { step: 'code-checked', channel: 'EMAIL' },
    });
    // The third try is the last: even the right code after it finds nothing.
    await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(0)));
    expect(await store.get(pendingKey)).toBeNull();
    expect(await confirmation.confirm(actor, user, 'EMAIL', codeOf(0))).toMatchObject({
      reason: 'INVALID_CODE',
    });
  });

  it('S6: a new code brings fresh tries and replaces the one before', async () => {
    const { store, confirmation, codeOf, wrongFor } = inMemory();
    await markEmailUnverified(store, user.id, user.email);
    await confirmation.request(actor, user, 'EMAIL');
    await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(0)));
    await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(0)));
    await confirmation.request(actor, user, 'EMAIL');
    await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(1)));
    await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(1)));
    expect(await confirmation.confirm(actor, user, 'EMAIL', codeOf(1))).toEqual({
      kind: 'confirmed',
      channel: 'EMAIL',
    });
  });

  it('S6: the right code on the third try still confirms', async () => {
    const { store, confirmation, codeOf, wrongFor } = inMemory();
    await markEmailUnverified(store, user.id, user.email);
    await confirmation.request(actor, user, 'EMAIL');
    await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(0)));
    await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(0)));
    expect(await confirmation.confirm(actor, user, 'EMAIL', codeOf(0))).toEqual({
      kind: 'confirmed',
      channel: 'EMAIL',
    });
  });

  it('S6: five wrong codes lock confirmation out (LOCKOUT event, no code left); a success forgets earlier failures', async () => {
    const { store, audit, logged, confirmation, codeOf, wrongFor } = inMemory({ lockoutSeconds: 60 });
    await markEmailUnverified(store, user.id, user.email);
    await confirmation.request(actor, user, 'EMAIL');
    for (let i = 0; i < 3; i++) await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(0)));
    await confirmation.request(actor, user, 'EMAIL');
    await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(1)));
    const locked = {
      kind: 'refused',
      reason: 'LOCKED_OUT',
      message: 'Too many wrong codes; try again later.',
      retryAfterSeconds: 60,
    };
    expect(await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(1)))).toEqual(locked);
    expect(audit.events.at(-1)).toEqual({
      kind: 'LOCKOUT',
      outcome: 'SUCCESS',
      customerId: user.customerId,
      actorId: user.id,
      detail: { during: 'contact-confirmation' },
    });
    expect(logged.at(-1)).toEqual([
      'warn',
      { event: 'contact.confirmation-lockout' },
      'contact confirmation locked after wrong codes',
    ]);
    expect(await store.get(pendingKey)).toBeNull();
    expect(await confirmation.request(actor, user, 'EMAIL')).toEqual(locked);
    expect(await confirmation.confirm(actor, user, 'EMAIL', codeOf(1))).toEqual(locked);

    // After the lock-out (shorter than a code's life here), the code it interrupted is gone.
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    expect(await confirmation.confirm(actor, user, 'EMAIL', codeOf(1))).toMatchObject({
      reason: 'INVALID_CODE',
    });
  });

  it('S6: a confirmed code clears the failures counted before it', async () => {
    const { store, confirmation, codeOf, wrongFor } = inMemory();
    await markEmailUnverified(store, user.id, user.email);
    await confirmation.request(actor, user, 'EMAIL');
    await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(0)));
    await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(0)));
    await confirmation.request(actor, user, 'EMAIL');
    await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(1)));
    await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(1)));
    expect(await confirmation.confirm(actor, user, 'EMAIL', codeOf(1))).toMatchObject({ kind: 'confirmed' });
    await markEmailUnverified(store, user.id, user.email);
    await confirmation.request(actor, user, 'EMAIL');
    expect(await confirmation.confirm(actor, user, 'EMAIL', wrongFor(codeOf(2)))).toMatchObject({
      reason: 'INVALID_CODE',
    });
  });
});
