import { GraphQLError } from 'graphql';
import type { Actor } from '../../lib/actor';
import { MemoryStore } from '../../lib/kv';
import type { Logger } from '../../lib/logger';
import { CrmFault, type CrmAdapter } from '../../legacy/crm/client';
import type { NotificationPreferenceModel } from '../../legacy/crm/models';
import { MessageBudget } from '../../subgraphs/customer/services/message-budget';
import { isPhoneUnverified } from '../../subgraphs/customer/services/phone-verification';
import { RegistrationService } from '../../subgraphs/customer/services/registration';
import {
  checkRegistration,
  type RegistrationRequest,
} from '../../subgraphs/customer/services/registration-request';

/**
 * F10 self-registration (issue 12, S5) over an in-memory store, CRM, message gateway and logger:
 * every accepted registration answers alike, the outcome goes to the mailbox once, and the limits
 * per source, per mailbox and per request hold.
 */
const request: RegistrationRequest = {
  idempotencyKey: 'key-0001',
  kind: 'COMPANY',
  name: 'Ada Ltd',
  email: 'ada@x.net',
  phone: '+358401234567',
  street: 'Main St 1',
  city: 'Espoo',
  postcode: '02100',
  actorId: 'ada.admin',
  password: 'correct horse 42',
};
const ACCEPTED = { kind: 'accepted', actorId: 'ada.admin', sentTo: 'a***@x.net' };
const NOW = Date.parse('2026-11-30T10:01:40Z'); // 100 s into an hour window

interface WorldOptions {
  store?: MemoryStore;
  createFault?: Error;
  sendFails?: boolean;
  preferences?: NotificationPreferenceModel[] | Error;
  source?: string;
}

function world(options: WorldOptions = {}) {
  const store = options.store ?? new MemoryStore();
  const created: Record<string, unknown>[] = [];
  const sent: { channel: string; to: string; text: string; subject?: string }[] = [];
  const preferencesSet: [string, NotificationPreferenceModel[]][] = [];
  const logged: [string, Record<string, unknown>, string][] = [];
  const crm = {
    createCustomer: async (customer: Record<string, unknown>) => {
      created.push(customer);
      if (options.createFault) throw options.createFault;
      return { customerId: 'C-77', accountId: 'A-78', userId: 'ada.admin' };
    },
    getNotificationPreferences: async () => {
      if (options.preferences instanceof Error) throw options.preferences;
      return options.preferences ?? [];
    },
    setNotificationPreferences: async (userId: string, preferences: NotificationPreferenceModel[]) =>
      void preferencesSet.push([userId, preferences]),
  } as unknown as CrmAdapter;
  const messages = {
    send: async (channel: 'SMS' | 'EMAIL', to: string, text: string, subject?: string) => {
      if (options.sendFails) throw new Error('mail down');
      sent.push({ channel, to, text, subject });
    },
  };
  const logger = {
    info: (fields: Record<string, unknown>, line: string) => void logged.push(['info', fields, line]),
    warn: (fields: Record<string, unknown>, line: string) => void logged.push(['warn', fields, line]),
  } as unknown as Logger;
  const actor: Actor = { kind: 'anonymous', source: options.source ?? 'src-1' };
  /** A new service, as each request builds one. */
  const service = () => new RegistrationService(store, crm, messages, logger, actor);
  return { store, created, sent, preferencesSet, logged, service };
}

/** Lets the registration's unawaited preference change run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('F10 registration: the outcome goes to the mailbox', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
  afterEach(() => jest.restoreAllMocks());

  it('F10: creates the customer with what was typed, marks its phone unverified and mails the new ids', async () => {
    const { store, created, sent, logged, service } = world();
    expect(await service().register(request)).toEqual(ACCEPTED);
    const { requestId } = checkRegistration(request);
    expect(created).toEqual([
      {
        requestId,
        kind: 'COMPANY',
        name: 'Ada Ltd',
        email: 'ada@x.net',
        phone: '+358401234567',
        street: 'Main St 1',
        city: 'Espoo',
        postcode: '02100',
        userId: 'ada.admin',
        password: 'correct horse 42',
      },
    ]);
    expect(await isPhoneUnverified(store, 'ada.admin', '+358401234567')).toBe(true);
    expect(sent).toEqual([
      {
        channel: 'EMAIL',
        to: 'ada@x.net',
        subject: 'Welcome to ssm-gateway',
        text: expect.stringContaining('Your login name is ada.admin (customer C-77, account A-78).'),
      },
    ]);
    expect(logged).toContainEqual([
      'info',
      { event: 'customer.registered', customerId: 'C-77' },
      'customer registered',
    ]);
  });

  it('S5: a taken login name answers exactly like a new one; only the mailbox learns it', async () => {
    const { store, sent, logged, service } = world({ createFault: new CrmFault('USER_EXISTS', 'exists') });
    expect(await service().register(request)).toEqual(ACCEPTED);
    expect(sent).toEqual([
      {
        channel: 'EMAIL',
        to: 'ada@x.net',
        subject: 'Your ssm-gateway registration',
        text: expect.stringContaining('The login name ada.admin is not available'),
      },
    ]);
    expect(await isPhoneUnverified(store, 'ada.admin', '+358401234567')).toBe(false);
    expect(logged).toEqual([
      ['info', { event: 'customer.registration.taken' }, 'registration asked for a taken id'],
    ]);
  });

  it('a failure that is not a CRM refusal reaches the caller as it is, and nothing is mailed', async () => {
    const down = new Error('crm unreachable');
    const { sent, service } = world({ createFault: down });
    await expect(service().register(request)).rejects.toBe(down);
    expect(sent).toEqual([]);
  });
});

describe('issue 12: an unverified phone gets no SMS notifications', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
  afterEach(() => jest.restoreAllMocks());

  it('issue 12: CRM defaults by SMS are moved to e-mail, without repeats, other channels kept', async () => {
    const { preferencesSet, service } = world({
      preferences: [
        { event: 'ORDER_COMPLETED', channels: ['SMS', 'EMAIL'] },
        { event: 'BILL_READY', channels: ['SMS'] },
        { event: 'OUTAGE', channels: ['PUSH'] },
      ],
    });
    await service().register(request);
    await settle();
    expect(preferencesSet).toEqual([
      [
        'ada.admin',
        [
          { event: 'ORDER_COMPLETED', channels: ['EMAIL'] },
          { event: 'BILL_READY', channels: ['EMAIL'] },
          { event: 'OUTAGE', channels: ['PUSH'] },
        ],
      ],
    ]);
  });

  it('issue 12: preferences without SMS are left alone', async () => {
    const { preferencesSet, service } = world({ preferences: [{ event: 'OUTAGE', channels: ['EMAIL'] }] });
    await service().register(request);
    await settle();
    expect(preferencesSet).toEqual([]);
  });

  it('issue 12: a failed change is logged and does not fail the registration', async () => {
    const failure = new Error('crm busy');
    const { logged, service } = world({ preferences: failure });
    expect(await service().register(request)).toEqual(ACCEPTED);
    await settle();
    expect(logged).toContainEqual([
      'warn',
      { event: 'customer.registration.preferences', err: failure },
      'could not move SMS notifications to e-mail',
    ]);
  });
});

describe('issue 12: idempotency and limits', () => {
  let now = NOW;
  beforeEach(() => {
    now = NOW;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('a retry with the same key, even weeks later, gets the same answer; nothing is created or mailed again', async () => {
    const { created, sent, service } = world();
    expect(await service().register(request)).toEqual(ACCEPTED);
    now += 29 * 86_400_000;
    expect(await service().register({ ...request, actorId: ' Ada.Admin ' })).toEqual(ACCEPTED);
    expect(created).toHaveLength(1);
    expect(sent).toHaveLength(1);
  });

  it('two requests with the same key at once mail the outcome once', async () => {
    const store = new MemoryStore();
    const first = world({ store });
    const second = world({ store, source: 'src-2' });
    const answers = await Promise.all([
      first.service().register(request),
      second.service().register(request),
    ]);
    expect(answers).toEqual([ACCEPTED, ACCEPTED]);
    expect([...first.sent, ...second.sent]).toHaveLength(1);
  });

  it('the same key for a different registration is a CONFLICT', async () => {
    const { created, service } = world();
    await service().register(request);
    const conflict = await service()
      .register({ ...request, name: 'Other Ltd' })
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(GraphQLError);
    expect((conflict as GraphQLError).extensions.code).toBe('CONFLICT');
    expect((conflict as GraphQLError).message).toBe(
      'This idempotency key was used for a different registration.',
    );
    expect(created).toHaveLength(1);
  });

  it('a failed mail is sent by a retry (the CRM deduplicates the customer by request id)', async () => {
    const store = new MemoryStore();
    const failing = world({ store, sendFails: true });
    await expect(failing.service().register(request)).rejects.toThrow('mail down');
    const retry = world({ store });
    expect(await retry.service().register(request)).toEqual(ACCEPTED);
    expect(retry.sent).toHaveLength(1);
    expect(retry.created[0].requestId).toBe(failing.created[0].requestId);
  });

  it('one registration per request: an aliased second one is refused', async () => {
    const { created, service } = world();
    const once = service();
    await once.register(request);
    expect(await once.register({ ...request, idempotencyKey: 'key-0002', email: 'bob@x.net' })).toEqual({
      kind: 'rejected',
      reason: 'TOO_MANY_REGISTRATIONS',
      message: 'One registration per request.',
      retryAfterSeconds: 1,
    });
    expect(created).toHaveLength(1);
  });

  it('issue 12: five registrations an hour per source; the sixth waits for the next window', async () => {
    const { created, service } = world();
    for (let n = 1; n <= 5; n++)
      expect(
        await service().register({ ...request, idempotencyKey: `key-000${n}`, email: `a${n}@x.net` }),
      ).toMatchObject({ kind: 'accepted' });
    expect(await service().register({ ...request, idempotencyKey: 'key-0006', email: 'a6@x.net' })).toEqual({
      kind: 'rejected',
      reason: 'TOO_MANY_REGISTRATIONS',
      message: 'Too many registrations from here or to this address; retry in 3500 s.',
      retryAfterSeconds: 3500,
    });
    expect(created).toHaveLength(5);
  });

  it('issue 12: a mailbox whose message budget is spent gets no new customer', async () => {
    const { store, created, sent, service } = world();
    for (let n = 0; n < 10; n++) await new MessageBudget(store).charge('EMAIL', 'ada@x.net', null);
    expect(await service().register(request)).toEqual({
      kind: 'rejected',
      reason: 'TOO_MANY_REGISTRATIONS',
      message: 'Too many registrations from here or to this address; retry in 3500 s.',
      retryAfterSeconds: 3500,
    });
    expect(created).toEqual([]);
    expect(sent).toEqual([]);
  });
});
