import { ACTOR_HEADER } from '../../lib/subgraph-server';
import { signActorContext, type Actor } from '../../lib/actor';
import {
  CALLBACK_SIGNATURE_HEADER,
  CALLBACK_TIMESTAMP_HEADER,
  signCallback,
} from '../../lib/callback-signature';
import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

/**
 * Issue 12, findings 7 and 8: IBSS callbacks must be signed; legacy error text stays in the log;
 * a reason must be visible; third-party numbers are masked for those who cannot configure the
 * number; subgraphs refuse actor contexts that live longer than the gateway's.
 */
let system: TestSystem;
let manager: string;
beforeAll(async () => {
  // Caches off: every read here must reach the legacy systems (faults, call counters).
  system = await startTestSystem({ caching: { response: false, legacy: false } });
  manager = (await login(system, 'nw.manager')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const base = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');

/** The IBSS simulator's call counter, read over its admin interface. */
async function ibssReads(): Promise<number> {
  const r = await fetch(`${system.sims.urls.ibss}/_admin/calls`);
  const body = (await r.json()) as { calls: Record<string, number> };
  return body.calls.getOrders ?? 0;
}

/** A finished order of the manager's (F5), to post callbacks about. */
async function finishedOrderId(): Promise<string> {
  const svc = system.sims.world.services.filter((s) => s.customerId === 'CUST-000001')[30];
  const r = await gql(
    system.gatewayUrl,
    `mutation($input: ChangeServiceParametersInput!) { changeServiceParameters(input: $input) { ... on ProductOrder { id } } }`,
    {
      input: {
        idempotencyKey: 'callback-order-01',
        serviceId: svc.id,
        parameters: [{ name: 'roaming', value: 'true' }],
      },
    },
    manager,
  );
  const id = r.data?.changeServiceParameters.id as string;
  expect(id).toMatch(/^PO-/);
  await system.sims.provisioningIdle();
  return id;
}

describe('S5 IBSS completion callbacks are signed', () => {
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${base(system.subgraphUrls.orders)}/callbacks/ibss`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('S5 an unsigned, wrongly signed or stale callback gets 401 and causes no re-read; a signed one works', async () => {
    const orderId = await finishedOrderId();
    const body = JSON.stringify({ orderId, state: 'completed' });
    const secret = system.secrets.ibssCallbackSecret;
    const before = await ibssReads();

    expect((await post(body, {})).status).toBe(401);
    const forged = signCallback('not-the-secret', body);
    expect((await post(body, forged)).status).toBe(401);
    // A signature is for one body: another body signed does not vouch for this one.
    const signedOther = signCallback(secret, JSON.stringify({ orderId, state: 'failed' }));
    expect((await post(body, signedOther)).status).toBe(401);
    const stale = signCallback(secret, body, Date.now() - 10 * 60_000);
    expect((await post(body, stale)).status).toBe(401);
    const garbled = { ...signCallback(secret, body), [CALLBACK_SIGNATURE_HEADER]: 'zz' };
    expect((await post(body, garbled)).status).toBe(401);
    // An unknown order is no different: the route answers nothing about orders unsigned.
    const unknown = JSON.stringify({ orderId: 'PO-9999999', state: 'completed' });
    expect(
      (await post(unknown, { [CALLBACK_TIMESTAMP_HEADER]: String(Math.floor(Date.now() / 1000)) })).status,
    ).toBe(401);
    expect(await ibssReads()).toBe(before);

    const signed = await post(body, signCallback(secret, body));
    expect(signed.status).toBe(200);
    expect(await ibssReads()).toBe(before + 1);
  });
});

describe('S5 legacy error text never reaches clients', () => {
  it("S5 a CRM SOAP fault's own text stays in the log; the client gets a fixed message and the code", async () => {
    const crm = system.sims.urls.crm;
    const faults = (settings: Record<string, unknown>) =>
      fetch(`${crm}/_admin/faults`, { method: 'PUT', body: JSON.stringify(settings) });
    await faults({ errorRate: 1 });
    let r;
    try {
      r = await gql(system.gatewayUrl, `{ me { id customer { id name } } }`, {}, manager);
    } finally {
      await faults({ errorRate: 0 });
    }
    const errors = r.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', system: 'crm' });
      expect(error.message).toBe('The customer system could not handle the request.');
      expect(JSON.stringify(error)).not.toMatch(/Injected|failed:/);
    }
  });
});

describe('S4 a reason must be visible', () => {
  it('S4 actOnBehalfOf refuses a reason of zero-width spaces with BAD_USER_INPUT', async () => {
    const staff = (await login(system, 'ops.alice')).accessToken;
    const act = (reason: string) =>
      gql(
        system.gatewayUrl,
        `mutation($input: ActOnBehalfInput!) { actOnBehalfOf(input: $input) { customerId } }`,
        { input: { customerId: 'CUST-000002', reason } },
        staff,
      );
    for (const reason of [
      '\u200b'.repeat(12),
      '\u2060\u200d'.repeat(8) + 'ok',
      ` ${'\ufeff\u200c'.repeat(6)} `,
    ]) {
      const r = await act(reason);
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.data?.actOnBehalfOf ?? null).toBeNull();
    }
    expect((await act('Customer called about broadband')).data?.actOnBehalfOf.customerId).toBe('CUST-000002');
  });
});

describe('S6 whitelisted third-party numbers are masked for users who cannot configure the number', () => {
  it('S6 the SSM user of a number sees its whitelist masked; the manager sees it in full', async () => {
    // nw.employee01 holds usage functions on Northwind's first number (demo grants).
    const number = system.sims.world.services.find((s) => s.customerId === 'CUST-000001') as { id: string };
    const whitelist = ['+358401234567', '+358409876543'];
    const configured = await gql(
      system.gatewayUrl,
      `mutation($input: ConfigureCallRestrictionsInput!) { configureCallRestrictions(input: $input) { __typename } }`,
      {
        input: {
          idempotencyKey: 's6-whitelist-01',
          serviceId: number.id,
          restrictions: [
            { outgoingWhitelist: { numbers: whitelist } },
            { monthlyAllowance: { allowanceMinorUnits: 1000, numbersAfterAllowance: [whitelist[0]] } },
          ],
        },
      },
      manager,
    );
    expect(configured.data?.configureCallRestrictions.__typename).toBe('ProductOrder');
    await system.sims.provisioningIdle();
    const read = (token: string) =>
      gql(
        system.gatewayUrl,
        `query($id: ID!) { service(id: $id) { callRestrictions { ... on OutgoingCallWhitelist { numbers } ... on MonthlyAllowance { numbersAfterAllowance } } } }`,
        { id: number.id },
        token,
      );
    const full = await read(manager);
    expect(full.data?.service.callRestrictions).toEqual([
      { numbers: whitelist },
      { numbersAfterAllowance: [whitelist[0]] },
    ]);
    const employee = (await login(system, 'nw.employee01')).accessToken;
    const masked = await read(employee);
    expect(masked.errors).toBeUndefined();
    expect(masked.data?.service.callRestrictions).toEqual([
      { numbers: ['**********567', '**********543'] },
      { numbersAfterAllowance: ['**********567'] },
    ]);
    // nw.config may configure the fleet's numbers (authorization 1): it sees them in full.
    const config = (await login(system, 'nw.config')).accessToken;
    expect((await read(config)).data?.service.callRestrictions[0]).toEqual({ numbers: whitelist });
  });
});

describe('S3 subgraphs accept only short-lived actor contexts', () => {
  const MANAGER: Actor = {
    kind: 'customerUser',
    userId: 'nw.manager',
    customerId: 'CUST-000001',
    role: 'MANAGER',
    sessionId: 'forged',
    grants: [],
  };
  const ask = async (ttlSeconds: number) =>
    fetch(system.subgraphUrls.orders, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ACTOR_HEADER]: await signActorContext(MANAGER, 'orders', system.secrets.contextSecret, ttlSeconds),
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

  it('S3 a year-long actor context is refused by a subgraph with 401; one as long as the gateway signs works', async () => {
    const year = await ask(365 * 86_400);
    expect(year.status).toBe(401);
    const body = (await year.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await ask(61)).status).toBe(401);
    expect((await ask(60)).status).toBe(200);
  });
});
