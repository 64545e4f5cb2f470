import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

/**
 * Issue 12, finding 6: an idempotency key makes a retry safe for the one who sent it, nothing
 * more. The same key from another user of the same customer (or from staff acting for it) is a
 * new request: it never answers with the first sender's report, order or payment.
 */
let system: TestSystem;
let manager: string;
let config: string;
beforeAll(async () => {
  system = await startTestSystem();
  manager = (await login(system, 'nw.manager')).accessToken;
  config = (await login(system, 'nw.config')).accessToken;
});
afterAll(async () => {
  await system.stop();
});

const REPORT = `mutation($input: ExperienceReportInput!) { submitExperienceReport(input: $input) { id kind comment } }`;
const CHANGE = `mutation($input: ChangeServiceParametersInput!) { changeServiceParameters(input: $input) { __typename ... on ProductOrder { id } ... on OrderRejected { reason } } }`;
const PAY = `mutation($input: PayBillInput!) { payBill(input: $input) { __typename ... on Payment { id } ... on PaymentDeclined { reason } } }`;

describe('S3 idempotency keys are scoped to the caller', () => {
  it("S3 nw.config reusing the manager's experience-report key gets a new report of its own, not the manager's", async () => {
    const key = 'shared-report-key-01';
    const mine = await gql(
      system.gatewayUrl,
      REPORT,
      {
        input: { idempotencyKey: key, areaId: 'AREA-03', kind: 'CALL_DROPS', comment: 'Manager: board room' },
      },
      manager,
    );
    expect(mine.errors).toBeUndefined();
    // The manager's own retry still answers with the first report.
    const retry = await gql(
      system.gatewayUrl,
      REPORT,
      {
        input: { idempotencyKey: key, areaId: 'AREA-03', kind: 'CALL_DROPS', comment: 'Manager: board room' },
      },
      manager,
    );
    expect(retry.data?.submitExperienceReport.id).toBe(mine.data?.submitExperienceReport.id);

    const theirs = await gql(
      system.gatewayUrl,
      REPORT,
      {
        input: { idempotencyKey: key, areaId: 'AREA-07', kind: 'SLOW_DATA', comment: 'Config: loading bay' },
      },
      config,
    );
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data?.submitExperienceReport.id).not.toBe(mine.data?.submitExperienceReport.id);
    expect(theirs.data?.submitExperienceReport).toMatchObject({
      kind: 'SLOW_DATA',
      comment: 'Config: loading bay',
    });
  });

  it("S3 the same order key from another user of the customer is a new order, not the manager's", async () => {
    const svc = system.sims.world.services.filter((s) => s.customerId === 'CUST-000001')[20];
    const input = {
      idempotencyKey: 'shared-order-key-01',
      serviceId: svc.id,
      parameters: [{ name: 'roaming', value: 'true' }],
    };
    const first = await gql(system.gatewayUrl, CHANGE, { input }, manager);
    expect(first.data?.changeServiceParameters.__typename).toBe('ProductOrder');
    const again = await gql(system.gatewayUrl, CHANGE, { input }, manager);
    expect(again.data?.changeServiceParameters.id).toBe(first.data?.changeServiceParameters.id);

    // nw.config may configure the number but not follow orders (no service.order): the IBSS shows
    // whose orders exist.
    const other = await gql(
      system.gatewayUrl,
      `mutation($input: ChangeServiceParametersInput!) { changeServiceParameters(input: $input) { __typename } }`,
      { input },
      config,
    );
    expect(other.data?.changeServiceParameters.__typename).toBe('ProductOrder');
    const requesters = [...system.sims.orders.values()]
      .filter((o) => o.requestId.endsWith(':shared-order-key-01'))
      .map((o) => o.requestedBy)
      .sort();
    expect(requesters).toEqual(['nw.config', 'nw.manager']);
  });

  it("S3 staff acting for the customer reusing the manager's payment key make a payment of their own", async () => {
    const bill = system.sims.world.bills.find(
      (b) => b.accountId === 'ACC-0000001' && b.state === 'sent' && b.amountDue >= 2,
    ) as { id: string };
    const input = {
      idempotencyKey: 'shared-pay-key-01',
      billId: bill.id,
      amountMinorUnits: 1,
      method: 'CARD',
    };
    const first = await gql(system.gatewayUrl, PAY, { input }, manager);
    expect(first.data?.payBill.__typename).toBe('Payment');

    const staff = (await login(system, 'ops.alice')).accessToken;
    const acting = await gql(
      system.gatewayUrl,
      `mutation($input: ActOnBehalfInput!) { actOnBehalfOf(input: $input) { accessToken } }`,
      { input: { customerId: 'CUST-000001', reason: 'Customer asked us to pay one cent by phone' } },
      staff,
    );
    const assisted = acting.data?.actOnBehalfOf.accessToken as string;
    const second = await gql(system.gatewayUrl, PAY, { input }, assisted);
    expect(second.data?.payBill.__typename).toBe('Payment');
    expect(second.data?.payBill.id).not.toBe(first.data?.payBill.id);
    expect(system.sims.payments.filter((p) => p.billId === bill.id)).toHaveLength(2);
  });
});
