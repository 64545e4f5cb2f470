import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../lib/logger';
import type { DeliveryJob, DeliveryQueue } from '../../subgraphs/orders/services/webhooks/delivery-queue';

/**
 * Stand-ins for the partner webhooks' unit tests (tests/unit/services-orders-webhooks-*.test.ts):
 * a logger that keeps its lines, a delivery queue over given batches, and a real HTTP sink.
 */

/** A logger that keeps every line with its level. */
export function levelLogger() {
  const lines: [string, Record<string, unknown>, string][] = [];
  const at = (level: string) => (fields: Record<string, unknown>, line: string) =>
    void lines.push([level, fields, line]);
  const logger = { info: at('info'), warn: at('warn'), error: at('error') } as unknown as Logger;
  return { lines, logger };
}

/** A queue handing out `batches` one per claim (then nothing), recording every call. */
export function batchQueue(batches: DeliveryJob[][] = []) {
  const calls: unknown[][] = [];
  const queue = {
    endExpired: async () => {
      calls.push(['endExpired']);
      return 0;
    },
    claimDue: async (limit: number, leaseMs: number) => {
      calls.push(['claimDue', limit, leaseMs]);
      return batches.shift() ?? [];
    },
    delivered: async (id: string) => void calls.push(['delivered', id]),
    failed: async (id: string, error: string, retryInMs: number | null) =>
      void calls.push(['failed', id, error, retryInMs]),
  };
  return { calls, queue: queue as unknown as DeliveryQueue, fake: queue };
}

export interface SinkRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A partner's sink: a real HTTP server on port 0 that answers with `answer(request)`. */
export async function startSink(
  answer: (request: SinkRequest) => {
    status: number;
    delayMs?: number;
    headers?: Record<string, string>;
  } = () => ({
    status: 200,
  }),
) {
  const received: SinkRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      received.push(request);
      const { status, delayMs = 0, headers = {} } = answer(request);
      setTimeout(() => res.writeHead(status, headers).end('sink says no'), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
