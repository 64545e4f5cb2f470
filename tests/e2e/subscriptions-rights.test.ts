import { gql, startTestSystem, type TestSystem } from '../support/system';
import {
  openAtGateway,
  publish,
  sseClient,
  subscribe,
  until,
  wsClient,
  type Transport,
} from '../support/subscriptions';
import { login } from '../../system/kit/sign-in';
import { customersReached, simControl } from '../support/followed-events';
import { domainEvent } from '../../lib/events/event';

/**
 * A subscription is exactly as authorized as its equivalent query, when subscribing and again on
 * every event (issue 13): Scenario 1's users, a revoked grant, other actor kinds, and A2's test
 * results pushed to whoever started the test.
 */
let system: TestSystem;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  system = await startTestSystem();
  for (const user of ['nw.manager', 'nw.employee02', 'home.owner', 'ops.alice'])
    tokens[user] = (await login(system, user)).accessToken;
  tokens.partner = (
    await gql(
      system.gatewayUrl,
      `mutation { partnerToken(input: { clientId: "client-partner-sp-1", clientSecret: "secret-partner-sp-1" }) { ... on PartnerToken { accessToken } } }`,
    )
  ).data?.partnerToken.accessToken as string;
});
afterAll(async () => {
  await system.stop();
});
// Every test starts with no subscription left open by the one before (counts below are exact).
afterEach(() => until(() => openAtGateway(system) === 0, 'subscriptions closed'));

const clientFor = (transport: Transport, token?: string) =>
  transport === 'ws' ? wsClient(system, token) : sseClient(system, token);
const fleet = () =>
  system.sims.world.services.filter((s) => s.customerId === 'CUST-000001' && s.accountId === 'ACC-0000001');

const TICKET_UPDATED = `subscription($id: ID!) { troubleTicketUpdated(id: $id) { id state service { id } } }`;
const TEST_COMPLETED = `subscription($id: ID!) { serviceTestCompleted(id: $id) { id state verdict service { id } } }`;

async function reportFault(token: string, serviceId: string): Promise<string> {
  const r = await gql(
    system.gatewayUrl,
    `mutation($id: ID!, $key: String!) { reportFault(input: { idempotencyKey: $key, serviceId: $id, category: noService, description: "Subscription test fault" }) { __typename ... on TroubleTicket { id } } }`,
    { id: serviceId, key: `sub-fault-${serviceId}-${Date.now()}` },
    token,
  );
  expect(r.data?.reportFault.__typename).toBe('TroubleTicket');
  return r.data?.reportFault.id as string;
}

describe.each<Transport>(['ws', 'sse'])('rights over %s', (transport) => {
  it(`S2: [${transport}] a revoked grant ends a live subscription on the next event`, async () => {
    const number = fleet()[30 + (transport === 'ws' ? 0 : 1)].id;
    const granted = await gql(
      system.gatewayUrl,
      `mutation($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { __typename ... on Authorization { id } } }`,
      {
        input: {
          granteeId: 'nw.employee02',
          capabilities: ['SERVICE_CHECK', 'FAULT_REPORT'],
          serviceIds: [number],
        },
      },
      tokens['nw.manager'],
    );
    const grantId = granted.data?.grantAuthorization.id as string;
    expect(grantId).toBeDefined();
    const ticket = await reportFault(tokens['nw.employee02'], number);
    const client = clientFor(transport, tokens['nw.employee02']);
    const before = openAtGateway(system);
    const feed = subscribe(client, TICKET_UPDATED, { id: ticket });
    try {
      await until(() => openAtGateway(system) > before, 'subscription registered');
      const event = {
        type: 'ticket.updated' as const,
        source: 'test',
        customerId: 'CUST-000001',
        subjectId: ticket,
        data: { serviceId: number, state: 'open', change: 'note' },
      };
      // While the grant holds, the event arrives with the ticket as the grantee may read it.
      await publish(system, event);
      expect((await feed.next()).data?.troubleTicketUpdated).toMatchObject({
        id: ticket,
        service: { id: number },
      });
      const revoked = await gql(
        system.gatewayUrl,
        `mutation($id: ID!) { revokeAuthorization(authorizationId: $id) { __typename } }`,
        { id: grantId },
        tokens['nw.manager'],
      );
      expect(revoked.data?.revokeAuthorization.__typename).toBe('Authorization');
      await publish(system, { ...event, data: { ...event.data, change: 'state' } });
      const end = await feed.end();
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(end.code);
      expect(end.payloads.filter((p) => p.data?.troubleTicketUpdated)).toHaveLength(1);
      await until(() => openAtGateway(system) === before, 'subscription closed');
    } finally {
      feed.stop();
      await client.dispose();
    }
  });

  it(`S2: [${transport}] each subscription field answers every kind of actor like its query`, async () => {
    const ticket = system.sims.world.tickets.find((t) => t.customerId === 'CUST-000001')?.id ?? 'TT-NONE';
    const cases: [string, string, Record<string, unknown>][] = [
      ['orderUpdated', `subscription { orderUpdated(id: "PO-0000001") { id } }`, {}],
      ['serviceTestCompleted', `subscription { serviceTestCompleted(id: "ST-NONE") { id } }`, {}],
      ['troubleTicketUpdated', TICKET_UPDATED, { id: ticket }],
      ['networkAlarms', `subscription { networkAlarms { id } }`, {}],
      ['notificationReceived', `subscription { notificationReceived { id } }`, {}],
    ];
    const expected: Record<string, string> = {
      anonymous: 'UNAUTHENTICATED',
      partner: 'FORBIDDEN',
      // Staff act on behalf of a customer first (R5), as for queries.
      'ops.alice': 'FORBIDDEN',
    };
    for (const [actor, code] of Object.entries(expected)) {
      const client = clientFor(transport, actor === 'anonymous' ? undefined : tokens[actor]);
      try {
        for (const [field, query, variables] of cases) {
          const end = await subscribe(client, query, variables).end();
          expect({ actor, field, code: end.code }).toEqual({ actor, field, code });
        }
      } finally {
        await client.dispose();
      }
    }
    // A household user may not follow Northwind's ticket: as unknown as any id of nobody's.
    const client = clientFor(transport, tokens['home.owner']);
    try {
      const theirs = await subscribe(client, TICKET_UPDATED, { id: ticket }).end();
      const nobody = await subscribe(client, TICKET_UPDATED, { id: 'TT-DOES-NOT-EXIST' }).end();
      expect(theirs.code).toBe('NOT_FOUND');
      expect(nobody.code).toBe('NOT_FOUND');
    } finally {
      await client.dispose();
    }
  });

  it(`A2: [${transport}] a line test's result is pushed to whoever started it`, async () => {
    const mine = system.sims.world.services.find((s) => s.accountId === 'ACC-0000003')!.id;
    const started = await gql(
      system.gatewayUrl,
      `mutation($id: ID!) { startServiceTest(input: { serviceId: $id, kind: LINE_TEST }) { ... on ServiceTest { id } } }`,
      { id: mine },
      tokens['home.owner'],
    );
    const id = started.data?.startServiceTest.id as string;
    const client = clientFor(transport, tokens['home.owner']);
    try {
      const feed = subscribe(client, TEST_COMPLETED, { id });
      // Whether the test ended before or after subscribing (the faults subgraph records its
      // service-test.completed event), the result comes once, then the end.
      const end = await feed.end();
      expect(end.completed).toBe(true);
      expect(end.payloads).toHaveLength(1);
      const now = await gql(
        system.gatewayUrl,
        `query($id: ID!) { serviceTest(id: $id) { state verdict } }`,
        { id },
        tokens['home.owner'],
      );
      expect(end.payloads[0].data?.serviceTestCompleted).toMatchObject({
        id,
        state: now.data?.serviceTest.state,
        verdict: now.data?.serviceTest.verdict,
        service: { id: mine },
      });
      // Northwind's manager cannot follow the household's test.
      const other = clientFor(transport, tokens['nw.manager']);
      try {
        expect((await subscribe(other, TEST_COMPLETED, { id }).end()).code).toBe('NOT_FOUND');
      } finally {
        await other.dispose();
      }
    } finally {
      await client.dispose();
    }
  });

  it(`A5: [${transport}] alarms reaching the subscriber's service are pushed; others are not`, async () => {
    const world = system.sims.world;
    const broadband = world.services.find((x) => x.customerId === 'CUST-000002' && x.type === 'BROADBAND')!;
    const client = clientFor(transport, tokens['home.owner']);
    const before = openAtGateway(system);
    const feed = subscribe(
      client,
      `subscription($id: ID) { networkAlarms(serviceId: $id) { id areaId kind severity clearedAt } }`,
      { id: broadband.id },
    );
    try {
      await until(() => openAtGateway(system) > before, 'subscription registered');
      // First an alarm in an area none of the household's services is in: it must not arrive.
      const area = world.areas.find(
        (a) => a.id !== broadband.areaId && !customersReached(world, a.id, null).includes('CUST-000002'),
      );
      if (area) await simControl(system.sims, 'faults', '/fm/_control/alarms', { areaId: area.id });
      const alarm = await simControl(system.sims, 'faults', '/fm/_control/alarms', {
        areaId: broadband.areaId,
        serviceType: 'BROADBAND',
        severity: 'major',
      });
      const raised = (await feed.next()).data?.networkAlarms;
      expect(raised).toEqual({
        id: alarm.id,
        areaId: broadband.areaId,
        kind: 'ALARM',
        severity: 'major',
        clearedAt: null,
      });
      await simControl(system.sims, 'faults', `/fm/_control/alarms/${alarm.id}/clear`, {});
      const cleared = (await feed.next()).data?.networkAlarms;
      expect(cleared).toMatchObject({ id: alarm.id, severity: 'cleared' });
      expect(feed.payloads.map((p) => p.data?.networkAlarms.id)).toEqual([alarm.id, alarm.id]);
      // Another customer's service is NOT_FOUND when subscribing, like the query.
      const other = clientFor(transport, tokens['nw.manager']);
      try {
        const end = await subscribe(other, `subscription($id: ID) { networkAlarms(serviceId: $id) { id } }`, {
          id: broadband.id,
        }).end();
        expect(end.code).toBe('NOT_FOUND');
      } finally {
        await other.dispose();
      }
    } finally {
      feed.stop();
      await client.dispose();
    }
  });

  it(`F8: [${transport}] each user's new in-app notifications are pushed to them, and only to them`, async () => {
    const inApp = async (actor: string) => {
      const r = await gql(
        system.gatewayUrl,
        `mutation { updateNotificationSettings(input: [{ event: PAYMENT_RECEIVED, channels: [IN_APP] }]) { settings { event } } }`,
        {},
        tokens[actor],
      );
      expect(r.errors).toBeUndefined();
    };
    await inApp('home.owner');
    await inApp('nw.manager');
    const query = `subscription { notificationReceived { id kind subjectId read } }`;
    const mine = clientFor(transport, tokens['home.owner']);
    const theirs = clientFor(transport, tokens['nw.manager']);
    const feeds = [subscribe(mine, query), subscribe(theirs, query)];
    try {
      await until(() => openAtGateway(system) === 2, 'both registered');
      const payment = (userId: string, customerId: string) => ({
        type: 'payment.settled' as const,
        source: 'billing',
        customerId,
        subjectId: `PAY-${transport}-${userId}-${Date.now()}`,
        recipients: [userId],
      });
      const forOwner = payment('home.owner', 'CUST-000002');
      const forManager = payment('nw.manager', 'CUST-000001');
      // Through the outbox, as billing records it: the notifier files it, then announces it.
      await system.events.outbox.emit([domainEvent(forOwner), domainEvent(forManager)]);
      const [own, other] = await Promise.all(feeds.map((f) => f.next()));
      expect(own.data?.notificationReceived).toMatchObject({
        kind: 'PAYMENT_RECEIVED',
        subjectId: forOwner.subjectId,
        read: false,
      });
      // The manager's first notification is their own: the household's never reached them.
      expect(other.data?.notificationReceived).toMatchObject({ subjectId: forManager.subjectId });
    } finally {
      for (const f of feeds) f.stop();
      await mine.dispose();
      await theirs.dispose();
    }
  });
});
