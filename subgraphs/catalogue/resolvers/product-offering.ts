import type { ProductOfferingResolvers, ProductPriceResolvers } from '../__generated__/resolvers-types';
import { money } from '../../../lib/money';

/** An offering (TMF620) with its provider and bundle contents, batched through the loaders. */
export const ProductOffering: ProductOfferingResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.offering.load(ref.id),
  provider: async (o, _a, ctx) => ({
    kind: o.providerKind,
    partner: o.partnerId ? await ctx.loaders.partner.load(o.partnerId) : null,
  }),
  bundledOfferings: async (o, _a, ctx) =>
    (await ctx.loaders.offering.loadMany(o.bundledOfferingIds)).flatMap((x) =>
      x && !(x instanceof Error) ? [x] : [],
    ),
};

export const ProductPrice: ProductPriceResolvers = {
  price: (p) => money(p.amount, p.currency),
};
