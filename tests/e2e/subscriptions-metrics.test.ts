import { login } from '../../system/kit/sign-in';
import { openAtGateway, publish, subscribe, until, wsClient } from '../support/subscriptions';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * Issue 13 (operating it): /metrics tells how long events take to reach subscribers, split where
 * an operator would look: `bus` (from the event's time to the gateway matching it) and `gateway`
 * (from matching to the payload sent). An event whose change happened 20 s before it was
 * published shows in the bus stage's 30 s bucket and not its 10 s one; an event nobody follows
 * is not counted.
 */
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
}, 120_000);
afterAll(async () => {
  await system?.stop();
});

/** The histogram's series as name{labels} -> value. */
async function delaySeries(): Promise<Map<string, number>> {
  const text = await (await fetch(system.gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
  return new Map(
    text
      .split('\n')
      .filter((l) => l.startsWith('ssm_gateway_subscription_event_delay_seconds'))
      .map((l) => [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ') + 1))]),
  );
}

it('issue 13: event delays on /metrics, by stage (bus, gateway), for events that reach a subscriber', async () => {
  const { accessToken } = await login(system, 'home.owner');
  const serviceId = system.sims.world.services.find((s) => s.accountId === 'ACC-0000003')!.id;
  const reported = await gql(
    system.gatewayUrl,
    `mutation($id: ID!, $key: String!) { reportFault(input: { idempotencyKey: $key, serviceId: $id, category: noService, description: "No dial tone." }) { ... on TroubleTicket { id } } }`,
    { id: serviceId, key: `metrics-${Date.now()}` },
    accessToken,
  );
  const ticket = reported.data?.reportFault.id as string;
  const client = wsClient(system, accessToken);
  const feed = subscribe(client, `subscription($id: ID!) { troubleTicketUpdated(id: $id) { id } }`, {
    id: ticket,
  });
  await until(() => openAtGateway(system) === 1, 'subscription registered');
  const before = await delaySeries();
  const updated = (subjectId: string) => ({
    type: 'ticket.updated' as const,
    source: 'test',
    customerId: null,
    subjectId,
    data: { serviceId, state: 'acknowledged', change: 'note' },
    time: new Date(Date.now() - 20_000).toISOString(),
  });
  // One nobody follows (not counted), then the followed ticket's.
  await publish(system, updated('TT-NOBODY-FOLLOWS'), updated(ticket));
  expect((await feed.next()).data).toEqual({ troubleTicketUpdated: { id: ticket } });

  const after = await delaySeries();
  const added = (series: string) => (after.get(series) ?? 0) - (before.get(series) ?? 0);
  expect(added('ssm_gateway_subscription_event_delay_seconds_count{stage="bus"}')).toBe(1);
  expect(added('ssm_gateway_subscription_event_delay_seconds_bucket{le="10",stage="bus"}')).toBe(0);
  expect(added('ssm_gateway_subscription_event_delay_seconds_bucket{le="30",stage="bus"}')).toBe(1);
  expect(added('ssm_gateway_subscription_event_delay_seconds_count{stage="gateway"}')).toBe(1);
  await client.dispose();
}, 60_000);
