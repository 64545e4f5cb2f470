import { LegacyError } from '../../lib/errors';
import { setPreferredLocale } from '../../lib/i18n/preference';
import { Notifier, handledMarker } from '../../subgraphs/customer/services/notifier';
import { billIssued, notifierDeps, user } from '../support/notifier-fakes';

/**
 * F8/F9: who hears of an event, on which channels, in which language, and what a redelivery of
 * the same event repeats (services/notifier.ts; the bus and its redelivery in notifier-bus).
 */

const ALL = [{ event: 'BILL_ISSUED', channels: ['IN_APP', 'SMS', 'EMAIL'] }];
const WEEK = 7 * 86_400;

describe('F8/F9 notifier: delivery of one event', () => {
  it('F8: a named user of the customer gets the inbox entry, the SMS and the e-mail of their setting', async () => {
    const u = user('U-2');
    const { deps, filed, sent, store, lines } = notifierDeps([u], { 'U-2': ALL });
    const event = billIssued({ recipients: ['U-2'], data: { period: '2026-10' } });
    await new Notifier(deps).handle(event);

    expect(filed).toEqual([
      {
        eventId: 'EV-1',
        userId: 'U-2',
        customerId: 'C-1',
        kind: 'BILL_ISSUED',
        subjectId: 'B-1',
        title: { id: 'New bill {0}', values: ['B-1'] },
        body: { id: 'Your bill {0} for {1} is ready.', values: ['B-1', '2026-10'] },
      },
    ]);
    expect(sent).toEqual([
      { channel: 'SMS', to: u.phone, body: 'Your bill B-1 for 2026-10 is ready.' },
      { channel: 'EMAIL', to: u.email, body: 'Your bill B-1 for 2026-10 is ready.', subject: 'New bill B-1' },
    ]);
    // Done: a redelivery is dropped on one store read, for a week.
    expect(await store.get(handledMarker('EV-1'))).toBe('1');
    expect(store.ttlsOf('notifier-handled:')).toEqual([WEEK]);
    expect(store.ttlsOf('notified:EV-1:U-2:')).toEqual([WEEK, WEEK]);
    expect(await store.get('notified:EV-1:U-2:SMS')).toBe('1');
    expect(await store.get('notified:EV-1:U-2:EMAIL')).toBe('1');
    expect(lines).toEqual([
      [
        'info',
        { event: 'notification.delivered', eventId: 'EV-1', kind: 'BILL_ISSUED', recipients: 1, failed: 0 },
        'event notified',
      ],
    ]);
  });

  it('F8: handledMarker names the event', () => {
    expect(handledMarker('EV-9')).toBe('notifier-handled:EV-9');
  });

  it('F8: an SMS or e-mail is in the language the recipient chose; the inbox keeps the text', async () => {
    const u = user('U-2');
    const { deps, sent, filed, store } = notifierDeps([u], {
      'U-2': [{ event: 'ORDER_COMPLETED', channels: ['SMS', 'EMAIL', 'IN_APP'] }],
    });
    await setPreferredLocale(store, 'U-2', 'zh-Hans');
    await new Notifier(deps).handle(
      billIssued({ type: 'order.state-changed', recipients: ['U-2'], data: { state: 'completed' } }),
    );
    expect(filed.map((n) => n.kind)).toEqual(['ORDER_COMPLETED']);
    expect(sent).toEqual([
      { channel: 'SMS', to: u.phone, body: '您的订单 B-1 已完成。' },
      { channel: 'EMAIL', to: u.email, body: '您的订单 B-1 已完成。', subject: '订单 B-1 已完成' },
    ]);
  });

  it('F8: an event users are not told of in person, or one already handled, reads nothing', async () => {
    const { deps, asked, filed, store, lines } = notifierDeps([user('U-2')], { 'U-2': ALL });
    const notifier = new Notifier(deps);
    await notifier.handle(
      billIssued({ type: 'order.state-changed', recipients: ['U-2'], data: { state: 'inProgress' } }),
    );
    await store.set(handledMarker('EV-2'), '1', 60);
    await notifier.handle(billIssued({ id: 'EV-2', recipients: ['U-2'] }));
    expect(asked).toEqual([]);
    expect(filed).toEqual([]);
    expect(lines).toEqual([]);
    expect(await store.get(handledMarker('EV-1'))).toBeNull();
  });

  it('F8: a user with no setting for the kind hears of it in the inbox only', async () => {
    const { deps, filed, sent } = notifierDeps([user('U-2')]);
    await new Notifier(deps).handle(billIssued({ recipients: ['U-2'] }));
    expect(filed.map((n) => n.userId)).toEqual(['U-2']);
    expect(sent).toEqual([]);
  });

  it("R1: a recipient of another customer, or unknown, is replaced by the customer's managers", async () => {
    const users = [user('U-2', 'C-2'), user('M-1', 'C-1', 'MANAGER'), user('U-3', 'C-1')];
    const { deps, filed, asked } = notifierDeps(users);
    await new Notifier(deps).handle(billIssued({ recipients: ['U-2', 'GONE'] }));
    expect(filed.map((n) => [n.userId, n.customerId])).toEqual([['M-1', 'C-1']]);
    expect(asked).toEqual([
      'getUser:U-2',
      'getUser:GONE',
      'getUsersOfCustomers:C-1',
      'getNotificationPreferences:M-1',
    ]);
  });

  it('F8: the named users of the customer, each once, and not its managers', async () => {
    const users = [user('U-2'), user('U-3'), user('M-1', 'C-1', 'MANAGER'), user('U-9', 'C-2')];
    const { deps, filed, asked } = notifierDeps(users);
    await new Notifier(deps).handle(billIssued({ recipients: ['U-2', 'U-3', 'U-2', 'U-9'] }));
    expect(filed.map((n) => n.userId)).toEqual(['U-2', 'U-3']);
    expect(asked.filter((a) => a.startsWith('getUser'))).toEqual([
      'getUser:U-2',
      'getUser:U-3',
      'getUser:U-9',
    ]);
  });

  it('R1: an event naming nobody reaches the managers of its customer', async () => {
    const users = [user('M-1', 'C-1', 'MANAGER'), user('U-3'), user('M-2', 'C-2', 'MANAGER')];
    const { deps, filed } = notifierDeps(users);
    await new Notifier(deps).handle(billIssued());
    expect(filed.map((n) => n.userId)).toEqual(['M-1']);
  });

  it('F8: an event of no customer reaches nobody, and is still marked handled', async () => {
    const { deps, filed, asked, store, lines } = notifierDeps([user('M-1', 'C-1', 'MANAGER')]);
    await new Notifier(deps).handle(billIssued({ customerId: null, recipients: ['M-1'] }));
    expect(filed).toEqual([]);
    expect(asked).toEqual([]);
    expect(await store.get(handledMarker('EV-1'))).toBe('1');
    expect(lines[0][1]).toMatchObject({ recipients: 0, failed: 0 });
  });

  it('F8: a network alarm reaches the managers of each affected customer, not the users it names', async () => {
    const users = [
      user('M-1', 'C-1', 'MANAGER'),
      user('U-1', 'C-1'),
      user('M-2', 'C-2', 'MANAGER'),
      user('M-3', 'C-3', 'MANAGER'),
    ];
    const { deps, filed, asked } = notifierDeps(users);
    const alarm = billIssued({
      type: 'network.alarm',
      customerId: null,
      recipients: ['U-1'],
      data: { customerIds: ['C-1', 'C-2'], state: 'raised' },
    });
    await new Notifier(deps).handle(alarm);
    expect(filed.map((n) => [n.userId, n.kind])).toEqual([
      ['M-1', 'NETWORK_ALARM'],
      ['M-2', 'NETWORK_ALARM'],
    ]);
    expect(asked[0]).toBe('getUsersOfCustomers:C-1,C-2');
  });

  it('F8: a network alarm naming no customer asks the CRM nothing', async () => {
    const { deps, filed, asked } = notifierDeps([user('M-1', 'C-1', 'MANAGER')]);
    await new Notifier(deps).handle(billIssued({ type: 'network.alarm', data: {} }));
    expect(filed).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('F8: at most 8 recipients are handled at once, and all of them are', async () => {
    const managers = Array.from({ length: 19 }, (_, i) => user(`M-${i}`, 'C-1', 'MANAGER'));
    const { deps, filed, hooks } = notifierDeps(managers);
    let inFlight = 0;
    let most = 0;
    hooks.onAdd = async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight -= 1;
    };
    await new Notifier(deps).handle(billIssued());
    expect(most).toBe(8);
    expect(filed.map((n) => n.userId).sort()).toEqual(managers.map((m) => m.id).sort());
  });
});

describe('F8/F9 notifier: failures and redelivery', () => {
  const serverError = () => new LegacyError('messages', 'UPSTREAM_ERROR', 'boom', 503);

  it('F8: a failed SMS does not stop the other channels or recipients; the redelivery sends only it', async () => {
    const users = [user('U-2'), user('U-3')];
    const prefs = { 'U-2': ALL, 'U-3': ALL };
    const { deps, filed, sent, store, hooks, lines } = notifierDeps(users, prefs);
    const error = serverError();
    hooks.failSend = (m) => (m.channel === 'SMS' && m.to === users[0].phone ? error : null);
    const notifier = new Notifier(deps);
    const event = billIssued({ recipients: ['U-2', 'U-3'] });

    await expect(notifier.handle(event)).rejects.toBe(error);
    expect(filed.map((n) => n.userId)).toEqual(['U-2', 'U-3']);
    expect(sent.map((m) => `${m.channel}:${m.to}`).sort()).toEqual([
      `EMAIL:${users[0].email}`,
      `EMAIL:${users[1].email}`,
      `SMS:${users[1].phone}`,
    ]);
    expect(await store.get('notified:EV-1:U-2:SMS')).toBeNull();
    expect(await store.get(handledMarker('EV-1'))).toBeNull();
    expect(lines[0][1]).toMatchObject({ recipients: 2, failed: 1 });

    hooks.failSend = () => null;
    await notifier.handle(event);
    expect(sent.slice(3).map((m) => `${m.channel}:${m.to}`)).toEqual([`SMS:${users[0].phone}`]);
    expect(await store.get(handledMarker('EV-1'))).toBe('1');
  });

  it('F8: the first failure is the one thrown, after every channel was tried', async () => {
    const { deps, sent, hooks } = notifierDeps([user('U-2')], { 'U-2': ALL });
    const first = new Error('inbox down');
    hooks.failAdd = () => first;
    hooks.failSend = (m) => (m.channel === 'SMS' ? new Error('sms down') : null);
    await expect(new Notifier(deps).handle(billIssued({ recipients: ['U-2'] }))).rejects.toBe(first);
    expect(sent.map((m) => m.channel)).toEqual(['EMAIL']);
  });

  it('F8: a message the gateway refuses (4xx) is dropped and logged, not retried', async () => {
    const { deps, sent, store, hooks, lines } = notifierDeps([user('U-2')], { 'U-2': ALL });
    hooks.failSend = (m) =>
      m.channel === 'SMS' ? new LegacyError('messages', 'UPSTREAM_ERROR', 'bad number', 499) : null;
    await new Notifier(deps).handle(billIssued({ recipients: ['U-2'] }));
    expect(sent.map((m) => m.channel)).toEqual(['EMAIL']);
    expect(await store.get('notified:EV-1:U-2:SMS')).toBe('1');
    expect(await store.get(handledMarker('EV-1'))).toBe('1');
    expect(lines[0]).toEqual([
      'warn',
      { event: 'notification.refused', eventId: 'EV-1', channel: 'SMS' },
      'message refused',
    ]);
  });

  it.each([
    ['a 500', () => new LegacyError('messages', 'UPSTREAM_ERROR', 'x', 500)],
    ['a legacy failure with no status', () => new LegacyError('messages', 'UPSTREAM_TIMEOUT', 'x')],
    ['any other error', () => Object.assign(new Error('x'), { status: 400 })],
  ])('F8: %s is retried: the marker goes and the handler throws', async (_name, failure) => {
    const { deps, sent, store, hooks, lines } = notifierDeps([user('U-2')], {
      'U-2': [{ event: 'BILL_ISSUED', channels: ['EMAIL'] }],
    });
    const error = failure();
    hooks.failSend = () => error;
    await expect(new Notifier(deps).handle(billIssued({ recipients: ['U-2'] }))).rejects.toBe(error);
    expect(sent).toEqual([]);
    expect(await store.get('notified:EV-1:U-2:EMAIL')).toBeNull();
    expect(lines.map((l) => l[0])).toEqual(['info']);
  });

  it('F8: an SMS already sent for the event and user is not sent again', async () => {
    const { deps, sent, store, filed } = notifierDeps([user('U-2')], { 'U-2': ALL });
    await store.set('notified:EV-1:U-2:SMS', '1', 60);
    await new Notifier(deps).handle(billIssued({ recipients: ['U-2'] }));
    expect(sent.map((m) => m.channel)).toEqual(['EMAIL']);
    expect(filed).toHaveLength(1);
    expect(await store.get('notified:EV-1:U-2:SMS')).toBe('1');
  });
});
