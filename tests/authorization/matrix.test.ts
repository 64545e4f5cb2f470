import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';
import { ACTORS, MATRIX, type ActorKind } from '../../system/kit/authorization-matrix/matrix';
import { renderMatrix } from '../../system/kit/authorization-matrix/render';

let system: TestSystem;
const tokens: Partial<Record<ActorKind, string>> = {};
let targets: Record<string, string>;

beforeAll(async () => {
  system = await startTestSystem();
  const northwind = system.sims.world.services.filter(
    (s) => s.customerId === 'CUST-000001' && s.accountId === 'ACC-0000001',
  );
  targets = {
    SVC: northwind[30].id,
    OWN: northwind[0].id,
    LIFECYCLE: northwind[40].id,
    BILL: (system.sims.world.bills.find((b) => b.accountId === 'ACC-0000001') as { id: string }).id,
  };
  const users: [ActorKind, string][] = [
    ['manager', 'nw.manager'],
    ['auth1', 'nw.config'],
    ['auth2', 'nw.support'],
    ['auth3', 'nw.finance'],
    ['ssmUser', 'nw.employee01'],
    ['staffIdle', 'ops.alice'],
  ];
  for (const [kind, user] of users) tokens[kind] = (await login(system, user)).accessToken;
  const acting = await gql(
    system.gatewayUrl,
    `mutation { actOnBehalfOf(input: { customerId: "CUST-000001", reason: "Authorization matrix run" }) { accessToken } }`,
    {},
    tokens.staffIdle,
  );
  tokens.staff = acting.data?.actOnBehalfOf.accessToken;
  const order = await gql(
    system.gatewayUrl,
    `mutation { placeProductOrder(input: { idempotencyKey: "matrix-order", accountId: "ACC-0000001", items: [{ offeringId: "OFF-TV-PLUS" }] }) { ... on ProductOrder { id } ... on OrderRejected { reason } } }`,
    {},
    tokens.manager,
  );
  targets.ORDER = order.data?.placeProductOrder.id;
  if (!targets.ORDER) throw new Error(`no order to cancel: ${JSON.stringify(order)}`);
  // A1 rows: a ticket of their own to close and reopen (not resolved: both are typed refusals).
  const ticket = await gql(
    system.gatewayUrl,
    `mutation { reportFault(input: { idempotencyKey: "matrix-ticket", serviceId: "${targets.SVC}", category: other, description: "Matrix close/reopen target" }) { ... on TroubleTicket { id } } }`,
    {},
    tokens.manager,
  );
  targets.TICKET = ticket.data?.reportFault.id;
  if (!targets.TICKET) throw new Error(`no ticket to close: ${JSON.stringify(ticket)}`);
  const employeeTicket = await gql(
    system.gatewayUrl,
    `mutation { reportFault(input: { idempotencyKey: "matrix-ticket-own", serviceId: "${targets.OWN}", category: other, description: "Matrix close target of the SSM user" }) { ... on TroubleTicket { id } } }`,
    {},
    tokens.ssmUser,
  );
  targets.EMPLOYEE_TICKET = employeeTicket.data?.reportFault.id;
  if (!targets.EMPLOYEE_TICKET) throw new Error(`no own ticket to close: ${JSON.stringify(employeeTicket)}`);
  // S5 row: a Northwind SSM user no actor signs in as (the eraseUser row erases it, last of all).
  targets.ERASABLE = 'nw.employee02';
  const partner = await gql(
    system.gatewayUrl,
    `mutation { partnerToken(input: { clientId: "client-partner-cp-1", clientSecret: "secret-partner-cp-1" }) { ... on PartnerToken { accessToken } } }`,
  );
  tokens.partner = partner.data?.partnerToken.accessToken;
});
afterAll(async () => {
  await system.stop();
});

const DENIED = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']);

describe('S2 authorization matrix (every actor x every operation, through the gateway)', () => {
  it('S2 the table in docs/authorization-matrix.md is the one the tests run', () => {
    expect(readFileSync(path.join(__dirname, '../../docs/authorization-matrix.md'), 'utf8')).toBe(
      renderMatrix(),
    );
  });

  it.each(MATRIX)('S2 $operation', async (row) => {
    expect(row.expect).toHaveLength(ACTORS.length);
    const outcomes: string[] = [];
    for (const actor of ACTORS) {
      const query = Object.entries(targets).reduce(
        (q, [k, v]) => q.replaceAll(`$${k}`, v),
        row.query.replaceAll('$ACTOR', actor),
      );
      const r = await gql(system.gatewayUrl, query, {}, tokens[actor]);
      const denied = (r.errors ?? []).some((e) => DENIED.has(String(e.extensions?.code)));
      const failed = (r.errors ?? []).filter((e) => !DENIED.has(String(e.extensions?.code)));
      // Anything but an access decision would make the cell meaningless.
      expect({ actor, unexpected: failed }).toEqual({ actor, unexpected: [] });
      outcomes.push(denied ? '.' : 'A');
    }
    expect(outcomes.join('')).toBe(row.expect);
  });
});
