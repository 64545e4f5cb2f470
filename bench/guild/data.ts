/**
 * Data for workload (d), shaped like The Guild's graphql-gateways-benchmark: 6 users, 9 products
 * with inventory, 11 reviews spread over products 1-4 (4, 4, 1 and 2). Texts are written here;
 * their lengths follow the benchmark's so responses are about the same size.
 */

export interface GuildUser {
  id: string;
  name: string;
  username: string;
  birthday: number;
}

export interface GuildProduct {
  upc: string;
  name: string;
  price: number;
  weight: number;
}

export interface GuildReview {
  id: string;
  body: string;
  productUpc: string;
}

export const USERS: GuildUser[] = [
  ['1', 'Ada Lovelace', 'ada'],
  ['2', 'Alan Turing', 'alan'],
  ['3', 'Grace Hopper', 'grace'],
  ['4', 'Edsger Dijkstra', 'edsger'],
  ['5', 'Barbara Liskov', 'barbara'],
  ['6', 'Donald Knuth', 'donald'],
].map(([id, name, username]) => ({ id, name, username, birthday: 1234567890 }));

export const PRODUCTS: GuildProduct[] = [
  { upc: '1', name: 'Desk', price: 899, weight: 100 },
  { upc: '2', name: 'Sofa', price: 1299, weight: 1000 },
  { upc: '3', name: 'Mug', price: 15, weight: 20 },
  { upc: '4', name: 'Stool', price: 499, weight: 100 },
  { upc: '5', name: 'Radio', price: 1299, weight: 1000 },
  { upc: '6', name: 'Lantern', price: 6999, weight: 300 },
  { upc: '7', name: 'Oven', price: 3999, weight: 2000 },
  { upc: '8', name: 'Freezer', price: 100000, weight: 6000 },
  { upc: '9', name: 'Bench', price: 9999, weight: 800 },
];

export const IN_STOCK: Record<string, boolean> = {
  '1': true,
  '2': false,
  '3': false,
  '4': false,
  '5': true,
  '6': true,
  '7': true,
  '8': false,
  '9': true,
};

/** A review text of exactly `length` characters. */
function text(length: number, seed: string): string {
  const words = `${seed} arrived on time and works as described; the finish is good and assembly took minutes. `;
  return words.repeat(Math.ceil(length / words.length)).slice(0, length);
}

export const REVIEWS: GuildReview[] = [
  [445, '1'],
  [283, '1'],
  [281, '1'],
  [143, '1'],
  [445, '2'],
  [283, '2'],
  [281, '2'],
  [143, '2'],
  [143, '3'],
  [143, '4'],
  [851, '4'],
].map(([length, productUpc], i) => ({
  id: String(i + 1),
  body: text(length as number, `Item ${productUpc as string}`),
  productUpc: productUpc as string,
}));

/** Like the benchmark: shipping is free above a price of 1000, otherwise half the weight. */
export function shippingEstimate(
  price: number | null | undefined,
  weight: number | null | undefined,
): number | null {
  if (price == null) return null;
  if (price > 1000) return 0;
  return weight == null ? null : Math.floor(weight / 2);
}

/** The benchmark's k6 query: nested six levels through all four subgraphs. */
export const GUILD_QUERY = `fragment User on User { id username name }
fragment Review on Review { id body }
fragment Product on Product { inStock name price shippingEstimate upc weight }
query TestQuery {
  users {
    ...User
    reviews {
      ...Review
      product {
        ...Product
        reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
      }
    }
  }
  topProducts {
    ...Product
    reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
  }
}`;
