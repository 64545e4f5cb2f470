import type http from 'node:http';
import type { Locale } from '../lib/i18n/locale';
import { responseCacheRequests } from '../lib/metrics';
import { CACHE_STATUS_HEADER } from './response-cache';
import { CLIENT_HEADER } from './trusted-documents';

interface Entry {
  text: string;
  contentType: string;
  cacheControl: string;
  /** Age (s) the shared entry had when copied, and when the copy was made (ms). */
  age: number;
  storedAt: number;
  expiresAt: number;
}

export interface PublicResponseOptions {
  /** How long a copy may be answered from this process at most (ms). */
  maxAgeMs: number;
  maxEntries: number;
  /** Larger requests or answers are not copied. */
  maxRequestBytes: number;
  maxResponseBytes: number;
}

export const DEFAULT_PUBLIC_RESPONSE_OPTIONS: PublicResponseOptions = {
  maxAgeMs: 5_000,
  maxEntries: 500,
  maxRequestBytes: 4_096,
  maxResponseBytes: 512 * 1024,
};

/**
 * In-process copies of PUBLIC full-response cache entries, answered to anonymous requests whose
 * body is byte-for-byte one that was answered from (or stored in) the shared cache before.
 *
 * Why it is safe to answer before Apollo's pipeline: for an anonymous caller without a client
 * header, every check after authentication and the rate limit (request limits, input checks,
 * trusted documents, authorization) depends only on the request body, and the copied answer came
 * from a request with that same body that passed them all. PUBLIC entries are never invalidated
 * by tag, only by age, so a copy is served at most `maxAgeMs`, and never past the shared entry's
 * own max-age. Why: the hit path otherwise re-parses the entry from Redis and re-serialises it on
 * every request (docs/performance.md, lever 8).
 */
/** The same body asked in another language is another answer (issue 16 item 4). */
const keyOf = (raw: string, locale: Locale) => `${locale}\n${raw}`;

export class PublicResponses {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: PublicResponseOptions = DEFAULT_PUBLIC_RESPONSE_OPTIONS) {}

  /** Only plain JSON POSTs with no credentials and no client identification qualify. */
  static eligible(req: http.IncomingMessage): boolean {
    return (
      req.method === 'POST' &&
      req.headers.authorization === undefined &&
      req.headers[CLIENT_HEADER] === undefined &&
      (req.headers['content-type'] ?? '').startsWith('application/json')
    );
  }

  /** Answers `raw` in `locale` from a fresh copy; false when there is none. */
  answer(raw: string, locale: Locale, res: http.ServerResponse): boolean {
    const key = keyOf(raw, locale);
    const entry = this.entries.get(key);
    if (!entry) return false;
    const now = Date.now();
    if (now >= entry.expiresAt) {
      this.entries.delete(key);
      return false;
    }
    responseCacheRequests.inc({ result: 'hit' });
    res.writeHead(200, {
      'content-type': entry.contentType,
      'cache-control': entry.cacheControl,
      age: String(entry.age + Math.floor((now - entry.storedAt) / 1000)),
      [CACHE_STATUS_HEADER]: 'HIT',
      vary: 'Accept-Language',
    });
    res.end(entry.text);
    return true;
  }

  /** Copies an answer that the shared cache holds as PUBLIC (a HIT or a stored MISS). */
  remember(raw: string, locale: Locale, status: number, headers: Record<string, string>, text: string): void {
    const key = keyOf(raw, locale);
    const cacheStatus = headers[CACHE_STATUS_HEADER];
    const cacheControl = headers['cache-control'] ?? '';
    const maxAge = Number(/max-age=(\d+)/.exec(cacheControl)?.[1] ?? 0);
    if (
      status !== 200 ||
      (cacheStatus !== 'HIT' && cacheStatus !== 'MISS') ||
      !/\bpublic\b/.test(cacheControl) ||
      raw.length > this.options.maxRequestBytes ||
      text.length > this.options.maxResponseBytes
    )
      return;
    const age = Number(headers.age ?? 0);
    const now = Date.now();
    const remainingMs = (maxAge - age) * 1000;
    if (remainingMs <= 0) return;
    if (this.entries.size >= this.options.maxEntries && !this.entries.has(key)) {
      // Oldest first: Map keeps insertion order.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, {
      text,
      contentType: headers['content-type'] ?? 'application/json; charset=utf-8',
      cacheControl,
      age,
      storedAt: now,
      expiresAt: now + Math.min(remainingMs, this.options.maxAgeMs),
    });
  }
}
