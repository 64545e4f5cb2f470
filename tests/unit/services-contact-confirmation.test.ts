import { SecurityEventLog } from '../../lib/audit/security-events';
import type { CustomerUser } from '../../lib/authz/assertions';
import { MemoryStore } from '../../lib/kv';
import { rootLogger } from '../../lib/logger';
import { migrate } from '../../lib/store/migrations';
import type { UserModel } from '../../legacy/crm/models';
import { ContactConfirmation } from '../../subgraphs/customer/services/contact-confirmation';
import {
  markEmailUnverified,
  verifiedChannels,
} from '../../subgraphs/customer/services/contact-verification';
import { DEFAULT_AUTH_SETTINGS } from '../../subgraphs/customer/services/sign-in';
import type { ScratchDatabase } from '../../system/kit/scratch-database';
import { testDatabase } from '../support/system';

/**
 * The expiry of a contact confirmation code, on the service itself: through the gateway the clock
 * cannot be moved without moving every token the gateway signs with it.
 */
let database: ScratchDatabase;
beforeAll(async () => {
  database = await testDatabase();
  await migrate(database.db);
});
afterAll(async () => {
  await database.drop();
});

const user: UserModel = {
  id: 'unit.user',
  customerId: 'CUST-UNIT',
  role: 'SSM_USER',
  name: 'Unit User',
  phone: '+358401234567',
  email: 'changed@example.org',
};
const actor: CustomerUser = {
  kind: 'customerUser',
  userId: user.id,
  customerId: user.customerId,
  role: 'SSM_USER',
  sessionId: 'session-unit',
  grants: [],
};

function service() {
  const store = new MemoryStore();
  const sent: { to: string; text: string }[] = [];
  const confirmation = new ContactConfirmation({
    store,
    messages: { send: async (_channel, to, text) => void sent.push({ to, text }) },
    audit: new SecurityEventLog(database.db, rootLogger),
    settings: { ...DEFAULT_AUTH_SETTINGS, tokenSecret: 'unit-test-secret-unit-test-secret' },
    logger: rootLogger,
  });
  return { store, sent, confirmation };
}

describe('S6 contact confirmation codes expire', () => {
  afterEach(() => jest.restoreAllMocks());

  it('S6: a code after its expiresAt is INVALID_CODE and gone; the same code in time confirms', async () => {
    const { store, sent, confirmation } = service();
    await markEmailUnverified(store, user.id, user.email);
    const answer = await confirmation.request(actor, user, 'EMAIL');
    if (answer.kind !== 'sent') throw new Error(`not sent: ${answer.reason}`);
    expect(sent.map((m) => m.to)).toEqual([user.email]);
    const code = /\b(\d{6})\b/.exec(sent[0].text)?.[1] as string;
    // What the store holds is not the code.
    const stored = await store.get(`contact-confirm:EMAIL:${user.id}`);
    expect(stored).not.toContain(code);

    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse(answer.expiresAt) + 1);
    expect(await confirmation.confirm(actor, user, 'EMAIL', code)).toMatchObject({ reason: 'INVALID_CODE' });
    jest.spyOn(Date, 'now').mockReturnValue(now);
    // Gone, not merely late: back in time it still does not work.
    expect(await confirmation.confirm(actor, user, 'EMAIL', code)).toMatchObject({ reason: 'INVALID_CODE' });
    expect(await verifiedChannels(store, user)).toEqual({ phone: true, email: false });

    await confirmation.request(actor, user, 'EMAIL');
    const fresh = /\b(\d{6})\b/.exec(sent[1].text)?.[1] as string;
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse(answer.expiresAt) - 1);
    expect(await confirmation.confirm(actor, user, 'EMAIL', fresh)).toEqual({
      kind: 'confirmed',
      channel: 'EMAIL',
    });
    expect(await verifiedChannels(store, user)).toEqual({ phone: true, email: true });
  });
});
