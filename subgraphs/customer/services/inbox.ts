import { randomUUID } from 'node:crypto';
import { badInput } from '../../../lib/errors';
import { domainEvent } from '../../../lib/events/event';
import type { EventOutbox } from '../../../lib/events/outbox';
import { SOURCE_LOCALE } from '../../../lib/i18n/locale';
import { localize, type Text } from '../../../lib/i18n/text';
import type { Database } from '../../../lib/store/database';
import type { NotificationEvent } from './notification-preferences';
import { isEvent } from './notification-preferences';

/** A notification as the schema shows it. */
export interface InboxNotification {
  id: string;
  kind: NotificationEvent;
  title: string;
  body: string;
  subjectId: string | null;
  createdAt: string;
  read: boolean;
}

/** What the notifier files for one user about one event. */
export interface NewNotification {
  eventId: string;
  userId: string;
  customerId: string;
  kind: NotificationEvent;
  subjectId: string | null;
  title: Text;
  body: Text;
}

interface Row extends Record<string, unknown> {
  seq: string | number | bigint;
  id: string;
  kind: string;
  title: string;
  body: string;
  subject_id: string | null;
  created_at: Date | string;
  read_at: Date | string | null;
  texts: StoredTexts | string | null;
}

/** The title and body as texts (migration 10): rendered in the reader's language when read. */
interface StoredTexts {
  title: Text;
  body: Text;
}

const COLUMNS = 'seq, id, kind, title, body, subject_id, created_at, read_at, texts';

/** In the language of the request reading the inbox; rows filed before migration 10 in English. */
function rendered(row: Row): { title: string; body: string } {
  const texts: StoredTexts | null =
    typeof row.texts === 'string' ? (JSON.parse(row.texts) as StoredTexts) : row.texts;
  return texts
    ? { title: localize(texts.title), body: localize(texts.body) }
    : { title: row.title, body: row.body };
}

/** A page of one user's inbox, newest first; `cursor` is each item's keyset cursor. */
export interface InboxPage {
  items: { cursor: string; node: InboxNotification }[];
  hasNextPage: boolean;
  totalCount: number;
  unreadCount: number;
}

/**
 * Keyset cursors over the inbox's sequence: new notifications arrive at the top while a user
 * pages down, and an offset would then show an item twice.
 */
function encodeCursor(seq: string): string {
  return Buffer.from(`n:${seq}`).toString('base64url');
}
function decodeCursor(cursor: string): string {
  const match = /^n:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput('after is not a cursor returned by this API.', 'after');
  return match[1];
}

function shown(row: Row): InboxNotification {
  // The CRM's event names are the schema's; a kind this version does not know is never stored.
  if (!isEvent(row.kind)) throw new Error(`notification ${row.id} has an unknown kind`);
  return {
    id: row.id,
    kind: row.kind,
    ...rendered(row),
    subjectId: row.subject_id,
    createdAt: new Date(row.created_at).toISOString(),
    read: row.read_at !== null,
  };
}

/**
 * The in-app inbox in the SSM store (F8, F9; migration 7). Every query names the user: nothing
 * here reads or changes another user's notifications, so callers cannot get that wrong.
 */
export class Inbox {
  constructor(
    private readonly db: Database,
    private readonly events: EventOutbox,
  ) {}

  /**
   * Files a notification and records `notification.created` in the same transaction, so the
   * gateway pushes it (notificationReceived) if and only if it is in the inbox. Null when this
   * user already has the notification of this event (the bus delivered the event again).
   */
  async add(notification: NewNotification): Promise<string | null> {
    const id = `NTF-${randomUUID()}`;
    const announced = this.events.recordAfter(
      'added',
      domainEvent({
        id: `notification:${id}`,
        type: 'notification.created',
        source: 'customer',
        customerId: notification.customerId,
        subjectId: id,
        recipients: [notification.userId],
        data: { kind: notification.kind },
      }),
      10,
    );
    // The notification and its event in one statement: both or neither, in one round trip.
    const rows = await this.db.query<{ id: string }>(
      `WITH added AS (
         INSERT INTO notifications (id, user_id, customer_id, kind, subject_id, title, body, event_id, texts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (event_id, user_id) DO NOTHING RETURNING id
       ), announced AS (${announced.sql})
       SELECT id FROM added`,
      [
        id,
        notification.userId,
        notification.customerId,
        notification.kind,
        notification.subjectId,
        localize(notification.title, SOURCE_LOCALE),
        localize(notification.body, SOURCE_LOCALE),
        notification.eventId,
        JSON.stringify({ title: notification.title, body: notification.body } satisfies StoredTexts),
        ...announced.params,
      ],
    );
    const created = rows.length > 0;
    if (!created) return null;
    this.events.publishSoon();
    return id;
  }

  /** One of the user's own notifications; null for another user's, like an unknown id. */
  async get(userId: string, id: string): Promise<InboxNotification | null> {
    const [row] = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM notifications WHERE user_id = $1 AND id = $2`,
      [userId, id],
    );
    return row ? shown(row) : null;
  }

  async page(
    userId: string,
    options: { unreadOnly: boolean; first: number; after: string | null },
  ): Promise<InboxPage> {
    const unread = options.unreadOnly ? 'AND read_at IS NULL' : '';
    const before = options.after ? decodeCursor(options.after) : null;
    const rows = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM notifications
       WHERE user_id = $1 ${unread} AND ($2::bigint IS NULL OR seq < $2::bigint)
       ORDER BY seq DESC LIMIT $3`,
      [userId, before, options.first + 1],
    );
    const [counts] = await this.db.query<{ total: number; unread: number }>(
      `SELECT count(*) FILTER (WHERE true ${unread})::int AS total,
              count(*) FILTER (WHERE read_at IS NULL)::int AS unread
       FROM notifications WHERE user_id = $1`,
      [userId],
    );
    return {
      items: rows
        .slice(0, options.first)
        .map((row) => ({ cursor: encodeCursor(String(row.seq)), node: shown(row) })),
      hasNextPage: rows.length > options.first,
      totalCount: counts.total,
      unreadCount: counts.unread,
    };
  }

  /** Marks the named notifications (or all) of the user read; ids of others change nothing. */
  async markRead(
    userId: string,
    ids: readonly string[] | 'all',
  ): Promise<{ marked: number; unreadCount: number }> {
    return this.db.transaction(async (tx) => {
      const marked = await tx.query<{ id: string }>(
        `UPDATE notifications SET read_at = now()
         WHERE user_id = $1 AND read_at IS NULL AND ($2::text[] IS NULL OR id = ANY($2::text[]))
         RETURNING id`,
        [userId, ids === 'all' ? null : ids],
      );
      const [{ unread }] = await tx.query<{ unread: number }>(
        'SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL',
        [userId],
      );
      return { marked: marked.length, unreadCount: unread };
    });
  }
}
