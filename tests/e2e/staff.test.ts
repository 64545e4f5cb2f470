import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

let system: TestSystem;
let staff: string;
beforeAll(async () => {
  system = await startTestSystem();
  staff = (await login(system, 'ops.alice')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const ACT = `mutation($input: ActOnBehalfInput!) { actOnBehalfOf(input: $input) { accessToken customerId } }`;

describe('R5 operator staff (assisted self-service)', () => {
  it('R5 staff must state a reason and pick a customer before touching customer data', async () => {
    const before = await gql(system.gatewayUrl, `{ service(id: "SVC-0000061") { id } }`, {}, staff);
    expect(before.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noReason = await gql(
      system.gatewayUrl,
      ACT,
      { input: { customerId: 'CUST-000002', reason: 'x' } },
      staff,
    );
    expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await gql(
      system.gatewayUrl,
      ACT,
      { input: { customerId: 'CUST-999999', reason: 'Customer called about broadband' } },
      staff,
    );
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const customer = (await login(system, 'home.owner')).accessToken;
    const notStaff = await gql(
      system.gatewayUrl,
      ACT,
      { input: { customerId: 'CUST-000001', reason: 'I would like to look around' } },
      customer,
    );
    expect(notStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('R5 staff acting for a customer see and act on that customer only, and both identities are recorded', async () => {
    const acting = await gql(
      system.gatewayUrl,
      ACT,
      { input: { customerId: 'CUST-000002', reason: 'Customer called: broadband drops every evening' } },
      staff,
    );
    const token = acting.data?.actOnBehalfOf.accessToken;
    expect(acting.data?.actOnBehalfOf.customerId).toBe('CUST-000002');
    const bb = system.sims.world.services.find(
      (s) => s.customerId === 'CUST-000002' && s.type === 'BROADBAND',
    ) as { id: string };
    const view = await gql(
      system.gatewayUrl,
      `query($id: ID!) { service(id: $id) { id networkStatus { reachable } } }`,
      { id: bb.id },
      token,
    );
    expect(view.errors).toBeUndefined();
    const ticket = await gql(
      system.gatewayUrl,
      `mutation($id: ID!) { reportFault(input: { idempotencyKey: "r5-ticket-01", serviceId: $id, category: slowService, description: "Reported by phone to the help desk" }) { __typename } }`,
      { id: bb.id },
      token,
    );
    expect(ticket.data?.reportFault.__typename).toBe('TroubleTicket');
    const other = await gql(system.gatewayUrl, `{ service(id: "SVC-0000001") { id } }`, {}, token);
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const grant = await gql(
      system.gatewayUrl,
      `mutation { grantAuthorization(input: { granteeId: "x", capabilities: [USAGE_VIEW], serviceIds: ["SVC-0000061"] }) { __typename } }`,
      {},
      token,
    );
    expect(grant.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const rows = await system.db.query<{
      kind: string;
      actor_id: string;
      customer_id: string;
      reason: string | null;
    }>(
      "SELECT kind, actor_id, customer_id, detail->>'reason' AS reason FROM security_events WHERE actor_id = 'ops.alice' ORDER BY id",
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          kind: 'ASSISTED_ACCESS',
          actor_id: 'ops.alice',
          customer_id: 'CUST-000002',
          reason: 'Customer called: broadband drops every evening',
        },
      ]),
    );
    const manager = (await login(system, 'home.owner')).accessToken;
    const seen = await gql(
      system.gatewayUrl,
      `{ securityEvents(kind: ASSISTED_ACCESS) { edges { node { actorId } } } }`,
      {},
      manager,
    );
    expect(seen.data?.securityEvents.edges.map((e: any) => e.node.actorId)).toEqual(['ops.alice']);
  });

  it('R5 S4 staff can query the security events of all customers; managers only their own', async () => {
    const all = await gql(
      system.gatewayUrl,
      `{ securityEvents(first: 200) { edges { node { customerId kind } } } }`,
      {},
      staff,
    );
    const customers = new Set(
      all.data?.securityEvents.edges.map((e: any) => e.node.customerId).filter(Boolean),
    );
    expect(customers.size).toBeGreaterThanOrEqual(2);
    const one = await gql(
      system.gatewayUrl,
      `{ securityEvents(customerId: "CUST-000002", first: 200) { edges { node { customerId } } } }`,
      {},
      staff,
    );
    expect(new Set(one.data?.securityEvents.edges.map((e: any) => e.node.customerId))).toEqual(
      new Set(['CUST-000002']),
    );
    const manager = (await login(system, 'home.owner')).accessToken;
    const foreign = await gql(
      system.gatewayUrl,
      `{ securityEvents(customerId: "CUST-000001") { totalCount } }`,
      {},
      manager,
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
