import { headerLocale } from '../locale';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, type Context } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { GraphQLError, parse } from 'graphql';
import { WebSocketServer } from 'ws';
import type { Logger } from '../../lib/logger';
import { CLIENT_HEADER } from '../trusted-documents';
import type { SubscriptionEngine, Subscriber } from './engine';
import type { SubscriptionLimits } from './limits';
import { LiveSubscription } from './live';

/**
 * graphql-ws runs a subscription's `subscribe` hook with the execution arguments `onSubscribe`
 * returned; the engine has already checked and opened the subscription, so the document here is
 * only a stand-in that makes graphql-ws take the subscription path.
 */
const STAND_IN = parse('subscription { notificationReceived { id } }');

/** What the gateway knows about one WebSocket connection. */
interface Connection {
  subscriber: Subscriber | null;
  open: Set<LiveSubscription>;
  /** Subscribe messages still being checked: they count against the limit too. */
  opening: number;
  idle: NodeJS.Timeout | null;
}

type ConnectionParams = Record<string, unknown> | undefined;

/**
 * Subscriptions over WebSocket (graphql-ws, subprotocol `graphql-transport-ws`) on the gateway's
 * /graphql path. Authentication on connect: `connection_init`'s `{ authorization: 'Bearer ...' }`
 * or the upgrade request's Authorization header. graphql-ws pings every `heartbeatMs` and
 * terminates a socket whose pong has not come by the next one; a connection with no subscription
 * for `idleMs` is closed.
 */
export class WebSocketTransport {
  private readonly wss: WebSocketServer;
  private readonly connections = new Map<Extra['socket'], Connection>();
  private readonly disposable: { dispose(): Promise<void> | void };
  private closing = false;

  constructor(
    private readonly engine: SubscriptionEngine,
    private readonly limits: SubscriptionLimits,
    maxPayloadBytes: number,
    private readonly logger: Logger,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: maxPayloadBytes });
    this.disposable = useServer<ConnectionParams>(
      {
        // No internals in close reasons or errors.
        isProd: true,
        connectionInitWaitTimeout: limits.connectionInitWaitMs,
        onConnect: (ctx) => this.connect(ctx),
        onSubscribe: async (ctx, _id, payload) => {
          const connection = this.connections.get(ctx.extra.socket);
          if (!connection?.subscriber)
            return [new GraphQLError('Connect again.', { extensions: { code: 'UNAUTHENTICATED' } })];
          const socket = ctx.extra.socket;
          const openOnConnection = connection.open.size + connection.opening;
          connection.opening++;
          let opened;
          try {
            opened = await this.engine.open(connection.subscriber, payload, {
              transport: 'ws',
              endStyle: 'throw',
              openOnConnection,
              // The client reads nothing: its socket is not worth a close handshake.
              onOverflow: () => socket.terminate(),
            });
          } finally {
            connection.opening--;
          }
          if (Array.isArray(opened)) return opened;
          connection.open.add(opened);
          this.touch(socket, connection);
          opened.onClose(() => {
            connection.open.delete(opened);
            this.touch(socket, connection);
          });
          return { schema: this.engine.schema, document: STAND_IN, contextValue: opened };
        },
        subscribe: (args) => {
          if (!(args.contextValue instanceof LiveSubscription)) throw new Error('subscription not opened');
          return args.contextValue.results();
        },
        onClose: (ctx) => {
          const connection = this.connections.get(ctx.extra.socket);
          this.connections.delete(ctx.extra.socket);
          if (!connection) return;
          if (connection.idle) clearTimeout(connection.idle);
          for (const live of [...connection.open]) live.close();
        },
      },
      this.wss,
      limits.heartbeatMs,
    );
  }

  private async connect(ctx: Context<ConnectionParams, Extra>): Promise<boolean> {
    const socket = ctx.extra.socket;
    const request = ctx.extra.request;
    const fromInit = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
    const authorization = typeof fromInit === 'string' ? fromInit : request.headers.authorization;
    try {
      const actor = await this.engine.authenticate(authorization, headerLocale(request));
      const client = ctx.connectionParams?.[CLIENT_HEADER] ?? request.headers[CLIENT_HEADER];
      const connection: Connection = {
        subscriber: {
          actor,
          authorization,
          clientAddress: request.socket.remoteAddress ?? '',
          clientName: typeof client === 'string' ? client : '',
          locale: await this.engine.localeOf(actor, request),
        },
        open: new Set(),
        opening: 0,
        idle: null,
      };
      this.connections.set(socket, connection);
      this.touch(socket, connection);
      return true;
    } catch (error) {
      // 4401 tells graphql-ws clients not to retry with the same credentials.
      const message = error instanceof Error ? error.message : 'Unauthorized';
      socket.close(CloseCode.Unauthorized, message.slice(0, 120));
      return false;
    }
  }

  /** (Re)starts the idle timer of a connection that has no subscription left. */
  private touch(socket: Extra['socket'], connection: Connection): void {
    if (connection.idle) clearTimeout(connection.idle);
    connection.idle = null;
    if (connection.open.size > 0 || this.closing) return;
    connection.idle = setTimeout(() => socket.close(4000, 'Idle: no subscription.'), this.limits.idleMs);
    connection.idle.unref();
  }

  /** The HTTP server's 'upgrade' handler: /graphql becomes a graphql-ws connection, nothing else does. */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const pathname = new URL(req.url ?? '/', 'http://gateway').pathname;
    if (this.closing || pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  get size(): number {
    return this.wss.clients.size;
  }

  /** Closes every connection (1001 Going away) and stops accepting new ones. */
  async close(): Promise<void> {
    this.closing = true;
    for (const connection of this.connections.values()) if (connection.idle) clearTimeout(connection.idle);
    // Every client is sent 1001 Going away; one that does not answer the close handshake soon is
    // cut, rather than holding the stop for ws's 30 s close timeout.
    const disposed = Promise.resolve(this.disposable.dispose()).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'websocket server close'),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([disposed, new Promise((resolve) => (timer = setTimeout(resolve, 1_000)))]);
    clearTimeout(timer);
    for (const client of this.wss.clients) client.terminate();
    await disposed;
  }
}
