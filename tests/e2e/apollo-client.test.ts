import { DEMO_PASSWORD, NORTHWIND_ID } from '../../mocks/seed/demo';
import { readManifest, selfcareApp, type SelfcareApp } from '../support/selfcare-app';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * Issue 14: production mode with a real client. Scenarios 1 and 2 run through Apollo Client 4 and
 * its persisted-query link against a gateway in strict trusted-documents mode, sending only the
 * ids of apps/selfcare/persisted-query-manifest.json; Apollo's cache must normalize what it gets.
 */
let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ trustedDocuments: { mode: 'strict', production: true } });
});
afterAll(async () => {
  await system.stop();
});

const manifest = readManifest();
const phoneOf = (actorId: string) => system.sims.world.users.find((u) => u.id === actorId)?.phone ?? '';

async function signedIn(actorId: string): Promise<SelfcareApp> {
  const app = selfcareApp(system, manifest);
  await app.signIn(actorId, DEMO_PASSWORD, phoneOf(actorId));
  return app;
}

/** Entity keys in an app's normalized cache (`Service:SVC-...`, `Bill:...`). */
const cached = (app: SelfcareApp) => new Set(Object.keys(app.cache.extract()));
const entity = (app: SelfcareApp, key: string) => app.cache.extract()[key] as Record<string, unknown>;

/** S5: every request named a registered operation by its manifest id and carried no text. */
function expectOnlyRegisteredIds(apps: SelfcareApp[]): void {
  const idOf = new Map(manifest.operations.map((o) => [o.name, o.id]));
  for (const app of apps) {
    expect(app.mismatches).toEqual([]);
    expect(app.sent.length).toBeGreaterThan(0);
    for (const body of app.sent) {
      expect(body.query).toBeUndefined();
      expect(body.extensions?.persistedQuery?.sha256Hash).toBe(idOf.get(body.operationName ?? ''));
    }
  }
}

async function completedOrder(app: SelfcareApp, id: string) {
  await system.sims.provisioningIdle();
  return (await app.query('OrderStatus', { id })).productOrder;
}

describe('Scenario 1 through Apollo Client in production mode', () => {
  it('Scenario 1 (S5, F5, R1, A4, A1, A8, B9, B4, B6): runs with registered documents only; services, bills and tickets are normalized by id', async () => {
    const world = system.sims.world;
    const numbers = world.services.filter((s) => s.customerId === NORTHWIND_ID);
    const manager = await signedIn('nw.manager');
    const support = await signedIn('nw.support');
    const config = await signedIn('nw.config');
    const finance = await signedIn('nw.finance');

    // The manager's dashboard: one cache entry per service of the customer, referenced by the list.
    const dashboard = await manager.query('Dashboard', { first: 100 });
    expect(dashboard.me.customer.services.totalCount).toBe(numbers.length);
    const managerCache = cached(manager);
    for (const s of numbers) expect(managerCache).toContain(`Service:${s.id}`);
    const customer = entity(manager, `Customer:${NORTHWIND_ID}`);
    expect(JSON.stringify(customer)).toContain(`{"__ref":"Service:${numbers[0].id}"}`);

    // F5: restrictions on numbers A-D, each an order followed to completion.
    const restrictions = [
      { incomingTimeWindow: { from: '09:00', to: '18:00', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'] } },
      { closedUserGroup: { groupId: 'CUG-NORTHWIND' } },
      { outgoingWhitelist: { numbers: ['+358401111111', '+358402222222', '+358403333333'] } },
      { monthlyAllowance: { allowanceMinorUnits: 3000, numbersAfterAllowance: ['+358401111111'] } },
    ];
    for (const [i, restriction] of restrictions.entries()) {
      const serviceId = numbers[20 + i].id;
      const order = (
        await manager.mutate('ConfigureCallRestrictions', {
          input: { idempotencyKey: `apollo-s1-f5-${i}`, serviceId, restrictions: [restriction] },
        })
      ).configureCallRestrictions;
      expect(order.__typename).toBe('ProductOrder');
      expect((await completedOrder(manager, order.id)).state).toBe('completed');
      await manager.query('Service', { id: serviceId });
    }
    const kinds = [20, 21, 22, 23].map((i) => {
      const restriction = entity(manager, `Service:${numbers[i].id}`).callRestrictions as {
        __typename: string;
      }[];
      return restriction[0].__typename;
    });
    expect(kinds).toEqual([
      'IncomingCallTimeWindow',
      'ClosedUserGroup',
      'OutgoingCallWhitelist',
      'MonthlyAllowance',
    ]);
    // The dashboard's entry and the detail query's are one entity: both sets of fields are on it.
    expect(entity(manager, `Service:${numbers[20].id}`)).toMatchObject({
      identifier: numbers[20].identifier,
    });

    // R1: the manager sees the demo grants, grants authorization 2 on one number, then revokes it.
    const grants = (await manager.query('Authorizations')).authorizations;
    expect(grants.map((g: { granteeId: string }) => g.granteeId).sort()).toEqual([
      'nw.config',
      'nw.employee01',
      'nw.finance',
      'nw.support',
    ]);
    const granted = (
      await manager.mutate('GrantAuthorization', {
        input: { granteeId: 'nw.finance', levels: ['AUTHORIZATION_2'], serviceIds: [numbers[4].id] },
      })
    ).grantAuthorization;
    expect(granted.__typename).toBe('Authorization');
    expect(cached(manager)).toContain(`Authorization:${granted.id}`);
    const checked = await finance.query('ServiceDiagnosis', { id: numbers[4].id });
    expect(checked.service.networkStatus.handsetState).toBe(numbers[4].handsetState);
    const revoked = (await manager.mutate('RevokeAuthorization', { authorizationId: granted.id }))
      .revokeAuthorization;
    expect(revoked.state).toBe('REVOKED');
    await expect(finance.query('ServiceDiagnosis', { id: numbers[4].id })).rejects.toThrow(/not allowed/);

    // A4/A5 (authorization 2): why are numbers unreachable, and which outages are known.
    const [faulty, off] = [numbers[3], numbers[4]];
    const x = (await support.query('ServiceDiagnosis', { id: faulty.id })).service;
    expect(x.networkStatus).toMatchObject({ reachable: false, networkFault: true });
    const activeAlarms = world.alarms
      .filter((a) => a.areaId === faulty.areaId && a.clearedAt === null)
      .filter((a) => a.serviceType === null || a.serviceType === faulty.type);
    expect(x.knownIssues.map((a: { id: string }) => a.id)).toEqual(activeAlarms.map((a) => a.id));
    const y = (await support.query('ServiceDiagnosis', { id: off.id })).service;
    expect(y.networkStatus).toMatchObject({ reachable: false, handsetState: 'OFF' });

    // A1: a ticket on the unreachable number, read back by id.
    const ticket = (
      await support.mutate('ReportFault', {
        input: {
          idempotencyKey: 'apollo-s1-a1',
          serviceId: faulty.id,
          category: 'noService',
          description: 'Number unreachable since the morning',
        },
      })
    ).reportFault;
    expect(ticket.__typename).toBe('TroubleTicket');
    expect((await support.query('TroubleTicket', { id: ticket.id })).troubleTicket.service.id).toBe(
      faulty.id,
    );
    expect(cached(support)).toContain(`TroubleTicket:${ticket.id}`);

    // A8 (authorization 1): experience reports.
    for (const [i, kind] of (['WEAK_SIGNAL', 'NO_SERVICE'] as const).entries()) {
      const report = await config.mutate('SubmitExperienceReport', {
        input: {
          idempotencyKey: `apollo-s1-a8-${i}`,
          areaId: 'AREA-02',
          kind,
          comment: `${kind} at the dock`,
        },
      });
      expect(report.submitExperienceReport.kind).toBe(kind);
    }

    // B9 (authorization 3): what numbers 1-3 cost between two dates.
    const from = new Date(Date.now() - 45 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
    const three = numbers.slice(0, 3);
    const spend = await finance.query('SpendReport', { serviceIds: three.map((s) => s.id), from, to });
    const [fromMs, toMs] = [Date.parse(from), Date.parse(`${to}T23:59:59.999Z`)];
    const charged = (serviceId: string, start: number, end: number) =>
      (world.usage.get(serviceId) ?? [])
        .filter((u) => u.start >= start && u.start <= end)
        .reduce((n, u) => n + u.charge, 0);
    expect(
      spend.me.customer.spendReport.map((r: { charges: { minorUnits: number } }) => r.charges.minorUnits),
    ).toEqual(three.map((s) => charged(s.id, fromMs, toMs)));

    // B4: the latest bill next to the usage recorded over its period, per service.
    const fleet = world.accounts.find((a) => a.customerId === NORTHWIND_ID);
    const bills = world.bills.filter((b) => b.accountId === fleet?.id);
    await finance.query('Bills', { first: 12 });
    for (const b of bills) expect(cached(finance)).toContain(`Bill:${b.id}`);
    const latest = bills.find((b) => b.state === 'sent');
    if (!latest) throw new Error('Northwind has no open bill in the seed');
    const comparison = (await finance.query('BillUsageComparison', { id: latest.id })).bill.usageComparison;
    const [periodStart, periodEnd] = [Date.parse(latest.periodStart), Date.parse(latest.periodEnd)];
    const billedServices = [...new Set(latest.items.map((i) => i.serviceId))];
    expect(comparison.map((c: { service: { id: string } }) => c.service.id)).toEqual(billedServices);
    for (const row of comparison) {
      expect(row.recordedUsage.minorUnits).toBe(charged(row.service.id, periodStart, periodEnd));
      expect(row.matches).toBe(row.billedUsage.minorUnits === row.recordedUsage.minorUnits);
    }

    // B6 (total authorization): the manager pays; the cached Bill entity is updated in place.
    await manager.query('Bills', { first: 12 });
    expect(entity(manager, `Bill:${latest.id}`)).toMatchObject({ state: 'sent' });
    const paid = (
      await manager.mutate('PayBill', {
        input: {
          idempotencyKey: 'apollo-s1-b6',
          billId: latest.id,
          amountMinorUnits: latest.amountDue - latest.paidAmount,
          method: 'DIRECT_DEBIT',
        },
      })
    ).payBill;
    expect(paid.__typename).toBe('Payment');
    expect(entity(manager, `Bill:${latest.id}`)).toMatchObject({ state: 'settled' });

    // A1/A6: the customer's tickets, each its own cache entry, the new one among them.
    await manager.query('TroubleTickets', { first: 100 });
    const managerTickets = cached(manager);
    const seeded = world.tickets.filter((t) => t.customerId === NORTHWIND_ID);
    expect(seeded.length).toBeGreaterThan(0);
    for (const t of [...seeded.map((s) => s.id), ticket.id])
      expect(managerTickets).toContain(`TroubleTicket:${t}`);

    expectOnlyRegisteredIds([manager, support, config, finance]);
  });
});

describe('Scenario 2 through Apollo Client in production mode', () => {
  it('Scenario 2 (S5, F10, S1, F1, F4, F9): registers, signs in, orders two bundles and follows them, with registered documents only', async () => {
    const world = system.sims.world;
    const email = 'leo.apollo@example.net';
    const app = selfcareApp(system, manifest);
    const registered = await app.mutate('RegisterCustomer', {
      input: {
        idempotencyKey: 'apollo-s2-register',
        name: 'Leo Korhonen',
        email,
        phone: '+358409876000',
        street: '8 Mill Lane',
        city: 'Westford',
        postcode: '00211',
        actorId: 'leo.apollo',
        password: 'iptv-at-home-7',
      },
    });
    expect(registered.registerCustomer.__typename).toBe('Registration');
    // A self-registered phone is unverified: the one-time code comes by e-mail (issue 12).
    await app.signIn('leo.apollo', 'iptv-at-home-7', email, 'EMAIL');
    const refreshed = (await app.mutate('RefreshSession', { refreshToken: app.refreshToken() }))
      .refreshSession;
    expect(refreshed.__typename).toBe('AuthSession');
    app.setTokens(refreshed);

    const me = (await app.query('Me')).me;
    const account = world.accounts.find((a) => a.id === me.customer.accounts[0].id);
    expect(account?.customerId).toBe(me.customer.id);

    // F1: IPTV offerings and bundles; offerings are cached by id.
    const tv = (await app.query('Catalogue', { filter: { serviceType: 'IPTV' }, first: 50 })).offerings;
    const iptv = world.offerings.filter((o) => o.serviceType === 'IPTV');
    expect(tv.totalCount).toBe(iptv.length);
    for (const o of iptv) expect(cached(app)).toContain(`ProductOffering:${o.id}`);
    const bundles = (await app.query('Catalogue', { filter: { bundlesOnly: true }, first: 50 })).offerings;
    expect(bundles.edges.map((e: { node: { id: string } }) => e.node.id)).toContain('OFF-BUNDLE-HOME');

    // F4: a predefined bundle, and a custom one whose items three kinds of provider fulfil.
    const predefined = (
      await app.mutate('PlaceOrder', {
        input: {
          idempotencyKey: 'apollo-s2-predefined',
          accountId: account?.id,
          items: [{ offeringId: 'OFF-BUNDLE-HOME' }],
        },
      })
    ).placeProductOrder;
    expect(predefined.state).toBe('acknowledged');
    const custom = (
      await app.mutate('PlaceOrder', {
        input: {
          idempotencyKey: 'apollo-s2-custom',
          accountId: account?.id,
          items: [
            { offeringId: 'OFF-BB-500' },
            { offeringId: 'OFF-TV-PLUS', parameters: [{ name: 'setTopBoxes', value: '2' }] },
            { offeringId: 'OFF-CP-GAMES' },
          ],
        },
      })
    ).placeProductOrder;
    expect(
      custom.items.map((i: { offering: { provider: { kind: string } } }) => i.offering.provider.kind),
    ).toEqual(['NETWORK_OPERATOR', 'SERVICE_PROVIDER', 'CONTENT_PROVIDER']);

    // F9: follow both orders to completion; each completion is notified once by e-mail.
    for (const order of [predefined, custom]) {
      const done = await completedOrder(app, order.id);
      expect(done.state).toBe('completed');
      expect(done.items.every((i: { service: { state: string } }) => i.service.state === 'active')).toBe(
        true,
      );
      expect(cached(app)).toContain(`ProductOrder:${order.id}`);
    }
    const notified = (id: string) =>
      system.sims.outbox.filter((m) => m.to === email && m.text.includes(`${id} is completed`));
    for (let i = 0; i < 50 && ![predefined, custom].every((o) => notified(o.id).length > 0); i++)
      await new Promise((r) => setTimeout(r, 20));
    for (const order of [predefined, custom]) expect(notified(order.id)).toHaveLength(1);

    // The new services, as the IBSS created them, each a cache entry; the set-top boxes are on one.
    const services = (await app.query('Services', { first: 50 })).me.customer.services;
    const created = world.services.filter((s) => s.accountId === account?.id);
    expect(services.totalCount).toBe(created.length);
    for (const s of created) expect(cached(app)).toContain(`Service:${s.id}`);
    const tvService = created.find((s) => s.parameters.setTopBoxes === '2');
    expect(tvService?.type).toBe('IPTV');
    expect(entity(app, `Service:${tvService?.id}`).parameters).toContainEqual({
      __typename: 'ServiceParameter',
      name: 'setTopBoxes',
      value: '2',
    });

    expect((await app.mutate('Logout')).logout.loggedOut).toBe(true);
    expectOnlyRegisteredIds([app]);
  });
});

describe('S5 a stock Apollo Client in production mode', () => {
  it('S5: without the persisted-query link, the full text Apollo Client sends (with __typename) is the registered one', async () => {
    const app = selfcareApp(system, manifest, { persistedQueries: false });
    await app.signIn('nw.manager', DEMO_PASSWORD, phoneOf('nw.manager'));
    const bills = (await app.query('Bills', { first: 1 })).me.customer.accounts;
    expect(bills.length).toBeGreaterThan(0);
    expect(app.mismatches).toEqual([]);
    const texts = app.sent.map((body) => body.query);
    const registered = new Map(manifest.operations.map((o) => [o.name, o.body]));
    expect(texts).toEqual(['StartLogin', 'CompleteLogin', 'Bills'].map((name) => registered.get(name)));
    expect(texts.every((text) => text?.includes('__typename'))).toBe(true);
  });
});

describe('I2 the self-care app on a phone (x-ssm-client: selfcare-mobile) in production mode', () => {
  it('I2 (mobile app): the phone app signs in, shows the dashboard and refreshes its session on resume, with registered documents only; its client name holds it to them', async () => {
    const app = selfcareApp(system, manifest, { client: 'selfcare-mobile' });
    await app.signIn('pre.user', DEMO_PASSWORD, phoneOf('pre.user'));
    const customerId = system.sims.world.users.find((u) => u.id === 'pre.user')?.customerId;
    const services = system.sims.world.services.filter((s) => s.customerId === customerId);
    expect(services.length).toBeGreaterThan(0);
    const shown = (await app.query('Dashboard', { first: 100 })).me.customer;
    expect(shown.id).toBe(customerId);
    expect(shown.services.edges.map((e: any) => e.node.identifier).sort()).toEqual(
      services.map((s) => s.identifier).sort(),
    );
    // Back from the background: the app swaps its refresh token for a new pair and goes on.
    const refreshed = (await app.mutate('RefreshSession', { refreshToken: app.refreshToken() }))
      .refreshSession;
    expect(refreshed.__typename).toBe('AuthSession');
    app.setTokens(refreshed);
    expect((await app.query('Me')).me.id).toBe('pre.user');
    expectOnlyRegisteredIds([app]);
    // The gateway knows the phone app as a first-party client: text it never registered is refused.
    const text = await gql(system.gatewayUrl, `{ me { id } }`, {}, undefined, {
      'x-ssm-client': 'selfcare-mobile',
    });
    expect(text.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    expect((await gql(system.gatewayUrl, `{ me { id } }`)).errors).toBeUndefined();
  });
});
