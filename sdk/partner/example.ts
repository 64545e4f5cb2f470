import { PartnerClient } from './client';
import {
  PartnerOrdersDocument,
  PartnerSubscriptionsDocument,
  type PartnerSubscriptionsQuery,
} from './__generated__/graphql';

/**
 * The partner SDK's example (docs/partners.md): sign in with client credentials, then read every
 * subscription to the partner's products and the latest orders that include them, with the typed
 * documents. Run it against a started system:
 *
 *   npx tsx sdk/partner/example.ts [url] [clientId] [clientSecret]
 */
export interface PartnerOverview {
  partner: { id: string; name: string };
  /** Every subscription to the partner's products, all pages. */
  subscriptions: { id: string; offeringId: string; state: string; startDate: string }[];
  /** The newest orders (one page), each with the partner's own items only. */
  orders: { id: string; state: string; createdAt: string; offeringIds: string[] }[];
  orderCount: number;
}

export async function partnerOverview(
  url: string,
  clientId: string,
  clientSecret: string,
): Promise<PartnerOverview> {
  const client = new PartnerClient(url);
  const token = await client.signIn(clientId, clientSecret);
  const subscriptions: PartnerOverview['subscriptions'] = [];
  let after: string | null = null;
  do {
    const result: PartnerSubscriptionsQuery = await client.request(PartnerSubscriptionsDocument, {
      first: 100,
      after,
    });
    const page = result.partnerSubscriptions;
    for (const { node } of page?.edges ?? [])
      subscriptions.push({
        id: node.id,
        offeringId: node.offering.id,
        state: node.state,
        startDate: node.startDate,
      });
    after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  const { partnerOrders } = await client.request(PartnerOrdersDocument, { first: 20 });
  return {
    partner: { id: token.partner.id, name: token.partner.name },
    subscriptions,
    orders: (partnerOrders?.edges ?? []).map(({ node }) => ({
      id: node.id,
      state: node.state,
      createdAt: node.createdAt,
      offeringIds: node.items.flatMap((i) => (i.offering ? [i.offering.id] : [])),
    })),
    orderCount: partnerOrders?.totalCount ?? 0,
  };
}

if (require.main === module) {
  const [
    url = 'http://127.0.0.1:4000/graphql',
    clientId = 'client-partner-cp-1',
    secret = 'secret-partner-cp-1',
  ] = process.argv.slice(2);
  partnerOverview(url, clientId, secret).then(
    (overview) => {
      console.log(`${overview.partner.name} (${overview.partner.id})`);
      console.log(`${overview.subscriptions.length} subscriptions:`);
      for (const s of overview.subscriptions)
        console.log(`  ${s.id}  ${s.offeringId}  ${s.state}  since ${s.startDate}`);
      console.log(`${overview.orderCount} orders, newest first:`);
      for (const o of overview.orders)
        console.log(`  ${o.id}  ${o.state}  ${o.createdAt}  ${o.offeringIds.join(', ')}`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
