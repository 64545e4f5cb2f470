import { login } from '../../system/kit/sign-in';
import { subscribe, wsClient, type Feed } from '../support/subscriptions';
import { startTestSystem, type TestSystem } from '../support/system';

/**
 * Issue 13, reconnect storms: subscription checks (each a federated query) run a bounded number
 * at a time (limits.ts checksInFlight), the others wait their turn, so thousands of clients
 * reconnecting together do not send thousands of queries together. Here one check at a time, and
 * the fault management system answering each after 400 ms: five checks cannot end in less than
 * five answers' time, and every one of them still gets its own answer.
 */
const LATENCY_MS = 400;
const CHECKS = 5;
let system: TestSystem;
let household: string;

beforeAll(async () => {
  system = await startTestSystem({
    subscriptions: { checksInFlight: 1 },
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
