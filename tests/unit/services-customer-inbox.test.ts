import type { GraphQLError } from 'graphql';
import type { EventBus } from '../../lib/events/bus';
import { EventOutbox } from '../../lib/events/outbox';
import { withRequestLocale } from '../../lib/i18n/request-locale';
import { msg } from '../../lib/i18n/text';
import type { Database } from '../../lib/store/database';
import { migrate } from '../../lib/store/migrations';
import { Inbox, type NewNotification } from '../../subgraphs/customer/services/inbox';
import { scratchDatabase, type ScratchDatabase } from '../../system/kit/scratch-database';

/**
 * F8/F9: the in-app inbox (services/inbox.ts) on a real PostgreSQL schema of its own: its code is
 * SQL. One migration for the file; each test uses users of its own.
 */

let database: ScratchDatabase;
beforeAll(async () => {
  database = await scratchDatabase({
    url: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    schema: `ssm_inbox_${Date.now().toString(36)}_${process.pid}`,
    maxConnections: 2,
  });
  await migrate(database.db);
});
afterAll(async () => {
  await database.drop();
});

/** The inbox over the scratch schema; the outbox writes events but publishes nothing. */
function inbox(db: Database = database.db) {
  const outbox = new EventOutbox(database.db, {} as EventBus);
  const published = jest.spyOn(outbox, 'publishSoon').mockImplementation(() => undefined);
  return { inbox: new Inbox(db, outbox), outbox, published };
}

const notification = (
  userId: string,
  eventId: string,
  extra: Partial<NewNotification> = {},
): NewNotification => ({
  eventId,
  userId,
  customerId: 'C-1',
  kind: 'BILL_ISSUED',
  subjectId: 'B-1',
  title: msg`New bill ${'B-1'}`,
  body: msg`Your bill ${'B-1'} is ready.`,
  ...extra,
});

const eventsAbout = (id: string) =>
  database.db.query<{ id: string; type: string; payload: Record<string, unknown> }>(
    "SELECT id, type, payload FROM domain_events WHERE payload->>'subjectId' = $1",
    [id],
  );

describe('F8 inbox: filing', () => {
  it('F8: a notification is filed with its English text and its texts, and notification.created is recorded', async () => {
    const { inbox: box, published } = inbox();
    const id = await box.add(notification('U-add', 'EV-add'));
    expect(id).toMatch(/^NTF-[0-9a-f-]{36}$/);
    const [row] = await database.db.query<Record<string, unknown>>(
      'SELECT user_id, customer_id, kind, subject_id, title, body, event_id, texts, read_at FROM notifications WHERE id = $1',
      [id],
    );
    expect(row).toEqual({
      user_id: 'U-add',
      customer_id: 'C-1',
      kind: 'BILL_ISSUED',
      subject_id: 'B-1',
      title: 'New bill B-1',
      body: 'Your bill B-1 is ready.',
      event_id: 'EV-add',
      texts: {
        title: { id: 'New bill {0}', values: ['B-1'] },
        body: { id: 'Your bill {0} is ready.', values: ['B-1'] },
      },
      read_at: null,
    });
    const events = await eventsAbout(id as string);
    expect(events).toHaveLength(1);
    expect(events[0].id).toBe(`notification:${id}`);
    expect(events[0].type).toBe('notification.created');
    expect(events[0].payload).toMatchObject({
      id: `notification:${id}`,
      type: 'notification.created',
      source: 'customer',
      customerId: 'C-1',
      subjectId: id,
      recipients: ['U-add'],
      data: { kind: 'BILL_ISSUED' },
    });
    expect(published).toHaveBeenCalledTimes(1);
  });

  it('F8: the same event for the same user again files nothing and records nothing', async () => {
    const { inbox: box, published } = inbox();
    const first = await box.add(notification('U-dup', 'EV-dup'));
    expect(await box.add(notification('U-dup', 'EV-dup'))).toBeNull();
    expect(published).toHaveBeenCalledTimes(1);
    const rows = await database.db.query('SELECT id FROM notifications WHERE user_id = $1', ['U-dup']);
    expect(rows).toEqual([{ id: first }]);
    // Another user hears of the same event.
    expect(await box.add(notification('U-dup2', 'EV-dup'))).toMatch(/^NTF-/);
  });

  it('F8: no event, no notification: a failed event record rolls the filing back', async () => {
    const { inbox: box, outbox, published } = inbox();
    // The event's row fails in the database (a null primary key), inside the filing's statement.
    const real = outbox.recordAfter.bind(outbox);
    jest.spyOn(outbox, 'recordAfter').mockImplementation((after, event, from) => {
      const step = real(after, event, from);
      return { sql: step.sql, params: [null, ...step.params.slice(1)] };
    });
    await expect(box.add(notification('U-rollback', 'EV-rb'))).rejects.toThrow(/null value in column "id"/);
    expect(
      await database.db.query('SELECT id FROM notifications WHERE user_id = $1', ['U-rollback']),
    ).toEqual([]);
    expect(published).not.toHaveBeenCalled();
  });
});

describe('F8 inbox: reading', () => {
  it("F8: a user reads their own notification in the request's language; another user's is null", async () => {
    const { inbox: box } = inbox();
    const id = (await box.add(notification('U-get', 'EV-get', { subjectId: null }))) as string;
    const shown = await box.get('U-get', id);
    expect(shown).toEqual({
      id,
      kind: 'BILL_ISSUED',
      title: 'New bill B-1',
      body: 'Your bill B-1 is ready.',
      subjectId: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown as string,
      read: false,
    });
    expect(Math.abs(Date.parse(shown?.createdAt as string) - Date.now())).toBeLessThan(60_000);
    const chinese = await withRequestLocale('zh-Hans', () => box.get('U-get', id));
    expect([chinese?.title, chinese?.body]).toEqual(['新账单 B-1', '您的账单 B-1 已出账。']);
    expect(await box.get('U-other', id)).toBeNull();
    expect(await box.get('U-get', 'NTF-unknown')).toBeNull();
  });

  it('F8: a notification filed before texts were kept reads as stored, in any language', async () => {
    await database.db.query(
      `INSERT INTO notifications (id, user_id, customer_id, kind, subject_id, title, body, event_id, read_at, created_at)
       VALUES ('NTF-old', 'U-old', 'C-1', 'TICKET_UPDATED', 'T-1', 'Old title', 'Old body', 'EV-old', now(), '2026-01-02T03:04:05Z')`,
    );
    const { inbox: box } = inbox();
    expect(await withRequestLocale('zh-Hans', () => box.get('U-old', 'NTF-old'))).toEqual({
      id: 'NTF-old',
      kind: 'TICKET_UPDATED',
      title: 'Old title',
      body: 'Old body',
      subjectId: 'T-1',
      createdAt: '2026-01-02T03:04:05.000Z',
      read: true,
    });
  });

  it('F8: texts a driver hands back as JSON text are parsed', async () => {
    const { inbox: filer } = inbox();
    const id = (await filer.add(notification('U-json', 'EV-json'))) as string;
    const asText: Database = {
      transaction: (fn) => database.db.transaction(fn),
      close: async () => undefined,
      query: async <T extends Record<string, unknown>>(sql: string, params?: unknown[]) =>
        (await database.db.query<T>(sql, params)).map((r) =>
          r.texts ? ({ ...r, texts: JSON.stringify(r.texts) } as T) : r,
        ),
    };
    const { inbox: box } = inbox(asText);
    const shown = await withRequestLocale('zh-Hans', () => box.get('U-json', id));
    expect(shown?.title).toBe('新账单 B-1');
  });

  it('F8: a stored kind this version does not know is an error, not a notification', async () => {
    await database.db.query(
      `INSERT INTO notifications (id, user_id, customer_id, kind, title, body, event_id)
       VALUES ('NTF-odd', 'U-odd', 'C-1', 'FAX_RECEIVED', 't', 'b', 'EV-odd')`,
    );
    const { inbox: box } = inbox();
    await expect(box.get('U-odd', 'NTF-odd')).rejects.toThrow('notification NTF-odd has an unknown kind');
  });
});

/** Files `n` notifications for `userId`, oldest first; answers their ids. */
async function fill(userId: string, n: number): Promise<string[]> {
  const { inbox: box } = inbox();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await box.add(notification(userId, `EV-${userId}-${i}`))) as string);
  return ids;
}

describe('F8 inbox: pages and read marks', () => {
  it('F8: newest first, a page at a time by keyset cursor, with counts', async () => {
    const ids = await fill('U-page', 5);
    const { inbox: box } = inbox();
    const first = await box.page('U-page', { unreadOnly: false, first: 2, after: null });
    expect(first.items.map((i) => i.node.id)).toEqual([ids[4], ids[3]]);
    expect(first.hasNextPage).toBe(true);
    expect([first.totalCount, first.unreadCount]).toEqual([5, 5]);
    const [{ seq }] = await database.db.query<{ seq: string }>(
      'SELECT seq FROM notifications WHERE id = $1',
      [ids[3]],
    );
    expect(Buffer.from(first.items[1].cursor, 'base64url').toString()).toBe(`n:${seq}`);
    expect(first.items[1].cursor).not.toMatch(/[=+/]/);

    const second = await box.page('U-page', { unreadOnly: false, first: 2, after: first.items[1].cursor });
    expect(second.items.map((i) => i.node.id)).toEqual([ids[2], ids[1]]);
    expect(second.hasNextPage).toBe(true);
    const last = await box.page('U-page', { unreadOnly: false, first: 2, after: second.items[1].cursor });
    expect(last.items.map((i) => i.node.id)).toEqual([ids[0]]);
    expect(last.hasNextPage).toBe(false);
    // Exactly a page left: no next page.
    const exact = await box.page('U-page', { unreadOnly: false, first: 3, after: first.items[1].cursor });
    expect(exact.items).toHaveLength(3);
    expect(exact.hasNextPage).toBe(false);
  });

  it('F8: read marks: named ids of the user, or all; unread-only pages count the unread', async () => {
    const ids = await fill('U-read', 4);
    const [other] = await fill('U-read-other', 1);
    const { inbox: box } = inbox();
    expect(await box.markRead('U-read', [ids[0], ids[1], other, 'NTF-none'])).toEqual({
      marked: 2,
      unreadCount: 2,
    });
    expect((await box.get('U-read', ids[0]))?.read).toBe(true);
    expect((await box.get('U-read', ids[2]))?.read).toBe(false);
    expect((await box.get('U-read-other', other))?.read).toBe(false);
    // Already read: not marked again.
    expect(await box.markRead('U-read', [ids[0]])).toEqual({ marked: 0, unreadCount: 2 });

    const unread = await box.page('U-read', { unreadOnly: true, first: 10, after: null });
    expect(unread.items.map((i) => i.node.id)).toEqual([ids[3], ids[2]]);
    expect([unread.totalCount, unread.unreadCount]).toEqual([2, 2]);
    const all = await box.page('U-read', { unreadOnly: false, first: 10, after: null });
    expect(all.items.map((i) => [i.node.id, i.node.read])).toEqual([
      [ids[3], false],
      [ids[2], false],
      [ids[1], true],
      [ids[0], true],
    ]);
    expect([all.totalCount, all.unreadCount]).toEqual([4, 2]);

    expect(await box.markRead('U-read', 'all')).toEqual({ marked: 2, unreadCount: 0 });
    expect(await box.markRead('U-read-other', [])).toEqual({ marked: 0, unreadCount: 1 });
  });

  it.each([
    ['not base64 of a cursor', 'bm90LWEtY3Vyc29y'],
    ['text before the cursor', Buffer.from('xn:5').toString('base64url')],
    ['text after the cursor', Buffer.from('n:5x').toString('base64url')],
    ['no number', Buffer.from('n:').toString('base64url')],
    ['19 digits', Buffer.from(`n:${'1'.repeat(19)}`).toString('base64url')],
  ])('F8: an after that is %s is bad input on after', async (_name, after) => {
    const { inbox: box } = inbox();
    const error = (await box
      .page('U-page', { unreadOnly: false, first: 2, after })
      .catch((e: unknown) => e)) as GraphQLError;
    expect(error.message).toBe('after is not a cursor returned by this API.');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('F8: an 18-digit cursor is a cursor (past everything)', async () => {
    const ids = await fill('U-big', 1);
    const { inbox: box } = inbox();
    const after = Buffer.from(`n:${'9'.repeat(18)}`).toString('base64url');
    const page = await box.page('U-big', { unreadOnly: false, first: 2, after });
    expect(page.items.map((i) => i.node.id)).toEqual(ids);
  });
});
