import { badInput } from '../../lib/errors';
import { money } from '../../lib/money';
import { connection, pageRequest } from '../../lib/pagination';
import { signPartnerToken } from '../../lib/actor';
import { topicsOf } from '../../lib/profiles/profiles';

const PARTNER_TOKEN_TTL_SECONDS = 900;
import type { Resolvers } from './__generated__/resolvers-types';
import type { CatalogueContext } from './context';

const POSTCODE = /^\d{5}$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/** The catalogue is public (F1-F3): no actor checks, nothing customer-specific. */
/** R6: a signed-in user's browsing goes into their profile; anonymous browsing is not kept. */
async function remember(ctx: CatalogueContext, topics: string[]): Promise<void> {
  if (ctx.actor.kind !== 'customerUser' || topics.length === 0) return;
  await ctx.profiles
    .touch(ctx.actor.userId, ctx.actor.customerId, topics)
    .catch((error: unknown) => ctx.logger.warn({ err: error }, 'profile not updated'));
}

export const resolvers: Resolvers = {
  Mutation: {
    partnerToken: async (_p, { input }, ctx) => {
      if (input.clientId.length > 100 || input.clientSecret.length > 200)
        return { __typename: 'PartnerAuthFailed', message: 'Unknown client or wrong secret.' };
      const client = await ctx.catalogue.verifyClient(input.clientId, input.clientSecret);
      if (!client) {
        await ctx.audit.record({
          kind: 'LOGIN',
          outcome: 'FAILURE',
          customerId: null,
          actorId: input.clientId.slice(0, 100),
        });
        ctx.logger.warn({ event: 'partner.auth.failure' }, 'partner client refused');
        return { __typename: 'PartnerAuthFailed', message: 'Unknown client or wrong secret.' };
      }
      // S4: stored before the token exists (fail closed), like every sign-in.
      await ctx.audit.record({
        kind: 'LOGIN',
        outcome: 'SUCCESS',
        customerId: null,
        actorId: input.clientId,
        target: client.partnerId,
      });
      const { token, expiresAt } = await signPartnerToken(
        { partnerId: client.partnerId, clientId: input.clientId, scopes: client.scopes },
        ctx.tokenSecret,
        PARTNER_TOKEN_TTL_SECONDS,
      );
      const partner = await ctx.loaders.partner.load(client.partnerId);
      if (!partner) return { __typename: 'PartnerAuthFailed', message: 'Unknown client or wrong secret.' };
      ctx.logger.info({ event: 'partner.auth', partnerId: client.partnerId }, 'partner token issued');
      return {
        __typename: 'PartnerToken',
        accessToken: token,
        expiresAt: expiresAt.toISOString(),
        partner,
        scopes: client.scopes,
      };
    },
  },
  Query: {
    offerings: async (_p, { filter, first, after }, ctx) => {
      const page = pageRequest(first, after, 50);
      if (filter?.search && filter.search.length > 100)
        throw badInput('search must be at most 100 characters.', 'search');
      const result = await ctx.catalogue.listOfferings(
        {
          category: filter?.bundlesOnly ? 'bundle' : (filter?.category ?? undefined),
          serviceType: filter?.serviceType ?? undefined,
          partnerId: filter?.partnerId ?? undefined,
          q: filter?.search ?? undefined,
        },
        page.offset,
        page.limit,
      );
      result.items.forEach((o) => ctx.loaders.offering.prime(o.id, o));
      const browsed = [
        filter?.category ? `category:${filter.category}` : null,
        filter?.serviceType ? `type:${filter.serviceType}` : null,
      ].filter((t): t is string => t !== null);
      await remember(ctx, browsed);
      return connection(result.items, result.total, page);
    },
    offering: async (_p, { id }, ctx) => {
      const offering = await ctx.loaders.offering.load(id);
      if (offering) await remember(ctx, topicsOf(offering));
      return offering;
    },
    recommendedOfferings: async (_p, { first }, ctx) => {
      const n = first ?? 5;
      if (!Number.isInteger(n) || n < 1 || n > 20) throw badInput('first must be between 1 and 20.', 'first');
      const all = (await ctx.catalogue.listOfferings({}, 0, 200)).items;
      if (ctx.actor.kind !== 'customerUser') return all.slice(0, n);
      const weight = new Map((await ctx.profiles.topics(ctx.actor.userId)).map((t) => [t.topic, t.hits]));
      const score = (o: (typeof all)[number]) =>
        topicsOf(o).reduce((sum, t) => sum + (weight.get(t) ?? 0), 0);
      // Stable: equal scores keep the catalogue's own order.
      return all
        .map((o, i) => ({ o, i, s: score(o) }))
        .sort((a, b) => b.s - a.s || a.i - b.i)
        .slice(0, n)
        .map((x) => x.o);
    },
    serviceAvailability: (_p, { postcode }, ctx) => {
      if (!POSTCODE.test(postcode)) throw badInput('postcode must be five digits.', 'postcode');
      return ctx.catalogue.availability(postcode);
    },
    numberAvailability: async (_p, { number }, ctx) => {
      if (!E164.test(number)) throw badInput('number must be in E.164 format, e.g. +358401234567.', 'number');
      return { number, available: await ctx.catalogue.numberAvailable(number) };
    },
    availableNumbers: async (_p, { prefix, count }, ctx) => {
      const p = prefix ?? '+3587';
      const n = count ?? 5;
      if (!/^\+\d{1,8}$/.test(p)) throw badInput('prefix must be + followed by 1 to 8 digits.', 'prefix');
      if (!Number.isInteger(n) || n < 1 || n > 20) throw badInput('count must be between 1 and 20.', 'count');
      return ctx.catalogue.freeNumbers(p, n);
    },
    partners: (_p, _a, ctx) => ctx.catalogue.getPartners(),
  },
  ProductOffering: {
    __resolveReference: (ref, ctx) => ctx.loaders.offering.load(ref.id),
    provider: async (o, _a, ctx) => ({
      kind: o.providerKind,
      partner: o.partnerId ? await ctx.loaders.partner.load(o.partnerId) : null,
    }),
    bundledOfferings: async (o, _a, ctx) =>
      (await ctx.loaders.offering.loadMany(o.bundledOfferingIds)).flatMap((x) =>
        x && !(x instanceof Error) ? [x] : [],
      ),
  },
  ProductPrice: {
    price: (p) => money(p.amount, p.currency),
  },
};
