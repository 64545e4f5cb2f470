/**
 * Bounds on what subscriptions may hold at the gateway (issue 13). Constants, not settings: none of
 * them depends on the deployment, and tests pass smaller values through `createGateway`.
 */
export interface SubscriptionLimits {
  /** Open subscriptions on one WebSocket connection (an SSE request carries exactly one). */
  perConnection: number;
  /** Open subscriptions of one actor (user session or partner client) in this gateway process. */
  perActor: number;
  /**
   * Events matched but not yet taken by the client's connection, per subscription. A client that
   * stops reading lets them pile up; past this bound its subscription (SSE: its stream, WebSocket:
   * its connection) is closed rather than holding the gateway's memory.
   */
  bufferedEvents: number;
  /** A WebSocket connection with no subscription for this long is closed (idle timeout). */
  idleMs: number;
  /** WebSocket ping interval; a socket that has not answered the previous ping is terminated. */
  heartbeatMs: number;
  /**
   * A WebSocket that has not sent `connection_init` by then is closed. (SSE streams get graphql-sse's
   * own comment keep-alive every 12 s.)
   */
  connectionInitWaitMs: number;
  /**
   * Subscription checks (each a federated query, gateway/subscriptions/engine.ts checkTarget) run
   * at once in this process; the rest wait their turn. Thousands of clients reconnecting together
   * would otherwise send thousands of queries together, and those queued longest in the subgraph
   * and legacy connection pools would pass the subgraph deadline (docs/performance.md). The
   * deadline starts when a check runs, not while it waits.
   */
  checksInFlight: number;
  /**
   * Events re-resolved at once in this process (each a federated query as its subscriber); the
   * rest wait their turn, in order per subscription. Events published faster than the subgraphs
   * answer would otherwise all be sent on together: the subgraphs' queues would grow until the
   * oldest passed their deadline, and every subscriber would get UPSTREAM_TIMEOUT instead of the
   * event (docs/performance.md, 1,000 events/s). Waiting here, an event is late but delivered.
   */
  eventsInFlight: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = {
  perConnection: 20,
  perActor: 100,
  bufferedEvents: 100,
  idleMs: 60_000,
  heartbeatMs: 12_000,
  connectionInitWaitMs: 5_000,
  checksInFlight: 64,
  eventsInFlight: 64,
};
