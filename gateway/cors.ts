import type http from 'node:http';

/** Which web pages on other origins may call the API from a browser (SSM_CORS_ORIGINS). */
export interface CorsOptions {
  /**
   * Exact origins (`https://selfcare.example.com`), or every port of one scheme and host
   * (`http://localhost:*`). Empty: no other origin may call the API from a browser.
   */
  origins: string[];
}

/** Development's allow-list (when SSM_CORS_ORIGINS is unset): pages served from this machine. */
export const DEVELOPMENT_CORS_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

/** `scheme://host[:port]` or `scheme://host:*`, nothing after: the form an allow-list entry takes. */
const ORIGIN_PATTERN = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:(\d{1,5}|\*))?$/i;

/** Whether `entry` is a valid allow-list entry (system/config checks SSM_CORS_ORIGINS with it). */
export const isOriginPattern = (entry: string): boolean => ORIGIN_PATTERN.test(entry);

/**
 * What a browser app may send: the API's own headers (Authorization, x-ssm-client), Apollo
 * Client's (its CSRF header, client awareness), trace and request ids.
 */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-ssm-client',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'traceparent',
  'tracestate',
  'x-request-id',
].join(', ');

/** Response headers a browser app may read besides the CORS-safelisted ones. */
const EXPOSED_HEADERS = [
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'retry-after',
  'www-authenticate',
  'x-ssm-cache',
  'x-request-id',
].join(', ');

/** How long a browser may reuse a preflight answer (Chromium caps it at 2 hours). */
const MAX_AGE_SECONDS = 600;

/**
 * The CORS step of the gateway's request path (before authentication: a preflight carries no
 * credentials, and a refused request's 401 or 429 must still be readable by the page).
 *
 * An allowed origin gets `Access-Control-Allow-Origin` set to itself (never `*`), on every
 * answer; a preflight (`OPTIONS` with `Access-Control-Request-Method`) is answered here: 204 with
 * the allowed methods and headers, or, from an origin not on the list, 403 without any CORS
 * header. Credentials (cookies) are not allowed: the API uses bearer tokens only. Everything else
 * goes on to Apollo Server, whose CSRF prevention still refuses simple cross-site requests (a form
 * post, a GET without a preflight header) whatever the origin.
 */
export class CorsPolicy {
  private readonly exact: Set<string>;
  /** `scheme://host:` of each any-port entry. */
  private readonly anyPort: string[];

  constructor(options: CorsOptions) {
    this.exact = new Set(options.origins.filter((o) => !o.endsWith(':*')).map((o) => o.toLowerCase()));
    this.anyPort = options.origins.filter((o) => o.endsWith(':*')).map((o) => o.slice(0, -1).toLowerCase());
  }

  allows(origin: string): boolean {
    const o = origin.toLowerCase();
    if (this.exact.has(o)) return true;
    return this.anyPort.some(
      (prefix) =>
        o === prefix.slice(0, -1) || (o.startsWith(prefix) && /^\d{1,5}$/.test(o.slice(prefix.length))),
    );
  }

  /** Sets the CORS headers of an answer; true when it answered the request (a preflight). */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    // With an allow-list, answers differ by origin: a cache in between must not give one
    // origin's answer to another.
    if (this.exact.size > 0 || this.anyPort.length > 0) res.setHeader('vary', 'Origin');
    const origin = req.headers.origin;
    if (origin === undefined) return false;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    const allowed = this.allows(origin);
    if (!allowed && !preflight) return false;
    if (!allowed) {
      const body = JSON.stringify({
        errors: [
          { message: "This origin is not in the API's CORS allow-list.", extensions: { code: 'FORBIDDEN' } },
        ],
      });
      res.writeHead(403, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return true;
    }
    res.setHeader('access-control-allow-origin', origin);
    if (!preflight) {
      res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
      return false;
    }
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': String(MAX_AGE_SECONDS),
      'content-length': '0',
    });
    res.end();
    return true;
  }
}
