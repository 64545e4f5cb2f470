import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_LIMITS } from '../../gateway/limits';
import { DEFAULT_RATE_LIMITS } from '../../gateway/rate-limit';
import { DEFAULT_RESILIENCE } from '../../lib/resilience';
import { DEMO_SIZE } from '../../mocks/seed/generate';
import { ConfigError, DERIVED_DEFAULTS, ENV_SCHEMA, loadConfig, type Variable } from '../../system/config';

/**
 * Issue 11, one configuration: the environment is read and checked in one place, bad values are
 * named, and README.md's configuration tables say exactly what the schema does.
 */

/** Every `variable | default` pair of the tables in README.md's "Configuration" section. */
function readmeDefaults(): Record<string, string> {
  const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const section = readme.split(/^## Configuration$/m)[1].split(/^## /m)[0];
  const defaults: Record<string, string> = {};
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 4 || !cells[1].startsWith('`')) continue;
    const names = [...cells[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]);
    // "`SSM_SEED`, `SSM_CUSTOMERS` | 42, 500": one default each; otherwise one for all.
    const values =
      names.length > 1 && cells[2].split(', ').length === names.length ? cells[2].split(', ') : null;
    names.forEach((name, i) => (defaults[name] = normalise(values?.[i] ?? cells[2])));
  }
  return defaults;
}

/** "`ssm:`" -> "ssm:", "unset (embedded PGlite)" -> "unset": the value, not its explanation. */
const normalise = (cell: string) =>
  cell
    .replace(/`/g, '')
    .replace(/\s*\(.*\)$/, '')
    .trim();

/** The default the schema gives each variable, written as README.md writes it. */
function schemaDefaults(): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const [name, field] of Object.entries(ENV_SCHEMA.shape)) {
    const derived = DERIVED_DEFAULTS[name as Variable];
    defaults[name] =
      derived ?? (field instanceof z.ZodPrefault ? String(field.def.defaultValue as unknown) : 'unset');
  }
  return defaults;
}

const load = (env: Record<string, string>) => loadConfig(env, { terminal: false });

function problemOf(env: Record<string, string>): string {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('no ConfigError');
}

describe('one configuration (system/config)', () => {
  it('README.md lists every variable of the schema, and only those, with the same defaults', () => {
    const readme = readmeDefaults();
    const schema = schemaDefaults();
    expect(Object.keys(readme).sort()).toEqual(Object.keys(schema).sort());
    expect(readme).toEqual(schema);
  });

  it('loads the defaults from an empty environment', () => {
    const settings = load({});
    expect(settings.server).toEqual({ host: '127.0.0.1', port: 4000 });
    expect(settings.stores).toEqual({ keyPrefix: 'ssm:', dbSchema: 'ssm' });
    expect(settings.production).toBe(false);
    expect(settings.trustedDocuments).toEqual({
      mode: 'off',
      production: false,
      firstPartyClients: ['selfcare-web', 'selfcare-mobile'],
    });
    expect(settings.sessionOutage).toBe('trust-unexpired');
    expect(settings.cache).toEqual({ mode: 'on', response: true, legacy: true, publicCopyMs: 5000 });
    expect(settings.limits).toEqual(DEFAULT_LIMITS);
    expect(settings.rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(settings.resilience).toEqual(DEFAULT_RESILIENCE);
    expect(settings.trustProxy).toBe(false);
    expect(settings.legacy.crm).toBe('http://127.0.0.1:4101');
    expect(settings.legacy.messages).toBe('http://127.0.0.1:4106');
    expect(settings.simulators).toEqual({ seed: DEMO_SIZE, provisioningDelayMs: 2000, demoGrants: true });
    expect(settings.subgraphUrls).toEqual({});
    expect(settings.logging).toEqual({ level: 'info', format: 'json' });
    expect(loadConfig({}, { terminal: true }).logging.format).toBe('pretty');
  });

  /** Production as an operator sets it: the shared secrets are required there. */
  const production = { SSM_PRODUCTION: 'true', SSM_CONTEXT_SECRET: 'c', SSM_TOKEN_SECRET: 't' };

  it('S5 SSM_PRODUCTION=true without the shared secrets is a ConfigError naming both', () => {
    const problem = problemOf({ SSM_PRODUCTION: 'true' });
    expect(problem).toContain('SSM_CONTEXT_SECRET is required in production (SSM_PRODUCTION=true)');
    expect(problem).toContain('SSM_TOKEN_SECRET is required in production (SSM_PRODUCTION=true)');
    expect(problemOf({ SSM_PRODUCTION: 'true', SSM_CONTEXT_SECRET: 'c' })).toBe(
      'SSM_TOKEN_SECRET is required',
    );
    expect(load({ SSM_PRODUCTION: 'false' }).production).toBe(false);
  });

  it('SSM_PRODUCTION makes trusted documents strict unless SSM_TRUSTED_DOCUMENTS says otherwise', () => {
    expect(load(production).trustedDocuments).toMatchObject({
      mode: 'strict',
      production: true,
    });
    expect(load({ ...production, SSM_TRUSTED_DOCUMENTS: 'off' }).trustedDocuments.mode).toBe('off');
    expect(load({ SSM_TRUSTED_DOCUMENTS: 'strict' }).trustedDocuments).toMatchObject({
      mode: 'strict',
      production: false,
    });
  });

  it('reads set values into typed settings', () => {
    const settings = load({
      PORT: '4500',
      SSM_CACHE: 'legacy-only',
      SSM_LIMIT_DEPTH: '9',
      SSM_RATE_SIGN_IN: '3',
      SSM_BREAKER_HALF_OPEN_MS: '300',
      SSM_SESSION_OUTAGE: 'refuse',
      SSM_FIRST_PARTY_CLIENTS: ' web , kiosk ',
      SSM_SUBGRAPH_ORDERS_URL: 'http://10.0.0.7:4003/graphql',
      SSM_SEED_SIZE: 'bench',
      SSM_CUSTOMERS: '10',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(settings.server.port).toBe(4500);
    expect(settings.cache).toMatchObject({ response: false, legacy: true });
    expect(settings.limits.maxDepth).toBe(9);
    expect(settings.rateLimits.signInPerAddress).toBe(3);
    expect(settings.resilience.halfOpenAfterMs).toBe(300);
    expect(settings.sessionOutage).toBe('refuse');
    expect(settings.trustedDocuments.firstPartyClients).toEqual(['web', 'kiosk']);
    expect(settings.subgraphUrls).toEqual({ orders: 'http://10.0.0.7:4003/graphql' });
    expect(settings.simulators.seed.customers).toBe(100_000);
    expect(settings.stores.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(load({ SSM_CACHE: 'off' }).cache).toMatchObject({ response: false, legacy: false });
  });

  it('treats an empty value as unset', () => {
    expect(load({ PORT: '', REDIS_URL: ' ' }).server.port).toBe(4000);
    expect(load({ REDIS_URL: '' }).stores.redisUrl).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc', 'PORT must be a port number (1-65535), got "abc"'],
    ['PORT', '70000', 'PORT must be a port number (1-65535), got "70000"'],
    ['REDIS_URL', 'not-a-url', 'REDIS_URL must be a redis:// or rediss:// URL'],
    ['SSM_LIMIT_DEPTH', '0', 'SSM_LIMIT_DEPTH must be a positive integer, got "0"'],
    ['SSM_RATE_PER_USER', '1.5', 'SSM_RATE_PER_USER must be a positive integer, got "1.5"'],
    ['SSM_SESSION_OUTAGE', 'maybe', 'SSM_SESSION_OUTAGE must be one of trust-unexpired, refuse, got "maybe"'],
    ['SSM_PRODUCTION', 'yes', 'SSM_PRODUCTION must be true or false, got "yes"'],
    ['REDIS_CLUSTER_NODES', 'a:1,b', 'REDIS_CLUSTER_NODES must be host:port,host:port,..., got "a:1,b"'],
  ])('refuses %s=%s with a ConfigError naming it', (name, value, message) => {
    expect(() => load({ [name]: value })).toThrow(ConfigError);
    expect(problemOf({ [name]: value })).toBe(message);
  });

  it('names every bad variable at once', () => {
    const message = problemOf({ PORT: 'abc', SSM_CACHE: 'sometimes', SSM_LIMIT_COST: '-1' });
    expect(message.split('\n')).toEqual([
      'PORT must be a port number (1-65535), got "abc"',
      'SSM_CACHE must be one of on, off, legacy-only, got "sometimes"',
      'SSM_LIMIT_COST must be a positive integer, got "-1"',
    ]);
  });

  it('never repeats the value of a variable that may hold a password or secret', () => {
    const message = problemOf({ DATABASE_URL: 'mysql://admin:hunter2@db/ssm' });
    expect(message).toBe('DATABASE_URL must be a postgres:// or postgresql:// URL');
  });

  it('names what a process requires and the environment lacks', () => {
    expect(problemOf({ SSM_CONTEXT_SECRET: 'c' })).toBe('SSM_TOKEN_SECRET is required');
    expect(() => loadConfig({}, { require: ['SSM_SUBGRAPH', 'PORT'] })).toThrow(
      'SSM_SUBGRAPH is required\nPORT is required',
    );
  });
});
