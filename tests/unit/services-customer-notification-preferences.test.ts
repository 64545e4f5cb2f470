import type { CustomerUser } from '../../lib/authz/assertions';
import type { CrmAdapter } from '../../legacy/crm/client';
import type { NotificationPreferenceModel } from '../../legacy/crm/models';
import {
  isChannel,
  isEvent,
  notificationSettingsOf,
  updateNotificationSettings,
} from '../../subgraphs/customer/services/notification-preferences';

const user = {
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role: 'AUTHORIZED_USER',
  sessionId: 'S',
  grants: [],
} as unknown as CustomerUser;

/** A CRM that keeps each user's preferences in memory and records what was saved. */
function fakeCrm(stored: Record<string, NotificationPreferenceModel[]>) {
  const saved: { userId: string; preferences: NotificationPreferenceModel[] }[] = [];
  const crm = {
    getNotificationPreferences: async (userId: string) => stored[userId] ?? [],
    setNotificationPreferences: async (userId: string, preferences: NotificationPreferenceModel[]) => {
      saved.push({ userId, preferences });
      stored[userId] = preferences;
      return preferences;
    },
  } as unknown as CrmAdapter;
  return { crm, saved };
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { extensions?: Record<string, unknown>; message: string }) => ({
      ...e.extensions,
      message: e.message,
    }),
  );

describe('notification preferences (F8)', () => {
  it('F8: knows the schema’s events and channels only', () => {
    for (const e of [
      'ORDER_COMPLETED',
      'TICKET_UPDATED',
      'BILL_ISSUED',
      'NETWORK_ALARM',
      'PAYMENT_RECEIVED',
      'USAGE_ALERT',
    ])
      expect(isEvent(e)).toBe(true);
    expect(isEvent('SOMETHING_ELSE')).toBe(false);
    for (const c of ['IN_APP', 'SMS', 'EMAIL']) expect(isChannel(c)).toBe(true);
    expect(isChannel('PIGEON')).toBe(false);
  });

  it('F8: a user reads their own settings, as the schema shows them', async () => {
    const { crm } = fakeCrm({
      'U-1': [
        { event: 'BILL_ISSUED', channels: ['SMS', 'PIGEON'] },
        { event: 'CRM_ONLY', channels: ['SMS'] },
        { event: 'USAGE_ALERT', channels: [] },
      ],
    });
    expect(await notificationSettingsOf(crm, user, 'U-1')).toEqual([
      { event: 'BILL_ISSUED', channels: ['SMS'] },
      { event: 'USAGE_ALERT', channels: [] },
    ]);
  });

  it('F8: nobody reads another user’s settings', async () => {
    const { crm } = fakeCrm({ 'U-2': [{ event: 'BILL_ISSUED', channels: ['SMS'] }] });
    expect(await code(notificationSettingsOf(crm, user, 'U-2'))).toEqual({
      code: 'FORBIDDEN',
      message: 'Only the user can read their own notification settings.',
    });
  });

  it('F8: an update changes the named events only, each channel once', async () => {
    const { crm, saved } = fakeCrm({
      'U-1': [
        { event: 'BILL_ISSUED', channels: ['SMS'] },
        { event: 'TICKET_UPDATED', channels: ['IN_APP'] },
      ],
      'U-2': [{ event: 'BILL_ISSUED', channels: ['EMAIL'] }],
    });
    const result = await updateNotificationSettings(crm, user, [
      { event: 'TICKET_UPDATED', channels: ['EMAIL', 'EMAIL', 'SMS'] },
      { event: 'USAGE_ALERT', channels: [] },
    ]);
    const expected = [
      { event: 'BILL_ISSUED', channels: ['SMS'] },
      { event: 'TICKET_UPDATED', channels: ['EMAIL', 'SMS'] },
      { event: 'USAGE_ALERT', channels: [] },
    ];
    expect(result).toEqual(expected);
    expect(saved).toEqual([{ userId: 'U-1', preferences: expected }]);
  });

  it('F8: an event named twice is refused before anything is saved', async () => {
    const { crm, saved } = fakeCrm({});
    expect(
      await code(
        updateNotificationSettings(crm, user, [
          { event: 'BILL_ISSUED', channels: ['SMS'] },
          { event: 'BILL_ISSUED', channels: [] },
        ]),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input', message: 'Each event may appear once.' });
    expect(saved).toEqual([]);
  });
});
