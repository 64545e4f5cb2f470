import { Agent, request, errors as undiciErrors } from 'undici';
import { LegacyError } from '../lib/errors';
import { guarded } from '../lib/resilience';
import { isTimeoutOrAbort } from '../lib/timeouts';

export interface LegacyHttpOptions {
  /** Name used in errors and logs, e.g. "crm". */
  system: string;
  baseUrl: string;
  /** Whole-request deadline; legacy systems that hang must not hold a resolver forever. */
  timeoutMs?: number;
  /** Upper bound on sockets to this system, so a slow system cannot exhaust the process. */
  connections?: number;
}

export interface LegacyResponse<T> {
  status: number;
  body: T;
}

/**
 * HTTP client for one legacy system: keep-alive sockets, a deadline per call, failures mapped to
 * the API's upstream error codes, and the system's circuit breaker (lib/resilience.ts). Only
 * idempotent calls (GET, or those the adapter marks as reads) are retried; writes never are.
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

  /** Sends a request; 2xx and 4xx answers are returned, everything else becomes a LegacyError. */
  async send(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    init: { body?: string; headers?: Record<string, string>; idempotent?: boolean } = {},
  ): Promise<LegacyResponse<string>> {
    return guarded(this.system, init.idempotent ?? method === 'GET', () => this.sendOnce(method, path, init));
  }

  private async sendOnce(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    init: { body?: string; headers?: Record<string, string> },
  ): Promise<LegacyResponse<string>> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response;
    try {
      response = await request(new URL(path, this.options.baseUrl), {
        method,
        body: init.body,
        headers: init.headers,
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

  /** JSON convenience: 404 becomes null so callers can report NOT_FOUND in their own words. */
  async json<T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LegacyResponse<T>> {
    const response = await this.send(method, path, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    });
    let parsed: T;
    try {
      parsed = (response.body ? JSON.parse(response.body) : null) as T;
    } catch {
      throw new LegacyError(
        this.system,
        'UPSTREAM_ERROR',
        `${this.system} answered with invalid JSON.`,
        response.status,
      );
    }
    return { status: response.status, body: parsed };
  }

  async close(): Promise<void> {
    await this.agent.close();
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
