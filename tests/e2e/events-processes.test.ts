import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { freePort } from '../../lib/http';
import { RedisStore } from '../../lib/kv';
import { DEMO_SIZE } from '../../mocks/seed/generate';
import { joiningEnvironment, startServerScript, stopChild } from '../../system/kit/processes';
import type { ScratchDatabase } from '../../system/kit/scratch-database';
import { login } from '../../system/kit/sign-in';
import { startSystem, type RunningSystem } from '../../system/system';
import { inheritedEnvironment } from '../support/gateway-process';
import { gql, testDatabase } from '../support/system';

/**
 * Issue 13, item 5: many processes. The simulators and subgraphs run in this test process, TWO
 * gateway processes (scripts/gateway.ts) beside them, all on one Redis prefix (the Redis Streams
 * event bus, lib/events/redis-bus.ts) and one database schema (the outbox). An order placed and
 * cancelled through gateway 1 is recorded as events by the orders subgraph here; a subscriber
 * connected to gateway 2 receives them.
 */
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const GATEWAYS = 2;

let store: RedisStore;
let database: ScratchDatabase;
let system: RunningSystem;
const children: ChildProcess[] = [];
const gateways: string[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  const keyPrefix = `events-processes:${randomUUID()}:`;
  store = RedisStore.connect(redisUrl, keyPrefix);
  database = await testDatabase();
  system = await startSystem({
    db: database.db,
    store,
    seedDemoGrants: true,
    // Long enough that the order is still waiting (cancellable) when the test cancels it.
    simulators: { seed: { ...DEMO_SIZE, customers: 60 }, provisioningDelayMs: 60_000 },
    startGateway: false,
  });
  const env = {
    ...inheritedEnvironment(),
    ...joiningEnvironment(system, { redisUrl, keyPrefix, database }),
    LOG_LEVEL: 'warn',
  };
  for (let i = 0; i < GATEWAYS; i++) {
    const port = await freePort();
    children.push(
      await startServerScript('gateway.ts', { ...env, PORT: String(port) }, { timeoutMs: 60_000 }),
    );
    gateways.push(`http://127.0.0.1:${port}/graphql`);
  }
}, 120_000);

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await Promise.all(children.map((child) => stopChild(child, 'SIGTERM')));
  await system?.stop();
  await store?.close();
  await database?.drop();
});

const PLACE = `mutation($input: PlaceProductOrderInput!) { placeProductOrder(input: $input) {
  __typename ... on ProductOrder { id state } ... on OrderRejected { reason } } }`;
const CANCEL = `mutation($input: CancelProductOrderInput!) { cancelProductOrder(input: $input) {
  __typename ... on ProductOrder { id state } ... on OrderCancellationRefused { reason } } }`;
const ORDER_UPDATED = `subscription($id: ID!) { orderUpdated(id: $id) { id state } }`;

/** The open WebSocket subscriptions a gateway process reports on /metrics. */
async function openOn(gatewayUrl: string): Promise<number> {
  const text = await (await fetch(gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
  const line = text.split('\n').find((l) => l.startsWith('ssm_gateway_subscriptions_open{transport="ws"}'));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('issue 13 item 5: events across processes', () => {
  it('F9: a subscriber on gateway 2 receives the order events a subgraph in another process recorded for an order placed through gateway 1', async () => {
    const [first, second] = gateways;
    const user = system.sims.world.users.find((u) => u.id === 'home.owner');
    const account = system.sims.world.accounts.find(
      (a) => a.customerId === user?.customerId && a.billingMode === 'POSTPAID',
    );
    if (!user || !account) throw new Error('the seed has no household');
    // Signed in through gateway 1; the session lives in the shared Redis, so gateway 2 knows it.
    const { accessToken } = await login({ gatewayUrl: first, sims: system.sims }, user.id);

    const placed = await gql(
      first,
      PLACE,
      {
        input: {
          idempotencyKey: `events-processes-${randomUUID()}`,
          accountId: account.id,
          items: [{ offeringId: 'OFF-TV-PLUS' }],
        },
      },
      accessToken,
    );
    expect(placed.data?.placeProductOrder.__typename).toBe('ProductOrder');
    const orderId = placed.data?.placeProductOrder.id as string;

    const client = createClient({
      url: second.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${accessToken}` },
      retryAttempts: 0,
    });
    clients.push(client);
    const received: { id: string; state: string }[] = [];
    const ended = new Promise<void>((resolve, reject) =>
      client.subscribe<{ orderUpdated: { id: string; state: string } }>(
        { query: ORDER_UPDATED, variables: { id: orderId } },
        {
          next: (result) => {
            if (result.errors) reject(new Error(JSON.stringify(result.errors)));
            else if (result.data) received.push(result.data.orderUpdated);
          },
          error: (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))),
          complete: () => resolve(),
        },
      ),
    );
    // Open at gateway 2 before the change: an event published earlier is not this subscription's.
    while ((await openOn(second)) < 1) await new Promise((r) => setTimeout(r, 50));

    const cancelled = await gql(
      first,
      CANCEL,
      { input: { orderId, idempotencyKey: `cancel-${orderId}` } },
      accessToken,
    );
    expect(cancelled.data?.cancelProductOrder.__typename).toBe('ProductOrder');
    // The cancellation is the order's last state: the subscription delivers it and completes.
    await ended;

    expect(system.sims.orders.get(orderId)?.state).toBe('cancelled');
    expect(received.length).toBeGreaterThan(0);
    expect(received.every((o) => o.id === orderId)).toBe(true);
    expect(received[received.length - 1]).toEqual({ id: orderId, state: 'cancelled' });
  }, 60_000);
});
