import { randomBytes } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { MAX_FIRST_SEEN_OPERATION_NAMES } from '../../gateway/operation-metrics';
import { TrustedDocumentStore } from '../../gateway/trusted-documents';
import { SYSTEMS, type SystemName } from '../../mocks';
import { startTelemetry, type Telemetry } from '../../lib/telemetry/sdk';
import { login } from '../../system/kit/sign-in';
import { recorded, type ReceivedSpan } from '../support/spans';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * Issue 15, items 1 and 2: what operators see of one request. The whole system runs in this
 * process, its spans kept in memory (tests/e2e/telemetry-processes.test.ts exports them over
 * OTLP from processes of their own); /metrics is read before and after each request.
 */
const exporter = new InMemorySpanExporter();
let telemetry: Telemetry;
let system: TestSystem;
let manager: string;

beforeAll(async () => {
  telemetry = startTelemetry({}, 'gateway', exporter);
  // Uncached, so that every legacy system behind the dashboard is called (and traced).
  // A breaker half-opens soon, so the breaker test can see it open and closed again.
  system = await startTestSystem({
    caching: { response: false, legacy: false },
    resilience: { halfOpenAfterMs: 300 },
  });
  manager = (await login(system, 'nw.manager')).accessToken;
});
afterAll(async () => {
  await system.stop();
  await telemetry.shutdown();
});

const DASHBOARD = `query TelemetryDashboard($n: Int!) { me { customer { services(first: $n, filter: { type: MOBILE }) {
  totalCount edges { node {
    id identifier state
    currentCharges { total { amount } }
    troubleTickets(openOnly: true) { totalCount }
  } } } } } }`;

/** /metrics as series -> value (`name{labels}` exactly as exposed). */
async function metrics(): Promise<Map<string, number>> {
  const text = await (await fetch(system.gatewayUrl.replace('/graphql', '/metrics'))).text();
  const series = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) series.set(m[1], Number(m[2]));
  }
  return series;
}

/** The sum of the series of `name` whose labels include every one of `labels`. */
function sum(series: Map<string, number>, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const [key, value] of series) {
    if (!key.startsWith(`${name}{`) && key !== name) continue;
    if (Object.entries(labels).every(([k, v]) => key.includes(`${k}="${v}"`))) total += value;
  }
  return total;
}

function resetCalls(): void {
  for (const name of SYSTEMS) system.sims.sims[name].resetCalls();
}

function calledSystems(): SystemName[] {
  return SYSTEMS.filter((name) => system.sims.sims[name].callCount() > 0);
}

describe('metrics of one dashboard request (issue 15, item 1)', () => {
  it('counts the operation by name, type and outcome, each subgraph it fetched from, and each legacy system it called', async () => {
    const before = await metrics();
    const fetchesBefore = system.gateway.subgraphRequests();
    resetCalls();
    const r = await gql(system.gatewayUrl, DASHBOARD, { n: 5 }, manager);
    expect(r.errors).toBeUndefined();
    const after = await metrics();
    const delta = (name: string, labels: Record<string, string>) =>
      sum(after, name, labels) - sum(before, name, labels);

    expect(
      delta('graphql_server_request_duration_seconds_count', {
        operation_name: 'TelemetryDashboard',
        operation_type: 'query',
        outcome: 'success',
      }),
    ).toBe(1);
    expect(
      delta('http_server_request_duration_seconds_count', {
        http_request_method: 'POST',
        http_route: '/graphql',
        http_response_status_code: '200',
      }),
    ).toBeGreaterThanOrEqual(1);

    // The subgraphs the query plan touched, each counted once per fetch the gateway sent it.
    const fetches = system.gateway.subgraphRequests();
    const touched = Object.keys(fetches).filter((name) => fetches[name] > (fetchesBefore[name] ?? 0));
    expect(touched).toEqual(expect.arrayContaining(['customer', 'orders', 'billing', 'faults']));
    for (const subgraph of touched)
      expect(delta('ssm_subgraph_request_duration_seconds_count', { subgraph, outcome: 'success' })).toBe(
        fetches[subgraph] - (fetchesBefore[subgraph] ?? 0),
      );

    // Each legacy system the simulators saw called, at most once per call it saw.
    const systems = calledSystems();
    expect(systems).toEqual(expect.arrayContaining(['ibss', 'billing', 'faults']));
    for (const name of systems) {
      const calls = delta('ssm_legacy_call_duration_seconds_count', { system: name, outcome: 'success' });
      expect(calls).toBeGreaterThan(0);
      expect(calls).toBeLessThanOrEqual(system.sims.sims[name].callCount());
    }
    // Labels say which operation, never which customer or service.
    expect([...after.keys()].join('\n')).not.toMatch(/nw\.manager|CUST-|SVC-|ACC-|\+44/);
  });

  it('counts errors by code, legacy failures and retries by system, and shows the breaker open', async () => {
    const before = await metrics();
    system.sims.sims.faults.setFaults({ down: true });
    try {
      for (let i = 0; i < 2; i++) {
        const r = await gql(system.gatewayUrl, DASHBOARD, { n: 3 }, manager);
        expect(r.data?.me.customer.services.edges).toHaveLength(3);
        expect(r.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      }
    } finally {
      system.sims.sims.faults.setFaults({ down: false });
    }
    const after = await metrics();
    const delta = (name: string, labels: Record<string, string>) =>
      sum(after, name, labels) - sum(before, name, labels);
    expect(
      delta('graphql_server_request_duration_seconds_count', {
        operation_name: 'TelemetryDashboard',
        outcome: 'partial',
      }),
    ).toBe(2);
    expect(
      delta('graphql_server_errors_total', {
        operation_name: 'TelemetryDashboard',
        code: 'UPSTREAM_UNAVAILABLE',
      }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      delta('ssm_subgraph_errors_total', { subgraph: 'faults', code: 'UPSTREAM_UNAVAILABLE' }),
    ).toBeGreaterThan(0);
    expect(
      delta('ssm_legacy_call_errors_total', { system: 'faults', code: 'UPSTREAM_UNAVAILABLE' }),
    ).toBeGreaterThan(0);
    expect(delta('ssm_legacy_call_retries_total', { system: 'faults' })).toBeGreaterThan(0);
    // Three failed attempts per read, five failures in a row open the breaker (lib/resilience.ts).
    expect(sum(after, 'ssm_legacy_circuit_breaker_state', { system: 'faults' })).toBe(2);
    expect(sum(after, 'ssm_legacy_circuit_breaker_state', { system: 'billing' })).toBe(0);
    // Back up: the probe after the half-open delay succeeds and closes it.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await gql(system.gatewayUrl, DASHBOARD, { n: 3 }, manager)).errors).toBeUndefined();
    expect(sum(await metrics(), 'ssm_legacy_circuit_breaker_state', { system: 'faults' })).toBe(0);
  });

  it('counts a refused operation under its code, and an unknown trusted document under its reason', async () => {
    const before = await metrics();
    const denied = await gql(system.gatewayUrl, 'query MyGrants { authorizations { id } }');
    const code = denied.errors?.[0].extensions?.code as string;
    expect(code).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
    const unknown = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ documentId: `sha256:${'0'.repeat(64)}` }),
    });
    expect(unknown.status).toBe(400);
    const after = await metrics();
    expect(sum(after, 'graphql_server_errors_total', { operation_name: 'MyGrants', code })).toBe(
      sum(before, 'graphql_server_errors_total', { operation_name: 'MyGrants', code }) + 1,
    );
    const refusals = (m: Map<string, number>) =>
      sum(m, 'ssm_trusted_document_refusals_total', { reason: 'unknown_document_id' });
    expect(refusals(after)).toBe(refusals(before) + 1);
  });

  it('S5: 300 operations with made-up names leave a bounded set of operation-name labels', async () => {
    const names = Array.from({ length: 300 }, () => `Probe_${randomBytes(6).toString('hex')}`);
    for (const name of names) await gql(system.gatewayUrl, `query ${name} { __typename }`);
    const labels = new Set<string>();
    for (const key of (await metrics()).keys()) {
      const m = /^graphql_server_request_duration_seconds_count\{operation_name="([^"]*)"/.exec(key);
      if (m) labels.add(m[1]);
    }
    const probes = [...labels].filter((label) => label.startsWith('Probe_'));
    // At most 200 first-seen names per process (fewer if earlier tests named some), then "other";
    // besides: the registered trusted documents' names, "anonymous" and "unknown".
    expect(probes.length).toBeGreaterThan(100);
    expect(probes.length).toBeLessThanOrEqual(MAX_FIRST_SEEN_OPERATION_NAMES);
    expect(labels.has('other')).toBe(true);
    const registered = TrustedDocumentStore.load().names().length;
    expect(labels.size).toBeLessThanOrEqual(registered + MAX_FIRST_SEEN_OPERATION_NAMES + 3);
  });
});

/** The spans of the trace that has a span with `attribute` = `value`, once all ended. */
async function traceWith(attribute: string, value: string): Promise<ReceivedSpan[]> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    await telemetry.flush();
    const all = exporter.getFinishedSpans().map(recorded);
    const marker = all.find((s) => s.attributes[attribute] === value);
    const spans = marker ? all.filter((s) => s.traceId === marker.traceId) : [];
    // The root (the gateway's server span) ends last: once it is in, the trace is whole.
    if (spans.some((s) => !s.parentSpanId)) return spans;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no complete trace with ${attribute}=${value}`);
}

describe('the trace of one dashboard request (issue 15, item 2)', () => {
  it('runs from the gateway through every subgraph fetch and legacy call to each simulator it touched, as one tree', async () => {
    await telemetry.flush();
    exporter.reset();
    resetCalls();
    // A document of its own: a plan is made for it (gateway.plan), not taken from the plan cache.
    const traced = DASHBOARD.replace('TelemetryDashboard', 'TracedDashboard');
    const r = await gql(system.gatewayUrl, traced, { n: 5 }, manager);
    expect(r.errors).toBeUndefined();
    const touched = calledSystems();
    const spans = await traceWith('graphql.operation.name', 'TracedDashboard');
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
      const chain: ReceivedSpan[] = [];
      for (let p = span.parentSpanId; p; p = byId.get(p)?.parentSpanId)
        chain.push(byId.get(p) as ReceivedSpan);
      return chain;
    };

    // One root: the gateway's server span; every other span's parent is in the same trace.
    const roots = spans.filter((s) => !s.parentSpanId);
    expect(roots.map((s) => [s.service, s.name, s.kind])).toEqual([
      ['ssm-gateway', 'POST /graphql', SpanKind.SERVER],
    ]);
    for (const span of spans) if (span.parentSpanId) expect(byId.has(span.parentSpanId)).toBe(true);

    // The gateway's steps: authentication and authorization (ours), plan and fetches (Apollo's).
    const named = (name: string) => spans.filter((s) => s.name === name);
    for (const step of ['authenticate', 'authorize', 'gateway.request', 'gateway.plan'])
      expect(named(step).length).toBeGreaterThanOrEqual(1);
    expect(named('authenticate')[0].attributes['ssm.actor.kind']).toBe('customerUser');

    // Each subgraph fetch: gateway.fetch -> client span -> the subgraph's server span.
    const fetches = spans.filter((s) => s.name.startsWith('subgraph '));
    expect(fetches.length).toBe(named('gateway.fetch').length);
    for (const fetch of fetches) {
      const subgraph = String(fetch.attributes['ssm.subgraph']);
      expect(byId.get(fetch.parentSpanId ?? '')?.name).toBe('gateway.fetch');
      const servers = spans.filter((s) => s.parentSpanId === fetch.spanId);
      expect(servers.map((s) => [s.service, s.kind])).toEqual([
        [`ssm-subgraph-${subgraph}`, SpanKind.SERVER],
      ]);
    }

    // Each legacy system the simulators saw called: its simulator's server span, under a legacy
    // call span of that system (with its operation), under a subgraph's server span.
    const simulated = new Set(
      spans.filter((s) => s.service.startsWith('ssm-simulator-')).map((s) => s.service),
    );
    expect([...simulated].sort()).toEqual(touched.map((name) => `ssm-simulator-${name}`).sort());
    for (const span of spans.filter((s) => s.service.startsWith('ssm-simulator-'))) {
      const call = byId.get(span.parentSpanId ?? '') as ReceivedSpan;
      expect(call.kind).toBe(SpanKind.CLIENT);
      expect(`ssm-simulator-${String(call.attributes['ssm.legacy.system'])}`).toBe(span.service);
      expect(call.attributes['ssm.legacy.operation']).toEqual(expect.any(String));
      expect(
        ancestors(call).some((s) => s.service.startsWith('ssm-subgraph-') && s.kind === SpanKind.SERVER),
      ).toBe(true);
      expect(ancestors(span).at(-1)).toBe(roots[0]);
    }

    // S6: no personal data in any attribute (no ids, numbers, variables or documents).
    const attributes = JSON.stringify(spans.map((s) => s.attributes));
    expect(attributes).not.toMatch(/nw\.manager|CUST-|SVC-|ACC-|\+44|@/);
    expect(attributes).not.toContain('graphql.document');
  });
});
