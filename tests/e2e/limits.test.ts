import { DEFAULT_LIMITS } from '../../gateway/limits';
import { gql, startTestSystem, type TestSystem } from '../support/system';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system.stop();
});

const totalSubgraphRequests = () =>
  Object.values(system.gateway.subgraphRequests()).reduce((a, b) => a + b, 0);

/** Sends a query that must be refused by a limit before any subgraph is called. */
async function refused(query: string, limit: string) {
  const before = totalSubgraphRequests();
  const r = await gql(system.gatewayUrl, query);
  expect({
    status: r.status,
    code: r.errors?.[0].extensions?.code,
    limit: r.errors?.[0].extensions?.limit,
  }).toEqual({ status: 400, code: 'QUERY_LIMIT_EXCEEDED', limit });
  expect(r.errors?.[0].message).toMatch(/limit of \d+ exceeded/);
  expect(totalSubgraphRequests()).toBe(before);
  return r;
}

describe('S5 request limits at the gateway (graphql-armor)', () => {
  it('S5 refuses selections nested deeper than the depth limit', async () => {
    const open = Array.from({ length: DEFAULT_LIMITS.maxDepth }, () => 'bundledOfferings {').join(' ');
    const deep = `{ offering(id: "OFF-BUNDLE-CINEMA") { ${open} id ${'}'.repeat(DEFAULT_LIMITS.maxDepth)} } }`;
    await refused(deep, 'depth');
  });

  it('S5 refuses alias bombs', async () => {
    const aliases = Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: partners { id }`);
    await refused(`{ ${aliases.join(' ')} }`, 'aliases');
  });

  it('S5 refuses too many directives', async () => {
    const directives = Array.from(
      { length: DEFAULT_LIMITS.maxDirectives + 1 },
      () => '@include(if: true)',
    ).join(' ');
    await refused(`{ partners ${directives} { id } }`, 'directives');
  });

  it('S5 refuses documents with too many tokens before parsing them whole', async () => {
    const fields = Array.from({ length: DEFAULT_LIMITS.maxTokens }, () => 'id').join(' ');
    await refused(`{ partners { ${fields} } }`, 'tokens');
  });

  it('S5 refuses operations whose estimated cost is too high (large pages of nested lists)', async () => {
    const page = `offerings(first: 50) { edges { node { bundledOfferings { prices { price { amount } } bundledOfferings { prices { price { amount currency } } bundledOfferings { prices { price { amount } } } } } } } }`;
    await refused(`{ ${[1, 2, 3, 4, 5].map((i) => `p${i}: ${page}`).join(' ')} }`, 'cost');
  });

  it('S5 accepts the heaviest first-party queries within every limit', async () => {
    const r = await gql(
      system.gatewayUrl,
      `{ offerings(first: 50) { totalCount edges { cursor node { id name prices { type price { amount currency } } provider { kind partner { name } } bundledOfferings { id name } characteristics { name allowedValues } } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(r.errors).toBeUndefined();
  });

  it('S5 refuses batched requests: one operation per HTTP request', async () => {
    const res = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ partners { id } }' }, { query: '{ partners { name } }' }]),
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toMatch(/batch/i);
  });

  it('S5 hides field suggestions, so the schema cannot be guessed from error messages', async () => {
    const r = await gql(system.gatewayUrl, `{ partner { id } offerings { edges { node { nam } } } }`);
    expect(r.errors?.length).toBeGreaterThan(0);
    for (const e of r.errors ?? []) {
      expect(e.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(e.message).not.toMatch(/did you mean/i);
    }
  });

  it('S5 sends no stack trace for any limit violation', async () => {
    const r = await refused(
      `{ ${Array.from({ length: 40 }, (_, i) => `x${i}: partners { id }`).join(' ')} }`,
      'aliases',
    );
    expect(JSON.stringify(r)).not.toMatch(/stacktrace|at \w+ \(|node_modules/);
  });
});
