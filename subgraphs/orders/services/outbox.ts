import { createHash } from 'node:crypto';
import { LegacyError } from '../../../lib/errors';
import type { EventOutbox } from '../../../lib/events/outbox';
import type { Database } from '../../../lib/store/database';
import type { OrderSubmission, SubmitResult } from '../../../legacy/ibss/client';
import type { OrderModel } from '../../../legacy/ibss/models';
import { queuedOrderCancelled } from './order-events';

/**
 * The order outbox (issue 6, exactly-once orders). Every order is written to the SSM store
 * before the IBSS is called. When the IBSS cannot be reached the client still gets an
 * acknowledged order (id `QO-...`) it can follow; the worker submits it once the IBSS is back.
 * A process that dies between writing and submitting loses nothing: the worker picks the row up.
 * The IBSS is idempotent on the request id, so a second submission of the same row (the request
 * and the worker racing, a lease that ran out) returns the same order instead of a new one.
 */
export type OutboxState = 'pending' | 'submitted' | 'rejected' | 'conflict' | 'cancelled';

export interface OutboxRow {
  requestId: string;
  queuedId: string;
  customerId: string;
  accountId: string;
  requestedBy: string;
  submission: OrderSubmission;
  fingerprint: string;
  state: OutboxState;
  orderId: string | null;
  reason: string | null;
  attempts: number;
  createdAt: string;
}

interface DbRow extends Record<string, unknown> {
  request_id: string;
  queued_id: string;
  customer_id: string;
  account_id: string;
  requested_by: string;
  submission: OrderSubmission | string;
  fingerprint: string;
  state: OutboxState;
  order_id: string | null;
  reason: string | null;
  attempts: number;
  created_at: Date | string;
}

const toRow = (r: DbRow): OutboxRow => ({
  requestId: r.request_id,
  queuedId: r.queued_id,
  customerId: r.customer_id,
  accountId: r.account_id,
  requestedBy: r.requested_by,
  submission: typeof r.submission === 'string' ? (JSON.parse(r.submission) as OrderSubmission) : r.submission,
  fingerprint: r.fingerprint,
  state: r.state,
  orderId: r.order_id,
  reason: r.reason,
  attempts: r.attempts,
  createdAt: new Date(r.created_at).toISOString(),
});

/** What makes two requests with the same key "the same order". */
export function fingerprintOf(s: OrderSubmission): string {
  return createHash('sha256')
    .update(JSON.stringify([s.accountId, s.note, s.items]))
    .digest('hex');
}

/** How long the request itself may take to submit before the worker considers the row. */
const REQUEST_GRACE_SECONDS = 15;
/** How long a worker owns a claimed row. */
const LEASE_SECONDS = 30;

export class OrderOutbox {
  constructor(
    private readonly db: Database,
    /** A queued order's cancellation is an `order.state-changed` of its own (no IBSS callback tells it). */
    private readonly events: Pick<EventOutbox, 'record' | 'publishSoon'>,
  ) {}

  /** Writes the order ahead of submission; returns the existing row when the key was used before. */
  async record(submission: OrderSubmission): Promise<OutboxRow> {
    const queuedId = `QO-${createHash('sha256').update(submission.requestId).digest('hex').slice(0, 20)}`;
    const inserted = await this.db.query<DbRow>(
      `INSERT INTO order_outbox (request_id, queued_id, customer_id, account_id, requested_by, submission,
                                 fingerprint, state, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', now() + ($8 || ' seconds')::interval)
       ON CONFLICT (request_id) DO NOTHING
       RETURNING *`,
      [
        submission.requestId,
        queuedId,
        submission.customerId,
        submission.accountId,
        submission.requestedBy,
        JSON.stringify(submission),
        fingerprintOf(submission),
        String(REQUEST_GRACE_SECONDS),
      ],
    );
    if (inserted[0]) return toRow(inserted[0]);
    const [existing] = await this.db.query<DbRow>(`SELECT * FROM order_outbox WHERE request_id = $1`, [
      submission.requestId,
    ]);
    return toRow(existing);
  }

  async byQueuedId(queuedId: string): Promise<OutboxRow | null> {
    const [row] = await this.db.query<DbRow>(`SELECT * FROM order_outbox WHERE queued_id = $1`, [queuedId]);
    return row ? toRow(row) : null;
  }

  async byRequestId(requestId: string): Promise<OutboxRow | null> {
    const [row] = await this.db.query<DbRow>(`SELECT * FROM order_outbox WHERE request_id = $1`, [requestId]);
    return row ? toRow(row) : null;
  }

  /** Records what the IBSS answered; a row that failed to reach it is retried with backoff. */
  async settle(requestId: string, result: SubmitResult | 'unreachable', attempts: number): Promise<void> {
    if (result === 'unreachable') {
      const delaySeconds = Math.min(30, 0.5 * 2 ** Math.min(attempts, 6));
      await this.db.query(
        `UPDATE order_outbox SET lease_until = NULL, updated_at = now(),
                next_attempt_at = now() + ($2 || ' seconds')::interval
         WHERE request_id = $1 AND state = 'pending'`,
        [requestId, String(delaySeconds)],
      );
      return;
    }
    const [state, orderId, reason] =
      result.kind === 'accepted'
        ? ['submitted', result.order.id, null]
        : result.kind === 'rejected'
          ? ['rejected', null, result.reason]
          : ['conflict', null, 'The request id was used for a different order.'];
    await this.db.query(
      `UPDATE order_outbox SET state = $2, order_id = $3, reason = $4, lease_until = NULL, updated_at = now()
       WHERE request_id = $1`,
      [requestId, state, orderId, reason],
    );
  }

  /** Claims pending rows that are due, for one worker, for a lease period. */
  async claimDue(limit: number): Promise<OutboxRow[]> {
    const rows = await this.db.query<DbRow>(
      `UPDATE order_outbox SET lease_until = now() + ($2 || ' seconds')::interval, attempts = attempts + 1,
              updated_at = now()
       WHERE request_id IN (
         SELECT request_id FROM order_outbox
         WHERE state = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
         ORDER BY created_at
         LIMIT $1
         FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [limit, String(LEASE_SECONDS)],
    );
    return rows.map(toRow);
  }

  /**
   * Takes a queued order out of the sending queue, unless a worker is sending it right now (then
   * the IBSS decides). Answers the row as it now is, or null when no such queued order exists.
   */
  async cancelQueued(queuedId: string): Promise<OutboxRow | null> {
    // The event is written with the cancellation: both or neither.
    const cancelled = await this.db.transaction(async (tx) => {
      const [row] = await tx.query<DbRow>(
        `UPDATE order_outbox SET state = 'cancelled', lease_until = NULL, updated_at = now()
         WHERE queued_id = $1 AND state = 'pending' AND (lease_until IS NULL OR lease_until < now())
         RETURNING *`,
        [queuedId],
      );
      if (row) await this.events.record(tx, [queuedOrderCancelled(toRow(row))]);
      return row !== undefined;
    });
    if (cancelled) this.events.publishSoon();
    return this.byQueuedId(queuedId);
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM order_outbox WHERE state = 'pending'`,
    );
    return Number(row.n);
  }
}

/** The IBSS could not be reached (down, hanging, circuit open): the order waits in the outbox. */
export function isUnreachable(error: unknown): boolean {
  return (
    error instanceof LegacyError &&
    error.system === 'ibss' &&
    (error.code === 'UPSTREAM_UNAVAILABLE' || error.code === 'UPSTREAM_TIMEOUT')
  );
}

/** How a queued order looks to the client until the IBSS has it. */
export function queuedOrder(row: OutboxRow): OrderModel {
  const state = row.state === 'rejected' || row.state === 'cancelled' ? row.state : 'acknowledged';
  return {
    id: row.queuedId,
    customerId: row.customerId,
    accountId: row.accountId,
    state,
    note: row.state === 'rejected' ? row.reason : row.submission.note,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt,
    completedAt: null,
    items: row.submission.items.map((item, i) => ({
      id: `${row.queuedId}-${i + 1}`,
      action: item.action,
      offeringId: item.offeringId ?? null,
      serviceId: item.serviceId ?? null,
      state,
      workOrderId: 'not yet issued',
      failureReason: row.state === 'rejected' ? row.reason : null,
    })),
  };
}
