import { DEFAULT_LOCKOUT_SETTINGS } from '../../lib/lockouts';
import { DEMO_PASSWORD } from '../../mocks/seed/demo';
import { postBody } from '../../system/kit/client';
import { COMPLETE_LOGIN, START_LOGIN, lastCode, login } from '../../system/kit/sign-in';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * Issue 12, findings 3 and 4: sign-in limits count attempts, not requests. Every request names the
 * address it comes from (X-Forwarded-For, trusted here), so each test has addresses of its own.
 */
const { maxFailures: N, maxCodeFailures: CODES } = DEFAULT_LOCKOUT_SETTINGS;

let system: TestSystem;
let manager: string;
beforeAll(async () => {
  system = await startTestSystem({ trustProxy: true });
  manager = (await login(system, 'nw.manager')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const from = (address: string) => ({ 'x-forwarded-for': address });
const phoneOf = (actorId: string) => system.sims.world.users.find((u) => u.id === actorId)?.phone as string;
/** A six-digit code that is not `code`. */
const wrong = (code: string, i = 1) => String((Number(code) + i) % 1_000_000).padStart(6, '0');

const startLogin = (actorId: string, password: string, address: string) =>
  gql(system.gatewayUrl, START_LOGIN, { actorId, password, channel: 'SMS' }, undefined, from(address));
const completeLogin = (challengeId: string, code: string, address: string) =>
  gql(system.gatewayUrl, COMPLETE_LOGIN, { challengeId, code }, undefined, from(address));

/** Opens a challenge with the right password and reads its code from the SMS simulator. */
async function challenge(actorId: string, address: string): Promise<{ id: string; code: string }> {
  const started = await startLogin(actorId, DEMO_PASSWORD, address);
  expect(started.data?.startLogin.__typename).toBe('LoginChallenge');
  return { id: started.data?.startLogin.challengeId, code: lastCode(system, phoneOf(actorId)) };
}

const PARTNER_TOKEN = `mutation($id: String!, $secret: String!) {
  partnerToken(input: { clientId: $id, clientSecret: $secret }) {
    __typename ... on PartnerToken { accessToken } ... on PartnerAuthFailed { message }
  }
}`;
const partnerToken = (clientId: string, secret: string, address: string) =>
  gql(system.gatewayUrl, PARTNER_TOKEN, { id: clientId, secret }, undefined, from(address));

/** LOGIN FAILURE events of an actor (or partner client), read from the SSM store. */
async function loginFailures(actorId: string): Promise<number> {
  const [{ n }] = await system.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM security_events WHERE actor_id = $1 AND kind = 'LOGIN' AND outcome = 'FAILURE'`,
    [actorId],
  );
  return n;
}
const subgraphCalls = () => Object.values(system.gateway.subgraphRequests()).reduce((a, b) => a + b, 0);

describe('S1/R4 one credential per request, charged per occurrence', () => {
  it('R4: 15 aliased partnerToken fields in one request are refused before any attempt', async () => {
    const address = '203.0.113.1';
    const aliases = Array.from(
      { length: 15 },
      (_, i) =>
        `t${i}: partnerToken(input: { clientId: "client-partner-cp-1", clientSecret: "guess-${i}" }) { __typename }`,
    );
    const calls = subgraphCalls();
    const refused = await gql(
      system.gatewayUrl,
      `mutation { ${aliases.join(' ')} }`,
      {},
      undefined,
      from(address),
    );
    expect(refused.status).toBe(400);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'ONE_CREDENTIAL_PER_REQUEST', found: 15 });
    expect(subgraphCalls()).toBe(calls);
    expect(await loginFailures('client-partner-cp-1')).toBe(0);
    // The partner's failure counter did not move: N - 1 wrong secrets still leave the right one working.
    for (let i = 0; i < N - 1; i++)
      expect(
        (await partnerToken('client-partner-cp-1', `wrong-${i}`, address)).data?.partnerToken,
      ).toMatchObject({ __typename: 'PartnerAuthFailed' });
    const right = await partnerToken('client-partner-cp-1', 'secret-partner-cp-1', address);
    expect(right.data?.partnerToken.__typename).toBe('PartnerToken');
  });

  it('S1: aliased startLogin fields (or any two credential fields) are refused before any attempt', async () => {
    const address = '203.0.113.2';
    // Five wrong passwords for each of three sequential seed logins: once, this locked all three out.
    const users = ['user-000010', 'user-000011', 'user-000012'];
    const aliases = users.flatMap((user, u) =>
      Array.from(
        { length: 5 },
        (_, i) =>
          `a${u}_${i}: startLogin(input: { actorId: "${user}", password: "wrong-${i}", channel: SMS }) { __typename }`,
      ),
    );
    const calls = subgraphCalls();
    const refused = await gql(
      system.gatewayUrl,
      `mutation { ${aliases.join(' ')} }`,
      {},
      undefined,
      from(address),
    );
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'ONE_CREDENTIAL_PER_REQUEST', found: 15 });
    // Two different credential fields, one of them hidden in a fragment: refused too.
    const mixed = await gql(
      system.gatewayUrl,
      `mutation { completeLogin(input: { challengeId: "x", code: "123456" }) { __typename } ...P }
       fragment P on Mutation { partnerToken(input: { clientId: "client-partner-sp-1", clientSecret: "x" }) { __typename } }`,
      {},
      undefined,
      from(address),
    );
    expect(mixed.status).toBe(400);
    expect(mixed.errors?.[0].extensions?.code).toBe('ONE_CREDENTIAL_PER_REQUEST');
    expect(subgraphCalls()).toBe(calls);
    for (const user of users) {
      expect(await loginFailures(user)).toBe(0);
      const right = await startLogin(user, `pw-${user.slice('user-'.length)}`, address);
      expect(right.data?.startLogin.__typename).toBe('LoginChallenge');
    }
  });

  it('S1: the sign-in budget is charged once per credential field, aliases included', async () => {
    const address = '203.0.113.3';
    /** Sends one operation and reads what the sign-in budget has left after it. */
    const send = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await postBody(system.gatewayUrl, JSON.stringify({ query, variables }), from(address));
      await res.json();
      return { status: res.status, remaining: Number(res.headers.get('x-sign-in-ratelimit-remaining')) };
    };
    const attempt = { actorId: 'user-000013', password: 'wrong', channel: 'SMS' };
    const first = await send(START_LOGIN, attempt);
    const three = await send(
      `mutation { ${[1, 2, 3].map((i) => `c${i}: completeLogin(input: { challengeId: "x${i}", code: "123456" }) { __typename }`).join(' ')} }`,
    );
    expect(three.status).toBe(400);
    const next = await send(START_LOGIN, attempt);
    expect(three.remaining).toBe(first.remaining - 3);
    expect(next.remaining).toBe(first.remaining - 4);
  });
});

describe('S1 one-time codes count per actor, and lock-outs bind open challenges', () => {
  it('S1: wrong codes across several challenges lock the actor after N, each a LOGIN FAILURE event; the real code then fails', async () => {
    const address = '203.0.113.4';
    const real = await challenge('nw.support', address);
    const before = await loginFailures('nw.support');
    // Spread over challenges (never the third wrong code on one of them): each one still counts.
    const guesses: { id: string; code: string }[] = [];
    while (guesses.length < CODES) {
      const c = await challenge('nw.support', address);
      guesses.push({ id: c.id, code: wrong(c.code, 1) });
      if (guesses.length < CODES) guesses.push({ id: c.id, code: wrong(c.code, 2) });
    }
    const answers = [];
    for (const g of guesses) answers.push((await completeLogin(g.id, g.code, address)).data?.completeLogin);
    expect(answers.slice(0, -1).map((a) => a.reason)).toEqual(Array(CODES - 1).fill('INVALID_CODE'));
    expect(answers.at(-1)).toMatchObject({ reason: 'LOCKED_OUT' });
    expect((await loginFailures('nw.support')) - before).toBe(CODES);
    const events = await gql(
      system.gatewayUrl,
      `{ securityEvents(kind: LOCKOUT, first: 20) { edges { node { actorId outcome } } } }`,
      {},
      manager,
    );
    expect(events.data?.securityEvents.edges.map((e: any) => e.node.actorId)).toContain('nw.support');
    // The code of a challenge opened before the lock-out no longer opens a session.
    const late = await completeLogin(real.id, real.code, address);
    expect(late.data?.completeLogin).toMatchObject({ __typename: 'LoginFailure', reason: 'LOCKED_OUT' });
    // Wrong codes need the password: this lock-out holds at every address.
    const elsewhere = await startLogin('nw.support', DEMO_PASSWORD, '198.51.100.4');
    expect(elsewhere.data?.startLogin).toMatchObject({ reason: 'LOCKED_OUT' });
  });

  it('S1: a challenge opened before a lock-out cannot complete during it', async () => {
    const address = '203.0.113.5';
    const open = await challenge('nw.finance', address);
    for (let i = 0; i < N; i++) await startLogin('nw.finance', `wrong-${i}`, address);
    const locked = await startLogin('nw.finance', DEMO_PASSWORD, address);
    expect(locked.data?.startLogin).toMatchObject({ reason: 'LOCKED_OUT' });
    const late = await completeLogin(open.id, open.code, address);
    expect(late.data?.completeLogin).toMatchObject({ __typename: 'LoginFailure', reason: 'LOCKED_OUT' });
  });
});

describe('S1/R4 lock-outs cannot be used as a weapon', () => {
  it('S1: an attacker at another address cannot lock a user out of their own address', async () => {
    const attacker = '203.0.113.66';
    const user = '198.51.100.20';
    const answers = [];
    for (let i = 0; i <= N; i++)
      answers.push((await startLogin('home.owner', `guess-${i}`, attacker)).data?.startLogin.reason);
    expect(answers.slice(N - 1)).toEqual(['LOCKED_OUT', 'LOCKED_OUT']);
    // The attacker's address stays locked, even with the right password.
    expect((await startLogin('home.owner', DEMO_PASSWORD, attacker)).data?.startLogin.reason).toBe(
      'LOCKED_OUT',
    );
    // The owner, at their own address, signs in.
    const own = await challenge('home.owner', user);
    const session = await completeLogin(own.id, own.code, user);
    expect(session.data?.completeLogin.__typename).toBe('AuthSession');
  });

  it('R4: a partner client is locked out after N wrong secrets, at that address only', async () => {
    const attacker = '203.0.113.77';
    for (let i = 0; i < N; i++)
      expect(
        (await partnerToken('client-partner-sp-1', `wrong-${i}`, attacker)).data?.partnerToken,
      ).toMatchObject({
        __typename: 'PartnerAuthFailed',
      });
    const locked = await partnerToken('client-partner-sp-1', 'secret-partner-sp-1', attacker);
    expect(locked.data?.partnerToken).toMatchObject({ __typename: 'PartnerAuthFailed' });
    expect(locked.data?.partnerToken.message).toMatch(/try again/i);
    expect(await loginFailures('client-partner-sp-1')).toBe(N);
    const own = await partnerToken('client-partner-sp-1', 'secret-partner-sp-1', '198.51.100.77');
    expect(own.data?.partnerToken.__typename).toBe('PartnerToken');
  });
});
