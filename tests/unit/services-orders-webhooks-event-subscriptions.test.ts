import type { GraphQLError } from 'graphql';
import type { Actor } from '../../lib/actor';
import type { DeliveryQueue } from '../../subgraphs/orders/services/webhooks/delivery-queue';
import {
  checkSink,
  createEventSubscription,
  deadLetters,
  deleteEventSubscription,
  eventSubscription,
  eventSubscriptions,
  type CreateInput,
  type Webhooks,
} from '../../subgraphs/orders/services/webhooks/event-subscriptions';
import type { EventSubscriptionModel } from '../../subgraphs/orders/services/webhooks/models';
import type {
  NewSubscription,
  SubscriptionStore,
} from '../../subgraphs/orders/services/webhooks/subscription-store';
import { manager } from '../support/orders-fakes';

/**
 * R4: the partner-facing operations on event subscriptions, over an in-memory store: a partner
 * sees and changes only its own, and what it registers is checked (sink, credential, expiry).
 */
const partner = (partnerId: string): Actor => ({ kind: 'partner', partnerId, clientId: 'c', scopes: [] });

const model = (id: string, partnerId: string, sink: string): EventSubscriptionModel => ({
  id,
  partnerId,
  types: ['ORDER_STATE_CHANGED'],
  sink,
  hasSinkCredential: false,
  expiresAt: null,
  createdAt: '2026-11-30T10:00:00.000Z',
});

/** Subscriptions in a list; `created` keeps what create was handed; dead letters are recorded. */
function webhooks(httpsOnly = false, existing: EventSubscriptionModel[] = []) {
  const all = [...existing];
  const created: NewSubscription[] = [];
  const asked: unknown[][] = [];
  const subscriptions = {
    list: async (partnerId: string) => all.filter((s) => s.partnerId === partnerId),
    get: async (partnerId: string, id: string) =>
      all.find((s) => s.partnerId === partnerId && s.id === id) ?? null,
    create: async (input: NewSubscription) => {
      created.push(input);
      if (all.some((s) => s.partnerId === input.partnerId && s.sink === input.sink)) return null;
      const subscription = {
        ...model(`ES-${all.length + 1}`, input.partnerId, input.sink),
        types: input.types,
      };
      all.push(subscription);
      return { subscription, secret: 'whsec_x' };
    },
    delete: async (partnerId: string, id: string) => {
      const at = all.findIndex((s) => s.partnerId === partnerId && s.id === id);
      if (at < 0) return false;
      all.splice(at, 1);
      return true;
    },
  };
  const queue = {
    deadLetters: async (...args: unknown[]) => {
      asked.push(args);
      return [];
    },
  };
  const deps: Webhooks = {
    subscriptions: subscriptions as unknown as SubscriptionStore,
    queue: queue as unknown as DeliveryQueue,
    httpsOnly,
  };
  return { deps, all, created, asked };
}

/** The error `work` throws, as code, field and message. */
async function failure(work: () => unknown): Promise<{ code: unknown; field: unknown; message: string }> {
  try {
    await work();
  } catch (error) {
    const { extensions, message } = error as GraphQLError;
    return { code: extensions.code, field: extensions.field, message };
  }
  throw new Error('did not fail');
}

const input = (extra: Partial<CreateInput> = {}): CreateInput => ({
  types: ['ORDER_STATE_CHANGED'],
  sink: 'https://partner.example/hook',
  ...extra,
});

describe('createEventSubscription', () => {
  it('R4: registers the sink for the calling partner and shows the signing secret', async () => {
    const { deps, created } = webhooks();
    const result = await createEventSubscription(deps, partner('P-1'), {
      types: ['ORDER_COMPLETED', 'ORDER_STATE_CHANGED', 'ORDER_COMPLETED'],
      sink: 'https://Partner.Example/hook',
      sinkCredential: { accessToken: 'tok-1' },
      expiresAt: '2999-01-01T00:00:00Z',
    });
    expect(result).toEqual({
      subscription: {
        ...model('ES-1', 'P-1', 'https://partner.example/hook'),
        types: ['ORDER_COMPLETED', 'ORDER_STATE_CHANGED'],
      },
      signingSecret: 'whsec_x',
    });
    expect(created).toEqual([
      {
        partnerId: 'P-1',
        types: ['ORDER_COMPLETED', 'ORDER_STATE_CHANGED'],
        sink: 'https://partner.example/hook',
        credential: 'tok-1',
        expiresAt: new Date('2999-01-01T00:00:00Z'),
      },
    ]);
  });

  it('R4: without a credential or expiry both are stored as none', async () => {
    const { deps, created } = webhooks();
    await createEventSubscription(deps, partner('P-1'), input({ sinkCredential: null, expiresAt: null }));
    await createEventSubscription(deps, partner('P-1'), input({ sink: 'https://partner.example/2' }));
    expect(created.map((c) => [c.credential, c.expiresAt])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('R4: only partner systems have event subscriptions', async () => {
    const { deps, created } = webhooks();
    const forbidden = {
      code: 'FORBIDDEN',
      field: undefined,
      message: 'Only partner systems have event subscriptions.',
    };
    expect(await failure(() => createEventSubscription(deps, manager, input()))).toEqual(forbidden);
    expect(await failure(() => eventSubscriptions(deps, manager))).toEqual(forbidden);
    expect(await failure(() => eventSubscription(deps, { kind: 'anonymous' }, 'ES-1'))).toEqual(forbidden);
    expect(await failure(() => deleteEventSubscription(deps, manager, 'ES-1'))).toEqual(forbidden);
    expect(created).toEqual([]);
  });

  it('refuses an empty list of types', async () => {
    const { deps } = webhooks();
    expect(await failure(() => createEventSubscription(deps, partner('P-1'), input({ types: [] })))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'types',
      message: 'Give at least one event type.',
    });
  });

  it('R4: the sink is checked (https only in production)', async () => {
    const { deps, created } = webhooks(true);
    expect(
      await failure(() =>
        createEventSubscription(deps, partner('P-1'), input({ sink: 'http://partner.example/' })),
      ),
    ).toMatchObject({ field: 'sink', message: 'sink must be an https URL.' });
    expect(created).toEqual([]);
  });

  it('R4: a sink credential must be 1-4096 visible ASCII characters (never a header break)', async () => {
    const { deps, created } = webhooks();
    const refused = {
      code: 'BAD_USER_INPUT',
      field: 'sinkCredential',
      message: 'sinkCredential.accessToken must be 1-4096 visible ASCII characters.',
    };
    for (const accessToken of ['', 'a b', 'tok\r\nX-Evil: 1', 'x'.repeat(4097), 'ä', '\x7f', ' tok', 'tok '])
      expect(
        await failure(() =>
          createEventSubscription(deps, partner('P-1'), input({ sinkCredential: { accessToken } })),
        ),
      ).toEqual(refused);
    expect(created).toEqual([]);
    const longest = 'x'.repeat(4095) + '~';
    await createEventSubscription(deps, partner('P-1'), input({ sinkCredential: { accessToken: longest } }));
    await createEventSubscription(
      deps,
      partner('P-1'),
      input({ sink: 'https://b.example/', sinkCredential: { accessToken: '!' } }),
    );
    expect(created.map((c) => c.credential)).toEqual([longest, '!']);
  });

  describe('expiresAt', () => {
    afterEach(() => jest.restoreAllMocks());

    it('R4: must be an ISO 8601 date and time', async () => {
      const { deps, created } = webhooks();
      for (const expiresAt of [
        'Jan 1 2999',
        '2999-01-01',
        '2999-13-45T00:00:00Z',
        '+002999-01-01T00:00:00Z',
        'x',
      ])
        expect(
          await failure(() => createEventSubscription(deps, partner('P-1'), input({ expiresAt }))),
        ).toEqual({
          code: 'BAD_USER_INPUT',
          field: 'expiresAt',
          message: 'expiresAt must be an ISO 8601 date and time.',
        });
      expect(created).toEqual([]);
    });

    it('R4: must be in the future', async () => {
      jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-30T10:00:00Z'));
      const { deps, created } = webhooks();
      for (const expiresAt of ['2026-11-30T10:00:00Z', '2026-11-30T09:00:00Z'])
        expect(
          await failure(() => createEventSubscription(deps, partner('P-1'), input({ expiresAt }))),
        ).toEqual({
          code: 'BAD_USER_INPUT',
          field: 'expiresAt',
          message: 'expiresAt must be in the future.',
        });
      await createEventSubscription(deps, partner('P-1'), input({ expiresAt: '2026-11-30T10:00:00.001Z' }));
      expect(created.map((c) => c.expiresAt?.toISOString())).toEqual(['2026-11-30T10:00:00.001Z']);
    });
  });

  it('R4: at most 20 subscriptions per partner; another partner has its own allowance', async () => {
    const existing = Array.from({ length: 19 }, (_, n) => model(`ES-P${n}`, 'P-1', `https://e.example/${n}`));
    const { deps } = webhooks(false, existing);
    await createEventSubscription(deps, partner('P-1'), input());
    expect(
      await failure(() =>
        createEventSubscription(deps, partner('P-1'), input({ sink: 'https://x.example/' })),
      ),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'sink',
      message: 'At most 20 event subscriptions: delete one first.',
    });
    await expect(createEventSubscription(deps, partner('P-2'), input())).resolves.toBeDefined();
  });

  it('R4: a second subscription of the partner to the same sink is a conflict', async () => {
    const { deps } = webhooks();
    await createEventSubscription(deps, partner('P-1'), input());
    expect(await failure(() => createEventSubscription(deps, partner('P-1'), input()))).toEqual({
      code: 'CONFLICT',
      field: 'sink',
      message: 'You already have a subscription to this sink: delete it first.',
    });
  });
});

describe('checkSink', () => {
  const refusal = (sink: string, httpsOnly: boolean) => failure(() => checkSink(sink, httpsOnly));

  it('R4: answers the sink as a normalised absolute URL', () => {
    expect(checkSink('https://Partner.Example/a b', true)).toBe('https://partner.example/a%20b');
    expect(checkSink('http://partner.example', false)).toBe('http://partner.example/');
  });

  it('R4: at most 2000 characters', async () => {
    const base = 'https://partner.example/';
    expect(checkSink(base + 'x'.repeat(2000 - base.length), true)).toHaveLength(2000);
    expect(await refusal(base + 'x'.repeat(2001 - base.length), true)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'sink',
      message: 'sink must be at most 2000 characters.',
    });
  });

  it('R4: must be an absolute http(s) URL, https only in production', async () => {
    expect(await refusal('/hook', false)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'sink',
      message: 'sink must be an absolute URL.',
    });
    expect(await refusal('ftp://partner.example/', false)).toMatchObject({
      field: 'sink',
      message: 'sink must be an http or https URL.',
    });
    expect(await refusal('ftp://partner.example/', true)).toMatchObject({
      message: 'sink must be an https URL.',
    });
    expect(await refusal('http://partner.example/', true)).toMatchObject({
      message: 'sink must be an https URL.',
    });
  });

  it('R4: must not hold credentials', async () => {
    for (const sink of ['https://user@partner.example/', 'https://:pass@partner.example/'])
      expect(await refusal(sink, false)).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'sink',
        message: 'sink must not hold credentials: use sinkCredential.',
      });
  });

  it("R4: in production, never one of the operator's internal addresses", async () => {
    const internal = [
      'localhost',
      'api.localhost',
      '0.1.2.3',
      '10.1.2.3',
      '100.64.0.1',
      '100.127.255.255',
      '127.0.0.1',
      '169.254.169.254',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '[::1]',
      '[::]',
      '[fd00::1]',
      '[fe80::1]',
      '[::ffff:10.0.0.1]',
      '[::ffff:127.0.0.1]',
    ];
    for (const host of internal) {
      expect([host, await refusal(`https://${host}/hook`, true)]).toEqual([
        host,
        { code: 'BAD_USER_INPUT', field: 'sink', message: 'sink must be a public address.' },
      ]);
      expect(checkSink(`http://${host}/hook`, false)).toMatch(/^http:/);
    }
    const publicHosts = [
      'partner.example',
      'localhost.example',
      '8.8.8.8',
      '100.128.0.1',
      '172.32.0.1',
      '11.0.0.1',
      '[2001:db8::1]',
      '[fec0::1]',
    ];
    for (const host of publicHosts)
      expect(checkSink(`https://${host}/hook`, true)).toBe(`https://${host}/hook`);
    // Bug fixed here: a `::ffff:0:0/96` rule refused every IPv4 address, public ones too.
    expect(checkSink('https://[::ffff:8.8.8.8]/hook', true)).toBe('https://[::ffff:808:808]/hook');
  });
});

describe('reading and deleting', () => {
  const existing = [
    model('ES-1', 'P-1', 'https://a.example/'),
    model('ES-2', 'P-2', 'https://b.example/'),
    model('ES-3', 'P-1', 'https://c.example/'),
  ];

  it('R4: a partner lists only its own subscriptions', async () => {
    const { deps } = webhooks(false, existing);
    expect((await eventSubscriptions(deps, partner('P-1'))).map((s) => s.id)).toEqual(['ES-1', 'ES-3']);
  });

  it("R4: another partner's subscription answers NOT_FOUND, like an unknown one", async () => {
    const { deps } = webhooks(false, existing);
    expect(await eventSubscription(deps, partner('P-2'), 'ES-2')).toEqual(existing[1]);
    for (const id of ['ES-1', 'ES-9'])
      expect(await failure(() => eventSubscription(deps, partner('P-2'), id))).toEqual({
        code: 'NOT_FOUND',
        field: undefined,
        message: `Event subscription ${id} was not found.`,
      });
  });

  it('R4: a partner deletes its own subscription only', async () => {
    const { deps, all } = webhooks(false, existing);
    expect(await failure(() => deleteEventSubscription(deps, partner('P-2'), 'ES-1'))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Event subscription ES-1 was not found.',
    });
    expect(await deleteEventSubscription(deps, partner('P-1'), 'ES-1')).toBe('ES-1');
    expect(all.map((s) => s.id)).toEqual(['ES-2', 'ES-3']);
  });

  it('R4: dead letters of a subscription, 50 unless 1-200 are asked for', async () => {
    const { deps, asked } = webhooks();
    const subscription = existing[0];
    await deadLetters(deps, subscription, null);
    await deadLetters(deps, subscription, undefined);
    await deadLetters(deps, subscription, 1);
    await deadLetters(deps, subscription, 200);
    expect(asked).toEqual([
      ['ES-1', 50],
      ['ES-1', 50],
      ['ES-1', 1],
      ['ES-1', 200],
    ]);
    for (const first of [0, 201, -1])
      expect(await failure(() => deadLetters(deps, subscription, first))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'first',
        message: 'first must be between 1 and 200.',
      });
  });
});
