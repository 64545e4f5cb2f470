import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, visit } from 'graphql';
import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

interface Operation {
  id: string;
  name: string;
  body: string;
}
const manifest = JSON.parse(
  readFileSync(path.join(__dirname, '../../apps/selfcare/persisted-query-manifest.json'), 'utf8'),
) as { format: string; operations: Operation[] };
const op = (name: string) => manifest.operations.find((o) => o.name === name) as Operation;

let strict: TestSystem;
let manager: string;
let partner: string;
beforeAll(async () => {
  strict = await startTestSystem({ trustedDocuments: { mode: 'strict', production: true } });
  manager = (await login(strict, 'nw.manager')).accessToken;
  partner = (
    await gql(
      strict.gatewayUrl,
      `mutation { partnerToken(input: { clientId: "client-partner-sp-1", clientSecret: "secret-partner-sp-1" }) { ... on PartnerToken { accessToken } } }`,
    )
  ).data?.partnerToken.accessToken;
});
afterAll(async () => {
  await strict.stop();
});

async function post(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(strict.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
}

describe('S5 trusted documents for first-party apps (strict mode)', () => {
  it('S5 the manifest lists every self-care operation by the SHA-256 of its body, as Apollo Client sends it', () => {
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    // Sign-in, registration, Scenario 1 (F5, grants, diagnosis, bill vs usage, payment), Scenario 2.
    const needed = ['StartLogin', 'CompleteLogin', 'RefreshSession', 'Logout', 'RegisterCustomer'].concat(
      ['ConfigureCallRestrictions', 'GrantAuthorization', 'RevokeAuthorization', 'Authorizations'],
      ['ServiceDiagnosis', 'StartServiceTest', 'TroubleTickets', 'ReportFault', 'SubmitExperienceReport'],
      ['SpendReport', 'BillUsageComparison', 'Bills', 'PayBill', 'NotificationSettings'],
      ['Catalogue', 'PlaceOrder', 'OrderStatus', 'Services'],
    );
    expect(manifest.operations.map((o) => o.name)).toEqual(expect.arrayContaining(needed));
    for (const o of manifest.operations) {
      expect(o.id).toBe(createHash('sha256').update(o.body).digest('hex'));
      // Apollo Client adds __typename to every selection set below the root; so must the registered body.
      const untyped: string[] = [];
      visit(parse(o.body), {
        Field(field) {
          const selections = field.selectionSet?.selections ?? [];
          if (
            selections.length &&
            !selections.some((x) => x.kind === 'Field' && x.name.value === '__typename')
          )
            untyped.push(`${o.name}.${field.name.value}`);
        },
      });
      expect(untyped).toEqual([]);
    }
  });

  it('S5 runs a registered operation sent by documentId, by APQ hash or as its exact text', async () => {
    const auth = { authorization: `Bearer ${manager}` };
    const byId = await post({ documentId: `sha256:${op('Dashboard').id}`, variables: { first: 3 } }, auth);
    expect(byId.status).toBe(200);
    expect(byId.body.data?.me.customer.services.edges).toHaveLength(3);
    const byHash = await post(
      {
        extensions: { persistedQuery: { version: 1, sha256Hash: op('Dashboard').id } },
        variables: { first: 3 },
      },
      auth,
    );
    expect(byHash.body.data).toEqual(byId.body.data);
    const byText = await post({ query: op('Dashboard').body, variables: { first: 3 } }, auth);
    expect(byText.body.data).toEqual(byId.body.data);
  });

  it('S5 refuses ad-hoc operations from signed-in customer users and from first-party clients', async () => {
    const adHoc = `{ me { id customer { name } } }`;
    const signedIn = await gql(strict.gatewayUrl, adHoc, {}, manager);
    expect(signedIn.status).toBe(403);
    expect(signedIn.errors?.[0].extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    const app = await post({ query: `{ partners { id } }` }, { 'x-ssm-client': 'selfcare-web' });
    expect(app.status).toBe(403);
    expect(app.body.errors?.[0].extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    // A registered operation with one character changed is not the registered operation.
    const tampered = await gql(
      strict.gatewayUrl,
      op('Dashboard').body.replace('name', 'name '),
      { first: 1 },
      manager,
    );
    expect(tampered.errors?.[0].extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    // APQ cannot be used to register new operations for a first-party client either.
    const sha256Hash = createHash('sha256').update(adHoc).digest('hex');
    const register = await post(
      { query: adHoc, extensions: { persistedQuery: { version: 1, sha256Hash } } },
      { authorization: `Bearer ${manager}` },
    );
    expect(register.status).toBe(403);
    const replay = await post(
      { extensions: { persistedQuery: { version: 1, sha256Hash } } },
      { authorization: `Bearer ${manager}` },
    );
    expect(replay.body.data ?? null).toBeNull();
  });

  it('S5 answers an unknown documentId with a clear error', async () => {
    const r = await post({ documentId: 'sha256:' + '0'.repeat(64) });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].message).toMatch(/not a registered operation/);
  });

  it('S5 lets partners and developers keep ad-hoc queries', async () => {
    const p = await gql(strict.gatewayUrl, `{ partnerSubscriptions(first: 2) { totalCount } }`, {}, partner);
    expect(p.errors).toBeUndefined();
    const anonymous = await gql(strict.gatewayUrl, `{ offerings(first: 2) { totalCount } }`);
    expect(anonymous.errors).toBeUndefined();
  });

  it('S5 allows introspection for partners only in production mode', async () => {
    const q = `{ __schema { queryType { name } } }`;
    const anonymous = await gql(strict.gatewayUrl, q);
    expect(anonymous.status).toBe(403);
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const hidden = await gql(
      strict.gatewayUrl,
      `query { ...F } fragment F on Query { __type(name: "Bill") { name } }`,
    );
    expect(hidden.status).toBe(403);
    const p = await gql(strict.gatewayUrl, q, {}, partner);
    expect(p.data?.__schema.queryType.name).toBe('Query');
  });
});

describe('S5 outside production mode', () => {
  let open: TestSystem;
  beforeAll(async () => {
    open = await startTestSystem();
  });
  afterAll(async () => {
    await open.stop();
  });
  it('S5 developers may introspect anonymously and send ad-hoc queries', async () => {
    const r = await gql(open.gatewayUrl, `{ __schema { queryType { name } } }`);
    expect(r.data?.__schema.queryType.name).toBe('Query');
  });
});
