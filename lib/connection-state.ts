import type { Logger } from './logger';

export type ConnectionStatus = 'connecting' | 'connected' | 'unreachable';

/**
 * The state of one connection to a shared server (Redis, PostgreSQL), logged once per change —
 * connected, unreachable, reconnected — instead of once per failed command: an outage of a minute
 * under load would otherwise write thousands of identical lines and hide everything else.
 */
export class ConnectionState {
  private current: ConnectionStatus = 'connecting';
  private wasConnected = false;
  /** Why the server was last found unreachable (for a start-up error message). */
  lastFailure: string | undefined;

  constructor(
    /** What the logs call this server, e.g. "redis" or "postgres". */
    private readonly server: string,
    private readonly logger: Logger,
  ) {}

  get status(): ConnectionStatus {
    return this.current;
  }

  /** A command (or the connection) succeeded. */
  up(): void {
    if (this.current === 'connected') return;
    const event = this.wasConnected ? 'reconnected' : 'connected';
    this.current = 'connected';
    this.wasConnected = true;
    this.logger.info({ event: `${this.server}.${event}` }, `${this.server} ${event}`);
  }

  /** The connection failed or was lost; `error` says why (its code, never a command's data). */
  down(error: unknown): void {
    this.lastFailure = reasonOf(error);
    if (this.current === 'unreachable') return;
    this.current = 'unreachable';
    this.logger.warn(
      { event: `${this.server}.unreachable`, reason: this.lastFailure },
      `${this.server} unreachable; retrying in the background`,
    );
  }
}

/** The error's code and message: connection errors name a host and port, never a key or a value. */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as Error & { code?: unknown }).code;
  // AggregateError (both IPv4 and IPv6 refused) has an empty message of its own.
  const message = error.message || (error instanceof AggregateError ? reasonOf(error.errors[0]) : '');
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}`.trim() : message;
}
