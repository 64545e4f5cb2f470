import type { Database, Queryable } from '../../../../lib/store/database';
import { EVENT_SOURCE, SUBSCRIPTION_ENDS, type CloudEvent, type DeadLetterModel } from './models';

/** Why a subscription ended (CAMARA `terminationReason`). */
export type TerminationReason = 'SUBSCRIPTION_EXPIRED' | 'SUBSCRIPTION_DELETED';

/** One claimed delivery, with what sending it needs. */
export interface DeliveryJob {
  id: string;
  subscriptionId: string;
  eventId: string;
  payload: CloudEvent;
  /** Attempts made, this one included. */
  attempts: number;
  sink: string;
  credential: string | null;
  secret: string;
}

/** A new delivery of one event to one subscription. */
export interface NewDelivery {
  subscriptionId: string;
  /** Orders the subscription's deliveries: the event's seq in the outbox (domain_events). */
  position: number | null;
  payload: CloudEvent;
}

interface JobRow extends Record<string, unknown> {
  id: string | number;
  subscription_id: string;
  event_id: string;
  payload: CloudEvent | string;
  attempts: number;
  sink: string;
  credential: string | null;
  secret: string;
}

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** A live subscription: neither deleted nor past its expiry (`s` is event_subscriptions). */
export const LIVE = `s.deleted_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now())`;

/**
 * The durable queue of webhook deliveries (table webhook_deliveries, migration 8). A delivery is
 * one event for one subscription (UNIQUE (subscription_id, event_id): an event handled twice is
 * queued once); it is pending until its sink accepts it, or dead after the last attempt.
 *
 * Order: a subscription's deliveries go out one at a time in `position` order. Only the first
 * pending delivery of a subscription can be claimed, so event n+1 waits while event n is retried
 * (until n is delivered or dead). Claiming takes a lease under FOR UPDATE SKIP LOCKED, so two
 * dispatchers (two orders processes) never send the same delivery at once; a dispatcher that
 * dies mid-send leaves a lease that runs out, and the delivery is sent again (at least once:
 * receivers drop a second copy of an event `id`).
 */
export class DeliveryQueue {
  constructor(private readonly db: Database) {}

  /** Queues deliveries; one already queued for the same subscription and event is left alone. */
  async enqueue(deliveries: readonly NewDelivery[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    return this.db.transaction(async (tx) => {
      let queued = 0;
      for (const d of deliveries) {
        const rows = await tx.query(
          `INSERT INTO webhook_deliveries (subscription_id, event_id, type, position, payload, state)
           VALUES ($1, $2, $3,
                   COALESCE($4::bigint,
                            (SELECT COALESCE(max(position), 0) + 1 FROM webhook_deliveries WHERE subscription_id = $1)),
                   $5, 'pending')
           ON CONFLICT (subscription_id, event_id) DO NOTHING
           RETURNING id`,
          [d.subscriptionId, d.payload.id, d.payload.type, d.position, JSON.stringify(d.payload)],
        );
        queued += rows.length;
      }
      return queued;
    });
  }

  /**
   * Ends a subscription inside `tx`: what it still had pending is given up (dead, with the reason)
   * and the final `org.ssm.subscription.ends` event is queued after everything else, once.
   */
  async end(tx: Queryable, subscriptionId: string, reason: TerminationReason): Promise<void> {
    await tx.query(
      `UPDATE webhook_deliveries SET state = 'dead', lease_until = NULL, last_error = $3
       WHERE subscription_id = $1 AND state = 'pending' AND type <> $2`,
      [
        subscriptionId,
        SUBSCRIPTION_ENDS,
        reason === 'SUBSCRIPTION_DELETED' ? 'subscription deleted' : 'subscription expired',
      ],
    );
    const event: CloudEvent = {
      specversion: '1.0',
      id: `${subscriptionId}:ends`,
      source: EVENT_SOURCE,
      type: SUBSCRIPTION_ENDS,
      time: new Date().toISOString(),
      subject: subscriptionId,
      datacontenttype: 'application/json',
      data: { subscriptionId, terminationReason: reason },
    };
    await tx.query(
      `INSERT INTO webhook_deliveries (subscription_id, event_id, type, position, payload, state)
       VALUES ($1, $2, $3,
               (SELECT COALESCE(max(position), 0) + 1 FROM webhook_deliveries WHERE subscription_id = $1),
               $4, 'pending')
       ON CONFLICT (subscription_id, event_id) DO NOTHING`,
      [subscriptionId, event.id, event.type, JSON.stringify(event)],
    );
  }

  /** Ends every subscription whose expiry has passed and that has not ended yet. */
  async endExpired(): Promise<number> {
    const due = await this.db.query<{ id: string }>(
      `SELECT s.id FROM event_subscriptions s
       WHERE s.deleted_at IS NULL AND s.expires_at <= now()
         AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.event_id = s.id || ':ends')`,
    );
    for (const { id } of due) await this.db.transaction((tx) => this.end(tx, id, 'SUBSCRIPTION_EXPIRED'));
    return due.length;
  }

  /**
   * Claims due deliveries for `leaseMs`, counting the attempt: only the first pending delivery of
   * each subscription, and only for live subscriptions (an ended one sends its `ends` event alone).
   */
  async claimDue(limit: number, leaseMs: number): Promise<DeliveryJob[]> {
    const rows = await this.db.query<JobRow>(
      `UPDATE webhook_deliveries d
       SET lease_until = now() + make_interval(secs => $2::double precision / 1000), attempts = d.attempts + 1
       FROM event_subscriptions s
       WHERE s.id = d.subscription_id AND d.state = 'pending' AND d.id IN (
         SELECT c.id FROM webhook_deliveries c JOIN event_subscriptions s ON s.id = c.subscription_id
         WHERE c.state = 'pending' AND c.next_attempt_at <= now()
           AND (c.lease_until IS NULL OR c.lease_until < now())
           AND (c.type = $3 OR (${LIVE}))
           AND NOT EXISTS (
             SELECT 1 FROM webhook_deliveries e
             WHERE e.subscription_id = c.subscription_id AND e.state = 'pending'
               AND (e.position, e.id) < (c.position, c.id))
         ORDER BY c.position, c.id
         LIMIT $1
         FOR UPDATE OF c SKIP LOCKED)
       RETURNING d.id, d.subscription_id, d.event_id, d.payload, d.attempts, s.sink, s.credential, s.secret`,
      [limit, leaseMs, SUBSCRIPTION_ENDS],
    );
    return rows.map((r) => ({
      id: String(r.id),
      subscriptionId: r.subscription_id,
      eventId: r.event_id,
      payload: json<CloudEvent>(r.payload),
      attempts: r.attempts,
      sink: r.sink,
      credential: r.credential,
      secret: r.secret,
    }));
  }

  async delivered(id: string): Promise<void> {
    await this.db.query(
      `UPDATE webhook_deliveries SET state = 'delivered', delivered_at = now(), lease_until = NULL, last_error = NULL
       WHERE id = $1 AND state = 'pending'`,
      [id],
    );
  }

  /** A failed attempt: retried after `retryInMs`, or dead when null (that was the last attempt). */
  async failed(id: string, error: string, retryInMs: number | null): Promise<void> {
    if (retryInMs === null) {
      await this.db.query(
        `UPDATE webhook_deliveries SET state = 'dead', lease_until = NULL, last_error = $2
         WHERE id = $1 AND state = 'pending'`,
        [id, error],
      );
      return;
    }
    await this.db.query(
      `UPDATE webhook_deliveries
       SET lease_until = NULL, last_error = $2, next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
       WHERE id = $1 AND state = 'pending'`,
      [id, error, retryInMs],
    );
  }

  async deadLetters(subscriptionId: string, limit: number): Promise<DeadLetterModel[]> {
    const rows = await this.db.query<{
      event_id: string;
      type: string;
      payload: CloudEvent | string;
      attempts: number;
      last_error: string | null;
    }>(
      `SELECT event_id, type, payload, attempts, last_error FROM webhook_deliveries
       WHERE subscription_id = $1 AND state = 'dead' ORDER BY id DESC LIMIT $2`,
      [subscriptionId, limit],
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      type: r.type,
      time: json<CloudEvent>(r.payload).time,
      attempts: r.attempts,
      lastError: r.last_error,
    }));
  }

  async pendingCount(subscriptionId: string): Promise<number> {
    const [row] = await this.db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM webhook_deliveries WHERE subscription_id = $1 AND state = 'pending'`,
      [subscriptionId],
    );
    return Number(row.n);
  }
}
