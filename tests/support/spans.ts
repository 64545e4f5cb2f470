import http from 'node:http';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { close, listen, readBody } from '../../lib/http';

/**
 * Spans as tests read them, from an in-memory exporter (this process) or from a local OTLP
 * receiver (processes the test starts): ids in hex, the service its resource names.
 */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

interface AnyValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: { values?: AnyValue[] };
}

interface KeyValue {
  key: string;
  value: AnyValue;
}

interface ExportRequest {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: {
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        attributes?: KeyValue[];
      }[];
    }[];
  }[];
}

function valueOf(value: AnyValue): unknown {
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(valueOf);
  return value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue;
}

const attributesOf = (list: KeyValue[] = []) =>
  Object.fromEntries(list.map(({ key, value }) => [key, valueOf(value)]));

/**
 * A local OTLP/HTTP receiver (what a collector's :4318 does), JSON only: the spans a test's
 * process exports through OTEL_EXPORTER_OTLP_ENDPOINT land in `spans`.
 */
export async function startOtlpReceiver(): Promise<{
  endpoint: string;
  spans: ReceivedSpan[];
  /** The headers of every export request, in order. */
  requests: http.IncomingHttpHeaders[];
  stop(): Promise<void>;
}> {
  const spans: ReceivedSpan[] = [];
  const requests: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    void readBody(req, 50_000_000).then((text) => {
      if (req.url === '/v1/traces' && req.headers['content-type']?.includes('json')) {
        requests.push(req.headers);
        const body = JSON.parse(text) as ExportRequest;
        for (const resourceSpans of body.resourceSpans ?? []) {
          const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
          for (const scope of resourceSpans.scopeSpans ?? [])
            for (const span of scope.spans ?? [])
              spans.push({
                service,
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId || undefined,
                name: span.name,
                kind: span.kind,
                attributes: attributesOf(span.attributes),
              });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  const port = await listen(server, 0);
  return { endpoint: `http://127.0.0.1:${port}`, spans, requests, stop: () => close(server) };
}

/** A span this process recorded (InMemorySpanExporter), in the receiver's shape. */
export function recorded(span: ReadableSpan): ReceivedSpan {
  return {
    service: String(span.resource.attributes['service.name']),
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    name: span.name,
    kind: span.kind,
    attributes: { ...span.attributes },
  };
}
