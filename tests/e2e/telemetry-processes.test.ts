import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { freePort } from '../../lib/http';
import { RedisStore } from '../../lib/kv';
import { startTelemetry, type Telemetry } from '../../lib/telemetry/sdk';
import { DEMO_SIZE } from '../../mocks/seed/generate';
import { ENV_SCHEMA } from '../../system/config';
import { joiningEnvironment, startServerScript, stopChild } from '../../system/kit/processes';
import { login } from '../../system/kit/sign-in';
import { startSystem, type RunningSystem } from '../../system/system';
import { recorded, startOtlpReceiver, type ReceivedSpan } from '../support/spans';
import { gql, testDatabase } from '../support/system';

/**
 * Issue 15, item 2, across processes: the gateway runs as a process of its own
 * (scripts/gateway.ts) and exports its spans over OTLP/HTTP (JSON) to a receiver this test runs,
 * as OTEL_EXPORTER_OTLP_ENDPOINT tells it; the subgraphs and simulators run here and keep theirs
 * in memory. Only the `traceparent` header links the two halves.
 */
const inherited = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !(name in ENV_SCHEMA.shape)),
);

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
const exporter = new InMemorySpanExporter();
let telemetry: Telemetry;
let system: RunningSystem;
let store: RedisStore;
let dropDb: () => Promise<void>;
let gateway: ChildProcess | null = null;
let gatewayUrl: string;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  telemetry = startTelemetry({}, 'subgraphs', exporter);
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `telemetry:${randomUUID()}:`;
  store = RedisStore.connect(redisUrl, prefix);
  const database = await testDatabase();
  dropDb = database.drop;
  system = await startSystem({
    db: database.db,
    store,
    seedDemoGrants: true,
    simulators: { seed: { ...DEMO_SIZE, customers: 60 }, provisioningDelayMs: 50 },
    caching: { response: false, legacy: false },
    startGateway: false,
  });
  const port = await freePort();
  gatewayUrl = `http://127.0.0.1:${port}/graphql`;
  gateway = await startServerScript('gateway.ts', {
    ...inherited,
    ...joiningEnvironment(system, { redisUrl, keyPrefix: prefix, database }),
    PORT: String(port),
    SSM_CACHE: 'off',
    LOG_LEVEL: 'warn',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    OTEL_EXPORTER_OTLP_HEADERS: 'x-collector-key=test%20key',
  });
}, 90_000);

afterAll(async () => {
  await stopChild(gateway, 'SIGTERM');
  await system?.stop();
  await store?.close();
  await dropDb?.();
  await telemetry?.shutdown();
  await receiver?.stop();
});

describe('traces across processes (issue 15, item 2)', () => {
  it("exports the gateway's spans over OTLP from its own process, and the subgraphs continue its trace", async () => {
    const token = (await login({ gatewayUrl, sims: system.sims }, 'nw.manager')).accessToken;
    const r = await gql(
      gatewayUrl,
      `query TracedAcrossProcesses { me { customer { services(first: 3) { edges { node { id troubleTickets { totalCount } } } } } } }`,
      {},
      token,
    );
    expect(r.errors).toBeUndefined();

    // The gateway's batch processor sends every few seconds: wait for its root span.
    let gatewaySpans: ReceivedSpan[] = [];
    for (let waited = 0; waited < 20_000 && !gatewaySpans.some((s) => !s.parentSpanId); waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const marker = receiver.spans.find(
        (s) => s.attributes['graphql.operation.name'] === 'TracedAcrossProcesses',
      );
      gatewaySpans = marker ? receiver.spans.filter((s) => s.traceId === marker.traceId) : [];
    }
    expect(gatewaySpans.filter((s) => !s.parentSpanId).map((s) => [s.service, s.name])).toEqual([
      ['ssm-gateway', 'POST /graphql'],
    ]);
    expect(receiver.requests[0]['x-collector-key']).toBe('test key');

    // This process's spans of the same trace: each subgraph server span's parent is a subgraph
    // fetch span the gateway process exported.
    await telemetry.flush();
    const traceId = gatewaySpans[0].traceId;
    const local = exporter
      .getFinishedSpans()
      .map(recorded)
      .filter((s) => s.traceId === traceId);
    const servers = local.filter((s) => s.service.startsWith('ssm-subgraph-') && s.kind === SpanKind.SERVER);
    expect(servers.map((s) => s.service).sort()).toEqual([
      'ssm-subgraph-customer',
      'ssm-subgraph-faults',
      'ssm-subgraph-orders',
    ]);
    const fetches = new Map(
      gatewaySpans.filter((s) => s.name.startsWith('subgraph ')).map((s) => [s.spanId, s]),
    );
    for (const server of servers)
      expect(
        `ssm-subgraph-${String(fetches.get(server.parentSpanId ?? '')?.attributes['ssm.subgraph'])}`,
      ).toBe(server.service);
    // ... and the trace goes on to the simulators of the legacy systems those subgraphs called.
    expect(local.some((s) => s.service === 'ssm-simulator-faults')).toBe(true);
  });
});
