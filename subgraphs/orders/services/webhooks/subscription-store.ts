import { randomBytes } from 'node:crypto';
import type { Database } from '../../../../lib/store/database';
import type { DeliveryQueue } from './delivery-queue';
import { LIVE } from './delivery-queue';
import {
  CLOUD_EVENT_TYPES,
  typeNameOf,
  type CloudEventType,
  type EventSubscriptionModel,
  type PartnerEventTypeName,
} from './models';

interface Row extends Record<string, unknown> {
  id: string;
  partner_id: string;
  types: string[];
  sink: string;
  credential: string | null;
  expires_at: Date | string | null;
  created_at: Date | string;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

const toModel = (r: Row): EventSubscriptionModel => ({
  id: r.id,
  partnerId: r.partner_id,
  types: r.types.flatMap((t) => {
    const name = typeNameOf(t);
    return name ? [name] : [];
  }),
  sink: r.sink,
  hasSinkCredential: r.credential !== null,
  expiresAt: r.expires_at === null ? null : iso(r.expires_at),
  createdAt: iso(r.created_at),
});

export interface NewSubscription {
  partnerId: string;
  types: PartnerEventTypeName[];
  sink: string;
  credential: string | null;
  expiresAt: Date | null;
}

/** A live subscription an event may go to, with the CloudEvents types it asked for. */
export interface Recipient {
  id: string;
  partnerId: string;
  types: CloudEventType[];
}

/**
 * Partners' event subscriptions (table event_subscriptions, migration 8). Every read and write
 * names the partner, so one partner's subscription is invisible to another (as if unknown).
 * Deleted subscriptions are kept (their deliveries refer to them) but never shown.
 */
export class SubscriptionStore {
  constructor(
    private readonly db: Database,
    private readonly queue: DeliveryQueue,
  ) {}

  /** Stores a new subscription; null when the partner already has a live one to that sink. */
  async create(
    input: NewSubscription,
  ): Promise<{ subscription: EventSubscriptionModel; secret: string } | null> {
    const id = `ES-${randomBytes(10).toString('hex')}`;
    // Shown to the partner once; kept to sign every delivery.
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const rows = await this.db.query<Row>(
      `INSERT INTO event_subscriptions (id, partner_id, types, sink, credential, secret, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (partner_id, sink) WHERE deleted_at IS NULL DO NOTHING
       RETURNING *`,
      [
        id,
        input.partnerId,
        input.types.map((t) => CLOUD_EVENT_TYPES[t]),
        input.sink,
        input.credential,
        secret,
        input.expiresAt?.toISOString() ?? null,
      ],
    );
    return rows[0] ? { subscription: toModel(rows[0]), secret } : null;
  }

  /** The partner's subscriptions that are not deleted (expired ones included), oldest first. */
  async list(partnerId: string): Promise<EventSubscriptionModel[]> {
    const rows = await this.db.query<Row>(
      `SELECT * FROM event_subscriptions WHERE partner_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`,
      [partnerId],
    );
    return rows.map(toModel);
  }

  /** One of the partner's subscriptions; null for another partner's, a deleted or an unknown id. */
  async get(partnerId: string, id: string): Promise<EventSubscriptionModel | null> {
    const [row] = await this.db.query<Row>(
      `SELECT * FROM event_subscriptions WHERE id = $1 AND partner_id = $2 AND deleted_at IS NULL`,
      [id, partnerId],
    );
    return row ? toModel(row) : null;
  }

  /** Deletes and ends it (the final `ends` event is queued); false when it is not the partner's. */
  async delete(partnerId: string, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(
        `UPDATE event_subscriptions SET deleted_at = now()
         WHERE id = $1 AND partner_id = $2 AND deleted_at IS NULL RETURNING id`,
        [id, partnerId],
      );
      if (rows.length === 0) return false;
      await this.queue.end(tx, id, 'SUBSCRIPTION_DELETED');
      return true;
    });
  }

  /** Live subscriptions of these partners asking for any of `types`. */
  async recipients(partnerIds: readonly string[], types: readonly CloudEventType[]): Promise<Recipient[]> {
    if (partnerIds.length === 0) return [];
    const rows = await this.db.query<{ id: string; partner_id: string; types: string[] }>(
      `SELECT s.id, s.partner_id, s.types FROM event_subscriptions s
       WHERE s.partner_id = ANY($1::text[]) AND s.types && $2::text[] AND ${LIVE}
       ORDER BY s.created_at, s.id`,
      [partnerIds, types],
    );
    return rows.map((r) => ({ id: r.id, partnerId: r.partner_id, types: r.types as CloudEventType[] }));
  }
}
