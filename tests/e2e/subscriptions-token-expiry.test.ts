import { signAccessToken, verifyAccessToken } from '../../lib/actor';
import { login } from '../../system/kit/sign-in';
import { openAtGateway, publish, subscribe, until, wsClient } from '../support/subscriptions';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * Issue 13: a subscription re-checks its subscriber on every event. The token's signature is
 * verified once (engine.ts reauthenticate keeps the verified credential), but its expiry is checked
 * on every event: a token that expires while the subscription is open ends it on the next event,
 * with the same error a request with that token gets.
 */
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
}, 120_000);
afterAll(async () => {
  await system?.stop();
});

it('S1: a subscription whose access token expired ends on the next event with UNAUTHENTICATED, like a request', async () => {
  const { accessToken } = await login(system, 'home.owner');
  const secret = system.secrets.tokenSecret;
  const claims = await verifyAccessToken(accessToken, secret);
  // The same open session, with a token that lives 3 s.
  const short = await signAccessToken({ ...claims, tokenId: `${claims.tokenId}-short` }, secret, 3);
  const serviceId = system.sims.world.services.find((s) => s.accountId === 'ACC-0000003')!.id;
  const reported = await gql(
    system.gatewayUrl,
    `mutation($id: ID!, $key: String!) { reportFault(input: { idempotencyKey: $key, serviceId: $id, category: noService, description: "No dial tone." }) { ... on TroubleTicket { id } } }`,
    { id: serviceId, key: `token-expiry-${Date.now()}` },
    accessToken,
  );
  const ticket = reported.data?.reportFault.id as string;
  const update = () =>
    publish(system, {
      type: 'ticket.updated',
      source: 'test',
      customerId: null,
      subjectId: ticket,
      data: { serviceId, state: 'acknowledged', change: 'note' },
    });

  const client = wsClient(system, short.token);
  const feed = subscribe(client, `subscription($id: ID!) { troubleTicketUpdated(id: $id) { id } }`, {
    id: ticket,
  });
  await until(() => openAtGateway(system) === 1, 'subscription registered');
  await update();
  expect((await feed.next()).data).toEqual({ troubleTicketUpdated: { id: ticket } });

  // Past the token's expiry (whole seconds): the next event ends the subscription.
  await new Promise((r) => setTimeout(r, short.expiresAt.getTime() - Date.now() + 1_100));
  await update();
  const end = await feed.end();
  expect(end.code).toBe('UNAUTHENTICATED');
  expect(end.message).toBe('The access token has expired; refresh the session.');
  expect(end.payloads).toHaveLength(1);
  // A request with the same token is refused the same way.
  const request = await gql(system.gatewayUrl, '{ me { id } }', {}, short.token);
  expect(request.errors?.[0].message).toBe('The access token has expired; refresh the session.');
  await client.dispose();
}, 60_000);
