import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './context';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's id is kept only when it is a plain token: it is logged and echoed as it is. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Step "request id": every request gets one — the caller's `x-request-id` (a proxy's, an app's)
 * when it is a plain token, a new UUID otherwise — returned in the `x-request-id` response header,
 * written on the request's access-log line and put in every error (`extensions.requestId`), so a
 * client's complaint, the log line and the trace meet. The request's own header is set to the id
 * too, so the subgraph fetches and later steps see the same one.
 */
export function assignRequestId(req: http.IncomingMessage, res: http.ServerResponse): string {
  const given = req.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

interface ErrorBody {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** An error body the gateway answers itself (401, 429, 503...), with the request id in each error. */
export function withRequestId<T extends ErrorBody>(body: T, requestId: string): T {
  if (!body.errors) return body;
  return {
    ...body,
    errors: body.errors.map((e) => ({ ...e, extensions: { ...e.extensions, requestId } })),
  };
}

/** Puts the request id in every GraphQL error Apollo answers with (partial results included). */
export function requestIdInErrors(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const requestId = contextValue.request.id;
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) => ({
            ...e,
            extensions: { ...e.extensions, requestId },
          }));
        },
      };
    },
  };
}
