import type { Redis } from 'ioredis';
import { GatewayRateLimiter } from '../../gateway/rate-limit';
import { RedisStore } from '../../lib/kv';
import { startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

/**
 * Lever 8 and 9 of docs/performance.md: anonymous public answers served from the gateway's own
 * copy, and rate-limit charges sent to Redis in batches far from the limit. Neither may skip a
 * check or lose a count.
 */
const PAGE = `{ offerings(first: 10) { totalCount edges { node { id name prices { price { amount } } } } } }`;
// Long enough that a loaded machine answers the repeat within it (400 ms was not, once, in CI).
const COPY_MS = 2_000;

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({
    caching: { publicCopyMs: COPY_MS },
    trustedDocuments: { mode: 'strict' },
    trustProxy: true,
    rateLimits: { perAnonymousAddress: 12, perUser: 1_000, perPartnerClient: 1_000, signInPerAddress: 1_000 },
  });
});
afterAll(() => system.stop());

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, cache: res.headers.get('x-ssm-cache'), text: await res.text() };
}

const subgraphCalls = () => Object.values(system.gateway.subgraphRequests()).reduce((a, b) => a + b, 0);

/** Deletes the shared (Redis) response-cache entries, leaving only the gateway's own copies. */
async function dropSharedResponses(): Promise<number> {
  const redis = (system.store as RedisStore).redis as Redis;
  const prefix = redis.options.keyPrefix ?? '';
  // KEYS patterns are not prefixed by ioredis, the keys it returns are whole; DEL prefixes again.
  // The entry is written just after the answer is sent: wait for it.
  for (let i = 0; i < 50; i++) {
    const keys = (await redis.keys(`${prefix}response:*`)).map((k) => k.slice(prefix.length));
    if (keys.length) return redis.del(...keys);
    await new Promise((r) => setTimeout(r, 20));
  }
  return 0;
}

describe('F1 public answers copied in the gateway process (performance lever 8)', () => {
  it('F1 answers a repeated anonymous page from its copy, byte for byte, and only for as long as allowed', async () => {
    const body = JSON.stringify({ query: PAGE });
    const from = { 'x-forwarded-for': '192.0.2.10' };
    const first = await post(body, from);
    expect(first).toMatchObject({ status: 200, cache: 'MISS' });
    expect(await dropSharedResponses()).toBeGreaterThan(0);
    const calls = subgraphCalls();
    expect(calls).toBeGreaterThan(0);
    const copy = await post(body, from);
    expect(copy).toMatchObject({ status: 200, cache: 'HIT', text: first.text });
    expect(subgraphCalls()).toBe(calls);
    // Past the copy's lifetime the shared cache decides again (here: empty, so a miss).
    await new Promise((r) => setTimeout(r, COPY_MS + 100));
    expect(await post(body, from)).toMatchObject({ status: 200, cache: 'MISS', text: first.text });
    expect(subgraphCalls()).toBeGreaterThan(calls);
  });

  it('S2 never answers a copy to a first-party app or a signed-in user: their own checks run', async () => {
    const body = JSON.stringify({ query: PAGE });
    const from = { 'x-forwarded-for': '192.0.2.11' };
    await post(body, from);
    expect((await post(body, from)).cache).toBe('HIT');
    // Strict trusted documents: the ad-hoc text is refused to the self-care app and to a manager.
    const app = await post(body, { ...from, 'x-ssm-client': 'selfcare-web' });
    expect(app.status).toBe(403);
    expect(JSON.parse(app.text).errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    const { accessToken } = await login(system, 'nw.manager');
    const manager = await post(body, { authorization: `Bearer ${accessToken}` });
    expect(manager.status).toBe(403);
    expect(JSON.parse(manager.text).errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
  });

  it('S5 charges copies to the rate limit like any other answer', async () => {
    const body = JSON.stringify({ query: PAGE });
    const from = { 'x-forwarded-for': '192.0.2.12' };
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await post(body, from)).status);
    expect(statuses).toEqual([...Array<number>(12).fill(200), 429, 429]);
  });
});

describe('S5 rate-limit charges batched far from the limit (performance lever 9)', () => {
  it('S5 counts every request in the shared bucket: a second process sees them all', async () => {
    const limits = {
      windowSeconds: 60,
      perUser: 1_000,
      perPartnerClient: 1_000,
      perAnonymousAddress: 1_000,
      signInPerAddress: 10,
    };
    const a = new GatewayRateLimiter(system.store, limits);
    const b = new GatewayRateLimiter(system.store, limits);
    const anonymous = { kind: 'anonymous' as const };
    for (let i = 0; i < 300; i++) await a.forRequest(anonymous, '198.51.100.77');
    await Promise.all(Array.from({ length: 100 }, () => a.forRequest(anonymous, '198.51.100.77')));
    await new Promise((r) => setTimeout(r, 50));
    // b has no estimate of its own: it waits for Redis, which has counted all 400 of a's.
    expect((await b.forRequest(anonymous, '198.51.100.77')).remaining).toBe(599);
  });

  it('S5 stays exact near the limit in one process: a budget of 120 allows 120 requests, not one more', async () => {
    const a = new GatewayRateLimiter(system.store, { ...LIMITS_120 });
    let allowed = 0;
    for (let i = 0; i < 100; i++) allowed += await a.forRequest(ANONYMOUS, '198.51.100.78').then(ok, refused);
    const burst = await Promise.all(
      Array.from({ length: 100 }, () => a.forRequest(ANONYMOUS, '198.51.100.78').then(ok, refused)),
    );
    expect(allowed + burst.reduce((x, y) => x + y, 0)).toBe(120);
  });

  it('S5 across two processes passes a budget of 120 by at most one batch per process', async () => {
    const a = new GatewayRateLimiter(system.store, { ...LIMITS_120 });
    const b = new GatewayRateLimiter(system.store, { ...LIMITS_120 });
    let allowed = 0;
    for (let i = 0; i < 300; i++)
      allowed += await (i % 3 === 0 ? b : a).forRequest(ANONYMOUS, '198.51.100.79').then(ok, refused);
    expect(allowed).toBeGreaterThanOrEqual(120);
    expect(allowed).toBeLessThanOrEqual(120 + 2 * 16);
  });
});

const ANONYMOUS = { kind: 'anonymous' as const };
const LIMITS_120 = {
  windowSeconds: 60,
  perUser: 120,
  perPartnerClient: 120,
  perAnonymousAddress: 120,
  signInPerAddress: 10,
};
const ok = () => 1;
const refused = () => 0;
