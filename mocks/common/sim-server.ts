import http from 'node:http';
import { trace } from '@opentelemetry/api';
import { readBody, sendJson } from '../../lib/http';
import { pathTemplate } from '../../lib/telemetry/bounded-labels';
import { tracedServer } from '../../lib/telemetry/tracing';

/** Fault knobs every simulator offers (tests and demos flip them; see mocks/README.md). */
export interface FaultSettings {
  /** Added to every business call. */
  latencyMs: number;
  /** Share (0..1) of business calls answered with a server error. */
  errorRate: number;
  /** Share (0..1) of business calls that never answer (the client's deadline fires). */
  timeoutRate: number;
  /** When true every business call has its connection dropped, as a stopped system would. */
  down: boolean;
  /** The next N business calls are answered with a server error (deterministic, for tests). */
  failNext: number;
  /** When set, `failNext` counts only calls of this operation (e.g. "createPayment"). */
  failOperation: string | null;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  timeoutRate: 0,
  down: false,
  failNext: 0,
  failOperation: null,
};

export interface SimRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface SimResponse {
  status: number;
  body: unknown;
  /** Pre-serialised body (SOAP XML); when set, `body` is ignored. */
  raw?: string;
  headers?: Record<string, string>;
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  operation: string;
  handler: SimHandler;
  /** A change feed polled in the background (see `feed`). */
  background?: boolean;
}

/**
 * A legacy-system simulator: routes, call counters per operation, and fault injection.
 * `/_admin/*` endpoints are never counted or faulted so tests can always reach them.
 */
export class Simulator {
  readonly calls = new Map<string, number>();
  /** Business calls answered and the milliseconds their handlers took, per operation ('' = SOAP). */
  readonly timings = new Map<string, { calls: number; ms: number }>();
  faults: FaultSettings = { ...NO_FAULTS };
  private readonly routes: Route[] = [];
  private readonly hanging = new Set<http.ServerResponse>();
  private readonly feedPaths = new Set<string>();
  /** Server errors are rendered by the protocol (JSON problem or SOAP fault). */
  errorResponse: (message: string) => SimResponse = (message) => ({
    status: 500,
    body: { error: 'internal', message },
  });

  constructor(readonly name: string) {}

  route(method: string, path: string, operation: string, handler: SimHandler): this {
    const keys: string[] = [];
    const pattern = new RegExp(
      '^' +
        path.replace(/:([a-zA-Z]+)/g, (_m, key: string) => {
          keys.push(key);
          return '([^/]+)';
        }) +
        '$',
    );
    this.routes.push({ method, pattern, keys, operation, handler });
    return this;
  }

  /**
   * A change feed that pollers read every fraction of a second (`GET /fm/events`): not counted,
   * not traced and not failed by `failNext` or the error rates, so the call counts and injected
   * failures tests rely on stay the business calls'; `down` still drops it, as a stopped system's.
   */
  feed(path: string, handler: SimHandler): this {
    this.route('GET', path, '', handler);
    this.routes[this.routes.length - 1].background = true;
    this.feedPaths.add(path);
    return this;
  }

  /** Counts a call under an operation name; protocols that multiplex one URL (SOAP) call it themselves. */
  count(operation: string, n = 1): void {
    trace.getActiveSpan()?.setAttribute('ssm.legacy.operation', operation);
    this.calls.set(operation, (this.calls.get(operation) ?? 0) + n);
  }

  callCount(operation?: string): number {
    if (operation) return this.calls.get(operation) ?? 0;
    let total = 0;
    for (const n of this.calls.values()) total += n;
    return total;
  }

  resetCalls(): void {
    this.calls.clear();
  }

  setFaults(settings: Partial<FaultSettings>): void {
    this.faults = { ...this.faults, ...settings };
  }

  createServer(): http.Server {
    // Traced like a server of ours so that a trace reaches the legacy call it ends in; admin
    // calls and probes are not. The span gets the operation's name when it is counted.
    const untraced = (url: string) =>
      url.startsWith('/_admin/') || url === '/health' || this.feedPaths.has(url.split('?', 1)[0]);
    const traced = tracedServer(
      {
        service: `simulator-${this.name}`,
        continueTrace: true,
        routeOf: ({ url = '/' }) => (untraced(url) ? null : pathTemplate(url)),
      },
      (req, res) => {
        this.handle(req, res).catch((error: unknown) => {
          if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: String(error) });
          else res.destroy();
        });
      },
    );
    const server = http.createServer(traced);
    server.keepAliveTimeout = 30_000;
    server.on('close', () => {
      for (const res of this.hanging) res.destroy();
      this.hanging.clear();
    });
    return server;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    if (url.pathname.startsWith('/_admin/')) return this.admin(req, res, url.pathname);
    if (url.pathname === '/health' && req.method === 'GET') return this.health(req, res);

    const method = req.method ?? 'GET';
    let matched: { route: Route; params: Record<string, string> } | undefined;
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.pattern.exec(url.pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => (params[key] = decodeURIComponent(m[i + 1])));
      matched = { route, params };
      break;
    }
    if (!matched)
      return sendJson(res, 404, { error: 'notFound', message: `No route ${method} ${url.pathname}` });

    const body = await readBody(req, 5_000_000);
    if (matched.route.operation !== '') this.count(matched.route.operation);

    if (this.faults.down) {
      req.socket.destroy();
      return;
    }
    if (matched.route.background) return this.write(res, await this.run(matched, method, url, req, body));
    if (this.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, this.faults.latencyMs));
    if (this.faults.timeoutRate > 0 && Math.random() < this.faults.timeoutRate) {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (
      this.faults.failNext > 0 &&
      (this.faults.failOperation === null || this.faults.failOperation === matched.route.operation)
    ) {
      this.faults.failNext--;
      return this.write(res, this.errorResponse('Injected failure'));
    }
    if (this.faults.errorRate > 0 && Math.random() < this.faults.errorRate) {
      return this.write(res, this.errorResponse('Injected failure'));
    }
    // Handler time per operation (the look-up itself, without the network): the bench prints it.
    const started = performance.now();
    const result = await this.run(matched, method, url, req, body);
    const timing = this.timings.get(matched.route.operation) ?? { calls: 0, ms: 0 };
    timing.calls++;
    timing.ms += performance.now() - started;
    this.timings.set(matched.route.operation, timing);
    this.write(res, result);
  }

  private run(
    matched: { route: Route; params: Record<string, string> },
    method: string,
    url: URL,
    req: http.IncomingMessage,
    body: string,
  ): SimResponse | Promise<SimResponse> {
    return matched.route.handler({
      method,
      path: url.pathname,
      params: matched.params,
      query: url.searchParams,
      headers: req.headers,
      body,
    });
  }

  /**
   * The cheap probe subgraphs send to tell whether this system is there (lib/legacy-health.ts).
   * Not counted, and only `down` and `latencyMs` apply: a stopped or slow system must show, while
   * `failNext` and the random failures stay for the business calls tests count on.
   */
  private async health(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.faults.down) {
      req.socket.destroy();
      return;
    }
    if (this.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, this.faults.latencyMs));
    sendJson(res, 200, { status: 'ok', system: this.name });
  }

  private write(res: http.ServerResponse, result: SimResponse): void {
    if (result.raw !== undefined) {
      res.writeHead(result.status, { 'content-type': 'text/xml; charset=utf-8', ...result.headers });
      res.end(result.raw);
      return;
    }
    sendJson(res, result.status, result.body, result.headers);
  }

  private async admin(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    if (path === '/_admin/timings' && req.method === 'GET')
      return sendJson(res, 200, { system: this.name, timings: Object.fromEntries(this.timings) });
    if (path === '/_admin/timings' && req.method === 'DELETE') {
      this.timings.clear();
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/_admin/calls' && req.method === 'GET')
      return sendJson(res, 200, { system: this.name, calls: Object.fromEntries(this.calls) });
    if (path === '/_admin/calls' && req.method === 'DELETE') {
      this.resetCalls();
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/_admin/faults' && req.method === 'GET') return sendJson(res, 200, this.faults);
    if (path === '/_admin/faults' && req.method === 'PUT') {
      const parsed = parseFaults(await readBody(req));
      if (!parsed)
        return sendJson(res, 400, {
          error: 'badRequest',
          message: 'Expected {latencyMs?, errorRate?, timeoutRate?, down?, failNext?}',
        });
      this.setFaults(parsed);
      return sendJson(res, 200, this.faults);
    }
    return sendJson(res, 404, { error: 'notFound' });
  }
}

function parseFaults(text: string): Partial<FaultSettings> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const out: Partial<FaultSettings> = {};
  const rate = (x: unknown) => typeof x === 'number' && x >= 0 && x <= 1;
  if ('latencyMs' in v) {
    if (typeof v.latencyMs !== 'number' || v.latencyMs < 0) return undefined;
    out.latencyMs = v.latencyMs;
  }
  if ('errorRate' in v) {
    if (!rate(v.errorRate)) return undefined;
    out.errorRate = v.errorRate as number;
  }
  if ('timeoutRate' in v) {
    if (!rate(v.timeoutRate)) return undefined;
    out.timeoutRate = v.timeoutRate as number;
  }
  if ('failNext' in v) {
    if (typeof v.failNext !== 'number' || !Number.isInteger(v.failNext) || v.failNext < 0) return undefined;
    out.failNext = v.failNext;
  }
  if ('failOperation' in v) {
    if (v.failOperation !== null && typeof v.failOperation !== 'string') return undefined;
    out.failOperation = v.failOperation;
  }
  if ('down' in v) {
    if (typeof v.down !== 'boolean') return undefined;
    out.down = v.down;
  }
  return out;
}

/** Query helpers shared by the REST simulators. */
export function ids(query: URLSearchParams, name = 'ids'): string[] {
  return (query.get(name) ?? '').split(',').filter(Boolean);
}

export function page<T>(
  items: T[],
  query: URLSearchParams,
  maxLimit = 200,
): { items: T[]; total: number; offset: number; limit: number } {
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const limit = Math.min(maxLimit, Math.max(1, Number(query.get('limit') ?? 50) || 50));
  return { items: items.slice(offset, offset + limit), total: items.length, offset, limit };
}

export function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export const badRequest = (message: string): SimResponse => ({
  status: 400,
  body: { error: 'badRequest', message },
});
export const notFoundResponse = (message: string): SimResponse => ({
  status: 404,
  body: { error: 'notFound', message },
});
