import { randomUUID } from 'node:crypto';
import { domainEvent, type DomainEvent } from '../../lib/events/event';
import { login } from '../../system/kit/sign-in';
import { handledMarker } from '../../subgraphs/customer/services/notifier';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * F8/F9 (issue 13 item 3): events become notifications in the in-app inbox, by SMS or by e-mail,
 * as each user's notification settings say, and only the user reads their own inbox. Events are
 * emitted into the event outbox here, as the subgraphs do when a legacy system reports a change.
 */
let system: TestSystem;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  system = await startTestSystem();
  for (const id of ['home.owner', 'nw.manager', 'nw.support'])
    tokens[id] = (await login(system, id)).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const user = (id: string) => {
  const found = system.sims.world.users.find((u) => u.id === id);
  if (!found) throw new Error(`no seeded user ${id}`);
  return found;
};
const managersOf = (customerId: string) =>
  system.sims.world.users.filter((u) => u.customerId === customerId && u.role === 'MANAGER');

/** Emits an event as a subgraph would, and waits until the notifier has handled all of it. */
async function emitAndWait(event: DomainEvent): Promise<void> {
  await system.events.outbox.emit([event]);
  await handled(event.id);
}
async function handled(eventId: string): Promise<void> {
  for (let i = 0; i < 250; i++) {
    if ((await system.store.get(handledMarker(eventId))) !== null) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the notifier did not handle ${eventId}`);
}

/** What the message gateway simulator's outbox shows for a phone number or e-mail address. */
async function sentTo(to: string): Promise<{ channel: string; text: string }[]> {
  const res = await fetch(`${system.sims.urls.messages}/outbox?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { items: { channel: string; text: string }[] }).items;
}

const INBOX = `query($unreadOnly: Boolean) {
  notifications(first: 100, unreadOnly: $unreadOnly) {
    totalCount unreadCount
    edges { cursor node { id kind title body subjectId createdAt read } }
    pageInfo { hasNextPage endCursor }
  }
}`;
async function inbox(actor: string, unreadOnly = false) {
  const r = await gql(system.gatewayUrl, INBOX, { unreadOnly }, tokens[actor]);
  expect(r.errors).toBeUndefined();
  return r.data?.notifications as {
    totalCount: number;
    unreadCount: number;
    edges: { cursor: string; node: { id: string; kind: string; subjectId: string; read: boolean } }[];
  };
}
const about = async (actor: string, subjectId: string) =>
  (await inbox(actor)).edges.map((e) => e.node).filter((n) => n.subjectId === subjectId);

async function setChannels(actor: string, event: string, channels: string[]): Promise<void> {
  const r = await gql(
    system.gatewayUrl,
    `mutation($input: [NotificationSettingInput!]!) { updateNotificationSettings(input: $input) { settings { event channels } } }`,
    { input: [{ event, channels }] },
    tokens[actor],
  );
  expect(r.data?.updateNotificationSettings.settings).toContainEqual({ event, channels });
}

const MARK = `mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) { marked unreadCount } }`;

describe('in-app inbox and notifier', () => {
  it('F8: an event for a user lands in their inbox, unread, and marking it read leaves none unread', async () => {
    const support = user('nw.support');
    await setChannels('nw.support', 'PAYMENT_RECEIVED', ['IN_APP']);
    expect((await inbox('nw.support')).unreadCount).toBe(0);
    const event = domainEvent({
      type: 'payment.settled',
      source: 'billing',
      customerId: support.customerId,
      subjectId: `PAY-${randomUUID()}`,
      recipients: [support.id],
    });
    await emitAndWait(event);
    const box = await inbox('nw.support');
    expect(box.unreadCount).toBe(1);
    expect(box.totalCount).toBe(1);
    expect(box.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ kind: 'PAYMENT_RECEIVED', subjectId: event.subjectId, read: false }),
    ]);
    // The one notification, and only that, answers by its id.
    const id = box.edges[0].node.id;
    const one = await gql(
      system.gatewayUrl,
      `query($id: ID!) { notification(id: $id) { id kind read } }`,
      { id },
      tokens['nw.support'],
    );
    expect(one.data?.notification).toEqual({ id, kind: 'PAYMENT_RECEIVED', read: false });

    const marked = await gql(system.gatewayUrl, MARK, { ids: [id] }, tokens['nw.support']);
    expect(marked.data?.markNotificationsRead).toEqual({ marked: 1, unreadCount: 0 });
    const after = await inbox('nw.support');
    expect(after.unreadCount).toBe(0);
    expect(after.totalCount).toBe(1);
    expect(after.edges[0].node.read).toBe(true);
    expect((await inbox('nw.support', true)).totalCount).toBe(0);
  });

  it('F8: another user cannot read or mark a notification that is not theirs (NOT_FOUND, as an unknown id)', async () => {
    const support = user('nw.support');
    const event = domainEvent({
      type: 'ticket.updated',
      source: 'faults',
      customerId: support.customerId,
      subjectId: `TT-${randomUUID()}`,
      recipients: [support.id],
      data: { state: 'inProgress', change: 'state' },
    });
    await setChannels('nw.support', 'TICKET_UPDATED', ['IN_APP']);
    await emitAndWait(event);
    const [theirs] = await about('nw.support', event.subjectId);
    expect(theirs).toBeDefined();
    const Q = `query($id: ID!) { notification(id: $id) { id title body } }`;
    // The manager of the same customer, and a user of another customer: same answer as for an unknown id.
    for (const actor of ['nw.manager', 'home.owner']) {
      const foreign = await gql(system.gatewayUrl, Q, { id: theirs.id }, tokens[actor]);
      const unknown = await gql(system.gatewayUrl, Q, { id: `NTF-${randomUUID()}` }, tokens[actor]);
      expect(foreign.data?.notification ?? null).toBeNull();
      expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const mark = await gql(system.gatewayUrl, MARK, { ids: [theirs.id] }, tokens[actor]);
      expect(mark.data?.markNotificationsRead.marked).toBe(0);
    }
    expect((await about('nw.support', event.subjectId))[0].read).toBe(false);
    const anonymous = await gql(system.gatewayUrl, Q, { id: theirs.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const all = await gql(system.gatewayUrl, MARK, { all: true }, tokens['nw.support']);
    expect(all.data?.markNotificationsRead.unreadCount).toBe(0);

    // Newest first, one at a time: the cursor leads to the older one and no further.
    const PAGE = `query($after: String) { notifications(first: 1, after: $after) { edges { node { subjectId } } pageInfo { hasNextPage endCursor } } }`;
    const first = await gql(system.gatewayUrl, PAGE, {}, tokens['nw.support']);
    expect(first.data?.notifications.edges.map((e: any) => e.node.subjectId)).toEqual([event.subjectId]);
    expect(first.data?.notifications.pageInfo.hasNextPage).toBe(true);
    const after = first.data?.notifications.pageInfo.endCursor;
    const second = await gql(system.gatewayUrl, PAGE, { after }, tokens['nw.support']);
    expect(second.data?.notifications.edges).toHaveLength(1);
    expect(second.data?.notifications.edges[0].node.subjectId).not.toBe(event.subjectId);
    expect(second.data?.notifications.pageInfo.hasNextPage).toBe(false);
  });

  /**
   * One event of each F8 kind addressed to home.owner (the only manager of the household, so
   * events that name nobody reach them too).
   */
  const KINDS: Record<string, (customerId: string, userId: string, subjectId: string) => DomainEvent> = {
    ORDER_COMPLETED: (customerId, userId, subjectId) =>
      domainEvent({
        type: 'order.state-changed',
        source: 'orders',
        customerId,
        subjectId,
        recipients: [userId],
        data: { state: 'completed', previousState: 'inProgress', serviceIds: [] },
      }),
    TICKET_UPDATED: (customerId, userId, subjectId) =>
      domainEvent({
        type: 'ticket.updated',
        source: 'faults',
        customerId,
        subjectId,
        recipients: [userId],
        data: { serviceId: 'SVC-X', state: 'resolved', change: 'state' },
      }),
    BILL_ISSUED: (customerId, _userId, subjectId) =>
      domainEvent({
        type: 'bill.issued',
        source: 'billing',
        customerId,
        subjectId,
        data: { period: '2026-11' },
      }),
    PAYMENT_RECEIVED: (customerId, userId, subjectId) =>
      domainEvent({
        type: 'payment.settled',
        source: 'billing',
        customerId,
        subjectId,
        recipients: [userId],
      }),
    NETWORK_ALARM: (customerId, _userId, subjectId) =>
      domainEvent({
        type: 'network.alarm',
        source: 'faults',
        customerId: null,
        subjectId,
        data: {
          areaId: 'AREA-X',
          severity: 'major',
          state: 'raised',
          kind: 'alarm',
          customerIds: [customerId],
        },
      }),
  };

  it.each(Object.keys(KINDS))(
    'F8: for %s, changing the setting changes delivery (in-app only, SMS only, nothing)',
    async (kind) => {
      const owner = user('home.owner');
      expect(managersOf(owner.customerId).map((u) => u.id)).toEqual([owner.id]);
      const deliver = async (channels: string[]) => {
        await setChannels('home.owner', kind, channels);
        const before = (await sentTo(owner.phone)).length;
        const beforeMail = (await sentTo(owner.email)).length;
        const event = KINDS[kind](owner.customerId, owner.id, `SUBJ-${randomUUID()}`);
        await emitAndWait(event);
        const sms = (await sentTo(owner.phone)).slice(before);
        return {
          inbox: (await about('home.owner', event.subjectId)).map((n) => n.kind),
          sms: sms.map((m) => m.channel),
          mail: (await sentTo(owner.email)).length - beforeMail,
        };
      };
      expect(await deliver(['IN_APP'])).toEqual({ inbox: [kind], sms: [], mail: 0 });
      expect(await deliver(['SMS'])).toEqual({ inbox: [], sms: ['SMS'], mail: 0 });
      expect(await deliver([])).toEqual({ inbox: [], sms: [], mail: 0 });
    },
  );

  it('F8: a retried delivery neither duplicates the inbox entry nor the SMS', async () => {
    const owner = user('home.owner');
    await setChannels('home.owner', 'PAYMENT_RECEIVED', ['IN_APP', 'SMS']);
    const event = KINDS.PAYMENT_RECEIVED(owner.customerId, owner.id, `PAY-${randomUUID()}`);
    const smsAbout = async () => (await sentTo(owner.phone)).filter((m) => m.text.includes(event.subjectId));
    // The message gateway refuses the first send: the inbox entry is filed, the SMS is not, and
    // the bus delivers the event again.
    system.sims.sims.messages.setFaults({ failNext: 1, failOperation: 'send' });
    try {
      await emitAndWait(event);
    } finally {
      system.sims.sims.messages.setFaults({ failNext: 0, failOperation: null });
    }
    expect(await about('home.owner', event.subjectId)).toHaveLength(1);
    expect(await smsAbout()).toHaveLength(1);
    // A notifier that dies after delivering and before noting it (or a relay that publishes
    // again) hands over the same event once more.
    await system.store.del(handledMarker(event.id));
    await system.events.bus.publish([event]);
    await handled(event.id);
    expect(await about('home.owner', event.subjectId)).toHaveLength(1);
    expect(await smsAbout()).toHaveLength(1);
  });

  it('F9: a finished order reaches the requesting user in the inbox; progress states do not', async () => {
    await setChannels('home.owner', 'ORDER_COMPLETED', ['IN_APP', 'EMAIL']);
    const placed = await gql(
      system.gatewayUrl,
      `mutation { placeProductOrder(input: { idempotencyKey: "inbox-f9-0001", accountId: "ACC-0000003", items: [{ offeringId: "OFF-CP-GAMES" }] }) { ... on ProductOrder { id } } }`,
      {},
      tokens['home.owner'],
    );
    const id = placed.data?.placeProductOrder.id as string;
    expect(id).toBeDefined();
    await system.sims.provisioningIdle();
    const email = user('home.owner').email;
    for (let i = 0; i < 250 && (await sentTo(email)).every((m) => !m.text.includes(id)); i++)
      await new Promise((r) => setTimeout(r, 20));
    await handled(`ibss:${id}:completed`);
    expect((await about('home.owner', id)).map((n) => n.kind)).toEqual(['ORDER_COMPLETED']);
    expect((await sentTo(email)).filter((m) => m.text.includes(id))).toHaveLength(1);
  });

  it('F8: bad requests are refused with BAD_USER_INPUT, and a sign-in code cannot go to the inbox', async () => {
    const none = await gql(system.gatewayUrl, MARK, {}, tokens['nw.support']);
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const page = await gql(
      system.gatewayUrl,
      `{ notifications(first: 0) { totalCount } }`,
      {},
      tokens['nw.support'],
    );
    expect(page.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const cursor = await gql(
      system.gatewayUrl,
      `{ notifications(after: "nope") { totalCount } }`,
      {},
      tokens['nw.support'],
    );
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const login = await gql(
      system.gatewayUrl,
      `mutation { startLogin(input: { actorId: "nw.support", password: "x", channel: IN_APP }) { __typename } }`,
    );
    expect(login.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
