import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { useTracers } from './tracing';

/** OTLP export, as the configuration gives it (system/config: OTEL_EXPORTER_OTLP_*). */
export interface TelemetrySettings {
  /** Base URL of an OTLP/HTTP receiver (a collector's :4318); unset: no tracing at all. */
  endpoint?: string;
  /** Headers for the receiver (e.g. an API key). */
  headers?: Record<string, string>;
}

export interface Telemetry {
  readonly enabled: boolean;
  /** Sends the spans ended so far (tests, and before a planned exit). */
  flush(): Promise<void>;
  /** Flushes, then stops tracing in this process. */
  shutdown(): Promise<void>;
}

const DISABLED: Telemetry = { enabled: false, flush: async () => {}, shutdown: async () => {} };

/**
 * Starts OpenTelemetry tracing in this process, once, before its servers: OTLP over HTTP (JSON)
 * to `settings.endpoint`, W3C Trace Context propagation, AsyncLocalStorage for the active span.
 * Without an endpoint (or a test's exporter) nothing is registered and every span helper in
 * lib/telemetry/tracing.ts is a plain call. `mainService` is the service of the global tracer
 * provider, which @apollo/gateway's own spans (gateway.request, gateway.plan, ...) use; the
 * other servers of the process get a provider each (service.name `ssm-<service>`), sharing one
 * batch processor and exporter.
 */
export function startTelemetry(
  settings: TelemetrySettings,
  mainService: string,
  exporter?: SpanExporter,
): Telemetry {
  if (!settings.endpoint && !exporter) return DISABLED;
  const processor: SpanProcessor = new BatchSpanProcessor(
    exporter ??
      new OTLPTraceExporter({
        url: `${settings.endpoint?.replace(/\/$/, '')}/v1/traces`,
        headers: settings.headers,
      }),
  );
  const providers = new Map<string, BasicTracerProvider>();
  const providerOf = (service: string): BasicTracerProvider => {
    let provider = providers.get(service);
    if (!provider) {
      provider = new BasicTracerProvider({
        resource: resourceFromAttributes({ 'service.name': `ssm-${service}`, 'service.namespace': 'ssm' }),
        // Sampled when the caller's trace is (or always, at the edge): a trace is whole or absent.
        sampler: new ParentBasedSampler({ root: new AlwaysOnSampler() }),
        spanProcessors: [processor],
      });
      providers.set(service, provider);
    }
    return provider;
  };
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  // Trace context only: W3C baggage could carry whatever a caller puts in it.
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(providerOf(mainService));
  useTracers((service) => providerOf(service).getTracer('ssm-gateway'));
  return {
    enabled: true,
    flush: () => processor.forceFlush(),
    shutdown: async () => {
      useTracers(null);
      await processor.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}
