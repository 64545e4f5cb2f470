import { gql, startTestSystem, type TestSystem } from '../support/system';
import {
  RawSocket,
  openAtGateway,
  publish,
  sseClient,
  subscribe,
  until,
  wsClient,
} from '../support/subscriptions';
import { DEFAULT_LIMITS } from '../../gateway/limits';
import { DEFAULT_SUBSCRIPTION_LIMITS } from '../../gateway/subscriptions/limits';
import { login } from '../../system/kit/sign-in';
import { ZH_HANS } from '../../lib/i18n/catalogue/zh-hans';

/**
 * Bad input and faults at the subscription transports (issue 13, item 6): malformed messages get
 * the protocol's error and never crash the gateway, the request limits apply to subscription
 * documents, subscriptions per connection are bounded, and a client that never reads is cut off.
 */
let system: TestSystem;
let household: string;
let stopped = false;

beforeAll(async () => {
  system = await startTestSystem();
  household = (await login(system, 'home.owner')).accessToken;
});
afterAll(async () => {
  if (!stopped) await system.stop();
});

const NOTIFICATIONS = `subscription { notificationReceived { id } }`;

/** A new trouble ticket on one of the household's services: a subject that never ends by itself. */
async function reportedTicket(): Promise<{ id: string; serviceId: string }> {
  const serviceId = system.sims.world.services.find((s) => s.accountId === 'ACC-0000003')!.id;
  const r = await gql(
    system.gatewayUrl,
    `mutation($id: ID!, $key: String!, $text: String!) { reportFault(input: { idempotencyKey: $key, serviceId: $id, category: noService, description: $text }) { ... on TroubleTicket { id } } }`,
    // A long description makes each payload large, so the socket's buffers fill after fewer events.
    {
      id: serviceId,
      key: `limits-${Date.now()}`,
      text: 'The line drops every evening around eight. '.repeat(40),
    },
    household,
  );
  return { id: r.data?.reportFault.id as string, serviceId };
}

describe('subscriptions: bad input and limits', () => {
  it('S5: malformed WebSocket messages get the protocol error; the gateway keeps serving', async () => {
    const garbage = await RawSocket.open(system);
    garbage.send('{ not json');
    expect((await garbage.closed).code).toBe(4400);

    const early = await RawSocket.open(system);
    early.send({ id: '1', type: 'subscribe', payload: { query: NOTIFICATIONS } });
    expect((await early.closed).code).toBe(4401);

    const socket = await RawSocket.open(system);
    await socket.init(household);
    const deep = `subscription { orderUpdated(id: "x") ${'{ items { offering { bundledOfferings '.repeat(4)}{ id } ${'} } }'.repeat(4)} }`;
    const cases: [string, unknown, string][] = [
      ['parse', { query: 'subscription {' }, 'GRAPHQL_PARSE_FAILED'],
      [
        'unknown field',
        { query: 'subscription { orderUpdatd(id: "1") { id } }' },
        'GRAPHQL_VALIDATION_FAILED',
      ],
      ['query', { query: '{ offerings { totalCount } }' }, 'BAD_REQUEST'],
      ['depth', { query: deep }, 'QUERY_LIMIT_EXCEEDED'],
      [
        'variables',
        { query: 'subscription($id: ID!) { orderUpdated(id: $id) { id } }', variables: { id: [1] } },
        'BAD_USER_INPUT',
      ],
    ];
    for (const [i, [, payload, code]] of cases.entries()) {
      socket.send({ id: `c${i}`, type: 'subscribe', payload });
      const answer = await socket.message((m) => m.id === `c${i}`);
      expect({ case: cases[i][0], type: answer.type, code: answer.payload?.[0]?.extensions?.code }).toEqual({
        case: cases[i][0],
        type: 'error',
        code,
      });
      // No "Did you mean ...?": the schema cannot be mapped from error messages.
      expect(JSON.stringify(answer.payload)).not.toMatch(/Did you mean/);
    }
    // A subscribe message without a query is no graphql-ws message: only that connection closes.
    socket.send({ id: 'q', type: 'subscribe', payload: { variables: {} } });
    expect((await socket.closed).code).toBe(4400);
    const client = wsClient(system, household);
    const feed = subscribe(client, NOTIFICATIONS);
    try {
      await until(() => openAtGateway(system) === 1, 'a valid subscription still opens');
    } finally {
      feed.stop();
      await client.dispose();
    }
    await until(() => openAtGateway(system) === 0, 'subscription closed');
  });

  it('S5: malformed and oversized SSE requests are refused before anything runs', async () => {
    const post = (body: string) =>
      fetch(system.gatewayUrl, {
        method: 'POST',
        headers: {
          accept: 'text/event-stream',
          'content-type': 'application/json',
          authorization: `Bearer ${household}`,
        },
        body,
      });
    expect((await post('{ not json')).status).toBe(400);
    expect((await post('[]')).status).toBe(400);
    const huge = await post(
      JSON.stringify({
        query: `subscription { notificationReceived { id ${' '.repeat(DEFAULT_LIMITS.bodyBytes)} } }`,
      }),
    );
    expect(huge.status).toBe(413);
    // A valid subscription over SSE with a bad token is UNAUTHENTICATED, not a stream.
    const client = sseClient(system, 'not-a-valid-token-at-all');
    try {
      expect((await subscribe(client, NOTIFICATIONS).end()).code).toBe('UNAUTHENTICATED');
    } finally {
      await client.dispose();
    }
  });

  it('S1: a WebSocket whose token is not valid is closed on connect (4401)', async () => {
    const socket = await RawSocket.open(system);
    socket.send({ type: 'connection_init', payload: { authorization: 'Bearer not-a-valid-token-at-all' } });
    const closed = await socket.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/not valid/);
  });

  it('S5: subscriptions per connection are bounded', async () => {
    const socket = await RawSocket.open(system);
    await socket.init(household);
    const max = DEFAULT_SUBSCRIPTION_LIMITS.perConnection;
    for (let i = 0; i <= max; i++)
      socket.send({ id: `n${i}`, type: 'subscribe', payload: { query: NOTIFICATIONS } });
    const refused = await socket.message((m) => m.type === 'error');
    expect(refused.payload[0].extensions.code).toBe('SUBSCRIPTION_LIMIT_EXCEEDED');
    expect(refused.payload[0].message).toBe(`At most ${max} subscriptions per connection.`);
    await until(() => openAtGateway(system) === max, 'the others stay open');
    socket.ws.close();
    await until(() => openAtGateway(system) === 0, 'closing the connection ends them all');
  });

  it("issue 16 item 4: a subscription's refusal is in the subscriber's language, with the same code", async () => {
    const socket = await RawSocket.open(system, { 'accept-language': 'zh-CN,zh;q=0.9' });
    await socket.init(household);
    const max = DEFAULT_SUBSCRIPTION_LIMITS.perConnection;
    for (let i = 0; i <= max; i++)
      socket.send({ id: `z${i}`, type: 'subscribe', payload: { query: NOTIFICATIONS } });
    const refused = await socket.message((m) => m.type === 'error');
    expect(refused.payload[0].extensions.code).toBe('SUBSCRIPTION_LIMIT_EXCEEDED');
    expect(refused.payload[0].message).toBe(
      ZH_HANS['At most {0} subscriptions per connection.'].replace('{0}', String(max)),
    );
    socket.ws.close();
    await until(() => openAtGateway(system) === 0, 'closing the connection ends them all');
  });

  it('S5: a client that never reads is cut off; one that reads the same events keeps up', async () => {
    const { id, serviceId } = await reportedTicket();
    // The description ten times over (aliases): large payloads fill the socket's buffers sooner.
    const copies = Array.from({ length: 10 }, (_, i) => `d${i}: description`).join(' ');
    const query = `subscription($id: ID!) { troubleTicketUpdated(id: $id) { id state ${copies} service { id } } }`;
    const reader = wsClient(system, household);
    const stalled = await RawSocket.open(system);
    await stalled.init(household);
    const feed = subscribe(reader, query, { id });
    stalled.send({ id: 's', type: 'subscribe', payload: { query, variables: { id } } });
    try {
      await until(() => openAtGateway(system) === 2, 'both registered');
      // The stalled client stops reading its socket: what the gateway sends piles up.
      stalled.ws.pause();
      let sent = 0;
      // Events paced by the reader: it is never behind, so only the stalled client can be cut off.
      while (openAtGateway(system) === 2 && sent < 20_000) {
        const batch = Array.from({ length: 20 }, () => ({
          type: 'ticket.updated' as const,
          source: 'test',
          customerId: null,
          subjectId: id,
          data: { serviceId, state: 'acknowledged', change: 'note' },
        }));
        await publish(system, ...batch);
        sent += batch.length;
        while (feed.payloads.length < sent && !feed.ended) await feed.next().catch(() => undefined);
      }
      expect(openAtGateway(system)).toBe(1);
      expect(feed.ended).toBe(false);
      expect(feed.payloads).toHaveLength(sent);
      stalled.ws.resume();
      expect((await stalled.closed).code).not.toBe(1000);
    } finally {
      feed.stop();
      await reader.dispose();
    }
    // Some hundred events pass before the socket's buffers are full: more than the default 30 s
    // on a loaded machine.
  }, 120_000);

  it('S5: stopping the gateway ends open WebSocket and SSE subscriptions', async () => {
    const ws = wsClient(system, household);
    const sse = sseClient(system, household);
    const feeds = [subscribe(ws, NOTIFICATIONS), subscribe(sse, NOTIFICATIONS)];
    await until(() => openAtGateway(system) === 2, 'both open');
    stopped = true;
    await system.stop({ drainTimeoutMs: 5_000 });
    for (const feed of feeds) await feed.end();
    expect(feeds.every((f) => f.ended)).toBe(true);
    await ws.dispose();
    await sse.dispose();
  });
});
