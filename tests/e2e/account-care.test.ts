import { DEMO_PASSWORD } from '../../mocks/seed/demo';
import { CRM_NS, envelope, parseEnvelope, toXml } from '../../lib/soap';
import { COMPLETE_LOGIN, START_LOGIN, lastCode, login } from '../../system/kit/sign-in';
import { gql, startTestSystem, type TestSystem } from '../support/system';

let system: TestSystem;
let manager: string;
const NORTHWIND = 'CUST-000001';

beforeAll(async () => {
  system = await startTestSystem();
  manager = (await login(system, 'nw.manager')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const me = (token: string) => gql(system.gatewayUrl, `{ me { id } }`, {}, token);
const worldUser = (id: string) =>
  system.sims.world.users.find((u) => u.id === id) as { phone: string; email: string };
const startLogin = (actorId: string, password: string, channel = 'SMS') =>
  gql(system.gatewayUrl, START_LOGIN, { actorId, password, channel });
const events = async (kind: string) => {
  const r = await gql(
    system.gatewayUrl,
    `query($kind: SecurityEventKind) { securityEvents(kind: $kind, first: 100) { edges { node { kind outcome actorId target } } } }`,
    { kind },
    manager,
  );
  return r.data?.securityEvents.edges.map((e: any) => e.node) ?? [];
};
/** What the CRM itself holds on a user (its SOAP GetUser), not what the API answers. */
async function crmUser(userId: string): Promise<Record<string, string>> {
  const response = await fetch(`${system.sims.urls.crm}/crm/soap`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${CRM_NS}#GetUser"` },
    body: envelope(toXml('GetUserRequest', { userId })),
  });
  const parsed = parseEnvelope(await response.text());
  const user = parsed.payload.user as Record<string, string>[] | Record<string, string>;
  return Array.isArray(user) ? user[0] : user;
}

const CHANGE = `mutation($old: String!, $new: String!, $keep: Boolean!) {
  changePassword(input: { oldPassword: $old, newPassword: $new, keepThisSession: $keep }) {
    __typename
    ... on PasswordChanged { sessionsEnded }
    ... on PasswordChangeRefused { reason retryAfterSeconds }
  }
}`;
const START_RESET = `mutation($actorId: String!) { startPasswordReset(actorId: $actorId) { message expiresInMinutes } }`;
const COMPLETE_RESET = `mutation($actorId: String!, $code: String!, $new: String!) {
  completePasswordReset(input: { actorId: $actorId, code: $code, newPassword: $new }) {
    __typename
    ... on PasswordResetCompleted { actorId }
    ... on PasswordResetRefused { reason }
  }
}`;

describe('issue 16 account self-care through the gateway', () => {
  it('S1: changePassword checks the old password; the old one then fails, the new one signs in, other sessions end (S4 event)', async () => {
    const here = (await login(system, 'nw.config')).accessToken;
    const elsewhere = (await login(system, 'nw.config')).accessToken;
    const changed = await gql(
      system.gatewayUrl,
      CHANGE,
      { old: DEMO_PASSWORD, new: 'new-pass-2026-a', keep: true },
      here,
    );
    expect(changed.data?.changePassword).toEqual({ __typename: 'PasswordChanged', sessionsEnded: 1 });
    expect(code(await me(elsewhere))).toBe('UNAUTHENTICATED');
    expect((await me(here)).data?.me.id).toBe('nw.config');
    // A retry (the first answer lost) finds the change made: no second change, no LOGIN failure.
    const retried = await gql(
      system.gatewayUrl,
      CHANGE,
      { old: DEMO_PASSWORD, new: 'new-pass-2026-a', keep: true },
      here,
    );
    expect(retried.data?.changePassword).toEqual({ __typename: 'PasswordChanged', sessionsEnded: 0 });
    expect(
      (await events('LOGIN')).filter((e: any) => e.actorId === 'nw.config' && e.outcome === 'FAILURE'),
    ).toEqual([]);
    expect((await me(here)).data?.me.id).toBe('nw.config');
    const old = await startLogin('nw.config', DEMO_PASSWORD);
    expect(old.data?.startLogin).toMatchObject({ __typename: 'LoginFailure', reason: 'INVALID_CREDENTIALS' });
    const fresh = await login(system, 'nw.config', 'new-pass-2026-a');
    expect((await me(fresh.accessToken)).data?.me.id).toBe('nw.config');
    // A sign-in under way (password given, code sent) when the password changes opens no session.
    const pending = await startLogin('nw.config', 'new-pass-2026-a');
    expect(pending.data?.startLogin.__typename).toBe('LoginChallenge');
    const pendingCode = lastCode(system, worldUser('nw.config').phone);
    // Without keepThisSession every session ends, the one that asked too.
    const again = await gql(
      system.gatewayUrl,
      CHANGE,
      { old: 'new-pass-2026-a', new: 'new-pass-2026-b', keep: false },
      fresh.accessToken,
    );
    expect(again.data?.changePassword.__typename).toBe('PasswordChanged');
    expect(code(await me(fresh.accessToken))).toBe('UNAUTHENTICATED');
    expect(code(await me(here))).toBe('UNAUTHENTICATED');
    const late = await gql(system.gatewayUrl, COMPLETE_LOGIN, {
      challengeId: pending.data?.startLogin.challengeId,
      code: pendingCode,
    });
    expect(late.data?.completeLogin).toMatchObject({
      __typename: 'LoginFailure',
      reason: 'CHALLENGE_EXPIRED',
    });
    expect(await events('PASSWORD_CHANGE')).toEqual(
      Array(3).fill({
        kind: 'PASSWORD_CHANGE',
        outcome: 'SUCCESS',
        actorId: 'nw.config',
        target: 'nw.config',
      }),
    );
  });

  it('S1: a weak new password is BAD_USER_INPUT; a wrong old one is a LOGIN FAILURE (S4) counting toward the lock-out', async () => {
    const token = (await login(system, 'nw.finance')).accessToken;
    const weak = await gql(
      system.gatewayUrl,
      CHANGE,
      { old: DEMO_PASSWORD, new: 'short', keep: true },
      token,
    );
    expect(code(weak)).toBe('BAD_USER_INPUT');
    const failuresBefore = (await events('LOGIN')).filter(
      (e: any) => e.actorId === 'nw.finance' && e.outcome === 'FAILURE',
    ).length;
    const answers: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const r = await gql(
        system.gatewayUrl,
        CHANGE,
        { old: `wrong-${i}-password`, new: 'new-pass-2026-c', keep: true },
        token,
      );
      answers.push(r.data?.changePassword.reason);
    }
    expect(answers).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'LOCKED_OUT',
    ]);
    const failures = (await events('LOGIN')).filter(
      (e: any) => e.actorId === 'nw.finance' && e.outcome === 'FAILURE',
    );
    expect(failures.length - failuresBefore).toBe(5);
    // The lock-out is the sign-in's: even the right password is refused now.
    expect((await startLogin('nw.finance', DEMO_PASSWORD)).data?.startLogin.reason).toBe('LOCKED_OUT');
    const right = await gql(
      system.gatewayUrl,
      CHANGE,
      { old: DEMO_PASSWORD, new: 'new-pass-2026-c', keep: true },
      token,
    );
    expect(right.data?.changePassword.reason).toBe('LOCKED_OUT');
  });

  it('S1: a reset code goes to the verified phone, answers alike for unknown ids, works once; every session ends (S4 events)', async () => {
    const session = (await login(system, 'nw.support')).accessToken;
    const phone = worldUser('nw.support').phone;
    const sentBefore = system.sims.outbox.length;
    const known = await gql(system.gatewayUrl, START_RESET, { actorId: 'nw.support' });
    const unknown = await gql(system.gatewayUrl, START_RESET, { actorId: 'no.such.user' });
    expect(unknown).toEqual(known);
    const sent = system.sims.outbox.slice(sentBefore);
    expect(sent.map((m) => m.to)).toEqual([phone]);
    const resetCode = lastCode(system, phone);
    const wrong = resetCode === '000000' ? '000001' : '000000';
    const bad = await gql(system.gatewayUrl, COMPLETE_RESET, {
      actorId: 'nw.support',
      code: wrong,
      new: 'reset-pass-2026',
    });
    expect(bad.data?.completePasswordReset).toEqual({
      __typename: 'PasswordResetRefused',
      reason: 'INVALID_CODE',
    });
    const done = await gql(system.gatewayUrl, COMPLETE_RESET, {
      actorId: 'nw.support',
      code: resetCode,
      new: 'reset-pass-2026',
    });
    expect(done.data?.completePasswordReset).toEqual({
      __typename: 'PasswordResetCompleted',
      actorId: 'nw.support',
    });
    const twice = await gql(system.gatewayUrl, COMPLETE_RESET, {
      actorId: 'nw.support',
      code: resetCode,
      new: 'other-pass-2026',
    });
    expect(twice.data?.completePasswordReset.reason).toBe('INVALID_CODE');
    expect(code(await me(session))).toBe('UNAUTHENTICATED');
    expect((await startLogin('nw.support', DEMO_PASSWORD)).data?.startLogin.reason).toBe(
      'INVALID_CREDENTIALS',
    );
    expect((await me((await login(system, 'nw.support', 'reset-pass-2026')).accessToken)).data?.me.id).toBe(
      'nw.support',
    );
    const resets = (await events('PASSWORD_RESET')).filter((e: any) => e.actorId === 'nw.support');
    expect(resets.map((e: any) => e.outcome)).toEqual(['SUCCESS', 'SUCCESS']);
  });

  it('S6: a user changes their own e-mail (unverified: codes go by SMS only), retries change nothing; the manager changes the address (S4 events)', async () => {
    const token = (await login(system, 'nw.employee02')).accessToken;
    const UPDATE = `mutation($email: String, $phone: String, $password: String! = ${JSON.stringify(DEMO_PASSWORD)}) { updateContactDetails(input: { email: $email, phone: $phone, password: $password }) { id contact { email phone } } }`;
    const phone = worldUser('nw.employee02').phone;
    const first = await gql(system.gatewayUrl, UPDATE, { email: 'new.address@example.org' }, token);
    expect(first.data?.updateContactDetails).toEqual({
      id: 'nw.employee02',
      contact: { email: 'new.address@example.org', phone },
    });
    const retried = await gql(system.gatewayUrl, UPDATE, { email: 'new.address@example.org' }, token);
    expect(retried.data).toEqual(first.data);
    expect((await crmUser('nw.employee02')).email).toBe('new.address@example.org');
    const changes = (await events('CONTACT_CHANGE')).filter((e: any) => e.actorId === 'nw.employee02');
    expect(changes).toEqual([
      { kind: 'CONTACT_CHANGE', outcome: 'SUCCESS', actorId: 'nw.employee02', target: 'nw.employee02' },
    ]);
    // Asked for e-mail, the code still goes to the verified phone: never to the unverified address.
    const sentBefore = system.sims.outbox.length;
    const challenge = await startLogin('nw.employee02', DEMO_PASSWORD, 'EMAIL');
    expect(challenge.data?.startLogin.channel).toBe('SMS');
    expect(system.sims.outbox.slice(sentBefore).map((m) => m.to)).toEqual([phone]);
    const signedIn = await gql(system.gatewayUrl, COMPLETE_LOGIN, {
      challengeId: challenge.data?.startLogin.challengeId,
      code: lastCode(system, phone),
    });
    expect(signedIn.data?.completeLogin.__typename).toBe('AuthSession');
    // S1: a session alone cannot move the account's codes elsewhere: the password is asked again,
    // a wrong one changes nothing and is a LOGIN FAILURE counted like one at sign-in.
    const failuresBefore = (await events('LOGIN')).filter(
      (e: any) => e.actorId === 'nw.employee02' && e.outcome === 'FAILURE',
    ).length;
    const stolen = await gql(
      system.gatewayUrl,
      UPDATE,
      { email: 'taker@example.net', password: 'not-the-password-1' },
      token,
    );
    expect(stolen.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INVALID_CREDENTIALS' });
    expect((await crmUser('nw.employee02')).email).toBe('new.address@example.org');
    expect(
      (await events('LOGIN')).filter((e: any) => e.actorId === 'nw.employee02' && e.outcome === 'FAILURE'),
    ).toHaveLength(failuresBefore + 1);
    // The phone cannot change while the e-mail address is unverified: no channel would be left.
    const phoneToo = await gql(system.gatewayUrl, UPDATE, { phone: '+358401111222' }, token);
    expect(code(phoneToo)).toBe('CONFLICT');
    expect((await crmUser('nw.employee02')).phone).toBe(phone);

    const ADDRESS = `mutation { updateCustomerAddress(input: { street: "Uusi katu 5", city: "Espoo", postcode: "02100" }) { id address { street city postcode } } }`;
    expect(code(await gql(system.gatewayUrl, ADDRESS, {}, token))).toBe('FORBIDDEN');
    const moved = await gql(system.gatewayUrl, ADDRESS, {}, manager);
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.updateCustomerAddress.address).toEqual({
      street: 'Uusi katu 5',
      city: 'Espoo',
      postcode: '02100',
    });
    const customer = system.sims.world.customers.find((c) => c.id === NORTHWIND);
    expect(customer?.address).toMatchObject({ street: 'Uusi katu 5', city: 'Espoo', postcode: '02100' });
    const read = await gql(
      system.gatewayUrl,
      `{ customer(id: "${NORTHWIND}") { address { street } } }`,
      {},
      manager,
    );
    expect(read.data?.customer.address.street).toBe('Uusi katu 5');
  });

  it('S5: the manager exports exactly what the CRM and the SSM store hold on the customer; no one else may', async () => {
    const users = system.sims.world.users.filter((u) => u.customerId === NORTHWIND);
    for (const u of users)
      await system.db.query(
        `INSERT INTO notifications (id, user_id, customer_id, kind, title, body, event_id) VALUES ($1, $2, $3, 'BILL_ISSUED', 'Bill', 'A bill was issued.', $1)`,
        [`NTF-export-${u.id}`, u.id, NORTHWIND],
      );
    const support = (await login(system, 'nw.support', 'reset-pass-2026')).accessToken;
    // Browsing fills the profile (R6): the export must carry what the store then holds.
    for (let i = 0; i < 2; i += 1)
      await gql(system.gatewayUrl, `{ offering(id: "OFF-TV-PLUS") { id } }`, {}, support);
    const EXPORT = `mutation { exportCustomerData { customerId document } }`;
    expect(code(await gql(system.gatewayUrl, EXPORT, {}, support))).toBe('FORBIDDEN');
    const exported = await gql(system.gatewayUrl, EXPORT, {}, manager);
    expect(exported.errors).toBeUndefined();
    const doc = JSON.parse(exported.data?.exportCustomerData.document);
    const db = system.db;
    const expectedEvents = await db.query<{ id: string }>(
      `SELECT id::text AS id FROM security_events WHERE customer_id = $1 AND kind <> 'DATA_EXPORT' ORDER BY security_events.id`,
      [NORTHWIND],
    );
    expect(doc.securityEvents.map((e: any) => e.id)).toEqual(expectedEvents.map((e) => e.id));
    expect(
      doc.users
        .map((u: any) => ({ id: u.id, email: u.contact.email, phone: u.contact.phone, name: u.name }))
        .sort((a: any, b: any) => a.id.localeCompare(b.id)),
    ).toEqual(
      users
        .map((u) => ({ id: u.id, email: u.email, phone: u.phone, name: u.name }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    const grants = await db.query<{ id: string }>(
      'SELECT id FROM grants WHERE customer_id = $1 ORDER BY id',
      [NORTHWIND],
    );
    expect(doc.authorizations.map((g: any) => g.id).sort()).toEqual(grants.map((g) => g.id));
    const inbox = await db.query<{ id: string; user_id: string }>(
      'SELECT id, user_id FROM notifications WHERE customer_id = $1 ORDER BY id',
      [NORTHWIND],
    );
    expect(
      doc.users
        .flatMap((u: any) => u.notifications.map((n: any) => ({ id: n.id, user_id: u.id })))
        .sort((a: any, b: any) => a.id.localeCompare(b.id)),
    ).toEqual(inbox);
    const topics = await db.query<{ user_id: string; topic: string; hits: number }>(
      `SELECT p.user_id, p.topic, p.hits FROM profile_usage p JOIN profiles f ON f.user_id = p.user_id WHERE f.customer_id = $1 ORDER BY p.user_id, p.topic`,
      [NORTHWIND],
    );
    const exportedTopics = doc.users
      .flatMap((u: any) => u.profileTopics.map((t: any) => ({ user_id: u.id, topic: t.topic, hits: t.hits })))
      .sort((a: any, b: any) => `${a.user_id} ${a.topic}`.localeCompare(`${b.user_id} ${b.topic}`));
    expect(exportedTopics).toEqual(topics);
    expect(topics.filter((t) => t.user_id === 'nw.support').length).toBeGreaterThan(0);
    expect(doc.users.find((u: any) => u.id === 'nw.employee02').contact).toMatchObject({
      emailVerified: false,
      phoneVerified: true,
    });
    expect(doc.customer.id).toBe(NORTHWIND);
    // Nothing of another customer's.
    expect(exported.data?.exportCustomerData.document).not.toContain('CUST-000002');
    const exports = await events('DATA_EXPORT');
    expect(exports).toEqual([
      { kind: 'DATA_EXPORT', outcome: 'SUCCESS', actorId: 'nw.manager', target: NORTHWIND },
    ]);
  });

  it('S5: eraseUser anonymises the CRM record, deletes profile and inbox, revokes grants, ends sessions, keeps security events; idempotent', async () => {
    const ERASE = `mutation($id: ID!) { eraseUser(userId: $id) { userId erasedNow sessionsEnded authorizationsRevoked } }`;
    const session = (await login(system, 'nw.employee01')).accessToken;
    // An offering no one looked at yet: a cached answer would not reach the catalogue's profile.
    const unseen = system.sims.world.offerings.find((o) => o.id !== 'OFF-TV-PLUS') as { id: string };
    await gql(system.gatewayUrl, `query($id: ID!) { offering(id: $id) { id } }`, { id: unseen.id }, session);
    expect(
      (await system.db.query(`SELECT 1 FROM profile_usage WHERE user_id = 'nw.employee01'`)).length,
    ).toBeGreaterThan(0);
    const before = { ...worldUser('nw.employee01') };
    const original = { ...(await crmUser('nw.employee01')) };
    const eventsBefore = await system.db.query<{ id: string }>(
      `SELECT id::text AS id FROM security_events WHERE actor_id = 'nw.employee01' ORDER BY id`,
    );
    expect(eventsBefore.length).toBeGreaterThan(0);
    const liveGrants = await system.db.query<{ id: string }>(
      `SELECT id FROM grants WHERE grantee_id = 'nw.employee01' AND revoked_at IS NULL`,
    );
    expect(liveGrants.length).toBeGreaterThan(0);
    // Another customer's user and an unknown id answer alike; the manager is not erased.
    const other = system.sims.world.users.find((u) => u.customerId !== NORTHWIND) as { id: string };
    const foreign = await gql(system.gatewayUrl, ERASE, { id: other.id }, manager);
    const unknown = await gql(system.gatewayUrl, ERASE, { id: 'no.such.user' }, manager);
    expect([code(foreign), code(unknown)]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(foreign.errors?.[0].message.replace(other.id, 'X')).toBe(
      unknown.errors?.[0].message.replace('no.such.user', 'X'),
    );
    expect(code(await gql(system.gatewayUrl, ERASE, { id: 'nw.manager' }, manager))).toBe('BAD_USER_INPUT');
    expect(code(await gql(system.gatewayUrl, ERASE, { id: 'nw.employee02' }, session))).toBe('FORBIDDEN');

    const erased = await gql(system.gatewayUrl, ERASE, { id: 'nw.employee01' }, manager);
    expect(erased.data?.eraseUser).toEqual({
      userId: 'nw.employee01',
      erasedNow: true,
      sessionsEnded: 1,
      authorizationsRevoked: liveGrants.length,
    });
    expect(code(await me(session))).toBe('UNAUTHENTICATED');
    expect((await startLogin('nw.employee01', DEMO_PASSWORD)).data?.startLogin.reason).toBe(
      'INVALID_CREDENTIALS',
    );
    const crm = await crmUser('nw.employee01');
    expect(crm.id).toBe('nw.employee01');
    expect([crm.email, crm.phone]).toEqual(['', '']);
    expect(crm.name).not.toBe(original.name);
    expect(JSON.stringify(crm)).not.toContain(before.phone.slice(1));
    const stillLive = await system.db.query(
      `SELECT id FROM grants WHERE grantee_id = 'nw.employee01' AND revoked_at IS NULL`,
    );
    expect(stillLive).toEqual([]);
    expect(await system.db.query(`SELECT 1 FROM profiles WHERE user_id = 'nw.employee01'`)).toEqual([]);
    expect(await system.db.query(`SELECT 1 FROM profile_usage WHERE user_id = 'nw.employee01'`)).toEqual([]);
    expect(await system.db.query(`SELECT 1 FROM notifications WHERE user_id = 'nw.employee01'`)).toEqual([]);
    const eventsAfter = await system.db.query<{ id: string }>(
      `SELECT id::text AS id FROM security_events WHERE actor_id = 'nw.employee01' ORDER BY id`,
    );
    expect(eventsAfter.map((e) => e.id)).toEqual(expect.arrayContaining(eventsBefore.map((e) => e.id)));
    // No reset code to an erased user either.
    const sentBefore = system.sims.outbox.length;
    await gql(system.gatewayUrl, START_RESET, { actorId: 'nw.employee01' });
    expect(system.sims.outbox.length).toBe(sentBefore);

    const again = await gql(system.gatewayUrl, ERASE, { id: 'nw.employee01' }, manager);
    expect(again.data?.eraseUser).toEqual({
      userId: 'nw.employee01',
      erasedNow: false,
      sessionsEnded: 0,
      authorizationsRevoked: 0,
    });
    const erasures = (await events('ERASURE')).filter((e: any) => e.target === 'nw.employee01');
    expect(erasures).toEqual([
      { kind: 'ERASURE', outcome: 'SUCCESS', actorId: 'nw.manager', target: 'nw.employee01' },
      { kind: 'ERASURE', outcome: 'SUCCESS', actorId: 'nw.manager', target: 'nw.employee01' },
    ]);
  });
});
