import { gql, startTestSystem, type TestSystem } from '../support/system';
import { lastCode, login, START_LOGIN, COMPLETE_LOGIN } from '../../system/kit/sign-in';
import { DEMO_PASSWORD } from '../../mocks/seed/demo';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system.stop();
});

const ME = `{ me { id role customer { id name accounts { id } } } }`;

describe('S1 login with actor id, static password and one-time code', () => {
  it('S1 signs in with password and SMS code, then me returns the own customer', async () => {
    const started = await gql(system.gatewayUrl, START_LOGIN, {
      actorId: 'nw.manager',
      password: DEMO_PASSWORD,
      channel: 'SMS',
    });
    expect(started.data?.startLogin.__typename).toBe('LoginChallenge');
    expect(started.data?.startLogin.sentTo).toMatch(/^\+\d{2}\*+\d{2}$/);
    const phone = system.sims.world.users.find((u) => u.id === 'nw.manager')?.phone as string;
    const completed = await gql(system.gatewayUrl, COMPLETE_LOGIN, {
      challengeId: started.data?.startLogin.challengeId,
      code: lastCode(system, phone),
    });
    expect(completed.data?.completeLogin.__typename).toBe('AuthSession');
    const me = await gql(system.gatewayUrl, ME, {}, completed.data?.completeLogin.accessToken);
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toMatchObject({
      id: 'nw.manager',
      role: 'MANAGER',
      customer: { id: 'CUST-000001', name: 'Northwind Logistics Ltd' },
    });
    expect(me.data?.me.customer.accounts).toHaveLength(2);
  });

  it('S1 refuses a wrong password without saying whether the actor exists', async () => {
    const wrong = await gql(system.gatewayUrl, START_LOGIN, {
      actorId: 'home.owner',
      password: 'nope-nope',
      channel: 'SMS',
    });
    const unknown = await gql(system.gatewayUrl, START_LOGIN, {
      actorId: 'no.such.user',
      password: 'nope-nope',
      channel: 'SMS',
    });
    expect(wrong.data?.startLogin).toMatchObject({
      __typename: 'LoginFailure',
      reason: 'INVALID_CREDENTIALS',
    });
    expect(unknown.data?.startLogin.message).toBe(wrong.data?.startLogin.message);
  });

  it('S1 refuses a wrong one-time code and a reused one', async () => {
    const started = await gql(system.gatewayUrl, START_LOGIN, {
      actorId: 'pre.user',
      password: DEMO_PASSWORD,
      channel: 'EMAIL',
    });
    const email = system.sims.world.users.find((u) => u.id === 'pre.user')?.email as string;
    const code = lastCode(system, email);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const bad = await gql(system.gatewayUrl, COMPLETE_LOGIN, {
      challengeId: started.data?.startLogin.challengeId,
      code: wrongCode,
    });
    expect(bad.data?.completeLogin).toMatchObject({ reason: 'INVALID_CODE' });
    const good = await gql(system.gatewayUrl, COMPLETE_LOGIN, {
      challengeId: started.data?.startLogin.challengeId,
      code,
    });
    expect(good.data?.completeLogin.__typename).toBe('AuthSession');
    const again = await gql(system.gatewayUrl, COMPLETE_LOGIN, {
      challengeId: started.data?.startLogin.challengeId,
      code,
    });
    expect(again.data?.completeLogin).toMatchObject({ reason: 'CHALLENGE_EXPIRED' });
  });

  it('S1 allows three guesses of a code in all, even when they arrive at once', async () => {
    const started = await gql(system.gatewayUrl, START_LOGIN, {
      actorId: 'nw.config',
      password: DEMO_PASSWORD,
      channel: 'SMS',
    });
    const phone = system.sims.world.users.find((u) => u.id === 'nw.config')?.phone as string;
    const code = lastCode(system, phone);
    const wrong = Array.from({ length: 10 }, (_, i) =>
      String((Number(code) + i + 1) % 1_000_000).padStart(6, '0'),
    );
    const results = await Promise.all(
      wrong.map((c) =>
        gql(system.gatewayUrl, COMPLETE_LOGIN, {
          challengeId: started.data?.startLogin.challengeId,
          code: c,
        }),
      ),
    );
    expect(results.filter((r) => r.data?.completeLogin.reason === 'INVALID_CODE').length).toBeLessThanOrEqual(
      2,
    );
    const right = await gql(system.gatewayUrl, COMPLETE_LOGIN, {
      challengeId: started.data?.startLogin.challengeId,
      code,
    });
    expect(right.data?.completeLogin).toMatchObject({ reason: 'CHALLENGE_EXPIRED' });
  });

  it('S1 locks the actor out after repeated failures, even with the right password', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await gql(system.gatewayUrl, START_LOGIN, {
        actorId: 'nw.employee02',
        password: `wrong-${i}`,
        channel: 'SMS',
      });
      expect(r.data?.startLogin.reason).toBe('INVALID_CREDENTIALS');
    }
    const fifth = await gql(system.gatewayUrl, START_LOGIN, {
      actorId: 'nw.employee02',
      password: 'wrong-5',
      channel: 'SMS',
    });
    expect(fifth.data?.startLogin).toMatchObject({ reason: 'LOCKED_OUT' });
    expect(fifth.data?.startLogin.retryAfterSeconds).toBeGreaterThan(0);
    const right = await gql(system.gatewayUrl, START_LOGIN, {
      actorId: 'nw.employee02',
      password: DEMO_PASSWORD,
      channel: 'SMS',
    });
    expect(right.data?.startLogin).toMatchObject({ reason: 'LOCKED_OUT' });
  });

  it('S1 rotates refresh tokens and closes the session when an old one is replayed', async () => {
    const session = await login(system, 'home.owner');
    const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { __typename ... on AuthSession { accessToken refreshToken } ... on LoginFailure { reason } } }`;
    const first = await gql(system.gatewayUrl, REFRESH, { t: session.refreshToken });
    expect(first.data?.refreshSession.__typename).toBe('AuthSession');
    const replay = await gql(system.gatewayUrl, REFRESH, { t: session.refreshToken });
    expect(replay.data?.refreshSession).toMatchObject({ reason: 'INVALID_REFRESH_TOKEN' });
    // The replay closed the session: the newest tokens stop working too.
    const me = await gql(system.gatewayUrl, ME, {}, first.data?.refreshSession.accessToken);
    expect(me.status).toBe(401);
    expect(me.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('S1 logout revokes the access token on the very next request', async () => {
    const session = await login(system, 'home.owner');
    expect((await gql(system.gatewayUrl, ME, {}, session.accessToken)).data?.me.id).toBe('home.owner');
    const out = await gql(system.gatewayUrl, `mutation { logout { loggedOut } }`, {}, session.accessToken);
    expect(out.data?.logout.loggedOut).toBe(true);
    const after = await gql(system.gatewayUrl, ME, {}, session.accessToken);
    expect(after.status).toBe(401);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('S1 rejects a forged or malformed token with UNAUTHENTICATED', async () => {
    const forged = await gql(system.gatewayUrl, ME, {}, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const anonymous = await gql(system.gatewayUrl, ME);
    expect(anonymous.data?.me).toBeNull();
  });

  it('S1 an actor sees only their own customer, never another one', async () => {
    const session = await login(system, 'home.owner');
    const other = await gql(
      system.gatewayUrl,
      `{ customer(id: "CUST-000001") { id name } }`,
      {},
      session.accessToken,
    );
    expect(other.data?.customer).toBeNull();
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const account = await gql(
      system.gatewayUrl,
      `{ account(id: "ACC-0000001") { id } }`,
      {},
      session.accessToken,
    );
    expect(account.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
