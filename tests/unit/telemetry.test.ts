import http from 'node:http';
import { trace } from '@opentelemetry/api';
import { DEFAULT_RATE_LIMITS, GatewayRateLimiter, RateLimitedError } from '../../gateway/rate-limit';
import { close, listen } from '../../lib/http';
import { MemoryStore } from '../../lib/kv';
import { rateLimitRefusals } from '../../lib/metrics';
import { BoundedLabels, isGraphQLName, legacyOperation } from '../../lib/telemetry/bounded-labels';
import { startTelemetry } from '../../lib/telemetry/sdk';
import { tracedServer, tracingEnabled, withTraceContext } from '../../lib/telemetry/tracing';
import { loadConfig } from '../../system/config';

/** Issue 15: the rules behind the metrics' labels and the switch that turns tracing on. */

describe('bounded labels (S5: a caller cannot grow the metrics without bound)', () => {
  it('S5 keeps known values, admits first-seen ones up to the limit, and folds the rest into "other"', () => {
    const labels = new BoundedLabels(['Dashboard'], 2, isGraphQLName);
    expect(labels.label('First')).toBe('First');
    expect(labels.label('Second')).toBe('Second');
    expect(labels.label('Third')).toBe('other');
    expect(labels.label('First')).toBe('First');
    expect(labels.label('Dashboard')).toBe('Dashboard');
    expect(new BoundedLabels([], 10, isGraphQLName).label('not a name; drop table')).toBe('other');
    expect(new BoundedLabels([], 10, isGraphQLName).label('A'.repeat(65))).toBe('other');
  });

  it('S6 names a legacy call by its operation, never by the ids, numbers or addresses in its URL', () => {
    expect(legacyOperation('GET', '/boss/accounts/ACC-0000001')).toBe('GET /boss/accounts/{id}');
    expect(legacyOperation('GET', '/resources/numbers/+447700900123')).toBe('GET /resources/numbers/{id}');
    expect(legacyOperation('POST', '/fm/tickets/TT-12/notes')).toBe('POST /fm/tickets/{id}/notes');
    expect(legacyOperation('GET', '/fm/services/bulk?ids=SVC-1,SVC-2')).toBe('GET /fm/services/bulk');
    expect(legacyOperation('GET', '/crm/users/someone@example.com')).toBe('GET /crm/users/{id}');
    expect(legacyOperation('POST', '/crm/soap', '"urn:crm#GetCustomers"')).toBe('GetCustomers');
  });
});

describe('refusals are counted', () => {
  it('S5 counts each 429 of the rate limiter under its bucket', async () => {
    const refused = async () =>
      (await rateLimitRefusals.get()).values.find((v) => v.labels.bucket === 'anonymous')?.value ?? 0;
    const limiter = new GatewayRateLimiter(new MemoryStore(), {
      ...DEFAULT_RATE_LIMITS,
      perAnonymousAddress: 2,
    });
    const before = await refused();
    const anonymous = { kind: 'anonymous' as const };
    await limiter.forRequest(anonymous, '192.0.2.1');
    await limiter.forRequest(anonymous, '192.0.2.1');
    await expect(limiter.forRequest(anonymous, '192.0.2.1')).rejects.toBeInstanceOf(RateLimitedError);
    expect(await refused()).toBe(before + 1);
  });
});

describe('tracing is off without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('registers nothing, adds no traceparent and opens no span', async () => {
    const telemetry = startTelemetry({}, 'gateway');
    expect(telemetry.enabled).toBe(false);
    expect(tracingEnabled()).toBe(false);
    const headers = { accept: 'application/json' };
    expect(withTraceContext(headers)).toBe(headers);

    let active: unknown = 'unset';
    const server = http.createServer(
      tracedServer({ service: 'gateway', continueTrace: true, routeOf: () => '/graphql' }, (_req, res) => {
        active = trace.getActiveSpan();
        res.end('ok');
      }),
    );
    const port = await listen(server, 0);
    try {
      await fetch(`http://127.0.0.1:${port}/graphql`, {
        headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
      });
    } finally {
      await close(server);
    }
    expect(active).toBeUndefined();
  });

  it('reads the endpoint and its headers from the configuration, naming a bad value', () => {
    const settings = loadConfig(
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_HEADERS: 'api-key=a%20b,x=1',
      },
      { terminal: false },
    );
    expect(settings.telemetry).toEqual({
      endpoint: 'http://collector:4318',
      headers: { 'api-key': 'a b', x: '1' },
    });
    expect(loadConfig({}, { terminal: false }).telemetry).toEqual({});
    // Named, never repeated: the headers may hold a key.
    const bad = () => loadConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'secret-without-key' }, { terminal: false });
    expect(bad).toThrow(/OTEL_EXPORTER_OTLP_HEADERS must be key=value/);
    expect(bad).not.toThrow(/secret-without-key/);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, { terminal: false })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });
});
