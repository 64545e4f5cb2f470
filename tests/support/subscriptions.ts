import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { createClient as createSseClient, type Client as SseClient } from 'graphql-sse';
import WebSocket from 'ws';
import { domainEvent, type NewDomainEvent } from '../../lib/events/event';
import type { RunningSystem } from '../../system/system';

/** A result as the clients hand it over: tests read the API's JSON as it comes. */
export interface Payload {
  data?: Record<string, any> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export type Transport = 'ws' | 'sse';

/** The real graphql-ws client, authenticated in `connection_init` (no retries: tests see every close). */
export function wsClient(system: Pick<RunningSystem, 'gatewayUrl'>, token?: string): WsClient {
  return createWsClient({
    url: system.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** The real graphql-sse client in distinct connections mode, authenticated by header. */
export function sseClient(system: Pick<RunningSystem, 'gatewayUrl'>, token?: string): SseClient {
  return createSseClient({
    url: system.gatewayUrl,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    singleConnection: false,
    retryAttempts: 0,
  });
}

/**
 * One subscription's stream as a test reads it: every payload, then how it ended (completed, or
 * the error it ended with). `next()` waits for the next payload, `ended()` for the end.
 */
export class Feed {
  readonly payloads: Payload[] = [];
  error: unknown = undefined;
  completed = false;
  private read = 0;
  private waiters: (() => void)[] = [];
  readonly stop: () => void;

  constructor(
    subscribe: (sink: { next(p: Payload): void; error(e: unknown): void; complete(): void }) => () => void,
  ) {
    this.stop = subscribe({
      next: (p) => this.notify(() => this.payloads.push(p)),
      error: (e) => this.notify(() => (this.error = e)),
      complete: () => this.notify(() => (this.completed = true)),
    });
  }

  private notify(change: () => unknown): void {
    change();
    for (const wake of this.waiters.splice(0)) wake();
  }

  private until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => (test() ? resolve() : this.waiters.push(check));
      this.waiters.push(check);
    });
  }

  get ended(): boolean {
    return this.completed || this.error !== undefined;
  }

  /** The next payload; throws when the stream ended first. */
  async next(): Promise<Payload> {
    await this.until(() => this.payloads.length > this.read || this.ended);
    if (this.payloads.length > this.read) return this.payloads[this.read++];
    throw new Error(`the subscription ended: ${describe(this.error)}`);
  }

  /** Waits for the end; resolves with the errors it ended with (none when it completed). */
  async end(): Promise<{ code?: unknown; message?: string; completed: boolean; payloads: Payload[] }> {
    await this.until(() => this.ended);
    const errors = errorsOf(this.error) ?? this.payloads.at(-1)?.errors;
    return {
      code: errors?.[0]?.extensions?.code,
      message: errors?.[0]?.message,
      completed: this.completed,
      payloads: this.payloads,
    };
  }
}

/** graphql-ws ends with an array of errors, or a CloseEvent; graphql-sse with an Error. */
function errorsOf(error: unknown): Payload['errors'] | undefined {
  if (Array.isArray(error)) return error as Payload['errors'];
  return undefined;
}

function describe(error: unknown): string {
  if (error === undefined) return 'completed';
  if (Array.isArray(error)) return JSON.stringify(error);
  if (error instanceof Error) return error.message;
  const close = error as { code?: number; reason?: string };
  return `closed ${close.code ?? ''} ${close.reason ?? ''}`;
}

/** Subscribes with the given transport's real client. */
export function subscribe(
  client: WsClient | SseClient,
  query: string,
  variables: Record<string, unknown> = {},
): Feed {
  return new Feed((sink) => (client as WsClient).subscribe<Record<string, any>>({ query, variables }, sink));
}

/** Polls a condition (the gateway has registered a subscription, a stream closed). */
export async function until(test: () => boolean | Promise<boolean>, what = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${what} never happened`);
}

/** Subscriptions the gateway holds open right now. */
export const openAtGateway = (system: Pick<RunningSystem, 'gateway'>): number =>
  system.gateway.subscriptions.registry.size;

/** Publishes events on the system's bus, as a subgraph's outbox relay would. */
export async function publish(
  system: Pick<RunningSystem, 'events'>,
  ...events: NewDomainEvent[]
): Promise<void> {
  await system.events.bus.publish(events.map((e) => domainEvent(e)));
}

/** A WebSocket speaking graphql-transport-ws by hand: for malformed messages and clients that stop reading. */
export class RawSocket {
  readonly messages: Record<string, any>[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as Record<string, any>);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        this.isClosed = true;
        for (const wake of this.waiters.splice(0)) wake();
        resolve({ code, reason: String(reason) });
      }),
    );
  }

  isClosed = false;

  /** `headers` go on the upgrade request (e.g. Accept-Language). */
  static async open(
    system: Pick<RunningSystem, 'gatewayUrl'>,
    headers: Record<string, string> = {},
  ): Promise<RawSocket> {
    const ws = new WebSocket(system.gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return new RawSocket(ws);
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Sends connection_init and waits for the ack. */
  async init(token?: string): Promise<void> {
    this.send({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} });
    await this.message((m) => m.type === 'connection_ack');
  }

  /** The first message (from the start) that passes `test`, waiting for it if need be. */
  async message(test: (m: Record<string, any>) => boolean): Promise<Record<string, any>> {
    for (;;) {
      const found = this.messages.find(test);
      if (found) return found;
      if (this.isClosed) throw new Error('the socket closed');
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}
