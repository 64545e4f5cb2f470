import { login } from '../../system/kit/sign-in';
import { openAtGateway, publish, subscribe, until, wsClient, type Feed } from '../support/subscriptions';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * Issue 13, reconnect storms: subscription checks (each a federated query) run a bounded number
 * at a time (limits.ts checksInFlight), the others wait their turn, so thousands of clients
 * reconnecting together do not send thousands of queries together. Here one check at a time, and
 * the fault management system answering each after 400 ms: five checks cannot end in less than
 * five answers' time, and every one of them still gets its own answer. Events are admitted the
 * same way (limits.ts eventsInFlight), so events published faster than the subgraphs answer wait
 * at the gateway rather than pile up in the subgraphs until their deadline passes.
 */
const LATENCY_MS = 400;
const CHECKS = 5;
let system: TestSystem;
let household: string;

beforeAll(async () => {
  system = await startTestSystem({
    subscriptions: { checksInFlight: 1, eventsInFlight: 1 },
    // Every check reaches the fault management system.
    caching: { response: false, legacy: false },
  });
  household = (await login(system, 'home.owner')).accessToken;
}, 120_000);
afterAll(async () => {
  system.sims.sims.faults.setFaults({ latencyMs: 0 });
  await system?.stop();
}, 60_000);

it('S5: subscription checks run one at a time when the gateway admits one; each still answers (NOT_FOUND for an unknown ticket)', async () => {
  const client = wsClient(system, household);
  system.sims.sims.faults.setFaults({ latencyMs: LATENCY_MS });
  const started = Date.now();
  const feeds: Feed[] = Array.from({ length: CHECKS }, (_, i) =>
    subscribe(client, `subscription($id: ID!) { troubleTicketUpdated(id: $id) { id } }`, {
      id: `TT-NO-SUCH-${i}`,
    }),
  );
  const ends = await Promise.all(feeds.map((f) => f.end()));
  const elapsed = Date.now() - started;
  expect(ends.map((e) => e.code)).toEqual(Array(CHECKS).fill('NOT_FOUND'));
  // Serialised: at least one legacy answer's time per check (a lower bound: load only adds).
  expect(elapsed).toBeGreaterThanOrEqual(CHECKS * LATENCY_MS);
  await client.dispose();
}, 60_000);

/** A new trouble ticket of the household's, reported through the gateway. */
async function reportedTicket(serviceId: string, i: number): Promise<string> {
  const r = await gql(
    system.gatewayUrl,
    `mutation($id: ID!, $key: String!) { reportFault(input: { idempotencyKey: $key, serviceId: $id, category: noService, description: "No dial tone." }) { ... on TroubleTicket { id } } }`,
    { id: serviceId, key: `admission-${Date.now()}-${i}` },
    household,
  );
  return r.data?.reportFault.id as string;
}

it('S5: events are re-resolved one at a time when the gateway admits one; each subscriber still gets its own ticket', async () => {
  system.sims.sims.faults.setFaults({ latencyMs: 0 });
  const serviceId = system.sims.world.services.find((s) => s.accountId === 'ACC-0000003')!.id;
  const tickets: string[] = [];
  for (let i = 0; i < CHECKS; i++) tickets.push(await reportedTicket(serviceId, i));
  const client = wsClient(system, household);
  const feeds = tickets.map((id) =>
    subscribe(client, `subscription($id: ID!) { troubleTicketUpdated(id: $id) { id } }`, { id }),
  );
  const updates = () =>
    publish(
      system,
      ...tickets.map((id) => ({
        type: 'ticket.updated' as const,
        source: 'test',
        customerId: null,
        subjectId: id,
        data: { serviceId, state: 'acknowledged', change: 'note' },
      })),
    );
  // Registered before their checks end; a first round of events, answered quickly, shows that
  // every check is over (an event waits for its subscription's check).
  await until(() => openAtGateway(system) === CHECKS, 'subscriptions registered');
  await updates();
  await Promise.all(feeds.map((f) => f.next()));

  system.sims.sims.faults.setFaults({ latencyMs: LATENCY_MS });
  const started = Date.now();
  // All at once, one per subscription: without admission all five queries would run together.
  await updates();
  const payloads = await Promise.all(feeds.map((f) => f.next()));
  const elapsed = Date.now() - started;
  expect(payloads.map((p) => p.errors)).toEqual(Array(CHECKS).fill(undefined));
  expect(payloads.map((p) => p.data?.troubleTicketUpdated.id)).toEqual(tickets);
  expect(elapsed).toBeGreaterThanOrEqual(CHECKS * LATENCY_MS);
  await client.dispose();
}, 60_000);
