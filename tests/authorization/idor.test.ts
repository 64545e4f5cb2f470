import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

/**
 * IDOR suite (S3): actors try every operation that takes an id with ids they must not reach —
 * another customer's, and their own customer's outside their grants — including nested paths
 * that reach entities through other subgraphs. Every attempt must be refused and leak nothing.
 */
let system: TestSystem;
const tokens: Record<string, string> = {};
const victims: Record<string, Record<string, string[]>> = {};
let attempts = 0;

const OPERATIONS: { name: string; kind: keyof Victim; query: string }[] = [
  { name: 'service', kind: 'service', query: `{ x: service(id: "$ID") { id identifier state } }` },
  {
    name: 'service->offering,account,customer',
    kind: 'service',
    query: `{ x: service(id: "$ID") { offering { name } account { name } customer { name } } }`,
  },
  {
    name: 'service->tickets,status',
    kind: 'service',
    query: `{ x: service(id: "$ID") { troubleTickets { totalCount } networkStatus { reachable } } }`,
  },
  {
    name: 'service->usage,charges,balance',
    kind: 'service',
    query: `{ x: service(id: "$ID") { currentCharges { recordCount } prepaidBalance { asOf } usage(from: "2026-01-01", to: "2026-02-01") { totalCount } } }`,
  },
  {
    name: 'spendReport',
    kind: 'service',
    query: `{ me { customer { x: spendReport(serviceIds: ["$ID"], from: "2026-01-01", to: "2026-02-01") { records } } } }`,
  },
  {
    name: 'changeServiceParameters',
    kind: 'service',
    query: `mutation { x: changeServiceParameters(input: { idempotencyKey: "idor-key-$N", serviceId: "$ID", parameters: [{ name: "voicemail", value: "false" }] }) { __typename } }`,
  },
  {
    name: 'configureCallRestrictions',
    kind: 'service',
    query: `mutation { x: configureCallRestrictions(input: { idempotencyKey: "idor-key-$N", serviceId: "$ID", restrictions: [] }) { __typename } }`,
  },
  {
    name: 'suspendService',
    kind: 'service',
    query: `mutation { x: suspendService(input: { idempotencyKey: "idor-key-$N", serviceId: "$ID" }) { __typename } }`,
  },
  {
    name: 'terminateService',
    kind: 'service',
    query: `mutation { x: terminateService(input: { idempotencyKey: "idor-key-$N", serviceId: "$ID" }) { __typename } }`,
  },
  {
    name: 'reportFault',
    kind: 'service',
    query: `mutation { x: reportFault(input: { idempotencyKey: "idor-key-$N", serviceId: "$ID", category: other, description: "idor" }) { __typename } }`,
  },
  {
    name: 'startServiceTest',
    kind: 'service',
    query: `mutation { x: startServiceTest(input: { serviceId: "$ID", kind: SLA_TEST }) { __typename } }`,
  },
  {
    name: 'submitExperienceReport',
    kind: 'service',
    query: `mutation { x: submitExperienceReport(input: { idempotencyKey: "idor-key-$N", serviceId: "$ID", areaId: "AREA-01", kind: OTHER }) { id } }`,
  },
  {
    name: 'grantAuthorization(service)',
    kind: 'service',
    query: `mutation { x: grantAuthorization(input: { granteeId: "$GRANTEE", capabilities: [USAGE_VIEW], serviceIds: ["$ID"] }) { __typename ... on Authorization { id } } }`,
  },
  { name: 'account', kind: 'account', query: `{ x: account(id: "$ID") { name customer { name } } }` },
  {
    name: 'placeProductOrder',
    kind: 'account',
    query: `mutation { x: placeProductOrder(input: { idempotencyKey: "idor-key-$N", accountId: "$ID", items: [{ offeringId: "OFF-MOB-S" }] }) { __typename } }`,
  },
  {
    name: 'changeBillingMode',
    kind: 'account',
    query: `mutation { x: changeBillingMode(input: { accountId: "$ID", billingMode: POSTPAID }) { __typename } }`,
  },
  {
    name: 'updateEBillSettings',
    kind: 'account',
    query: `mutation { x: updateEBillSettings(input: { accountId: "$ID", enabled: false }) { __typename } }`,
  },
  {
    name: 'updatePaymentSettings',
    kind: 'account',
    query: `mutation { x: updatePaymentSettings(input: { accountId: "$ID", autoPay: true }) { __typename } }`,
  },
  {
    name: 'grantAuthorization(account)',
    kind: 'account',
    query: `mutation { x: grantAuthorization(input: { granteeId: "$GRANTEE", capabilities: [USAGE_VIEW], accountId: "$ID" }) { __typename ... on Authorization { id } } }`,
  },
  {
    name: 'bill',
    kind: 'bill',
    query: `{ x: bill(id: "$ID") { state amountDue { amount } items { service { identifier } } } }`,
  },
  {
    name: 'payBill',
    kind: 'bill',
    query: `mutation { x: payBill(input: { idempotencyKey: "idor-key-$N", billId: "$ID", amountMinorUnits: 1, method: CARD }) { __typename } }`,
  },
  {
    name: 'productOrder',
    kind: 'order',
    query: `{ x: productOrder(id: "$ID") { state items { service { identifier } offering { name } } } }`,
  },
  {
    name: 'troubleTicket',
    kind: 'ticket',
    query: `{ x: troubleTicket(id: "$ID") { description notes { text } service { identifier } } }`,
  },
  {
    name: 'addTicketNote',
    kind: 'ticket',
    query: `mutation { x: addTicketNote(input: { ticketId: "$ID", text: "idor" }) { __typename } }`,
  },
  {
    name: 'serviceTest',
    kind: 'test',
    query: `{ x: serviceTest(id: "$ID") { state service { identifier } } }`,
  },
  {
    name: 'customer',
    kind: 'customer',
    query: `{ x: customer(id: "$ID") { name contact { email } accounts { id } users { id } } }`,
  },
  {
    name: 'revokeAuthorization',
    kind: 'grant',
    query: `mutation { x: revokeAuthorization(authorizationId: "$ID") { __typename ... on Authorization { id } } }`,
  },
];

type Victim = {
  service: string[];
  account: string[];
  bill: string[];
  order: string[];
  ticket: string[];
  test: string[];
  customer: string[];
  grant: string[];
};

beforeAll(async () => {
  system = await startTestSystem();
  for (const u of ['nw.manager', 'home.owner', 'nw.support', 'nw.employee01', 'pre.user'])
    tokens[u] = (await login(system, u)).accessToken;
  const world = system.sims.world;
  const nwServices = world.services.filter((s) => s.customerId === 'CUST-000001');
  // Northwind objects that only Northwind may reach: an order, a test and a ticket of its own.
  const order = await gql(
    system.gatewayUrl,
    `mutation { placeProductOrder(input: { idempotencyKey: "victim-order-1", accountId: "ACC-0000002", items: [{ offeringId: "OFF-MOB-BIZ" }] }) { ... on ProductOrder { id } } }`,
    {},
    tokens['nw.manager'],
  );
  const travel = nwServices.filter((s) => s.accountId === 'ACC-0000002');
  const test = await gql(
    system.gatewayUrl,
    `mutation($id: ID!) { startServiceTest(input: { serviceId: $id, kind: SLA_TEST }) { ... on ServiceTest { id } } }`,
    { id: travel[0].id },
    tokens['nw.manager'],
  );
  const ticket = await gql(
    system.gatewayUrl,
    `mutation($id: ID!) { reportFault(input: { idempotencyKey: "victim-ticket-1", serviceId: $id, category: other, description: "victim" }) { ... on TroubleTicket { id } } }`,
    { id: travel[0].id },
    tokens['nw.manager'],
  );
  const grants = await system.db.query<{ id: string }>(
    "SELECT id FROM grants WHERE customer_id = 'CUST-000001'",
  );
  const nwBills = world.bills.filter(
    (b) => b.accountId.startsWith('ACC-000000') && ['ACC-0000001', 'ACC-0000002'].includes(b.accountId),
  );
  const northwind: Victim = {
    service: [nwServices[0].id, nwServices[3].id, travel[0].id, travel[1].id],
    account: ['ACC-0000001', 'ACC-0000002'],
    bill: nwBills.slice(0, 4).map((b) => b.id),
    order: [order.data?.placeProductOrder.id],
    ticket: [
      ticket.data?.reportFault.id,
      world.tickets.find((t) => t.customerId === 'CUST-000001')?.id as string,
    ],
    test: [test.data?.startServiceTest.id],
    customer: ['CUST-000001'],
    grant: grants.map((g) => g.id),
  };
  victims['home.owner'] = northwind;
  // R4: a partner system whose products Northwind does not even use.
  const partner = await gql(
    system.gatewayUrl,
    `mutation { partnerToken(input: { clientId: "client-partner-cp-2", clientSecret: "secret-partner-cp-2" }) { ... on PartnerToken { accessToken } } }`,
  );
  tokens.partner = partner.data?.partnerToken.accessToken;
  victims.partner = northwind;
  victims['pre.user'] = northwind;
  // Own customer, outside the grants: the travel account is not in nw.support's scope.
  victims['nw.support'] = {
    service: travel.slice(0, 3).map((s) => s.id),
    account: ['ACC-0000002'],
    bill: world.bills.filter((b) => b.accountId === 'ACC-0000002').map((b) => b.id),
    order: [order.data?.placeProductOrder.id],
    ticket: [ticket.data?.reportFault.id],
    test: [test.data?.startServiceTest.id],
    customer: [],
    grant: grants.map((g) => g.id),
  };
  victims['nw.employee01'] = {
    service: nwServices.slice(1, 4).map((s) => s.id),
    account: ['ACC-0000001', 'ACC-0000002'],
    bill: nwBills.slice(0, 2).map((b) => b.id),
    order: [order.data?.placeProductOrder.id],
    ticket: [ticket.data?.reportFault.id],
    test: [test.data?.startServiceTest.id],
    customer: [],
    grant: grants.map((g) => g.id),
  };
});
afterAll(async () => {
  await system.stop();
  console.log(`IDOR attempts: ${attempts}`);
});

const GRANTEE: Record<string, string> = {
  'home.owner': 'nw.employee02',
  'pre.user': 'nw.employee02',
  'nw.support': 'nw.employee02',
  'nw.employee01': 'nw.employee02',
};

describe('S3 IDOR suite: zero leaks', () => {
  it.each(['home.owner', 'pre.user', 'nw.support', 'nw.employee01', 'partner'])(
    'S3 %s reaches nothing outside its rights, by any id-taking operation',
    async (attacker) => {
      const before = {
        orders: system.sims.orders.size,
        payments: system.sims.payments.length,
        grants: (await system.db.query('SELECT 1 FROM grants')).length,
      };
      const secrets = system.sims.world.services
        .filter((s) => s.customerId === 'CUST-000001')
        .map((s) => s.identifier);
      for (const op of OPERATIONS) {
        for (const id of victims[attacker][op.kind]) {
          attempts++;
          const query = op.query
            .replaceAll('$ID', id)
            .replaceAll('$N', String(attempts))
            .replaceAll('$GRANTEE', GRANTEE[attacker]);
          const r = await gql(system.gatewayUrl, query, {}, tokens[attacker]);
          const refused = (r.errors ?? []).some((e) =>
            ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'].includes(String(e.extensions?.code)),
          );
          const value = op.name === 'spendReport' ? r.data?.me?.customer?.x : r.data?.x;
          const leaked = secrets.filter(
            (s) =>
              JSON.stringify(r).includes(s) && !(attacker === 'nw.support' || attacker === 'nw.employee01'),
          );
          // A refusal as data (GrantRefused / RevokeRefused / OrderRejected) also reaches nothing.
          const refusedAsData =
            value &&
            typeof value === 'object' &&
            ['GrantRefused', 'RevokeRefused'].includes((value as { __typename?: string }).__typename ?? '');
          expect({
            attacker,
            op: op.name,
            id,
            refused: refused || refusedAsData,
            value: refusedAsData ? null : (value ?? null),
            leaked,
          }).toEqual({ attacker, op: op.name, id, refused: true, value: null, leaked: [] });
        }
      }
      expect({
        orders: system.sims.orders.size,
        payments: system.sims.payments.length,
        grants: (await system.db.query('SELECT 1 FROM grants')).length,
      }).toEqual(before);
    },
  );
});
