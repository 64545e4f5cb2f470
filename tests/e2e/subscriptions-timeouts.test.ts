import { startTestSystem, type TestSystem } from '../support/system';
import { RawSocket, openAtGateway, until } from '../support/subscriptions';
import { login } from '../../system/kit/sign-in';

/**
 * Connection upkeep (issue 13): idle WebSockets are closed, a socket that stops answering pings is
 * terminated, and one session holds a bounded number of subscriptions across its connections.
 * The gateway runs with small bounds so each is reached quickly.
 */
let system: TestSystem;
let household: string;

beforeAll(async () => {
  system = await startTestSystem({
    subscriptions: { idleMs: 300, heartbeatMs: 300, perActor: 3 },
  });
  household = (await login(system, 'home.owner')).accessToken;
  // Starting a system takes longer than Jest's 30 s on a loaded 2-core machine.
}, 120_000);
afterAll(async () => {
  await system.stop();
}, 60_000);

const NOTIFICATIONS = { query: 'subscription { notificationReceived { id } }' };

it('S5: a WebSocket with no subscription is closed when idle', async () => {
  const socket = await RawSocket.open(system);
  await socket.init(household);
  const closed = await socket.closed;
  expect(closed.code).toBe(4000);
  expect(closed.reason).toMatch(/Idle/);
});

it('S5: a socket that stops answering pings is terminated and its subscriptions end', async () => {
  const socket = await RawSocket.open(system);
  await socket.init(household);
  socket.send({ id: 'a', type: 'subscribe', payload: NOTIFICATIONS });
  await until(() => openAtGateway(system) === 1, 'subscription registered');
  // A paused socket reads nothing, so it answers no ping.
  socket.ws.pause();
  await until(() => openAtGateway(system) === 0, 'the gateway let go of the dead socket');
  socket.ws.resume();
  expect((await socket.closed).code).toBe(1006);
});

it('S5: one session holds a bounded number of subscriptions, across its connections', async () => {
  const first = await RawSocket.open(system);
  const second = await RawSocket.open(system);
  await first.init(household);
  await second.init(household);
  first.send({ id: 'a', type: 'subscribe', payload: NOTIFICATIONS });
  first.send({ id: 'b', type: 'subscribe', payload: NOTIFICATIONS });
  second.send({ id: 'c', type: 'subscribe', payload: NOTIFICATIONS });
  await until(() => openAtGateway(system) === 3, 'three open');
  second.send({ id: 'd', type: 'subscribe', payload: NOTIFICATIONS });
  const refused = await second.message((m) => m.id === 'd');
  expect(refused.type).toBe('error');
  expect(refused.payload[0].extensions.code).toBe('SUBSCRIPTION_LIMIT_EXCEEDED');
  // Another session of the same user is not held to this one's count.
  const other = await RawSocket.open(system);
  await other.init((await login(system, 'home.owner')).accessToken);
  other.send({ id: 'e', type: 'subscribe', payload: NOTIFICATIONS });
  await until(() => openAtGateway(system) === 4, 'another session subscribes');
  for (const s of [first, second, other]) s.ws.close();
  await until(() => openAtGateway(system) === 0, 'all closed');
});
