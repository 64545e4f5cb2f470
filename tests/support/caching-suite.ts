import { createHash } from 'node:crypto';
import { SYSTEMS } from '../../mocks';
import type { KeyValueStore } from '../../lib/kv';
import { TTL } from '../../lib/cache/ttl';
import { RecordingStore } from './recording-store';
import { gql, login, startTestSystem, type TestSystem } from './system';

/**
 * Issue 4's caching tests, run against a single Redis (tests/e2e/caching.test.ts) and a
 * 3-master Redis Cluster (tests/e2e/caching-cluster.test.ts): same suite, same expectations.
 */
export function cachingSuite(label: string, makeStore: () => Promise<KeyValueStore>): void {
  let system: TestSystem;
  let store: RecordingStore;
  // Idempotency keys allow letters, digits and dashes only.
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const tokens: Record<string, string> = {};
  const partnerTokens: Record<string, string> = {};
  const url = () => system.gatewayUrl;

  const calls = () =>
    Object.fromEntries(SYSTEMS.map((name) => [name, system.sims.sims[name].callCount()])) as Record<
      string,
      number
    >;
  const resetCalls = () => SYSTEMS.forEach((name) => system.sims.sims[name].resetCalls());
  const settle = async () => {
    await system.sims.provisioningIdle();
    await new Promise((r) => setTimeout(r, 100));
  };

  beforeAll(async () => {
    store = new RecordingStore(await makeStore());
    system = await startTestSystem({ store });
    for (const user of [
      'nw.manager',
      'nw.employee01',
      'nw.employee02',
      'nw.support',
      'home.owner',
      'pre.user',
      'ops.alice',
    ])
      tokens[user] = (await login(system, user)).accessToken;
    for (const partner of ['partner-sp-1', 'partner-cp-2']) {
      const r = await gql(
        url(),
        `mutation($id: String!, $secret: String!) { partnerToken(input: { clientId: $id, clientSecret: $secret }) { ... on PartnerToken { accessToken } } }`,
        { id: `client-${partner}`, secret: `secret-${partner}` },
      );
      partnerTokens[partner] = r.data?.partnerToken.accessToken;
    }
  }, 60_000);
  afterAll(async () => {
    await system.stop();
  });

  const northwind = () => system.sims.world.services.filter((s) => s.customerId === 'CUST-000001');

  const DASHBOARD = `query($n: Int!) { me { customer { services(first: $n, filter: { type: MOBILE }) { totalCount edges { node {
    id identifier state
    currentCharges { total { amount } }
    lastBillCharges { amount { amount } bill { id } }
    troubleTickets(openOnly: true) { totalCount }
  } } } } } }`;

  describe(`response cache and legacy caches (${label})`, () => {
    it('caches the manager dashboard: a repeat is a hit with no legacy call; another shape reuses the legacy caches', async () => {
      resetCalls();
      const cold = await gql(url(), DASHBOARD, { n: 20 }, tokens['nw.manager']);
      expect(cold.errors).toBeUndefined();
      expect(cold.cache).toBe('MISS');
      const coldCalls = calls();
      expect(coldCalls.ibss + coldCalls.billing + coldCalls.faults).toBeGreaterThan(0);

      resetCalls();
      const warm = await gql(url(), DASHBOARD, { n: 20 }, tokens['nw.manager']);
      expect(warm.cache).toBe('HIT');
      expect(warm.data).toEqual(cold.data);
      expect(Object.values(calls()).every((n) => n === 0)).toBe(true);

      // A different query text misses the response cache but is served from the legacy caches.
      resetCalls();
      const other = await gql(
        url(),
        DASHBOARD.replace('id identifier state', 'serviceId: id identifier state'),
        { n: 20 },
        tokens['nw.manager'],
      );
      expect(other.cache).toBe('MISS');
      expect(other.errors).toBeUndefined();
      expect(calls()).toEqual(Object.fromEntries(SYSTEMS.map((name) => [name, 0])));
    });

    it('keeps each kind of data for its own time-to-live', async () => {
      // Written by the dashboard above and by reads of bills, customers and catalogue below.
      await gql(
        url(),
        `{ me { customer { name accounts { bills(first: 3) { edges { node { id state } } } } } } }`,
        {},
        tokens['nw.manager'],
      );
      await gql(url(), `{ offerings(first: 3) { edges { node { id } } } }`);
      const expectTtls = (part: string, ttls: number[]) =>
        expect({ part, ttls: [...new Set(store.ttlsOf(part))].sort((a, b) => a - b) }).toEqual({
          part,
          ttls,
        });
      expectTtls(':crm:users-of:', [TTL.crm]);
      expectTtls(':crm:accounts-of:', [TTL.crm]);
      expectTtls(':ibss:services-page:', [TTL.inventory]);
      expectTtls(':boss:unbilled:', [TTL.currentUsage]);
      expectTtls(':boss:bills-page:', [TTL.billOpen]);
      expectTtls(':fm:tickets-of-service:', [TTL.tickets]);
      expectTtls(':catalogue:offerings:', [TTL.catalogue]);
      // Settled bills for a day, open ones for minutes.
      const billTtls = new Set(store.ttlsOf(':boss:bill:'));
      expect([...billTtls].every((t) => t === TTL.billSettled || t === TTL.billOpen)).toBe(true);
      // Responses live as long as their shortest hint: the dashboard's current charges, 15 s.
      expect(store.ttlsOf('response:')).toContain(15);
      // The OCS balance is never written anywhere.
      expect(store.ttlsOf('balance')).toEqual([]);
    });

    it('caches the public catalogue once for every actor, anonymous or signed in', async () => {
      const PAGE = `{ offerings(first: 10) { totalCount edges { node { id name prices { price { amount } } provider { partner { name } } } } } }`;
      const first = await gql(url(), PAGE);
      resetCalls();
      const again = await gql(url(), PAGE);
      expect(again.cache).toBe('HIT');
      expect(again.data).toEqual(first.data);
      const signedIn = await gql(url(), PAGE, {}, tokens['home.owner']);
      expect(signedIn.data).toEqual(first.data);
      expect(system.sims.sims.catalogue.callCount()).toBe(0);
    });

    it('keeps automatic persisted queries in the store: a hash alone runs the query once registered', async () => {
      const query = `{ partners { id name } }`;
      const sha256Hash = createHash('sha256').update(query).digest('hex');
      const ext = { persistedQuery: { version: 1, sha256Hash } };
      const send = (body: Record<string, unknown>) =>
        fetch(url(), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json() as Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }>);
      const unknown = await send({ extensions: ext });
      expect(unknown.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      const registered = await send({ query, extensions: ext });
      expect(registered.data?.partners.length).toBeGreaterThan(0);
      expect(await store.get(`apq:${sha256Hash}`)).toBe(query);
      const byHash = await send({ extensions: ext });
      expect(byHash.data).toEqual(registered.data);
    });

    it('shows operators the cache outcomes on /metrics', async () => {
      for (const shape of ['id', 'id state']) {
        const q = `{ me { customer { accounts { id bills(first: 1) { edges { node { ${shape} } } } } } } }`;
        await gql(url(), q, {}, tokens['nw.manager']);
        await gql(url(), q, {}, tokens['nw.manager']);
      }
      const text = await (await fetch(url().replace('/graphql', '/metrics'))).text();
      const value = (series: string) => Number(new RegExp(`^${series} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
      expect(value('ssm_response_cache_requests_total\\{result="hit"\\}')).toBeGreaterThan(0);
      expect(value('ssm_response_cache_requests_total\\{result="miss"\\}')).toBeGreaterThan(0);
      expect(value('ssm_legacy_cache_requests_total\\{cache="boss",result="hit"\\}')).toBeGreaterThan(0);
      expect(value('ssm_legacy_cache_requests_total\\{cache="crm",result="miss"\\}')).toBeGreaterThan(0);
      // Labels carry cache names and outcomes only, never who asked.
      expect(text).not.toMatch(/nw\.manager|CUST-0|SVC-0/);
    });

    it('never caches the OCS prepaid balance (B7): every read asks the charging system', async () => {
      const prepaid = system.sims.world.services.find((s) => s.customerId === 'CUST-000003') as {
        id: string;
      };
      const q = `query($id: ID!) { service(id: $id) { prepaidBalance { buckets { kind remaining } } } }`;
      system.sims.sims.billing.resetCalls();
      for (let i = 0; i < 3; i++) {
        const r = await gql(url(), q, { id: prepaid.id }, tokens['pre.user']);
        expect(r.errors).toBeUndefined();
        expect(r.cache).toBe('PASS');
      }
      expect(system.sims.sims.billing.callCount('getBalances')).toBe(3);
    });

    it('50 concurrent misses of one key make one legacy call', async () => {
      system.sims.sims.catalogue.resetCalls();
      const results = await Promise.all(
        Array.from({ length: 50 }, () => gql(url(), `{ offering(id: "OFF-CP-GAMES") { id name } }`)),
      );
      expect(results.every((r) => r.data?.offering?.id === 'OFF-CP-GAMES')).toBe(true);
      expect(system.sims.sims.catalogue.callCount('getOfferings')).toBe(1);
    });

    it("actor B never receives actor A's private response, for every cached query shape", async () => {
      const svc = northwind()[0].id;
      const bill = system.sims.world.bills.find((b) => b.accountId === 'ACC-0000001') as { id: string };
      const ticket = system.sims.world.tickets.find((t) => t.customerId === 'CUST-000001') as { id: string };
      const shapes: { name: string; q: string; vars?: Record<string, unknown>; owner: string }[] = [
        { name: 'me', q: `{ me { id name role customer { id name } } }`, owner: 'nw.manager' },
        { name: 'dashboard', q: DASHBOARD, vars: { n: 5 }, owner: 'nw.manager' },
        {
          name: 'customer accounts and bills',
          q: `{ me { customer { accounts { id outstanding { amount } bills(first: 2) { edges { node { id state } } } } } } }`,
          owner: 'nw.manager',
        },
        {
          name: 'service by id',
          q: `query($id: ID!) { service(id: $id) { id identifier parameters { name value } } }`,
          vars: { id: svc },
          owner: 'nw.manager',
        },
        {
          name: 'bill by id',
          q: `query($id: ID!) { bill(id: $id) { id state openAmount { amount } } }`,
          vars: { id: bill.id },
          owner: 'nw.manager',
        },
        {
          name: 'ticket by id',
          q: `query($id: ID!) { troubleTicket(id: $id) { id state } }`,
          vars: { id: ticket.id },
          owner: 'nw.manager',
        },
        {
          name: 'recommendations',
          q: `{ recommendedOfferings(first: 3) { id } }`,
          owner: 'nw.manager',
        },
        {
          name: 'partner subscriptions',
          q: `{ partnerSubscriptions(first: 5) { totalCount edges { node { subscriptionId state } } } }`,
          owner: 'partner-sp-1',
        },
      ];
      const tokenOf = (actor: string) => tokens[actor] ?? partnerTokens[actor];
      const others = [
        'home.owner',
        'nw.employee01',
        'nw.support',
        'nw.manager',
        'ops.alice',
        'partner-sp-1',
        'partner-cp-2',
        'anonymous',
      ];
      let checked = 0;
      for (const shape of shapes) {
        const a = await gql(url(), shape.q, shape.vars, tokenOf(shape.owner));
        const again = await gql(url(), shape.q, shape.vars, tokenOf(shape.owner));
        expect({ shape: shape.name, errors: a.errors, cache: again.cache }).toEqual({
          shape: shape.name,
          errors: undefined,
          cache: 'HIT',
        });
        for (const actor of others.filter((o) => o !== shape.owner)) {
          const b = await gql(url(), shape.q, shape.vars, actor === 'anonymous' ? undefined : tokenOf(actor));
          expect({ shape: shape.name, actor, cache: b.cache }).not.toEqual({
            shape: shape.name,
            actor,
            cache: 'HIT',
          });
          // Another customer, a partner or anonymous never sees A's data under any shape.
          // (Recommendations without a browsing history are the plain catalogue order for all.)
          if (!actor.startsWith('nw.') && b.data && shape.name !== 'recommendations')
            expect({ shape: shape.name, actor, data: b.data }).not.toEqual({
              shape: shape.name,
              actor,
              data: a.data,
            });
          checked++;
        }
      }
      expect(checked).toBe(shapes.length * (others.length - 1));
    });
  });

  describe(`expiry (${label})`, () => {
    let short: TestSystem;
    beforeAll(async () => {
      // Every time-to-live capped at one second, so expiry can be watched in a test.
      short = await startTestSystem({ store: await makeStore(), caching: { maxTtlSeconds: 1 } });
    }, 60_000);
    afterAll(async () => {
      await short.stop();
    });

    it('an expired entry is loaded again from the legacy systems', async () => {
      const token = (await login(short, 'nw.manager')).accessToken;
      const read = () => gql(short.gatewayUrl, DASHBOARD, { n: 5 }, token);
      const count = () => SYSTEMS.reduce((n, name) => n + short.sims.sims[name].callCount(), 0);
      await read();
      SYSTEMS.forEach((name) => short.sims.sims[name].resetCalls());
      expect((await read()).cache).toBe('HIT');
      expect(count()).toBe(0);
      await new Promise((r) => setTimeout(r, 2100));
      const expired = await read();
      expect(expired.cache).toBe('MISS');
      expect(expired.errors).toBeUndefined();
      expect(short.sims.sims.ibss.callCount()).toBeGreaterThan(0);
      expect(short.sims.sims.billing.callCount()).toBeGreaterThan(0);
      expect(short.sims.sims.faults.callCount()).toBeGreaterThan(0);
    });
  });

  describe(`invalidation after every mutation kind (${label})`, () => {
    it('order completion: the new service and the finished order show on the next request', async () => {
      const LIST = `{ me { customer { services(first: 50) { totalCount } } } }`;
      const before = await gql(url(), LIST, {}, tokens['home.owner']);
      expect((await gql(url(), LIST, {}, tokens['home.owner'])).cache).toBe('HIT');
      const placed = await gql(
        url(),
        `mutation($input: PlaceProductOrderInput!) { placeProductOrder(input: $input) { ... on ProductOrder { id state } } }`,
        {
          input: {
            idempotencyKey: `cache-order-${slug}`,
            accountId: 'ACC-0000003',
            items: [{ offeringId: 'OFF-MOB-S' }],
          },
        },
        tokens['home.owner'],
      );
      const orderId = placed.data?.placeProductOrder.id;
      expect(orderId).toEqual(expect.any(String));
      const ORDER = `query($id: ID!) { productOrder(id: $id) { id state } }`;
      // Read (and cache) while in progress, then again once the IBSS has reported completion.
      await gql(url(), ORDER, { id: orderId }, tokens['home.owner']);
      await settle();
      const order = await gql(url(), ORDER, { id: orderId }, tokens['home.owner']);
      expect(order.data?.productOrder.state).toBe('completed');
      const after = await gql(url(), LIST, {}, tokens['home.owner']);
      expect(after.cache).toBe('MISS');
      expect(after.data?.me.customer.services.totalCount).toBe(
        before.data?.me.customer.services.totalCount + 1,
      );
      const foreign = await gql(url(), ORDER, { id: orderId }, tokens['nw.manager']);
      expect(foreign.data?.productOrder ?? null).toBeNull();
      expect(foreign.cache).not.toBe('HIT');
    });

    it('parameter change: the service shows the new value once the change completes', async () => {
      const svc = northwind().find((s) => s.type === 'MOBILE' && s.state === 'active') as { id: string };
      const Q = `query($id: ID!) { service(id: $id) { parameters { name value } } }`;
      const roaming = async () =>
        (await gql(url(), Q, { id: svc.id }, tokens['nw.manager'])).data?.service.parameters.find(
          (p: { name: string }) => p.name === 'roaming',
        )?.value;
      const was = await roaming();
      expect((await gql(url(), Q, { id: svc.id }, tokens['nw.manager'])).cache).toBe('HIT');
      const next = was === 'true' ? 'false' : 'true';
      const r = await gql(
        url(),
        `mutation($id: ID!, $v: String!) { changeServiceParameters(input: { idempotencyKey: "cache-param-${slug}", serviceId: $id, parameters: [{ name: "roaming", value: $v }] }) { __typename } }`,
        { id: svc.id, v: next },
        tokens['nw.manager'],
      );
      expect(r.data?.changeServiceParameters.__typename).toBe('ProductOrder');
      await settle();
      expect(await roaming()).toBe(next);
    });

    it('payment: the bill and the account balance change on the next request', async () => {
      const bill = system.sims.world.bills.find(
        (b) => b.accountId === 'ACC-0000001' && b.state === 'sent' && b.paidAmount === 0,
      ) as { id: string; amountDue: number };
      const BILL = `query($id: ID!) { bill(id: $id) { state openAmount { minorUnits } } }`;
      const OUTSTANDING = `{ me { customer { accounts { id outstanding { minorUnits } } } } }`;
      const before = await gql(url(), BILL, { id: bill.id }, tokens['nw.manager']);
      expect(before.data?.bill.state).toBe('sent');
      expect((await gql(url(), BILL, { id: bill.id }, tokens['nw.manager'])).cache).toBe('HIT');
      const owedBefore = await gql(url(), OUTSTANDING, {}, tokens['nw.manager']);
      const paid = await gql(
        url(),
        `mutation($input: PayBillInput!) { payBill(input: $input) { __typename } }`,
        {
          input: {
            idempotencyKey: `cache-pay-${slug}`,
            billId: bill.id,
            amountMinorUnits: bill.amountDue,
            method: 'CARD',
          },
        },
        tokens['nw.manager'],
      );
      expect(paid.data?.payBill.__typename).toBe('Payment');
      const after = await gql(url(), BILL, { id: bill.id }, tokens['nw.manager']);
      expect(after.cache).toBe('MISS');
      expect(after.data?.bill).toEqual({ state: 'settled', openAmount: { minorUnits: 0 } });
      const owedAfter = await gql(url(), OUTSTANDING, {}, tokens['nw.manager']);
      const owed = (r: typeof owedBefore) =>
        r.data?.me.customer.accounts.find((a: { id: string }) => a.id === 'ACC-0000001').outstanding
          .minorUnits;
      expect(owed(owedAfter)).toBe(owed(owedBefore) - bill.amountDue);
    });

    it('grant and revoke: a revoked grant stops working on the next request even though the answer was cached', async () => {
      const svc = northwind()[20].id;
      const Q = `query($id: ID!) { service(id: $id) { id currentCharges { recordCount } } }`;
      const denied = await gql(url(), Q, { id: svc }, tokens['nw.employee02']);
      expect(denied.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const granted = await gql(
        url(),
        `mutation($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { ... on Authorization { id } } }`,
        { input: { granteeId: 'nw.employee02', capabilities: ['USAGE_VIEW'], serviceIds: [svc] } },
        tokens['nw.manager'],
      );
      const grantId = granted.data?.grantAuthorization.id;
      expect(grantId).toEqual(expect.any(String));
      const allowed = await gql(url(), Q, { id: svc }, tokens['nw.employee02']);
      expect(allowed.data?.service.id).toBe(svc);
      expect((await gql(url(), Q, { id: svc }, tokens['nw.employee02'])).cache).toBe('HIT');
      await gql(
        url(),
        `mutation($id: ID!) { revokeAuthorization(authorizationId: $id) { __typename } }`,
        { id: grantId },
        tokens['nw.manager'],
      );
      const revoked = await gql(url(), Q, { id: svc }, tokens['nw.employee02']);
      expect(revoked.cache).not.toBe('HIT');
      expect(revoked.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(revoked.data?.service ?? null).toBeNull();
    });

    it('fault report and ticket note: the ticket lists show them on the next request', async () => {
      const svc = northwind()[3].id;
      const LIST = `query($id: ID!) { service(id: $id) { troubleTickets { totalCount edges { node { id notes { text } } } } } }`;
      const before = await gql(url(), LIST, { id: svc }, tokens['nw.manager']);
      expect((await gql(url(), LIST, { id: svc }, tokens['nw.manager'])).cache).toBe('HIT');
      const reported = await gql(
        url(),
        `mutation($input: ReportFaultInput!) { reportFault(input: $input) { ... on TroubleTicket { id } } }`,
        {
          input: {
            idempotencyKey: `cache-fault-${slug}`,
            serviceId: svc,
            category: 'callDrops',
            description: 'Calls drop after a minute',
          },
        },
        tokens['nw.manager'],
      );
      const ticketId = reported.data?.reportFault.id;
      expect(ticketId).toEqual(expect.any(String));
      const after = await gql(url(), LIST, { id: svc }, tokens['nw.manager']);
      expect(after.data?.service.troubleTickets.totalCount).toBe(
        before.data?.service.troubleTickets.totalCount + 1,
      );
      await gql(
        url(),
        `mutation($id: ID!) { addTicketNote(input: { ticketId: $id, text: "Also at night" }) { __typename } }`,
        { id: ticketId },
        tokens['nw.manager'],
      );
      const noted = await gql(url(), LIST, { id: svc }, tokens['nw.manager']);
      const node = noted.data?.service.troubleTickets.edges.find(
        (e: { node: { id: string } }) => e.node.id === ticketId,
      ).node;
      expect(node.notes.map((n: { text: string }) => n.text)).toContain('Also at night');
    });

    it('notification settings: the new channels show on the next request', async () => {
      const Q = `{ me { notificationSettings { event channels } } }`;
      await gql(url(), Q, {}, tokens['home.owner']);
      expect((await gql(url(), Q, {}, tokens['home.owner'])).cache).toBe('HIT');
      await gql(
        url(),
        `mutation { updateNotificationSettings(input: [{ event: BILL_ISSUED, channels: [EMAIL, SMS] }]) { settings { event } } }`,
        {},
        tokens['home.owner'],
      );
      const after = await gql(url(), Q, {}, tokens['home.owner']);
      expect(
        after.data?.me.notificationSettings.find((s: { event: string }) => s.event === 'BILL_ISSUED')
          .channels,
      ).toEqual(expect.arrayContaining(['EMAIL', 'SMS']));
    });
  });
}
