import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { uncoveredRootFields } from '../../gateway/authorize';
import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

let system: TestSystem;
const tokens: Record<string, string> = {};
const northwind = () => system.sims.world.services.filter((s) => s.customerId === 'CUST-000001');
const travelNumber = () => northwind().find((s) => s.accountId === 'ACC-0000002') as { id: string };

beforeAll(async () => {
  system = await startTestSystem();
  for (const user of [
    'nw.manager',
    'nw.config',
    'nw.support',
    'nw.finance',
    'nw.employee01',
    'nw.employee02',
    'home.owner',
  ]) {
    tokens[user] = (await login(system, user)).accessToken;
  }
});
afterAll(async () => {
  await system.stop();
});

const GRANT = `mutation($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) {
  __typename ... on Authorization { id capabilities scopeKind scopeIds granteeId grantedBy } ... on GrantRefused { reason message } } }`;
const REVOKE = `mutation($id: ID!) { revokeAuthorization(authorizationId: $id) { __typename ... on Authorization { revokedAt } ... on RevokeRefused { message } } }`;
const grant = (as: string, input: Record<string, unknown>) =>
  gql(system.gatewayUrl, GRANT, { input }, tokens[as]);
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

describe('authorization levels', () => {
  it('R1 the manager grants authorization levels over services or an account, and lists them', async () => {
    const r = await grant('nw.manager', {
      granteeId: 'nw.employee02',
      levels: ['AUTHORIZATION_2'],
      serviceIds: [northwind()[7].id],
    });
    expect(r.data?.grantAuthorization).toMatchObject({
      __typename: 'Authorization',
      capabilities: ['SERVICE_CHECK', 'FAULT_REPORT'],
      scopeKind: 'SERVICES',
      grantedBy: 'nw.manager',
    });
    const list = await gql(
      system.gatewayUrl,
      `{ authorizations { id granteeId grantee { id role } } }`,
      {},
      tokens['nw.manager'],
    );
    expect(list.data?.authorizations.map((a: any) => a.granteeId)).toEqual(
      expect.arrayContaining(['nw.config', 'nw.support', 'nw.finance', 'nw.employee01', 'nw.employee02']),
    );
  });

  it('R1 total authorization (payment, billing settings) can never be granted, not even by the manager', async () => {
    for (const input of [
      { levels: ['TOTAL'] },
      { capabilities: ['BILLING_PAY'] },
      { capabilities: ['BILLING_SETTINGS', 'USAGE_VIEW'] },
    ]) {
      const r = await grant('nw.manager', { granteeId: 'nw.config', accountId: 'ACC-0000001', ...input });
      expect(r.data?.grantAuthorization).toMatchObject({ reason: 'MANAGER_ONLY_CAPABILITY' });
    }
  });

  it('R2 an authorized user can never propagate management rights, whatever the request looks like', async () => {
    const attempts: Record<string, unknown>[] = [
      { granteeId: 'nw.employee02', levels: ['AUTHORIZATION_2'], serviceIds: [northwind()[0].id] },
      { granteeId: 'nw.employee02', capabilities: ['SERVICE_CHECK'], serviceIds: [northwind()[0].id] },
      {
        granteeId: 'nw.employee02',
        capabilities: ['USAGE_VIEW', 'SERVICE_CONFIGURE'],
        serviceIds: [northwind()[0].id],
      },
      { granteeId: 'nw.config', capabilities: ['USAGE_VIEW'], serviceIds: [northwind()[0].id] },
      { granteeId: 'nw.employee02', capabilities: ['USAGE_VIEW'], accountId: 'ACC-0000001' },
      {
        granteeId: 'nw.employee02',
        levels: ['AUTHORIZATION_1', 'AUTHORIZATION_3'],
        serviceIds: [northwind()[0].id],
      },
    ];
    for (const input of attempts) {
      const r = await grant('nw.support', input);
      expect({ input, reason: r.data?.grantAuthorization.reason }).toEqual({
        input,
        reason: 'NON_PROPAGATION',
      });
    }
    const toManager = await grant('nw.support', {
      granteeId: 'nw.manager',
      capabilities: ['USAGE_VIEW'],
      serviceIds: [northwind()[0].id],
    });
    expect(toManager.data?.grantAuthorization.reason).toBe('INVALID_GRANTEE');
    const toSelf = await grant('nw.support', {
      granteeId: 'nw.support',
      capabilities: ['USAGE_VIEW'],
      serviceIds: [northwind()[0].id],
    });
    expect(toSelf.data?.grantAuthorization.reason).toBe('INVALID_GRANTEE');
    const ssm = await grant('nw.employee01', {
      granteeId: 'nw.employee02',
      capabilities: ['USAGE_VIEW'],
      serviceIds: [northwind()[0].id],
    });
    expect(code(ssm)).toBe('FORBIDDEN');
    const stored = await system.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM grants WHERE granted_by IN ('nw.support', 'nw.employee01')",
    );
    expect(stored[0].n).toBe(0);
  });

  it('R2 an authorized user may enable usage functions for an SSM user, only within their own scope', async () => {
    const ok = await grant('nw.support', {
      granteeId: 'nw.employee02',
      capabilities: ['FAULT_REPORT'],
      serviceIds: [northwind()[9].id],
    });
    expect(ok.data?.grantAuthorization.__typename).toBe('Authorization');
    const outside = await grant('nw.support', {
      granteeId: 'nw.employee02',
      capabilities: ['USAGE_VIEW'],
      serviceIds: [travelNumber().id],
    });
    expect(outside.data?.grantAuthorization.reason).toBe('OUT_OF_SCOPE');
    const foreign = await grant('nw.manager', {
      granteeId: 'nw.employee02',
      capabilities: ['USAGE_VIEW'],
      serviceIds: ['SVC-0000061'],
    });
    expect(foreign.data?.grantAuthorization.reason).toBe('OUT_OF_SCOPE');
  });

  it('R3 an SSM user sees only their own number and only the functions enabled for them', async () => {
    const t = tokens['nw.employee01'];
    const own = northwind()[0].id;
    const list = await gql(
      system.gatewayUrl,
      `{ me { customer { services { totalCount edges { node { id } } } } } }`,
      {},
      t,
    );
    expect(list.data?.me.customer.services.edges.map((e: any) => e.node.id)).toEqual([own]);
    const usage = await gql(
      system.gatewayUrl,
      `query($id: ID!) { service(id: $id) { currentCharges { recordCount } } }`,
      { id: own },
      t,
    );
    expect(usage.errors).toBeUndefined();
    const check = await gql(
      system.gatewayUrl,
      `query($id: ID!) { service(id: $id) { networkStatus { reachable } } }`,
      { id: own },
      t,
    );
    expect(code(check)).toBe('FORBIDDEN');
    const change = await gql(
      system.gatewayUrl,
      `mutation($id: ID!) { changeServiceParameters(input: { idempotencyKey: "r3-change-1", serviceId: $id, parameters: [{ name: "roaming", value: "true" }] }) { __typename } }`,
      { id: own },
      t,
    );
    expect(code(change)).toBe('FORBIDDEN');
    const other = await gql(
      system.gatewayUrl,
      `query($id: ID!) { service(id: $id) { id } }`,
      { id: northwind()[1].id },
      t,
    );
    expect(code(other)).toBe('NOT_FOUND');
  });

  it('S2 each authorized user can do only what their level allows', async () => {
    const svc = northwind()[12].id;
    const ask = (user: string, query: string) => gql(system.gatewayUrl, query, { id: svc }, tokens[user]);
    const status = `query($id: ID!) { service(id: $id) { networkStatus { reachable } } }`;
    const charges = `query($id: ID!) { service(id: $id) { currentCharges { recordCount } } }`;
    const configure = `mutation($id: ID!) { configureCallRestrictions(input: { idempotencyKey: "s2-cfg-0001", serviceId: $id, restrictions: [{ closedUserGroup: { groupId: "CUG-NORTHWIND" } }] }) { __typename } }`;
    expect(code(await ask('nw.support', status))).toBeUndefined();
    expect(code(await ask('nw.support', charges))).toBe('FORBIDDEN');
    expect(code(await ask('nw.support', configure))).toBe('FORBIDDEN');
    expect(code(await ask('nw.finance', charges))).toBeUndefined();
    expect(code(await ask('nw.finance', status))).toBe('FORBIDDEN');
    expect((await ask('nw.config', configure)).data?.configureCallRestrictions.__typename).toBe(
      'ProductOrder',
    );
    expect(code(await ask('nw.config', charges))).toBe('FORBIDDEN');
    const pay = await gql(
      system.gatewayUrl,
      `mutation { payBill(input: { idempotencyKey: "s2-pay-00001", billId: "x", amountMinorUnits: 100, method: CARD }) { __typename } }`,
      {},
      tokens['nw.finance'],
    );
    expect(code(pay)).toBe('FORBIDDEN');
  });

  it('S3 no actor reads another customer or another account of their own customer outside their grants', async () => {
    const travel = travelNumber().id;
    const q = `query($id: ID!) { service(id: $id) { id } }`;
    expect(code(await gql(system.gatewayUrl, q, { id: travel }, tokens['nw.support']))).toBe('NOT_FOUND');
    expect(code(await gql(system.gatewayUrl, q, { id: travel }, tokens['home.owner']))).toBe('NOT_FOUND');
    expect((await gql(system.gatewayUrl, q, { id: travel }, tokens['nw.manager'])).data?.service.id).toBe(
      travel,
    );
    const accounts = await gql(
      system.gatewayUrl,
      `{ me { customer { accounts { id } } } }`,
      {},
      tokens['nw.support'],
    );
    expect(accounts.data?.me.customer.accounts).toEqual([{ id: 'ACC-0000001' }]);
  });

  it('R2 a revoked grant stops working on the very next request', async () => {
    const svc = northwind()[15].id;
    const q = `query($id: ID!) { service(id: $id) { currentCharges { recordCount } } }`;
    expect(code(await gql(system.gatewayUrl, q, { id: svc }, tokens['nw.employee02']))).toBe('NOT_FOUND');
    const granted = await grant('nw.manager', {
      granteeId: 'nw.employee02',
      capabilities: ['USAGE_VIEW'],
      serviceIds: [svc],
    });
    expect(code(await gql(system.gatewayUrl, q, { id: svc }, tokens['nw.employee02']))).toBeUndefined();
    const revoked = await gql(
      system.gatewayUrl,
      REVOKE,
      { id: granted.data?.grantAuthorization.id },
      tokens['nw.manager'],
    );
    expect(revoked.data?.revokeAuthorization.revokedAt).toEqual(expect.any(String));
    expect(code(await gql(system.gatewayUrl, q, { id: svc }, tokens['nw.employee02']))).toBe('NOT_FOUND');
    const again = await gql(
      system.gatewayUrl,
      REVOKE,
      { id: granted.data?.grantAuthorization.id },
      tokens['nw.manager'],
    );
    expect(again.data?.revokeAuthorization.__typename).toBe('RevokeRefused');
  });

  it('R2 a grant whose validity has not started or has ended gives nothing', async () => {
    const svc = northwind()[16].id;
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const r = await grant('nw.manager', {
      granteeId: 'nw.employee02',
      capabilities: ['USAGE_VIEW'],
      serviceIds: [svc],
      validFrom: later,
    });
    expect(r.data?.grantAuthorization.__typename).toBe('Authorization');
    expect(
      code(
        await gql(
          system.gatewayUrl,
          `query($id: ID!) { service(id: $id) { id } }`,
          { id: svc },
          tokens['nw.employee02'],
        ),
      ),
    ).toBe('NOT_FOUND');
    const past = await grant('nw.manager', {
      granteeId: 'nw.employee02',
      capabilities: ['USAGE_VIEW'],
      serviceIds: [svc],
      validUntil: '2020-01-01T00:00:00Z',
    });
    expect(past.data?.grantAuthorization.reason).toBe('INVALID_REQUEST');
  });

  it('S2 the gateway refuses a forbidden operation before planning: no subgraph is called', async () => {
    const before = system.gateway.subgraphRequests();
    const denied = [
      [
        `mutation { payBill(input: { idempotencyKey: "s2-gw-pay-1", billId: "x", amountMinorUnits: 1, method: CARD }) { __typename } }`,
        'nw.finance',
        'FORBIDDEN',
      ],
      [`{ me { id customer { loyaltyPoints } } }`, 'nw.support', 'FORBIDDEN'],
      [`{ service(id: "SVC-0000001") { id networkStatus { reachable } } }`, 'nw.finance', 'FORBIDDEN'],
      [`{ me { id } service(id: "SVC-0000001") { id } }`, '', 'UNAUTHENTICATED'],
      [
        `mutation { grantAuthorization(input: { granteeId: "nw.employee02", capabilities: [USAGE_VIEW], serviceIds: ["SVC-0000001"] }) { __typename } }`,
        'nw.employee01',
        'FORBIDDEN',
      ],
    ] as const;
    for (const [query, user, expected] of denied) {
      const r = await gql(system.gatewayUrl, query, {}, user ? tokens[user] : undefined);
      expect({ query, code: code(r), data: r.data ?? null }).toEqual({ query, code: expected, data: null });
    }
    expect(system.gateway.subgraphRequests()).toEqual(before);
  });

  it('S2 every root field of the API has a gateway rule (deny by default for new ones)', () => {
    const sdl = readFileSync(path.join(__dirname, '../../schema/supergraph.graphql'), 'utf8');
    const api = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
    expect(uncoveredRootFields(api)).toEqual([]);
  });

  it('S6 colleagues see masked contact details; the manager and the holder see them in full', async () => {
    const q = `{ me { id customer { contact { email phone } users { id contact { email phone } } } } }`;
    const support = await gql(system.gatewayUrl, q, {}, tokens['nw.support']);
    expect(support.errors).toBeUndefined();
    const world = (id: string) =>
      system.sims.world.users.find((u) => u.id === id) as { email: string; phone: string };
    const seen = (r: any, id: string) => r.data?.me.customer.users.find((u: any) => u.id === id).contact;
    expect(seen(support, 'nw.support')).toEqual({
      email: world('nw.support').email,
      phone: world('nw.support').phone,
    });
    const colleague = seen(support, 'nw.manager');
    expect(colleague.email).toMatch(/^n\*\*\*@/);
    expect(colleague.phone).toMatch(/^\+\d{2}\*+\d{2}$/);
    expect(JSON.stringify(support.data)).not.toContain(world('nw.manager').phone);
    expect(support.data?.me.customer.contact.email).toMatch(/\*\*\*/);
    const manager = await gql(system.gatewayUrl, q, {}, tokens['nw.manager']);
    expect(seen(manager, 'nw.support')).toEqual({
      email: world('nw.support').email,
      phone: world('nw.support').phone,
    });
  });
});
