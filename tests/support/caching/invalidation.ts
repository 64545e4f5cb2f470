import { gql } from '../system';
import type { CachingContext } from './context';

/** Invalidation: after every kind of mutation the next read shows the change, never a stale copy. */
export function invalidationTests(ctx: CachingContext): void {
  const { label, slug, tokens, url, settle, northwind } = ctx;

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
      const bill = ctx.system.sims.world.bills.find(
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
