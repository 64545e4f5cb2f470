import { Agent, request, errors as undiciErrors } from 'undici';
import { z } from 'zod';
import type { LegacyUrls, SubgraphConfig } from '../lib/config';
import { LegacyError } from '../lib/errors';
import type { Resilience } from '../lib/resilience';
import { withTraceContext } from '../lib/telemetry/tracing';
import { isTimeoutOrAbort } from '../lib/timeouts';
import { observeLegacyCall } from './call-telemetry';
import type { Change } from './change';
import { itemsOf } from './payload-shapes';
import { localize, msg } from '../lib/i18n/text';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Where one legacy system is and how to call it; the wiring builds one per adapter. */
export interface LegacyEndpoint {
  baseUrl: string;
  /** Whole-request deadline; legacy systems that hang must not hold a resolver forever. */
  timeoutMs?: number;
  /** Upper bound on sockets to this system, so a slow system cannot exhaust the process. */
  connections?: number;
  /** The process's breakers and retry policies, shared by every adapter of a system. */
  resilience: Resilience;
}

/** One legacy system's endpoint, as a subgraph's configuration gives it. */
export function legacyEndpoint(
  config: Pick<SubgraphConfig, 'legacy' | 'legacyTimeoutMs' | 'resilience'>,
  system: keyof LegacyUrls,
): LegacyEndpoint {
  return { baseUrl: config.legacy[system], timeoutMs: config.legacyTimeoutMs, resilience: config.resilience };
}

export interface LegacyHttpOptions extends LegacyEndpoint {
  /** Name used in errors, logs and breaker health, e.g. "crm". */
  system: string;
}

export interface LegacyResponse<T> {
  status: number;
  body: T;
}

/** How legacy REST systems explain a refusal. */
const refusal = z.object({ reason: z.string().optional(), message: z.string().optional() });

/**
 * The one HTTP client every legacy adapter is built on: keep-alive sockets, a deadline per call,
 * failures mapped to the API's upstream error codes, the system's circuit breaker, and payloads
 * validated with zod before an adapter sees them. Adapters say which path and which schema; this
 * class decides what an answer means:
 * - 5xx, unreachable, too slow: thrown LegacyError (UPSTREAM_UNAVAILABLE / _TIMEOUT / _ERROR);
 * - a read answered 4xx: the adapter asked wrongly, thrown UPSTREAM_ERROR;
 * - a change answered 4xx: the system refused, returned as a Change (see legacy/change.ts);
 * - a body the schema does not accept: thrown UPSTREAM_ERROR, never passed on.
 * Only idempotent calls (GET, or those the adapter marks as reads) are retried; writes never are,
 * since a write that timed out may have happened.
 */
export class LegacyHttpClient {
  private readonly agent: Agent;
  private readonly timeoutMs: number;

  constructor(private readonly options: LegacyHttpOptions) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.agent = new Agent({ connections: options.connections ?? 32, keepAliveTimeout: 10_000 });
  }

  get system(): string {
    return this.options.system;
  }

  /** Sends a request; 2xx-4xx answers are returned, everything else becomes a LegacyError. */
  async send(
    method: HttpMethod,
    path: string,
    init: { body?: string; headers?: Record<string, string>; idempotent?: boolean } = {},
  ): Promise<LegacyResponse<string>> {
    return observeLegacyCall(this.system, { method, path, headers: init.headers }, () =>
      this.options.resilience.guarded(this.system, init.idempotent ?? method === 'GET', () =>
        this.sendOnce(method, path, init),
      ),
    );
  }

  /** JSON in and out; the body is unvalidated until `parse`. */
  async json(method: HttpMethod, path: string, body?: unknown): Promise<LegacyResponse<unknown>> {
    const response = await this.send(method, path, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', accept: 'application/json' },
    });
    try {
      return { status: response.status, body: response.body ? JSON.parse(response.body) : null };
    } catch {
      throw new LegacyError(
        this.system,
        'UPSTREAM_ERROR',
        `${this.system} answered with invalid JSON.`,
        response.status,
      );
    }
  }

  /** Reads a resource and validates it. */
  async getJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const response = await this.json('GET', path);
    if (response.status >= 400) throw this.refused(response.status);
    return this.parse(schema, response.body);
  }

  /** Reads a bulk answer (`{ items: [...] }`) and validates every item. */
  async getItems<T>(path: string, item: z.ZodType<T>): Promise<T[]> {
    return (await this.getJson(path, itemsOf(item))).items;
  }

  /** Asks for a change: the system's record on 2xx, its reason on a refusal (4xx). */
  async change<T>(
    method: Exclude<HttpMethod, 'GET'>,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
  ): Promise<Change<T>> {
    const response = await this.json(method, path, body);
    if (response.status === 409)
      return { ok: false, reason: localize('Conflicting change.'), conflict: true };
    if (response.status >= 400)
      return { ok: false, reason: this.reasonOf(response, localize(msg`Refused (HTTP ${response.status})`)) };
    return { ok: true, value: this.parse(schema, response.body) };
  }

  /**
   * Validates a payload at the boundary. `source` names the interface in the message when one
   * system serves several (the catalogue's ISMP).
   */
  parse<T>(schema: z.ZodType<T>, value: unknown, source = this.system): T {
    const result = schema.safeParse(value);
    if (!result.success)
      throw new LegacyError(
        this.system,
        'UPSTREAM_ERROR',
        `${source} returned data the adapter does not understand.`,
      );
    return result.data;
  }

  /** The reason a refusal's body gives; a body that is not a refusal is not understood. */
  reasonOf(response: LegacyResponse<unknown>, fallback: string): string {
    const body = this.parse(refusal, response.body);
    return body.reason ?? body.message ?? fallback;
  }

  /** A 4xx answer to a request that should not have been refused: the adapter's mistake. */
  refused(status: number, source = this.system): LegacyError {
    return new LegacyError(
      this.system,
      'UPSTREAM_ERROR',
      `${source} refused the request (HTTP ${status}).`,
      status,
    );
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private async sendOnce(
    method: HttpMethod,
    path: string,
    init: { body?: string; headers?: Record<string, string> },
  ): Promise<LegacyResponse<string>> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response;
    try {
      response = await request(new URL(path, this.options.baseUrl), {
        method,
        body: init.body,
        headers: withTraceContext(init.headers),
        dispatcher: this.agent,
        signal,
      });
    } catch (error) {
      throw this.mapTransportError(error);
    }
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      throw this.mapTransportError(error);
    }
    if (response.statusCode === 503) {
      throw new LegacyError(this.system, 'UPSTREAM_UNAVAILABLE', `${this.system} is unavailable.`, 503);
    }
    if (
      response.statusCode >= 500 &&
      !this.isSoapFault(response.statusCode, response.headers['content-type'])
    ) {
      throw new LegacyError(
        this.system,
        'UPSTREAM_ERROR',
        `${this.system} failed (HTTP ${response.statusCode}).`,
        response.statusCode,
      );
    }
    return { status: response.statusCode, body: text };
  }

  // SOAP 1.1 reports faults with HTTP 500 and a Fault body: the caller parses those.
  private isSoapFault(status: number, contentType: string | string[] | undefined): boolean {
    return status === 500 && String(contentType ?? '').includes('text/xml');
  }

  private mapTransportError(error: unknown): LegacyError {
    if (
      isTimeoutOrAbort(error) ||
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError
    ) {
      return new LegacyError(
        this.system,
        'UPSTREAM_TIMEOUT',
        `${this.system} did not answer within ${this.timeoutMs} ms.`,
      );
    }
    return new LegacyError(this.system, 'UPSTREAM_UNAVAILABLE', `${this.system} cannot be reached.`);
  }
}

/**
 * What every legacy adapter is: a class over its system's one HTTP client. A subclass names its
 * system in `system` (the name in errors, logs and breaker health); cached subclasses inherit it.
 */
export abstract class LegacyAdapter {
  constructor(protected readonly http: LegacyHttpClient) {}

  /**
   * Builds an adapter over a new HTTP client for its system at `endpoint`; `extra` is what a
   * subclass takes besides the client (a cached adapter's cache). `CrmAdapter.create(endpoint)`,
   * `CachedCrmAdapter.create(endpoint, cache)`.
   */
  static create<A, Extra extends unknown[]>(
    this: { new (http: LegacyHttpClient, ...extra: Extra): A; readonly system: string },
    endpoint: LegacyEndpoint,
    ...extra: Extra
  ): A {
    return new this(new LegacyHttpClient({ system: this.system, ...endpoint }), ...extra);
  }
}
