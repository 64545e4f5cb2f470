import { headerLocale } from '../locale';
import type http from 'node:http';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { createHandler, type RequestParams } from 'graphql-sse';
import { BodyTooLargeError, readBody, sendJson } from '../../lib/http';
import { CLIENT_HEADER, resolveDocumentReference, type TrustedDocumentStore } from '../trusted-documents';
import type { SubscriptionEngine } from './engine';
import type { LiveSubscription } from './live';
import { openingResults } from './opening';

interface RequestContext {
  res: http.ServerResponse;
}

/** Resolves once `res` can take more (the client read what was queued) or is gone. */
function drained(res: http.ServerResponse): Promise<void> {
  if (!res.writableNeedDrain || res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

/**
 * Subscriptions over GraphQL over SSE (graphql-sse, distinct connections mode): a POST (or GET)
 * to /graphql with `Accept: text/event-stream` carries one subscription, authenticated by its
 * Authorization header, and its events come back on the response. graphql-sse sends a comment
 * keep-alive every 12 s. Its own node adapter is not used: it reads bodies without a size limit
 * and queues messages for a client that does not read; this one applies the request body limit
 * and waits for the socket to drain before taking the next event, so a client that stops reading
 * fills the subscription's bounded buffer and its stream is closed (LiveSubscription).
 */
export class SseTransport {
  private readonly open = new Map<http.ServerResponse, () => Promise<unknown>>();
  private closing = false;
  private readonly handler;

  constructor(
    private readonly engine: SubscriptionEngine,
    private readonly documents: TrustedDocumentStore,
    private readonly bodyLimitBytes: number,
  ) {
    this.handler = createHandler<http.IncomingMessage, RequestContext>({
      // No stream tokens: only distinct connections (one subscription per request) are served.
      authenticate: () => null,
      // The stream starts before the subscription is open (opening.ts): headers and the first
      // comment go out now, the payloads (or the refusal) once the engine has checked it.
      onSubscribe: (req, params) => openingResults(this.subscribe(req.raw, req.context.res, params)),
      // Backpressure: graphql-sse awaits this before queueing each payload for the response.
      onNext: async (_ctx, req) => drained(req.context.res),
    });
  }

  /** Authenticates and opens one subscription; a refusal is the stream's one payload. */
  private async subscribe(
    raw: http.IncomingMessage,
    res: http.ServerResponse,
    params: RequestParams,
  ): Promise<LiveSubscription | ExecutionResult> {
    const authorization = raw.headers.authorization;
    let actor;
    try {
      actor = await this.engine.authenticate(authorization, headerLocale(raw));
    } catch (error) {
      if (error instanceof GraphQLError) return { data: null, errors: [error] };
      throw error;
    }
    const client = raw.headers[CLIENT_HEADER];
    const opened = await this.engine.open(
      {
        actor,
        authorization,
        clientAddress: raw.socket.remoteAddress ?? '',
        clientName: typeof client === 'string' ? client : '',
        locale: await this.engine.localeOf(actor, raw),
      },
      params,
      { transport: 'sse', endStyle: 'last-result', openOnConnection: 0, onOverflow: () => res.destroy() },
    );
    return Array.isArray(opened) ? { data: null, errors: opened } : opened;
  }

  /** Whether a request is for this transport. */
  static wants(req: http.IncomingMessage): boolean {
    const accept = req.headers.accept ?? '';
    return (req.method === 'POST' || req.method === 'GET') && accept.startsWith('text/event-stream');
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.closing)
      return sendJson(res, 503, {
        errors: [{ message: 'Shutting down.', extensions: { code: 'UNAVAILABLE' } }],
      });
    let body: Record<string, unknown> | null = null;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(req, this.bodyLimitBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        return sendJson(
          res,
          413,
          { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] },
          { connection: 'close' },
        );
      }
      try {
        const parsed: unknown = JSON.parse(raw);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
          body = parsed as Record<string, unknown>;
      } catch {
        // graphql-sse answers the malformed body itself (400).
      }
      const refused = body ? resolveDocumentReference(body, this.documents) : null;
      if (refused)
        return sendJson(res, 400, { errors: [{ message: refused, extensions: { code: 'BAD_REQUEST' } }] });
      if (!body) body = null;
    }
    const [stream, init] = await this.handler({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: {
        // graphql-sse compares the Accept header exactly: `text/event-stream; charset=utf-8` is the same.
        get: (key) => (key === 'accept' ? 'text/event-stream' : (req.headers[key] as string | undefined)),
      },
      body: body ?? (req.method === 'POST' ? 'null' : null),
      raw: req,
      context: { res },
    });
    res.writeHead(init.status, init.statusText, init.headers);
    if (!stream || typeof stream === 'string') {
      res.end(stream);
      return;
    }
    const stop = () => stream.return();
    this.open.set(res, stop);
    res.once('close', stop);
    try {
      for await (const chunk of stream) {
        if (res.destroyed) break;
        if (!res.write(chunk)) await drained(res);
      }
    } finally {
      this.open.delete(res);
      res.off('close', stop);
      if (!res.destroyed) res.end();
    }
  }

  get size(): number {
    return this.open.size;
  }

  /** Ends every stream (the client sees the stream end) and refuses new ones. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.open.values()].map((stop) => stop()));
  }
}
