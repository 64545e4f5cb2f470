import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

let system: TestSystem;
let manager: string;
const readyz = async () =>
  (await (await fetch(system.gatewayUrl.replace('/graphql', '/readyz'))).json()) as {
    status: string;
    legacy: Record<string, string>;
  };

beforeAll(async () => {
  system = await startTestSystem({
    // Long enough that the breaker cannot half-open while the test watches it fail fast, however
    // slow a loaded machine makes the five requests; recovery is awaited by polling, not a sleep.
    resilience: { failuresToOpen: 5, halfOpenAfterMs: 4000 },
    // Caching off: every read here must reach the legacy systems.
    caching: { response: false, legacy: false },
  });
  manager = (await login(system, 'nw.manager')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const bill = () =>
  system.sims.world.bills.find((b) => b.accountId === 'ACC-0000001' && b.state === 'sent') as {
    id: string;
    amountDue: number;
  };

describe('legacy failure handling: retries for reads, never for writes, circuit breakers', () => {
  it('retries a read that failed fast, with backoff, and answers', async () => {
    const billing = system.sims.sims.billing;
    billing.resetCalls();
    billing.setFaults({ failNext: 2 });
    const r = await gql(
      system.gatewayUrl,
      `query($id: ID!) { bill(id: $id) { id state } }`,
      { id: bill().id },
      manager,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.bill.id).toBe(bill().id);
    // Two failed attempts and the third that answered.
    expect(billing.callCount('getBills')).toBe(3);
  });

  it('never retries a write: a failed payment is reported once and charged never', async () => {
    const billing = system.sims.sims.billing;
    billing.resetCalls();
    billing.setFaults({ failNext: 1, failOperation: 'createPayment' });
    const b = bill();
    const r = await gql(
      system.gatewayUrl,
      `mutation($input: PayBillInput!) { payBill(input: $input) { __typename } }`,
      {
        input: {
          idempotencyKey: 'resilience-pay-1',
          billId: b.id,
          amountMinorUnits: b.amountDue,
          method: 'CARD',
        },
      },
      manager,
    );
    expect(r.errors?.[0].extensions?.code).toBe('UPSTREAM_ERROR');
    expect(billing.callCount('createPayment')).toBe(1);
    expect(system.sims.payments.filter((p) => p.billId === b.id)).toHaveLength(0);
    billing.setFaults({ failOperation: null });
  });

  it('opens the breaker of a failing system, fails fast while open, probes and closes once it is back', async () => {
    const faults = system.sims.sims.faults;
    const svc = system.sims.world.services.find((s) => s.customerId === 'CUST-000001') as { id: string };
    const q = `query($id: ID!) { service(id: $id) { id identifier networkStatus { provisioned } } }`;
    faults.setFaults({ down: true });
    try {
      // Each read is tried three times; five consecutive failures open the breaker.
      for (let i = 0; i < 2; i++) await gql(system.gatewayUrl, q, { id: svc.id }, manager);
      expect((await readyz()).legacy.faults).toBe('down');
      faults.resetCalls();
      for (let i = 0; i < 5; i++) {
        const r = await gql(system.gatewayUrl, q, { id: svc.id }, manager);
        // Partial result: the orders subgraph's fields are there, the fault system's are typed errors.
        expect(r.data?.service.identifier).toMatch(/^\+/);
        expect(r.data?.service.networkStatus).toBeNull();
        expect(r.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
        expect(r.errors?.[0].message).toMatch(/circuit open/);
      }
      // Fail fast: the fault system was not called while the breaker was open.
      expect(faults.callCount()).toBe(0);
      const health = await readyz();
      expect(health.status).toBe('degraded');
    } finally {
      faults.setFaults({ down: false });
    }
    // The breaker half-opens after 4 s; the first read after that probes the system and closes it.
    let recovered = await gql(system.gatewayUrl, q, { id: svc.id }, manager);
    for (let tries = 0; recovered.errors && tries < 60; tries++) {
      await new Promise((r) => setTimeout(r, 250));
      recovered = await gql(system.gatewayUrl, q, { id: svc.id }, manager);
    }
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data?.service.networkStatus).not.toBeNull();
    const health = await readyz();
    expect(health.legacy.faults).toBe('ok');
    expect(health.status).toBe('ready');
  });
});
