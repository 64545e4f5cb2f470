import { readFileSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import type { Logger } from './logger';

/**
 * Reads a request body up to `limitBytes`. Event listeners, not `for await`: the async iterator
 * costs a promise per chunk, measurable on the gateway's cached hit path (performance.md).
 * Past the limit it stops reading and rejects; the caller answers 413 and closes the connection.
 */
export function readBody(req: http.IncomingMessage, limitBytes = 1_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        done();
        req.pause();
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Request body larger than ${limitBytes} bytes.`);
  }
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

/**
 * The last resort of a server's request handler: a request whose handling threw is logged here
 * and answered 500 with a code only, so no internal detail (stack, upstream message) reaches the
 * client. Used as `handle().catch(failRequest(res, logger))`.
 */
export function failRequest(
  res: http.ServerResponse,
  logger: Logger,
  /** Added to the error's extensions (the gateway's request id). */
  extensions: Record<string, string> = {},
): (error: unknown) => void {
  return (error) => {
    logger.error({ err: error }, 'request failed');
    if (!res.headersSent)
      sendJson(res, 500, {
        errors: [
          { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', ...extensions } },
        ],
      });
  };
}

/**
 * Connections the kernel completes and holds for a server before it accepts them (the listen
 * backlog; Linux caps it at net.core.somaxconn, 4096 by default since 5.4). Node's default, 511, is
 * too short for a gateway holding thousands of subscription streams: when they all (re)connect at
 * once, e.g. after a restart, while the event loop is busy opening the first ones, connections past
 * the 511th have their SYN dropped and retry after 1 s, 3 s, 7 s... until the client's connect
 * timeout (undici's: 10 s, "fetch failed") gives up. Issue 13's bench failed this way at 4,000 to
 * 7,500 open of 10,000 (docs/performance.md, "Subscriptions").
 */
export const LISTEN_BACKLOG = 4096;

/** Listens on the given port (0 = any free port) and resolves with the bound port. */
export function listen(server: http.Server, port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A port free right now on 127.0.0.1, for a server that must be told its port before it starts. */
/** The lowest port of Linux's ephemeral range, where port-0 servers and outgoing connections get theirs. */
export function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 12_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

/**
 * A free port below the ephemeral range, for a process started later on it: a port from
 * `freePort()` lies inside that range, where another program's port-0 server or outgoing
 * connection can take it between the check and the child's listen.
 */
export async function freePortForChild(): Promise<number> {
  const ceiling = ephemeralLow() - 1;
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 10_000 + Math.floor(Math.random() * (ceiling - 10_000));
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  return freePort();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
