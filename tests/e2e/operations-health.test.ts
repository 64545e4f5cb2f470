import { randomUUID } from 'node:crypto';
import { freePort } from '../../lib/http';
import { RedisStore } from '../../lib/kv';
import { START_LOGIN } from '../../system/kit/sign-in';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * Issue 15, honest health: /healthz says the process lives; /readyz says whether it can serve,
 * asking the session store, the SSM database, every subgraph and, through them, every legacy
 * system, now. A legacy system down makes the gateway degraded, not unready.
 */

interface Readiness {
  status: string;
  sessionStore: string;
  database: string;
  subgraphs: Record<string, string>;
  legacy: Record<string, string>;
}

async function readyz(system: TestSystem): Promise<{ http: number; body: Readiness }> {
  const r = await fetch(system.gatewayUrl.replace('/graphql', '/readyz'));
  return { http: r.status, body: (await r.json()) as Readiness };
}

/** Readiness until `done` holds (probes reuse a good answer for a few seconds). */
async function readyzUntil(system: TestSystem, done: (r: Readiness) => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const r = await readyz(system);
    if (done(r.body) || Date.now() > deadline) return r;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const faults = (url: string, settings: Record<string, unknown>) =>
  fetch(`${url}/_admin/faults`, { method: 'PUT', body: JSON.stringify(settings) });

describe('health and readiness of a running system', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  }, 90_000);
  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  it('/healthz is the process only; /readyz asks the stores, the subgraphs and the legacy systems', async () => {
    const health = await fetch(system.gatewayUrl.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
    const { http, body } = await readyz(system);
    expect(http).toBe(200);
    expect(body).toEqual({
      status: 'ready',
      sessionStore: 'ok',
      database: 'ok',
      subgraphs: { customer: 'ok', catalogue: 'ok', orders: 'ok', faults: 'ok', billing: 'ok' },
      // Probed, not only called: every system behind a subgraph is there before any request.
      legacy: { crm: 'ok', catalogue: 'ok', ibss: 'ok', faults: 'ok', billing: 'ok', messages: 'ok' },
    });
  });

  it('with the CRM simulator down (no call failed yet), /readyz reports crm down and the gateway degraded, still 200', async () => {
    await faults(system.sims.urls.crm, { down: true });
    try {
      const { http, body } = await readyzUntil(system, (r) => r.legacy.crm !== 'ok');
      expect(body.legacy.crm).toBe('down');
      expect(body.status).toBe('degraded');
      expect(http).toBe(200);
      expect(body.legacy.billing).toBe('ok');
      expect(Object.values(body.subgraphs)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    } finally {
      await faults(system.sims.urls.crm, { down: false });
    }
    const back = await readyzUntil(system, (r) => r.status === 'ready');
    expect(back.body.legacy.crm).toBe('ok');
    expect(back.http).toBe(200);
  });
});

describe('readiness while the session store is unreachable', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // A Redis that never answers: the system runs (the tests start it without a preflight).
    const closed = await freePort();
    system = await startTestSystem({
      store: RedisStore.connect(`redis://127.0.0.1:${closed}`, `unreachable:${randomUUID()}:`),
    });
  }, 90_000);
  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  it('is never "ready" while every sign-in fails: degraded (sessions trusted until they expire)', async () => {
    const signIn = await gql(system.gatewayUrl, START_LOGIN, {
      actorId: 'nw.manager',
      password: 'ssm-demo-2026',
      channel: 'SMS',
    });
    expect(signIn.data?.startLogin?.__typename ?? signIn.errors?.[0]?.extensions?.code).not.toBe(
      'LoginChallenge',
    );
    const { http, body } = await readyz(system);
    expect(body.sessionStore).not.toBe('ok');
    expect(body.status).toBe('degraded');
    expect(http).toBe(200);
    expect(body.database).toBe('ok');
  });
});
