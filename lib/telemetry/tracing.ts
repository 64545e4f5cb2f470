import type http from 'node:http';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  createContextKey,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';

/**
 * Spans made by our own code, the same in tests and deployments: nothing is monkey-patched (Node's
 * http and undici are not auto-instrumented), each server and client of the system opens its span
 * here. Until lib/telemetry/sdk.ts starts an SDK every helper is a plain call: no span, no header.
 *
 * Spans belong to a service (`gateway`, `subgraph-billing`, `simulator-crm`): a server span names
 * its service and everything under it inherits it through the context, so when one process runs
 * every server (npm start, tests) a trace still shows which server did what.
 */
export type TracerSource = (service: string) => Tracer;

let source: TracerSource | null = null;
const SERVICE = createContextKey('ssm.telemetry.service');
/** Spans outside any server span (background work such as the orders outbox) go here. */
const PROCESS_SERVICE = 'process';

/** Set by the SDK when it starts (null when it stops). */
export function useTracers(next: TracerSource | null): void {
  source = next;
}

export function tracingEnabled(): boolean {
  return source !== null;
}

/** A short, data-free description of a failure for a span's status (never its message). */
function failureOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const extensions = (error as { extensions?: { code?: unknown } }).extensions;
    if (typeof extensions?.code === 'string') return extensions.code;
    if (error instanceof Error) return error.name;
  }
  return 'error';
}

/**
 * Runs `work` in a child span of the active one (for `service`, or the active span's service). A
 * throw marks the span as failed with the error's code only: error messages may quote input.
 */
export async function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; service?: string },
  work: (span: Span | null) => Promise<T>,
): Promise<T> {
  if (!source) return work(null);
  let parent = context.active();
  const service = options.service ?? (parent.getValue(SERVICE) as string | undefined) ?? PROCESS_SERVICE;
  if (options.service) parent = parent.setValue(SERVICE, service);
  const span = source(service).startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: failureOf(error) });
    throw error;
  } finally {
    span.end();
  }
}

/** Marks a span as failed with a code (answers that are errors without a throw). */
export function failSpan(span: Span | null, code: string): void {
  span?.setStatus({ code: SpanStatusCode.ERROR, message: code });
}

/**
 * Outgoing headers plus `traceparent` (W3C Trace Context) for the active span: undici's request()
 * is not instrumented, so each client calls this itself. Without tracing: `headers` unchanged.
 */
export function withTraceContext<H extends Record<string, string> | undefined>(
  headers: H,
): H | Record<string, string> {
  if (!source || !trace.getActiveSpan()) return headers;
  const out: Record<string, string> = { ...headers };
  propagation.inject(context.active(), out);
  return out;
}

export interface TracedServerOptions {
  /** The span's service: `gateway`, `subgraph-<name>`, `simulator-<system>`. */
  service: string;
  /** The route as a bounded template (`/graphql`), or null for requests not worth a span (probes). */
  routeOf: (req: http.IncomingMessage) => string | null;
  /**
   * Continue the caller's trace from its `traceparent`. Only for callers inside the system: at
   * the public edge a client could choose trace ids and force sampling, so the gateway starts
   * every trace itself.
   */
  continueTrace: boolean;
}

/**
 * Wraps a node:http request listener in a SERVER span (method, route, status code; never the URL,
 * which may hold ids), active while the listener runs, ended when the response is done.
 */
export function tracedServer(
  options: TracedServerOptions,
  listener: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  return (req, res) => {
    const tracers = source;
    const route = tracers ? options.routeOf(req) : null;
    if (!tracers || route === null) return listener(req, res);
    const method = req.method ?? 'GET';
    const base: Context = options.continueTrace
      ? propagation.extract(ROOT_CONTEXT, req.headers)
      : ROOT_CONTEXT;
    const parent = base.setValue(SERVICE, options.service);
    const span = tracers(options.service).startSpan(
      `${method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': route } },
      parent,
    );
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500 || !res.writableFinished) failSpan(span, String(res.statusCode));
      span.end();
    });
    context.with(trace.setSpan(parent, span), () => listener(req, res));
  };
}

/** The trace id of the active span (for logs that want to point at a trace), or undefined. */
export function activeTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span.spanContext().traceId : undefined;
}
