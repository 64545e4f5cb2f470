import { createHash } from 'node:crypto';
import { TTL } from '../../../lib/cache/ttl';
import { SYSTEMS } from '../../../mocks';
import { postBody } from '../../../system/kit/client';
import { gql } from '../system';
import { DASHBOARD, type CachingContext } from './context';

/** Reads: what is cached, for how long, for whom; never one actor's answer for another. */
export function readTests(ctx: CachingContext): void {
  const { label, tokens, partnerTokens, url, calls, resetCalls, northwind } = ctx;

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
        expect({ part, ttls: [...new Set(ctx.store.ttlsOf(part))].sort((a, b) => a - b) }).toEqual({
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
      const billTtls = new Set(ctx.store.ttlsOf(':boss:bill:'));
      expect([...billTtls].every((t) => t === TTL.billSettled || t === TTL.billOpen)).toBe(true);
      // Responses live as long as their shortest hint: the dashboard's current charges, 15 s.
      expect(ctx.store.ttlsOf('response:')).toContain(15);
      // The OCS balance is never written anywhere.
      expect(ctx.store.ttlsOf('balance')).toEqual([]);
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
      expect(ctx.system.sims.sims.catalogue.callCount()).toBe(0);
    });

    it('keeps automatic persisted queries in the store: a hash alone runs the query once registered', async () => {
      const query = `{ partners { id name } }`;
      const sha256Hash = createHash('sha256').update(query).digest('hex');
      const ext = { persistedQuery: { version: 1, sha256Hash } };
      const send = (body: Record<string, unknown>) =>
        postBody(url(), JSON.stringify(body)).then(
          (r) => r.json() as Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }>,
        );
      const unknown = await send({ extensions: ext });
      expect(unknown.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      const registered = await send({ query, extensions: ext });
      expect(registered.data?.partners.length).toBeGreaterThan(0);
      expect(await ctx.store.get(`apq:${sha256Hash}`)).toBe(query);
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
      // Sums the series that start so (the legacy counter also has a `kind` label per data kind).
      const value = (series: string) =>
        [...text.matchAll(new RegExp(`^${series}[^ ]* (\\d+)`, 'gm'))].reduce(
          (sum, m) => sum + Number(m[1]),
          0,
        );
      expect(value('ssm_response_cache_requests_total\\{result="hit"\\}')).toBeGreaterThan(0);
      expect(value('ssm_response_cache_requests_total\\{result="miss"\\}')).toBeGreaterThan(0);
      expect(value('ssm_legacy_cache_requests_total\\{cache="boss",result="hit"')).toBeGreaterThan(0);
      expect(value('ssm_legacy_cache_requests_total\\{cache="crm",result="miss"')).toBeGreaterThan(0);
      // Labels carry cache names and outcomes only, never who asked.
      expect(text).not.toMatch(/nw\.manager|CUST-0|SVC-0/);
    });

    it('never caches the OCS prepaid balance (B7): every read asks the charging system', async () => {
      const prepaid = ctx.system.sims.world.services.find((s) => s.customerId === 'CUST-000003') as {
        id: string;
      };
      const q = `query($id: ID!) { service(id: $id) { prepaidBalance { buckets { kind remaining } } } }`;
      ctx.system.sims.sims.billing.resetCalls();
      for (let i = 0; i < 3; i++) {
        const r = await gql(url(), q, { id: prepaid.id }, tokens['pre.user']);
        expect(r.errors).toBeUndefined();
        expect(r.cache).toBe('PASS');
      }
      expect(ctx.system.sims.sims.billing.callCount('getBalances')).toBe(3);
    });

    it('50 concurrent misses of one key make one legacy call', async () => {
      ctx.system.sims.sims.catalogue.resetCalls();
      const results = await Promise.all(
        Array.from({ length: 50 }, () => gql(url(), `{ offering(id: "OFF-CP-GAMES") { id name } }`)),
      );
      expect(results.every((r) => r.data?.offering?.id === 'OFF-CP-GAMES')).toBe(true);
      expect(ctx.system.sims.sims.catalogue.callCount('getOfferings')).toBe(1);
    });

    it("actor B never receives actor A's private response, for every cached query shape", async () => {
      const svc = northwind()[0].id;
      const bill = ctx.system.sims.world.bills.find((b) => b.accountId === 'ACC-0000001') as { id: string };
      const ticket = ctx.system.sims.world.tickets.find((t) => t.customerId === 'CUST-000001') as {
        id: string;
      };
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
}
