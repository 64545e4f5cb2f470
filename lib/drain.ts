import type http from 'node:http';

/**
 * Step "drain": the requests in flight, so that a stopping gateway or subgraph (SIGTERM) can stop accepting
 * connections, let what it has started finish, and only then close. Without it a rolling update
 * or a scale-down cuts every request in flight (the client sees a reset socket, UND_ERR_SOCKET).
 */
export class Drain {
  private readonly inFlight = new Set<http.ServerResponse>();
  private draining = false;
  private onIdle: (() => void) | null = null;

  get isDraining(): boolean {
    return this.draining;
  }

  /** Counts a request until its response is done (or its client went away). */
  track(res: http.ServerResponse): void {
    this.inFlight.add(res);
    // While draining, answer but ask the client to open its next request elsewhere.
    if (this.draining) res.shouldKeepAlive = false;
    res.once('close', () => {
      this.inFlight.delete(res);
      if (this.inFlight.size === 0) this.onIdle?.();
    });
  }

  /**
   * Stops accepting connections, lets the requests in flight finish for up to `timeoutMs`, then
   * closes every connection left (idle keep-alive ones, and requests past the deadline). Resolves
   * with the number of requests the deadline cut (0 when all finished).
   */
  async drain(server: http.Server, timeoutMs: number): Promise<number> {
    this.draining = true;
    for (const res of this.inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Connections with no request in flight would otherwise hold close() until their keep-alive ends.
    server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      if (this.inFlight.size === 0) return resolve();
      this.onIdle = resolve;
      timer = setTimeout(resolve, timeoutMs);
    });
    clearTimeout(timer);
    const cut = this.inFlight.size;
    server.closeAllConnections();
    await closed;
    return cut;
  }
}
