import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createGateway, type Gateway } from '../../gateway/server';
import { SecurityEventLog } from '../../lib/audit/security-events';
import { GrantRepository } from '../../lib/authz/grants';
import { listen } from '../../lib/http';
import { rootLogger } from '../../lib/logger';
import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login, START_LOGIN } from '../../system/kit/sign-in';

const LIMITS = {
  windowSeconds: 60,
  perUser: 8,
  perPartnerClient: 8,
  perAnonymousAddress: 6,
  signInPerAddress: 20,
};

let system: TestSystem;
let second: { gateway: Gateway; url: string };
const tokens: Record<string, string> = {};
beforeAll(async () => {
  system = await startTestSystem({ rateLimits: LIMITS, trustProxy: true });
  // Signing in is anonymous traffic from 127.0.0.1 (6 requests: exactly its budget); the
  // anonymous test below comes from another address, through X-Forwarded-For.
  tokens.alice = (await login(system, 'nw.manager')).accessToken;
  tokens.bob = (await login(system, 'home.owner')).accessToken;
  for (const partner of ['sp-1', 'cp-2'])
    tokens[partner] = (
      await gql(
        system.gatewayUrl,
        `mutation($id: String!, $secret: String!) { partnerToken(input: { clientId: $id, clientSecret: $secret }) { ... on PartnerToken { accessToken } } }`,
        { id: `client-partner-${partner}`, secret: `secret-partner-${partner}` },
      )
    ).data?.partnerToken.accessToken;
  // A second gateway process on the same store: the budgets are shared through Redis.
  const gateway = await createGateway({
    supergraphSdl: readFileSync(path.join(__dirname, '../../schema/supergraph.graphql'), 'utf8'),
    subgraphUrls: system.subgraphUrls,
    ...system.secrets,
    store: system.store,
    grants: new GrantRepository(system.db),
    audit: new SecurityEventLog(system.db, rootLogger, system.store),
    rateLimits: LIMITS,
    trustProxy: true,
  });
  const port = await listen(gateway.server, 0, '127.0.0.1');
  second = { gateway, url: `http://127.0.0.1:${port}/graphql` };
});
afterAll(async () => {
  await new Promise<void>((r) => second.gateway.server.close(() => r()));
  await second.gateway.stop();
  await system.stop();
});

async function raw(url: string, query: string, token?: string, from?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(from ? { 'x-forwarded-for': `${from}, 10.0.0.1` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: any; errors?: { extensions?: Record<string, unknown> }[] };
  return { status: res.status, headers: res.headers, body };
}

describe('S5 rate limiting per caller (Redis, shared by every gateway process)', () => {
  it('S5 counts anonymous callers per address across two gateway processes, and says what is left', async () => {
    const q = `{ partners { id } }`;
    const remaining: string[] = [];
    for (let i = 0; i < LIMITS.perAnonymousAddress; i++) {
      const r = await raw(i % 2 === 0 ? system.gatewayUrl : second.url, q, undefined, '203.0.113.7');
      expect(r.status).toBe(200);
      expect(r.headers.get('ratelimit-limit')).toBe(String(LIMITS.perAnonymousAddress));
      remaining.push(r.headers.get('ratelimit-remaining') as string);
    }
    expect(remaining).toEqual(['5', '4', '3', '2', '1', '0']);
    const before = Object.values(system.gateway.subgraphRequests()).reduce((a, b) => a + b, 0);
    const limited = await raw(second.url, q, undefined, '203.0.113.7');
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(Object.values(system.gateway.subgraphRequests()).reduce((a, b) => a + b, 0)).toBe(before);
    // Another address has its own budget.
    expect((await raw(second.url, q, undefined, '198.51.100.9')).status).toBe(200);
  });

  it('S5 gives each signed-in user and each partner client a budget of their own', async () => {
    const q = `{ me { id } }`;
    for (let i = 0; i < LIMITS.perUser; i++)
      expect((await raw(system.gatewayUrl, q, tokens.alice)).status).toBe(200);
    const limited = await raw(second.url, q, tokens.alice);
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect((await raw(second.url, q, tokens.bob)).status).toBe(200);

    const p = `{ partnerSubscriptions(first: 1) { totalCount } }`;
    for (let i = 0; i < LIMITS.perPartnerClient; i++)
      expect((await raw(second.url, p, tokens['sp-1'])).status).toBe(200);
    expect((await raw(system.gatewayUrl, p, tokens['sp-1'])).status).toBe(429);
    expect((await raw(system.gatewayUrl, p, tokens['cp-2'])).status).toBe(200);
  });

  it('S5 limits sign-in attempts per address more strictly than other requests', async () => {
    const strict = await startTestSystem({
      rateLimits: { ...LIMITS, perAnonymousAddress: 100, signInPerAddress: 3 },
    });
    try {
      const attempt = () =>
        gql(strict.gatewayUrl, START_LOGIN, {
          actorId: 'nw.manager',
          password: 'wrong-password',
          channel: 'SMS',
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).data?.startLogin.__typename).toBe('LoginFailure');
      const limited = await attempt();
      expect(limited.status).toBe(429);
      expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      // Hidden behind a fragment it is still a sign-in attempt.
      const hidden = await gql(
        strict.gatewayUrl,
        `mutation { ...A } fragment A on Mutation { startLogin(input: { actorId: "x", password: "y", channel: SMS }) { __typename } }`,
      );
      expect(hidden.status).toBe(429);
      // Other anonymous requests from the address go on.
      expect((await gql(strict.gatewayUrl, `{ partners { id } }`)).status).toBe(200);
    } finally {
      await strict.stop();
    }
  });
});
