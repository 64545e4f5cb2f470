import type http from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type ContextThunk } from '@apollo/server';
import { BodyTooLargeError, readBody, sendJson } from './http';

/**
 * Serves an ApolloServer on a plain node:http request. Apollo Server 5 ships no HTTP framework
 * integration we want to depend on; this is the small adapter its docs describe.
 */
export async function handleGraphQL<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  context: ContextThunk<TContext>,
  options: {
    bodyLimitBytes?: number;
    /** Rewrites the parsed body before Apollo sees it; a returned message is a 400 BAD_REQUEST. */
    prepareBody?: (body: unknown) => string | null;
    /** Sees the raw POST body first; returns true when it has answered the request itself. */
    answerRaw?: (raw: string) => boolean;
    /** Told of every complete answer: the raw POST body, status, headers and response text. */
    answered?: (raw: string, status: number, headers: Record<string, string>, text: string) => void;
    /**
     * Added to the extensions of every error answered here or refused by Apollo before its plugins
     * run (malformed requests): the gateway's request id.
     */
    errorExtensions?: Record<string, string>;
  } = {},
): Promise<void> {
  const bodyLimitBytes = options.bodyLimitBytes ?? 1_000_000;
  const extra = options.errorExtensions ?? {};
  let body: unknown = undefined;
  let raw = '';
  if (req.method === 'POST') {
    try {
      raw = await readBody(req, bodyLimitBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // The rest of the body stays unread: close the connection rather than reuse it.
        sendJson(
          res,
          413,
          { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST', ...extra } }] },
          { connection: 'close' },
        );
        return;
      }
      throw error;
    }
    if (options.answerRaw?.(raw)) return;
    try {
      body = raw.length ? JSON.parse(raw) : {};
    } catch {
      sendJson(res, 400, {
        errors: [
          { message: 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST', ...extra } },
        ],
      });
      return;
    }
    const refused = options.prepareBody?.(body);
    if (refused) {
      sendJson(res, 400, { errors: [{ message: refused, extensions: { code: 'BAD_REQUEST', ...extra } }] });
      return;
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context,
  });
  const outHeaders: Record<string, string> = {};
  for (const [key, value] of response.headers) outHeaders[key] = value;
  res.writeHead(response.status ?? 200, outHeaders);
  if (response.body.kind === 'complete') {
    const status = response.status ?? 200;
    res.end(
      status >= 400 && options.errorExtensions
        ? withExtensions(response.body.string, extra)
        : response.body.string,
    );
    if (req.method === 'POST')
      options.answered?.(raw, response.status ?? 200, outHeaders, response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * An error answer with `extra` in each error's extensions. Only for non-2xx answers, which are
 * small: a 2xx answer's errors get them from a plugin, without re-reading the body.
 */
function withExtensions(text: string, extra: Record<string, string>): string {
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: Record<string, unknown> }[] };
    if (!Array.isArray(body.errors)) return text;
    for (const error of body.errors) error.extensions = { ...error.extensions, ...extra };
    return JSON.stringify(body);
  } catch {
    return text;
  }
}
