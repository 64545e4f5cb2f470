/**
 * Workload (d): accounts, inventory, products and reviews subgraphs with the schema of The Guild's
 * graphql-gateways-benchmark, written here (Federation 2 SDL, @apollo/subgraph), data in data.ts.
 * They check nothing: the public benchmark's subgraphs have no authentication either.
 */
import type http from 'node:http';
import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { handleGraphQL } from '../../lib/apollo-http';
import { listen } from '../../lib/http';
import { IN_STOCK, PRODUCTS, REVIEWS, USERS, shippingEstimate, type GuildReview } from './data';

const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable"])`;

interface ProductRef {
  upc: string;
  price?: number | null;
  weight?: number | null;
}

const reviewsOf = (upc: string) => REVIEWS.filter((r) => r.productUpc === upc);

export const GUILD_SUBGRAPHS: { name: string; typeDefs: string; resolvers: GraphQLResolverMap<unknown> }[] = [
  {
    name: 'accounts',
    typeDefs: `${LINK}
      type Query { me: User user(id: ID!): User users: [User] }
      type User @key(fields: "id") { id: ID! name: String username: String @shareable birthday: Int }`,
    resolvers: {
      Query: {
        me: () => USERS[0],
        user: (_: unknown, { id }: { id: string }) => USERS.find((u) => u.id === id) ?? null,
        users: () => USERS,
      },
      User: { __resolveReference: ({ id }: { id: string }) => USERS.find((u) => u.id === id) ?? null },
    },
  },
  {
    name: 'products',
    typeDefs: `${LINK}
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
    resolvers: {
      Query: { topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first) },
      Product: {
        __resolveReference: ({ upc }: ProductRef) => PRODUCTS.find((p) => p.upc === upc) ?? null,
      },
    },
  },
  {
    name: 'inventory',
    typeDefs: `${LINK}
      type Product @key(fields: "upc") {
        upc: String!
        weight: Int @external
        price: Int @external
        inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`,
    resolvers: {
      Product: {
        __resolveReference: (ref: ProductRef) => ({ ...ref, inStock: IN_STOCK[ref.upc] ?? null }),
        shippingEstimate: (ref: ProductRef) => shippingEstimate(ref.price, ref.weight),
      },
    },
  },
  {
    name: 'reviews',
    typeDefs: `${LINK}
      type Review @key(fields: "id") { id: ID! body: String product: Product author: User @provides(fields: "username") }
      type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
      type Product @key(fields: "upc") { upc: String! reviews: [Review] }`,
    resolvers: {
      Review: {
        __resolveReference: ({ id }: { id: string }) => REVIEWS.find((r) => r.id === id) ?? null,
        product: (review: GuildReview) => ({ upc: review.productUpc }),
        // As in the public benchmark: every review is by user 1, whose reviews are the first two.
        author: () => ({ id: USERS[0].id, username: USERS[0].username }),
      },
      User: {
        __resolveReference: ({ id }: { id: string }) => ({ id }),
        reviews: () => REVIEWS.slice(0, 2),
      },
      Product: {
        __resolveReference: ({ upc }: ProductRef) => ({ upc }),
        reviews: ({ upc }: ProductRef) => reviewsOf(upc),
      },
    },
  },
];

/** The supergraph of the four, composed with @apollo/composition. */
export function guildSupergraph(urls: Record<string, string>): string {
  const result = composeServices(
    GUILD_SUBGRAPHS.map((s) => ({ name: s.name, url: urls[s.name], typeDefs: parse(s.typeDefs) })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

/** Starts the four subgraphs on free ports; resolves with their URLs and a stop function. */
export async function startGuildSubgraphs(): Promise<{
  urls: Record<string, string>;
  stop(): Promise<void>;
}> {
  const servers: { apollo: ApolloServer; http: http.Server }[] = [];
  const urls: Record<string, string> = {};
  for (const definition of GUILD_SUBGRAPHS) {
    const apollo = new ApolloServer({
      schema: buildSubgraphSchema({ typeDefs: parse(definition.typeDefs), resolvers: definition.resolvers }),
      plugins: [ApolloServerPluginInlineTraceDisabled()],
      // The bench stops them itself; nine servers' signal handlers would trip Node's listener warning.
      stopOnTerminationSignals: false,
    });
    await apollo.start();
    const server = createServer((req, res) => {
      handleGraphQL(apollo, req, res, async () => ({})).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    server.keepAliveTimeout = 65_000;
    const port = await listen(server, 0);
    urls[definition.name] = `http://127.0.0.1:${port}/graphql`;
    servers.push({ apollo, http: server });
  }
  return {
    urls,
    stop: async () => {
      for (const s of servers) {
        s.http.close();
        s.http.closeAllConnections();
        await s.apollo.stop();
      }
    },
  };
}
