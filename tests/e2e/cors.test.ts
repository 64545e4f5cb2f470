import { buildExplorer } from '../../gateway/explorer/build';
import { loadConfig } from '../../system/config';
import { startTestSystem, type TestSystem } from '../support/system';

/**
 * Issue 14 items 1 and 2 over plain HTTP: who may call the API from a browser page on another
 * origin (CORS), and who gets the explorer, in development and in production mode.
 * tests/browser/*.test.ts drive the same through a real browser.
 */

const APP = 'http://localhost:5173';
const SELFCARE = 'https://selfcare.example.com';
const ELSEWHERE = 'https://elsewhere.example.net';

/** Production mode as an operator sets it (the secrets are required there). */
const PRODUCTION = {
  SSM_PRODUCTION: 'true',
  SSM_CONTEXT_SECRET: 'context-secret',
  SSM_TOKEN_SECRET: 'token-secret',
};
const productionConfig = (env: Record<string, string> = {}) =>
  loadConfig({ ...PRODUCTION, ...env }, { terminal: false });

let dev: TestSystem;
let production: TestSystem;

beforeAll(async () => {
  await buildExplorer();
  // The settings as the environment gives them: development defaults, and production with one
  // configured origin (nothing else set).
  const devSettings = loadConfig({}, { terminal: false });
  const productionSettings = productionConfig({ SSM_CORS_ORIGINS: SELFCARE });
  dev = await startTestSystem({ cors: devSettings.cors, explorer: devSettings.explorer });
  production = await startTestSystem({
    cors: productionSettings.cors,
    explorer: productionSettings.explorer,
  });
}, 180_000);

afterAll(async () => {
  await dev?.stop();
  await production?.stop();
});

/** An answer read whole: an unread body would keep its connection open after the test. */
interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

async function request(url: string | URL, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

function preflight(system: TestSystem, origin: string): Promise<Answer> {
  return request(system.gatewayUrl, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, x-ssm-client',
    },
  });
}

function post(system: TestSystem, origin: string, headers: Record<string, string> = {}): Promise<Answer> {
  return request(system.gatewayUrl, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ offerings(first: 1) { totalCount } }' }),
  });
}

const corsHeaders = (response: Answer) =>
  [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('S1 browser apps on other origins (CORS)', () => {
  it('S1 a preflight from an allowed origin gets 204 with that origin, the methods, the headers, a max age and Vary: Origin', async () => {
    const response = await preflight(dev, APP);
    expect(response.status).toBe(204);
    expect(response.body).toBe('');
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-methods')?.split(', ')).toEqual(
      expect.arrayContaining(['GET', 'POST', 'OPTIONS']),
    );
    expect(response.headers.get('access-control-allow-headers')?.split(', ')).toEqual(
      expect.arrayContaining([
        'content-type',
        'authorization',
        'x-ssm-client',
        'apollo-require-preflight',
        'traceparent',
        'x-request-id',
      ]),
    );
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(response.headers.get('vary')).toContain('Origin');
    // Bearer tokens, no cookies: credentials are never allowed, so `*` could not be either.
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('S1 every port of localhost and 127.0.0.1 is allowed in development, and nothing else', async () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:8080', 'http://localhost'])
      expect((await preflight(dev, origin)).headers.get('access-control-allow-origin')).toBe(origin);
    for (const origin of [ELSEWHERE, 'http://localhost.example.com:3000', 'https://localhost:3000', 'null'])
      expect((await preflight(dev, origin)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it("S1 an allowed origin's requests carry the origin and expose the rate-limit headers, refusals included", async () => {
    const ok = await post(dev, APP);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP);
    expect(ok.headers.get('access-control-expose-headers')).toContain('ratelimit-remaining');
    expect(ok.headers.get('vary')).toContain('Origin');
    // A refused token: the page must be able to read the 401 to sign in again.
    const refused = await post(dev, APP, { authorization: 'Bearer not-a-token' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(APP);
  });

  it('S1 a disallowed origin gets no CORS headers: its preflight is refused and its answers are unreadable to its page', async () => {
    const refused = await preflight(dev, ELSEWHERE);
    expect(refused.status).toBe(403);
    expect(corsHeaders(refused)).toEqual([]);
    const answered = await post(dev, ELSEWHERE);
    expect(corsHeaders(answered)).toEqual([]);
  });

  it('S1 CSRF prevention stays on for everything but preflights, whatever the origin', async () => {
    // A form post (a "simple" request, no preflight) is refused by Apollo's CSRF prevention.
    const simple = await request(dev.gatewayUrl, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(simple.status).toBe(400);
    expect(simple.body).toContain('Cross-Site Request Forgery');
    // So is a GET query without a header that forces a preflight.
    const get = await request(`${dev.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { origin: APP },
    });
    expect(get.status).toBe(400);
    // An OPTIONS that is not a preflight goes to the API, as before.
    const options = await request(dev.gatewayUrl, { method: 'OPTIONS', headers: { origin: APP } });
    expect(options.status).not.toBe(204);
  });

  it('S1 production mode allows no origin unless configured: only SSM_CORS_ORIGINS are', async () => {
    expect(productionConfig().cors.origins).toEqual([]);
    const local = await preflight(production, APP);
    expect(local.status).toBe(403);
    expect(corsHeaders(local)).toEqual([]);
    expect(corsHeaders(await post(production, APP))).toEqual([]);
    const configured = await preflight(production, SELFCARE);
    expect(configured.status).toBe(204);
    expect(configured.headers.get('access-control-allow-origin')).toBe(SELFCARE);
  });
});

describe('SSM_CORS_ORIGINS', () => {
  it('takes exact origins, any-port origins or none, and refuses anything else at start', () => {
    const origins = (value: string) =>
      loadConfig({ SSM_CORS_ORIGINS: value }, { terminal: false }).cors.origins;
    expect(origins('https://selfcare.example.com, http://localhost:*')).toEqual([
      'https://selfcare.example.com',
      'http://localhost:*',
    ]);
    expect(origins('none')).toEqual([]);
    for (const bad of [
      '*',
      'selfcare.example.com',
      'https://selfcare.example.com/app',
      'ftp://files.example.com',
    ])
      expect(() => origins(bad)).toThrow(/SSM_CORS_ORIGINS must be comma-separated origins/);
  });
});

describe('the self-hosted explorer over HTTP', () => {
  const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

  it('a browser opening /graphql in development gets the explorer page, locked to the gateway origin', async () => {
    const page = await request(dev.gatewayUrl, { headers: html });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("script-src 'self'");
    const text = page.body;
    expect(text).toContain('/explorer/explorer.js');
    expect(text).not.toMatch(/https?:\/\//);
    const script = await request(new URL('/explorer/explorer.js', dev.gatewayUrl));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await request(new URL('/explorer/no-such-file.js', dev.gatewayUrl))).status).toBe(404);
  });

  it('the explorer is off in production: no page, no files, and no Apollo landing page either', async () => {
    expect(productionConfig().explorer).toBe(false);
    expect(productionConfig({ SSM_EXPLORER: 'on' }).explorer).toBe(true);
    const page = await request(production.gatewayUrl, { headers: html });
    expect(page.headers.get('content-type')).not.toContain('text/html');
    expect(page.body).not.toMatch(/<html|landing|sandbox|cdn\./i);
    expect((await request(new URL('/explorer/explorer.js', production.gatewayUrl))).status).toBe(404);
  });
});
