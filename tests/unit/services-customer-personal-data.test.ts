import type { GraphQLError } from 'graphql';
import { registerUserSession } from '../../lib/user-sessions';
import { SESSION_TTL_SECONDS, sessionKey } from '../../lib/sessions';
import { migrate } from '../../lib/store/migrations';
import { markEmailUnverified } from '../../subgraphs/customer/services/contact-verification';
import { scratchDatabase, type ScratchDatabase } from '../../system/kit/scratch-database';
import { crmCustomer, crmUser, managerOf, personalData } from '../support/personal-data-fakes';

/**
 * S5/S6: the manager's export and erasure of the customer's personal data
 * (services/personal-data.ts) on a real PostgreSQL schema of its own, as its code is SQL; the CRM
 * and the cache are fakes. Each test works on customers of its own.
 */

let database: ScratchDatabase;
beforeAll(async () => {
  database = await scratchDatabase({
    url: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    schema: `ssm_pdata_${Date.now().toString(36)}_${process.pid}`,
    maxConnections: 2,
  });
  await migrate(database.db);
});
afterAll(async () => {
  await database.drop();
});

const sql = (text: string, params: unknown[] = []) => database.db.query(text, params);

async function grant(id: string, customerId: string, granteeId: string, extra = ''): Promise<void> {
  await sql(
    `INSERT INTO grants (id, customer_id, grantee_id, granted_by, capabilities, scope_kind, scope_ids, valid_from, valid_until, created_at, revoked_at)
     VALUES ($1, $2, $3, $4, '{VIEW_BILLS}', 'ACCOUNT', '{A-1}', '2026-01-01T00:00:00Z', $5, $6, $7)`,
    [
      id,
      customerId,
      granteeId,
      `M-${customerId}`,
      extra.includes('until') ? '2027-01-01T00:00:00Z' : null,
      extra.includes('late') ? '2026-02-01T00:00:00Z' : '2026-01-01T00:00:00Z',
      extra.includes('revoked') ? '2026-03-01T00:00:00Z' : null,
    ],
  );
}

async function notificationFor(id: string, userId: string, customerId: string, read: boolean): Promise<void> {
  await sql(
    `INSERT INTO notifications (id, user_id, customer_id, kind, title, body, event_id, created_at, read_at)
     VALUES ($1, $2, $3, 'BILL_ISSUED', 'New bill', 'Your bill is ready.', $1, '2026-04-01T10:00:00Z', $4)`,
    [id, userId, customerId, read ? '2026-04-02T10:00:00Z' : null],
  );
}

async function profile(userId: string, customerId: string, topics: [string, number][]): Promise<void> {
  await sql('INSERT INTO profiles (user_id, customer_id) VALUES ($1, $2)', [userId, customerId]);
  for (const [topic, hits] of topics)
    await sql('INSERT INTO profile_usage (user_id, topic, hits) VALUES ($1, $2, $3)', [userId, topic, hits]);
}

const securityEvents = (customerId: string) =>
  sql(
    'SELECT kind, outcome, actor_id, target, detail FROM security_events WHERE customer_id = $1 ORDER BY id',
    [customerId],
  );

describe('S5 export of the customer personal data', () => {
  it('S5: the customer, its users with their contact, settings, topics and inbox, grants and security events', async () => {
    const users = [
      crmUser('M-C-EX', 'C-EX', 'MANAGER'),
      crmUser('U-EX', 'C-EX'),
      crmUser('U-OTHER', 'C-OTHER'),
    ];
    await profile('U-EX', 'C-EX', [
      ['roaming', 3],
      ['billing', 1],
    ]);
    await profile('U-OTHER', 'C-OTHER', [['secret', 9]]);
    await notificationFor('N-EX-1', 'U-EX', 'C-EX', true);
    await notificationFor('N-EX-2', 'U-EX', 'C-EX', false);
    await notificationFor('N-OTHER', 'U-OTHER', 'C-OTHER', false);
    await grant('G-EX-2', 'C-EX', 'U-EX', 'late revoked');
    await grant('G-EX-1', 'C-EX', 'U-EX', 'until');
    await grant('G-OTHER', 'C-OTHER', 'U-OTHER');
    await sql(
      `INSERT INTO security_events (at, customer_id, actor_id, kind, outcome, target)
       VALUES ('2026-05-01T00:00:00Z', 'C-EX', 'U-EX', 'LOGIN', 'SUCCESS', NULL),
              ('2026-05-02T00:00:00Z', 'C-OTHER', 'U-OTHER', 'LOGIN', 'SUCCESS', NULL)`,
    );
    const { service, store, lines } = personalData(database.db, {
      customers: [crmCustomer('C-EX'), crmCustomer('C-OTHER')],
      users,
      preferences: { 'U-EX': [{ event: 'BILL_ISSUED', channels: ['SMS'] }] },
    });
    await markEmailUnverified(store, 'U-EX', users[1].email);

    const before = Date.now();
    const result = await service.export(managerOf('C-EX'));
    expect(result.customerId).toBe('C-EX');
    expect(Date.parse(result.generatedAt)).toBeGreaterThanOrEqual(before);
    expect(result.generatedAt).toMatch(/Z$/);
    const document = JSON.parse(result.document) as Record<string, unknown>;
    expect(document.customer).toEqual({
      id: 'C-EX',
      kind: 'COMPANY',
      name: 'Company C-EX',
      contact: { email: 'office@c-ex.example', phone: '+358 9 123' },
      address: { street: 'Street 1', city: 'Espoo', postcode: '02100', areaId: 'AREA-01' },
      customerSince: '2020-05-06',
    });
    expect(document.users).toEqual([
      {
        id: 'M-C-EX',
        role: 'MANAGER',
        name: 'Name M-C-EX',
        contact: {
          email: 'm-c-ex@example.org',
          phone: '+358 M-C-EX',
          emailVerified: true,
          phoneVerified: true,
        },
        notificationSettings: [],
        profileTopics: [],
        notifications: [],
      },
      {
        id: 'U-EX',
        role: 'SSM_USER',
        name: 'Name U-EX',
        contact: { email: 'u-ex@example.org', phone: '+358 U-EX', emailVerified: false, phoneVerified: true },
        notificationSettings: [{ event: 'BILL_ISSUED', channels: ['SMS'] }],
        profileTopics: [
          { topic: 'billing', hits: 1 },
          { topic: 'roaming', hits: 3 },
        ],
        notifications: [
          {
            id: 'N-EX-1',
            kind: 'BILL_ISSUED',
            title: 'New bill',
            body: 'Your bill is ready.',
            createdAt: '2026-04-01T10:00:00.000Z',
            readAt: '2026-04-02T10:00:00.000Z',
          },
          {
            id: 'N-EX-2',
            kind: 'BILL_ISSUED',
            title: 'New bill',
            body: 'Your bill is ready.',
            createdAt: '2026-04-01T10:00:00.000Z',
            readAt: null,
          },
        ],
      },
    ]);
    expect(document.authorizations).toEqual([
      {
        id: 'G-EX-1',
        granteeId: 'U-EX',
        grantedBy: 'M-C-EX',
        capabilities: ['VIEW_BILLS'],
        scopeKind: 'ACCOUNT',
        scopeIds: ['A-1'],
        validFrom: '2026-01-01T00:00:00.000Z',
        validUntil: '2027-01-01T00:00:00.000Z',
        revokedAt: null,
      },
      {
        id: 'G-EX-2',
        granteeId: 'U-EX',
        grantedBy: 'M-C-EX',
        capabilities: ['VIEW_BILLS'],
        scopeKind: 'ACCOUNT',
        scopeIds: ['A-1'],
        validFrom: '2026-01-01T00:00:00.000Z',
        validUntil: null,
        revokedAt: '2026-03-01T00:00:00.000Z',
      },
    ]);
    // The export's own event is recorded after reading: the document does not describe itself.
    expect(document.securityEvents).toEqual([
      {
        id: expect.stringMatching(/^\d+$/) as unknown as string,
        at: '2026-05-01T00:00:00.000Z',
        kind: 'LOGIN',
        outcome: 'SUCCESS',
        actorId: 'U-EX',
        target: null,
      },
    ]);
    expect(await securityEvents('C-EX')).toEqual([
      { kind: 'LOGIN', outcome: 'SUCCESS', actor_id: 'U-EX', target: null, detail: {} },
      { kind: 'DATA_EXPORT', outcome: 'SUCCESS', actor_id: 'M-C-EX', target: 'C-EX', detail: { users: 2 } },
    ]);
    // Counts only: the document never reaches the log.
    expect(lines).toEqual([['info', { event: 'data.exported', users: 2 }, 'customer data exported']]);
  });

  it('S5: a customer the CRM does not return exports as null, with no users', async () => {
    const { service } = personalData(database.db, { customers: [], users: [] });
    const document = JSON.parse((await service.export(managerOf('C-NONE'))).document) as Record<
      string,
      unknown
    >;
    expect(document).toEqual({ customer: null, users: [], authorizations: [], securityEvents: [] });
  });

  it('S4: no event, no export: the export fails when the security log cannot record it', async () => {
    const { service, audit, lines } = personalData(database.db, {
      customers: [crmCustomer('C-FAIL')],
      users: [],
    });
    jest.spyOn(audit, 'record').mockRejectedValueOnce(new Error('log down'));
    await expect(service.export(managerOf('C-FAIL'))).rejects.toThrow('log down');
    expect(lines).toEqual([]);
  });
});

describe('S6 erasure of a user', () => {
  afterEach(() => jest.restoreAllMocks());

  it("S3: an unknown user and another customer's user are the same NOT_FOUND; the manager is bad input", async () => {
    const users = [crmUser('M-C-ER0', 'C-ER0', 'MANAGER'), crmUser('U-ELSE', 'C-ELSE')];
    const { service, erasures } = personalData(database.db, { customers: [], users });
    const failure = async (userId: string): Promise<GraphQLError> => {
      try {
        await service.erase(managerOf('C-ER0'), userId);
      } catch (error) {
        return error as GraphQLError;
      }
      throw new Error(`${userId} was erased`);
    };
    const unknown = await failure('U-NOBODY');
    const foreign = await failure('U-ELSE');
    expect(unknown.extensions).toEqual({ code: 'NOT_FOUND' });
    expect(foreign.extensions).toEqual({ code: 'NOT_FOUND' });
    expect(foreign.message).toBe('User U-ELSE was not found.');
    const manager = await failure('M-C-ER0');
    expect(manager.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect(manager.message).toBe('The manager cannot be erased; the customer closes its contract instead.');
    expect(erasures).toEqual([]);
    expect(await securityEvents('C-ER0')).toEqual([]);
  });

  it('S6: the CRM record, live grants, profile, inbox and sessions go; the caches forget the user', async () => {
    const users = [crmUser('M-C-ER', 'C-ER', 'MANAGER'), crmUser('U-ER', 'C-ER'), crmUser('U-KEEP', 'C-ER')];
    await grant('G-ER-b', 'C-ER', 'U-ER');
    await grant('G-ER-a', 'C-ER', 'U-ER', 'until');
    await grant('G-ER-old', 'C-ER', 'U-ER', 'revoked');
    await grant('G-ER-keep', 'C-ER', 'U-KEEP');
    await profile('U-ER', 'C-ER', [['roaming', 2]]);
    await profile('U-KEEP', 'C-ER', [['roaming', 5]]);
    await notificationFor('N-ER', 'U-ER', 'C-ER', false);
    await notificationFor('N-KEEP', 'U-KEEP', 'C-ER', false);
    const { service, store, erasures, invalidated, lines } = personalData(database.db, {
      customers: [crmCustomer('C-ER')],
      users,
    });
    for (const session of ['SES-1', 'SES-2', 'SES-3']) await registerUserSession(store, 'U-ER', session);
    await store.set(sessionKey('SES-1'), '{}', SESSION_TTL_SECONDS);
    await store.set(sessionKey('SES-3'), '{}', SESSION_TTL_SECONDS);

    expect(await service.erase(managerOf('C-ER'), 'U-ER')).toEqual({
      userId: 'U-ER',
      erasedNow: true,
      sessionsEnded: 2,
      authorizationsRevoked: 2,
    });
    expect(erasures).toEqual(['U-ER']);
    expect(await store.get(sessionKey('SES-1'))).toBeNull();
    const grants = await sql('SELECT id, revoked_by FROM grants WHERE customer_id = $1 ORDER BY id', [
      'C-ER',
    ]);
    expect(grants).toEqual([
      { id: 'G-ER-a', revoked_by: 'M-C-ER' },
      { id: 'G-ER-b', revoked_by: 'M-C-ER' },
      { id: 'G-ER-keep', revoked_by: null },
      { id: 'G-ER-old', revoked_by: null },
    ]);
    expect(await sql('SELECT user_id FROM profiles WHERE customer_id = $1', ['C-ER'])).toEqual([
      { user_id: 'U-KEEP' },
    ]);
    expect(await sql("SELECT user_id FROM profile_usage WHERE user_id IN ('U-ER', 'U-KEEP')")).toEqual([
      { user_id: 'U-KEEP' },
    ]);
    expect(await sql('SELECT id FROM notifications WHERE customer_id = $1', ['C-ER'])).toEqual([
      { id: 'N-KEEP' },
    ]);
    expect(invalidated).toEqual({ keys: ['user:U-ER', 'preferences:U-ER'], tags: ['customer:C-ER'] });
    expect(await securityEvents('C-ER')).toEqual([
      { kind: 'ERASURE', outcome: 'SUCCESS', actor_id: 'M-C-ER', target: 'U-ER', detail: {} },
      { kind: 'REVOKE', outcome: 'SUCCESS', actor_id: 'M-C-ER', target: 'G-ER-a', detail: { erasure: true } },
      { kind: 'REVOKE', outcome: 'SUCCESS', actor_id: 'M-C-ER', target: 'G-ER-b', detail: { erasure: true } },
    ]);
    expect(lines).toEqual([
      [
        'info',
        { event: 'user.erased', erasedNow: true, sessionsEnded: 2, authorizationsRevoked: 2 },
        'user erased',
      ],
    ]);
  });

  it('S6: erasing again does nothing more and says so', async () => {
    const users = [crmUser('U-AGAIN', 'C-AG')];
    await grant('G-AG-old', 'C-AG', 'U-AGAIN', 'revoked');
    const { service } = personalData(database.db, { customers: [], users, erased: false });
    expect(await service.erase(managerOf('C-AG'), 'U-AGAIN')).toEqual({
      userId: 'U-AGAIN',
      erasedNow: false,
      sessionsEnded: 0,
      authorizationsRevoked: 0,
    });
  });

  it('S4: a grant another manager revoked meanwhile is a DENIED revoke, not counted', async () => {
    const users = [crmUser('U-RACE', 'C-RACE')];
    await grant('G-RACE', 'C-RACE', 'U-RACE');
    const { service, grants } = personalData(database.db, { customers: [], users });
    const revoke = jest.spyOn(grants, 'revoke').mockResolvedValue(null);
    const result = await service.erase(managerOf('C-RACE'), 'U-RACE');
    expect(result.authorizationsRevoked).toBe(0);
    expect(revoke).toHaveBeenCalledWith('G-RACE', 'C-RACE', 'M-C-RACE');
    expect((await securityEvents('C-RACE')).map((e) => [e.kind, e.outcome])).toEqual([
      ['ERASURE', 'SUCCESS'],
      ['REVOKE', 'DENIED'],
    ]);
  });

  it("S6: a grant of the user at another customer is not this manager's to revoke", async () => {
    const users = [crmUser('U-TWO', 'C-TWO')];
    await grant('G-TWO-elsewhere', 'C-ELSEWHERE', 'U-TWO');
    const { service } = personalData(database.db, { customers: [], users });
    expect((await service.erase(managerOf('C-TWO'), 'U-TWO')).authorizationsRevoked).toBe(0);
    expect(await sql('SELECT revoked_at FROM grants WHERE id = $1', ['G-TWO-elsewhere'])).toEqual([
      { revoked_at: null },
    ]);
  });
});
