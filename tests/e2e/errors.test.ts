import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

let system: TestSystem;
let token: string;
beforeAll(async () => {
  system = await startTestSystem({ subgraphTimeoutMs: 1000, legacyTimeoutMs: 3000 });
  token = (await login(system, 'home.owner')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

async function raw(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, text: await res.text() };
}

function writes() {
  return {
    orders: system.sims.orders.size,
    payments: system.sims.payments.length,
    tickets: system.sims.sims.faults.callCount('createTicket'),
  };
}

describe('wrong input gets a clear error with a code, and writes nothing', () => {
  it('answers a syntax error with GRAPHQL_PARSE_FAILED', async () => {
    const r = await gql(system.gatewayUrl, '{ offerings(first: 2) { edges { node { id } }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const r = await gql(system.gatewayUrl, '{ offerings { edges { node { id secretField } } } }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers a variable of the wrong type with BAD_USER_INPUT', async () => {
    const r = await gql(system.gatewayUrl, 'query($n: Int) { offerings(first: $n) { totalCount } }', {
      n: 'many',
    });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers a body that is not JSON, or too large, with a 4xx and a code', async () => {
    const notJson = await raw('{"query": ');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.text).errors[0].extensions.code).toBe('BAD_REQUEST');
    const huge = await raw(
      JSON.stringify({ query: `{ offerings { totalCount } } # ${'x'.repeat(200_000)}` }),
    );
    expect(huge.status).toBe(413);
  });

  it('answers out-of-range page sizes and forged cursors with BAD_USER_INPUT', async () => {
    const big = await gql(system.gatewayUrl, '{ offerings(first: 1000) { totalCount } }');
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await gql(system.gatewayUrl, '{ offerings(after: "bm90LWEtY3Vyc29y") { totalCount } }');
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers wrong and foreign ids with NOT_FOUND for every root look-up', async () => {
    for (const [field, id] of [
      ['service', 'SVC-0000001'],
      ['service', 'nope'],
      ['productOrder', 'PO-9999999'],
      ['troubleTicket', 'TT-0000001'],
      ['bill', 'BILL-nope'],
      ['account', 'ACC-0000001'],
    ]) {
      const r = await gql(system.gatewayUrl, `query($id: ID!) { ${field}(id: $id) { id } }`, { id }, token);
      expect({ field, id, code: r.errors?.[0].extensions?.code }).toEqual({ field, id, code: 'NOT_FOUND' });
    }
  });

  it('refuses customer operations from anonymous callers with UNAUTHENTICATED', async () => {
    const r = await gql(system.gatewayUrl, '{ service(id: "SVC-0000001") { id } }');
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('writes nothing when a mutation is refused', async () => {
    const before = writes();
    const calls = [
      `mutation { placeProductOrder(input: { idempotencyKey: "x", accountId: "ACC-0000003", items: [{ offeringId: "OFF-BB-100" }] }) { __typename } }`,
      `mutation { placeProductOrder(input: { idempotencyKey: "err-order-01", accountId: "ACC-0000001", items: [{ offeringId: "OFF-BB-100" }] }) { __typename } }`,
      `mutation { payBill(input: { idempotencyKey: "err-pay-0001", billId: "BILL-0000001-000000", amountMinorUnits: -5, method: CARD }) { __typename } }`,
      `mutation { reportFault(input: { idempotencyKey: "err-ticket-01", serviceId: "SVC-0000001", category: other, description: "not mine" }) { __typename } }`,
      `mutation { changeServiceParameters(input: { idempotencyKey: "err-param-01", serviceId: "SVC-0000061", parameters: [{ name: "x<y", value: "1" }] }) { __typename } }`,
    ];
    for (const q of calls) {
      const r = await gql(system.gatewayUrl, q, {}, token);
      const outcome =
        r.errors?.[0].extensions?.code ??
        (r.data && Object.values(r.data as Record<string, { __typename: string }>)[0].__typename);
      expect(['BAD_USER_INPUT', 'NOT_FOUND', 'OrderRejected']).toContain(outcome);
    }
    expect(writes()).toEqual(before);
  });

  it('reuses of an idempotency key for a different order answer CONFLICT', async () => {
    const q = `mutation($o: ID!) { placeProductOrder(input: { idempotencyKey: "err-conflict-1", accountId: "ACC-0000003", items: [{ offeringId: $o }] }) { __typename } }`;
    expect(
      (await gql(system.gatewayUrl, q, { o: 'OFF-CP-GAMES' }, token)).data?.placeProductOrder.__typename,
    ).toBe('ProductOrder');
    const again = await gql(system.gatewayUrl, q, { o: 'OFF-CP-MOVIES' }, token);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('never sends stack traces or internals in errors', async () => {
    system.sims.sims.crm.setFaults({ errorRate: 1 });
    try {
      const r = await gql(system.gatewayUrl, '{ me { customer { name } } }', {}, token);
      expect(r.errors?.[0].extensions?.code).toBe('UPSTREAM_ERROR');
      expect(JSON.stringify(r)).not.toMatch(/stacktrace|at .*\.ts:\d+/i);
    } finally {
      system.sims.sims.crm.setFaults({ errorRate: 0 });
    }
  });

  it('turns a subgraph that does not answer in time into UPSTREAM_TIMEOUT on its fields only', async () => {
    system.sims.sims.catalogue.setFaults({ latencyMs: 1500 });
    try {
      const r = await gql(system.gatewayUrl, '{ me { id } offering(id: "OFF-MOB-S") { name } }', {}, token);
      expect(r.data?.me).toEqual({ id: 'home.owner' });
      expect(r.data?.offering ?? null).toBeNull();
      expect(r.errors?.[0].extensions?.code).toBe('UPSTREAM_TIMEOUT');
    } finally {
      system.sims.sims.catalogue.setFaults({ latencyMs: 0 });
    }
  });

  it('answers health and readiness probes, and unknown paths with 404', async () => {
    const base = system.gatewayUrl.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      sessionStore: 'ok',
      database: 'ok',
      subgraphs: { customer: 'ok', catalogue: 'ok', orders: 'ok', faults: 'ok', billing: 'ok' },
      // Every legacy system behind a subgraph, probed and with its circuit breaker closed.
      legacy: expect.objectContaining({
        crm: 'ok',
        catalogue: 'ok',
        ibss: 'ok',
        billing: 'ok',
        faults: 'ok',
      }),
    });
    expect((await fetch(`${base}/admin`)).status).toBe(404);
  });
});
