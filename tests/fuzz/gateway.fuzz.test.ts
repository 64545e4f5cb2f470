import fc from 'fast-check';
import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

/**
 * Issue 6 fuzz suite: hostile requests thrown at the gateway over HTTP. Every one must get a
 * proper answer: JSON, no 5xx, no INTERNAL_SERVER_ERROR, no stack trace or file path, and every
 * error with a code. Requests go out in batches of 10 so that 10,000+ cases fit in CI time.
 */
let system: TestSystem;
let tokens: (string | undefined)[] = [];
let cases = 0;
const failures: string[] = [];

beforeAll(async () => {
  system = await startTestSystem({ legacyTimeoutMs: 2000 });
  const manager = (await login(system, 'nw.manager')).accessToken;
  const employee = (await login(system, 'nw.employee01')).accessToken;
  const partner = (
    await gql(
      system.gatewayUrl,
      `mutation { partnerToken(input: { clientId: "client-partner-sp-1", clientSecret: "secret-partner-sp-1" }) { ... on PartnerToken { accessToken } } }`,
    )
  ).data?.partnerToken.accessToken as string;
  tokens = [undefined, manager, employee, partner, 'not-a-token.at.all', 'x'.repeat(5000)];
}, 60_000);
afterAll(async () => {
  await system.stop();
});

const STACK = /\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+|stacktrace/i;

/**
 * Sends one request; throws (so that fast-check prints it) when the answer is not proper.
 * Also keeps every failure for the final report.
 */
async function probe(
  body: string,
  token: string | undefined,
  contentType = 'application/json',
): Promise<void> {
  const before = failures.length;
  await send(body, token, contentType);
  if (failures.length !== before) throw new Error(failures.slice(before).join('\n'));
}

/** Sends one raw request and records what is wrong with the answer, if anything. */
async function send(body: string, token: string | undefined, contentType: string): Promise<void> {
  cases++;
  const headers: Record<string, string> = { 'content-type': contentType };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  let status: number;
  let text: string;
  try {
    const res = await fetch(system.gatewayUrl, { method: 'POST', headers, body });
    status = res.status;
    text = await res.text();
  } catch (error) {
    failures.push(`no answer (${String(error)}) to ${body.slice(0, 200)}`);
    return;
  }
  const problem = (why: string): void => {
    failures.push(`${why}: HTTP ${status} ${text.slice(0, 300)} <- ${body.slice(0, 300)}`);
  };
  if (status >= 500) return problem('5xx');
  if (STACK.test(text)) return problem('stack trace or path leaked');
  let parsed: { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  try {
    parsed = JSON.parse(text);
  } catch {
    return problem('not JSON');
  }
  for (const e of parsed.errors ?? []) {
    if (typeof e.extensions?.code !== 'string') return problem('error without a code');
    if (e.extensions.code === 'INTERNAL_SERVER_ERROR') return problem('internal error');
  }
  if (!parsed.errors && parsed.data === undefined) problem('neither data nor errors');
}

// ---- generators ---------------------------------------------------------------------------

const injections = fc.constantFrom(
  `' OR '1'='1`,
  `"; DROP TABLE grants; --`,
  `</name><role>MANAGER</role><name>`,
  `<![CDATA[x]]>`,
  `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>`,
  `\${jndi:ldap://x}`,
  `{{7*7}}`,
  `../../etc/passwd`,
  `%00`,
  `\u0000`,
  `\u202e`,
  `😀`.repeat(50),
  `__proto__`,
  `constructor`,
  `{"$ne": null}`,
  `SVC-0000001`,
  `CUST-000002`,
  `+358401234567`,
  `2026-02-30`,
  `-1`,
  `1e309`,
);
const scalarValue = fc.oneof(
  injections,
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 4000, maxLength: 7000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

const ROOT_FIELDS = [
  'me { id name customer { id name contact { email } } }',
  'offerings(first: $n) { totalCount edges { node { id name prices { price { amount } } } } }',
  'offering(id: $id) { id name bundledOfferings { id } }',
  'service(id: $id) { id identifier currentCharges { total { amount } } troubleTickets { totalCount } }',
  'bill(id: $id) { id state openAmount { amount } }',
  'troubleTicket(id: $id) { id state }',
  'productOrder(id: $id) { id state }',
  'customer(id: $id) { id name accounts { id } }',
  'serviceAvailability(postcode: $s) { results { available } }',
  'numberAvailability(number: $s) { available }',
  'partnerSubscriptions(first: $n) { totalCount }',
  'securityEvents(first: $n) { totalCount }',
  'authorizations { id }',
  '__schema { types { name } }',
  '__type(name: $s) { name }',
];
const MUTATIONS = [
  'placeProductOrder(input: { idempotencyKey: $s, accountId: $id, items: [{ offeringId: $id }] }) { __typename }',
  'payBill(input: { idempotencyKey: $s, billId: $id, amountMinorUnits: $n, method: CARD }) { __typename }',
  'reportFault(input: { idempotencyKey: $s, serviceId: $id, category: other, description: $s }) { __typename }',
  'changeServiceParameters(input: { idempotencyKey: $s, serviceId: $id, parameters: [{ name: $s, value: $s }] }) { __typename }',
  'grantAuthorization(input: { granteeId: $id, capabilities: [USAGE_VIEW], serviceIds: [$id] }) { __typename }',
  'startLogin(input: { actorId: $s, password: $s, channel: SMS }) { __typename }',
  'completeLogin(input: { challengeId: $id, code: $s }) { __typename }',
  'registerCustomer(input: { idempotencyKey: $s, name: $s, email: $s, phone: $s, street: $s, city: $s, postcode: $s, actorId: $s, password: $s }) { __typename }',
];

const variables = fc.record({ id: scalarValue, s: scalarValue, n: scalarValue }, { requiredKeys: [] });

/** Well-formed operations over the real schema with hostile arguments. */
const wellFormed = fc
  .tuple(
    fc.boolean(),
    fc.subarray(ROOT_FIELDS, { minLength: 1, maxLength: 4 }),
    fc.constantFrom(...MUTATIONS),
    variables,
    fc.constantFrom(
      '$id: ID, $s: String, $n: Int',
      '$id: ID!, $s: String!, $n: Int!',
      '$id: String, $s: Int, $n: Float',
    ),
  )
  .map(([mutation, fields, m, vars, decl]) => ({
    query: mutation ? `mutation M(${decl}) { ${m} }` : `query Q(${decl}) { ${fields.join(' ')} }`,
    variables: vars,
  }));

/** Structural attacks: depth, aliases, directives, fragment cycles, huge documents. */
const structural = fc.oneof(
  fc.integer({ min: 5, max: 300 }).map((d) => ({
    query: `{ offering(id: "OFF-BUNDLE-CINEMA") { ${'bundledOfferings { '.repeat(d)}id${' }'.repeat(d)} } }`,
  })),
  fc.integer({ min: 10, max: 2000 }).map((n) => ({
    query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: partners { id }`).join(' ')} }`,
  })),
  fc.integer({ min: 10, max: 500 }).map((n) => ({
    query: `{ partners ${'@include(if: true) '.repeat(n)}{ id } }`,
  })),
  fc.constant({ query: `query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }` }),
  fc.integer({ min: 1, max: 50 }).map((n) => ({
    query: `{ ${Array.from({ length: n }, (_, i) => `o${i}: offerings(first: 50) { edges { node { bundledOfferings { bundledOfferings { prices { price { amount } } } } } } }`).join(' ')} }`,
  })),
  fc.integer({ min: 1000, max: 20000 }).map((n) => ({ query: `{ ${'partners { id } '.repeat(n)} }` })),
  fc.constant({ query: `subscription { me { id } }` }),
  fc.constant({ query: `{ me { id } }`, operationName: 'Missing' }),
  fc.constant({ query: `query A { me { id } } query B { me { id } }` }),
);

/** Garbage documents and request bodies. */
const garbage = fc.oneof(
  fc.string({ maxLength: 300 }).map((q) => JSON.stringify({ query: q })),
  fc
    .array(
      fc.constantFrom(
        '{',
        '}',
        '(',
        ')',
        '[',
        ']',
        '...',
        '@',
        '$',
        ':',
        '!',
        '"',
        'query',
        'me',
        'id',
        '#',
        ',',
      ),
      {
        maxLength: 80,
      },
    )
    .map((tokens) => JSON.stringify({ query: tokens.join(' ') })),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.jsonValue().map((v) => JSON.stringify({ query: v, variables: v, operationName: v, extensions: v })),
  fc.string({ maxLength: 200 }),
  fc.constant('{"query": "{ me { id } }", "variables": "not an object"}'),
  fc.constant('[{"query": "{ me { id } }"}, {"query": "{ me { id } }"}]'),
  fc.constant('{"documentId": "sha256:' + 'f'.repeat(64) + '"}'),
  fc.constant('{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}'),
  fc.constant(
    '{"query": "{ me { id } }", "extensions": {"persistedQuery": {"version": 2, "sha256Hash": "x"}}}',
  ),
);

const token = fc.integer({ min: 0, max: 5 }).map((i) => tokens[i]);
const BATCH = 10;

describe('S5 fuzzing the gateway (fast-check)', () => {
  it('S5 answers well-formed operations with hostile arguments properly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(wellFormed, token), { minLength: BATCH, maxLength: BATCH }),
        async (batch) => {
          await Promise.all(batch.map(([body, t]) => probe(JSON.stringify(body), t)));
        },
      ),
      { numRuns: 400, seed: 4242 },
    );
    expect(failures).toEqual([]);
  }, 300_000);

  it('S5 answers deep, alias-bombed, directive-bombed and oversized operations properly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(structural, token), { minLength: BATCH, maxLength: BATCH }),
        async (batch) => {
          await Promise.all(batch.map(([body, t]) => probe(JSON.stringify(body), t)));
        },
      ),
      { numRuns: 250, seed: 4243 },
    );
    expect(failures).toEqual([]);
  }, 300_000);

  it('S5 answers malformed documents and bodies properly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(garbage, token, fc.constantFrom('application/json', 'text/plain', 'application/graphql')),
          {
            minLength: BATCH,
            maxLength: BATCH,
          },
        ),
        async (batch) => {
          await Promise.all(batch.map(([body, t, type]) => probe(body, t, type)));
        },
      ),
      { numRuns: 400, seed: 4244 },
    );
    expect(failures).toEqual([]);
  }, 300_000);

  afterAll(() => {
    if (failures.length) console.log(failures.slice(0, 30).join('\n'));
  });

  it('S5 ran at least 10,000 cases, and the gateway still answers normally afterwards', async () => {
    expect(cases).toBeGreaterThanOrEqual(10_000);
    console.log(`fuzz cases: ${cases}`);
    const r = await gql(system.gatewayUrl, `{ offerings(first: 2) { totalCount } }`);
    expect(r.errors).toBeUndefined();
  });
});
