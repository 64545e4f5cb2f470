import { gql, startTestSystem, type TestSystem } from '../support/system';
import { login } from '../../system/kit/sign-in';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system.stop();
});

const ORDER = `__typename ... on ProductOrder { id state items { state offering { id provider { kind } } } } ... on OrderRejected { reason }`;

async function completed(token: string, orderId: string): Promise<any> {
  await system.sims.provisioningIdle();
  const r = await gql(
    system.gatewayUrl,
    `query($id: ID!) { productOrder(id: $id) { state items { state service { id type state } } } }`,
    { id: orderId },
    token,
  );
  return r.data?.productOrder;
}

describe('Scenario 1: enterprise mobile group (M.3345 Appendix I)', () => {
  it('Scenario 1 runs end to end: F5 on four numbers, A4 diagnosis, A8 reports, B9 spend, B6 payment', async () => {
    const manager = (await login(system, 'nw.manager')).accessToken;
    const support = (await login(system, 'nw.support')).accessToken;
    const config = (await login(system, 'nw.config')).accessToken;
    const finance = (await login(system, 'nw.finance')).accessToken;
    const numbers = system.sims.world.services.filter((s) => s.customerId === 'CUST-000001');

    // The SS manager restricts numbers A-D (F5).
    const restrictions = [
      { incomingTimeWindow: { from: '09:00', to: '18:00', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'] } },
      { closedUserGroup: { groupId: 'CUG-NORTHWIND' } },
      { outgoingWhitelist: { numbers: ['+358401111111', '+358402222222', '+358403333333'] } },
      { monthlyAllowance: { allowanceMinorUnits: 3000, numbersAfterAllowance: ['+358401111111'] } },
    ];
    for (const [i, restriction] of restrictions.entries()) {
      const r = await gql(
        system.gatewayUrl,
        `mutation($input: ConfigureCallRestrictionsInput!) { configureCallRestrictions(input: $input) { ${ORDER} } }`,
        {
          input: {
            idempotencyKey: `scenario1-f5-${i}`,
            serviceId: numbers[20 + i].id,
            restrictions: [restriction],
          },
        },
        manager,
      );
      expect(r.data?.configureCallRestrictions.__typename).toBe('ProductOrder');
      expect((await completed(manager, r.data?.configureCallRestrictions.id)).state).toBe('completed');
    }
    const kinds = await gql(
      system.gatewayUrl,
      `query($a: ID!, $b: ID!, $c: ID!, $d: ID!) { a: service(id: $a) { callRestrictions { __typename } } b: service(id: $b) { callRestrictions { __typename } } c: service(id: $c) { callRestrictions { __typename } } d: service(id: $d) { callRestrictions { __typename } } }`,
      { a: numbers[20].id, b: numbers[21].id, c: numbers[22].id, d: numbers[23].id },
      manager,
    );
    expect(['a', 'b', 'c', 'd'].map((k) => kinds.data?.[k].callRestrictions[0].__typename)).toEqual([
      'IncomingCallTimeWindow',
      'ClosedUserGroup',
      'OutgoingCallWhitelist',
      'MonthlyAllowance',
    ]);

    // Authorization 2: why is a number unreachable (A4)?
    const status = await gql(
      system.gatewayUrl,
      `query($x: ID!, $y: ID!) { x: service(id: $x) { networkStatus { reachable networkFault diagnosis } knownIssues { id } } y: service(id: $y) { networkStatus { reachable handsetState diagnosis } } }`,
      { x: numbers[3].id, y: numbers[4].id },
      support,
    );
    expect(status.data?.x.networkStatus).toMatchObject({ reachable: false, networkFault: true });
    expect(status.data?.x.knownIssues).toEqual([{ id: 'ALM-0001' }]);
    expect(status.data?.y.networkStatus).toMatchObject({ reachable: false, handsetState: 'OFF' });

    // Authorization 1: experience reports (A8).
    for (const [i, kind] of (['WEAK_SIGNAL', 'NO_SERVICE'] as const).entries()) {
      const r = await gql(
        system.gatewayUrl,
        `mutation($input: ExperienceReportInput!) { submitExperienceReport(input: $input) { id kind } }`,
        {
          input: {
            idempotencyKey: `scenario1-a8-${i}`,
            areaId: 'AREA-02',
            kind,
            comment: `${kind} at the loading dock`,
          },
        },
        config,
      );
      expect(r.data?.submitExperienceReport.kind).toBe(kind);
    }

    // Authorization 3: what did numbers 1, 2 and 3 cost between two dates (B9)?
    const from = new Date(Date.now() - 45 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
    const three = numbers.slice(0, 3);
    const spend = await gql(
      system.gatewayUrl,
      `query($ids: [ID!]!, $from: String!, $to: String!) { me { customer { spendReport(serviceIds: $ids, from: $from, to: $to) { service { id } charges { minorUnits } } } } }`,
      { ids: three.map((s) => s.id), from, to },
      finance,
    );
    const fromMs = Date.parse(from);
    const toMs = Date.parse(`${to}T23:59:59.999Z`);
    const expected = three.map((s) =>
      (system.sims.world.usage.get(s.id) ?? [])
        .filter((u) => u.start >= fromMs && u.start <= toMs)
        .reduce((n, u) => n + u.charge, 0),
    );
    expect(spend.data?.me.customer.spendReport.map((x: any) => x.charges.minorUnits)).toEqual(expected);

    // Total authorization: the manager pays the open bill (B6).
    const bills = await gql(
      system.gatewayUrl,
      `{ account(id: "ACC-0000001") { id } me { customer { accounts { id bills(first: 1) { edges { node { id state openAmount { minorUnits } } } } } } } }`,
      {},
      manager,
    );
    const latest = bills.data?.me.customer.accounts.find((a: any) => a.id === 'ACC-0000001').bills.edges[0]
      .node;
    expect(latest.state).toBe('sent');
    const paid = await gql(
      system.gatewayUrl,
      `mutation($input: PayBillInput!) { payBill(input: $input) { __typename ... on Payment { bill { state openAmount { minorUnits } } } } }`,
      {
        input: {
          idempotencyKey: 'scenario1-pay-1',
          billId: latest.id,
          amountMinorUnits: latest.openAmount.minorUnits,
          method: 'DIRECT_DEBIT',
        },
      },
      manager,
    );
    expect(paid.data?.payBill).toEqual({
      __typename: 'Payment',
      bill: { state: 'settled', openAmount: { minorUnits: 0 } },
    });
  });
});

describe('Scenario 2: IPTV (M.3345 Appendix I)', () => {
  it('Scenario 2 runs end to end: register, log in, browse, order a bundle and a custom bundle, follow and get notified', async () => {
    const phone = '+358409876543';
    // Issue 12: a self-registered phone is unverified, so codes and notifications come by e-mail.
    const email = 'leo@example.net';
    const registered = await gql(
      system.gatewayUrl,
      `mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { __typename ... on Registration { actorId } } }`,
      {
        input: {
          idempotencyKey: 'scenario2-register',
          name: 'Leo Korhonen',
          email,
          phone,
          street: '8 Mill Lane',
          city: 'Westford',
          postcode: '00211',
          actorId: 'leo.k',
          password: 'iptv-at-home-7',
        },
      },
    );
    expect(registered.data?.registerCustomer.__typename).toBe('Registration');
    const token = (await login(system, 'leo.k', 'iptv-at-home-7', email)).accessToken;
    const me = await gql(system.gatewayUrl, `{ me { customer { accounts { id } } } }`, {}, token);
    const accountId = me.data?.me.customer.accounts[0].id;

    const tv = await gql(
      system.gatewayUrl,
      `{ offerings(filter: { serviceType: IPTV }) { edges { node { id name provider { kind } } } } bundles: offerings(filter: { bundlesOnly: true }) { edges { node { id bundledOfferings { id } } } } }`,
      {},
      token,
    );
    expect(tv.data?.offerings.edges.length).toBeGreaterThanOrEqual(4);
    expect(tv.data?.bundles.edges.map((e: any) => e.node.id)).toContain('OFF-BUNDLE-HOME');

    const predefined = await gql(
      system.gatewayUrl,
      `mutation($input: PlaceProductOrderInput!) { placeProductOrder(input: $input) { ${ORDER} } }`,
      {
        input: {
          idempotencyKey: 'scenario2-predefined',
          accountId,
          items: [{ offeringId: 'OFF-BUNDLE-HOME' }],
        },
      },
      token,
    );
    expect(predefined.data?.placeProductOrder.state).toBe('acknowledged');
    const custom = await gql(
      system.gatewayUrl,
      `mutation($input: PlaceProductOrderInput!) { placeProductOrder(input: $input) { ${ORDER} } }`,
      {
        input: {
          idempotencyKey: 'scenario2-custom',
          accountId,
          items: [
            { offeringId: 'OFF-BB-500' },
            { offeringId: 'OFF-TV-PLUS', parameters: [{ name: 'setTopBoxes', value: '2' }] },
            { offeringId: 'OFF-CP-GAMES' },
          ],
        },
      },
      token,
    );
    expect(custom.data?.placeProductOrder.items.map((i: any) => i.offering.provider.kind)).toEqual([
      'NETWORK_OPERATOR',
      'SERVICE_PROVIDER',
      'CONTENT_PROVIDER',
    ]);

    for (const order of [predefined, custom]) {
      const done = await completed(token, order.data?.placeProductOrder.id);
      expect(done.state).toBe('completed');
      expect(done.items.every((i: any) => i.service.state === 'active')).toBe(true);
    }
    const ids = [predefined, custom].map((o) => o.data?.placeProductOrder.id as string);
    for (
      let i = 0;
      i < 50 && !ids.every((id) => system.sims.outbox.some((m) => m.to === email && m.text.includes(id)));
      i++
    )
      await new Promise((r) => setTimeout(r, 20));
    for (const id of ids)
      expect(
        system.sims.outbox.filter((m) => m.to === email && m.text.includes(`${id} is completed`)),
      ).toHaveLength(1);

    const services = await gql(
      system.gatewayUrl,
      `{ me { customer { services { totalCount edges { node { type parameters { name value } } } } } } }`,
      {},
      token,
    );
    expect(services.data?.me.customer.services.totalCount).toBe(6);
    const tvService = services.data?.me.customer.services.edges.find((e: any) =>
      e.node.parameters.some((p: any) => p.name === 'setTopBoxes' && p.value === '2'),
    );
    expect(tvService?.node.type).toBe('IPTV');
  });
});
