import { hasControlCharacters } from '../../lib/text';
import {
  assertCanOrNotFound,
  assertOwned,
  assertOwnedOrNotFound,
  requireUser,
} from '../../lib/authz/assertions';
import { canSee } from '../../lib/authz/decisions';
import { badInput, forbidden, notFound, unauthenticated } from '../../lib/errors';
import { connection, pageRequest } from '../../lib/pagination';
import type { Resolvers } from './__generated__/resolvers-types';
import { CrmFault } from '../../legacy/crm/client';
import { maskDestination, type Failure } from './auth';
import { CAPABILITY_ENUM, capabilityFromEnum } from './grants';
import type { CustomerContext } from './context';
import type { UserModel } from '../../legacy/crm/models';

const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,255}\.[^\s@<>]{2,}$/;
const PHONE = /^\+[1-9]\d{6,14}$/;
const ACTOR_ID = /^[a-z0-9][a-z0-9._-]{2,39}$/;
const POSTCODE = /^\d{5}$/;
const EVENTS = [
  'ORDER_COMPLETED',
  'TICKET_UPDATED',
  'BILL_ISSUED',
  'NETWORK_ALARM',
  'PAYMENT_RECEIVED',
] as const;

const asFailure = (f: Failure) => ({
  __typename: 'LoginFailure' as const,
  reason: f.reason,
  message: f.message,
  retryAfterSeconds: f.retryAfterSeconds,
});

async function findUser(
  ctx: CustomerContext,
  customerId: string,
  userId: string,
): Promise<UserModel | undefined> {
  return (await ctx.loaders.usersOfCustomer.load(customerId)).find((u) => u.id === userId);
}

function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > max) throw badInput(`${field} must be 1 to ${max} characters.`, field);
  if (hasControlCharacters(trimmed)) throw badInput(`${field} contains control characters.`, field);
  return trimmed;
}

function contactFor(ctx: CustomerContext, holder: { email: string; phone: string }, isSelf: boolean) {
  const full = isSelf || (ctx.actor.kind === 'customerUser' && ctx.actor.role === 'MANAGER');
  return full
    ? { email: holder.email, phone: holder.phone }
    : { email: maskDestination(holder.email), phone: maskDestination(holder.phone) };
}

/**
 * Whose security events a caller may read (S4): operator staff any customer's (null = all);
 * a manager their own customer's only.
 */
function auditScope(ctx: CustomerContext, customerId: string | null | undefined): string | null {
  if (ctx.actor.kind === 'staff') return customerId ?? null;
  const user = requireUser(ctx.actor);
  if (customerId && customerId !== user.customerId) throw notFound('Customer', customerId);
  return user.customerId;
}

export const resolvers: Resolvers = {
  Query: {
    securityEvents: async (_p, { customerId, kind, first, after }, ctx) => {
      const page = pageRequest(first, after, 200);
      const result = await ctx.audit.eventsOfCustomer(
        auditScope(ctx, customerId),
        kind ?? null,
        page.offset,
        page.limit,
      );
      return connection(result.items, result.total, page);
    },
    securityAlarms: (_p, { customerId }, ctx) => ctx.audit.alarmsOfCustomer(auditScope(ctx, customerId)),
    authorizations: (_p, { includeRevoked }, ctx) =>
      ctx.grants.list(requireUser(ctx.actor), includeRevoked ?? false),
    me: async (_p, _a, ctx) => {
      if (ctx.actor.kind !== 'customerUser') return null;
      return (await findUser(ctx, ctx.actor.customerId, ctx.actor.userId)) ?? null;
    },
    customer: async (_p, { id }, ctx) => {
      assertOwnedOrNotFound(ctx.actor, id, 'Customer', id);
      return ctx.loaders.customer.load(id);
    },
    account: async (_p, { id }, ctx) => {
      requireUser(ctx.actor);
      const account = await ctx.loaders.account.load(id);
      assertCanOrNotFound(
        ctx.actor,
        null,
        account ? { customerId: account.customerId, accountId: account.id } : undefined,
        'Account',
        id,
      );
      return account;
    },
  },
  Mutation: {
    actOnBehalfOf: async (_p, { input }, ctx) => {
      const staff = ctx.actor;
      if (staff.kind !== 'staff') throw forbidden('Only operator staff may act on behalf of a customer.');
      const reason = text(input.reason, 'reason', 500);
      if (reason.length < 10) throw badInput('reason must say why, in at least 10 characters.', 'reason');
      const [customer] = await ctx.crm.getCustomers([input.customerId]);
      if (!customer) throw notFound('Customer', input.customerId);
      const session = await ctx.auth.assist(staff, customer.id, reason);
      ctx.logger.info(
        { event: 'staff.assist', customerId: customer.id, staffId: staff.userId },
        'staff acting for customer',
      );
      return { ...session, customerId: customer.id };
    },
    grantAuthorization: async (_p, { input }, ctx) => {
      const actor = requireUser(ctx.actor);
      const result = await ctx.audit.guard(
        { kind: 'GRANT', customerId: actor.customerId, actorId: actor.userId, target: input.granteeId },
        () =>
          ctx.grants.grant(actor, {
            granteeId: input.granteeId,
            levels: input.levels ?? [],
            capabilities: (input.capabilities ?? []).map(capabilityFromEnum),
            serviceIds: input.serviceIds ?? null,
            accountId: input.accountId ?? null,
            validFrom: input.validFrom ?? null,
            validUntil: input.validUntil ?? null,
          }),
        (r) => ('refused' in r ? 'DENIED' : 'SUCCESS'),
      );
      if ('refused' in result)
        return { __typename: 'GrantRefused', reason: result.refused, message: result.message };
      ctx.logger.info(
        {
          event: 'grant',
          grantId: result.id,
          customerId: actor.customerId,
          granter: actor.userId,
          grantee: result.granteeId,
        },
        'authorization granted',
      );
      return { __typename: 'Authorization', ...result };
    },
    revokeAuthorization: async (_p, { authorizationId }, ctx) => {
      const actor = requireUser(ctx.actor);
      const result = await ctx.audit.guard(
        { kind: 'REVOKE', customerId: actor.customerId, actorId: actor.userId, target: authorizationId },
        () => ctx.grants.revoke(actor, authorizationId),
        (r) => (typeof r === 'string' ? 'DENIED' : 'SUCCESS'),
      );
      if (typeof result === 'string') return { __typename: 'RevokeRefused', message: result };
      ctx.logger.info(
        { event: 'revoke', grantId: result.id, customerId: actor.customerId, by: actor.userId },
        'authorization revoked',
      );
      return { __typename: 'Authorization', ...result };
    },
    startLogin: async (_p, { input }, ctx) => {
      const result = await ctx.auth.startLogin(
        input.actorId.trim().toLowerCase(),
        input.password,
        input.channel ?? 'SMS',
      );
      if (result.kind === 'failure') return asFailure(result);
      return {
        __typename: 'LoginChallenge',
        challengeId: result.challengeId,
        channel: result.channel,
        sentTo: result.sentTo,
        expiresAt: result.expiresAt,
      };
    },
    completeLogin: async (_p, { input }, ctx) => {
      if (!/^\d{6}$/.test(input.code)) throw badInput('code must be the six digits that were sent.', 'code');
      const result = await ctx.auth.completeLogin(input.challengeId, input.code);
      if (result.kind === 'failure') return asFailure(result);
      ctx.session.openedFor = result.userId;
      // R6: every user who signs in has a profile.
      const user = await ctx.crm.getUser(result.userId);
      if (user) await ctx.profiles.ensure(user.id, user.customerId);
      return { __typename: 'AuthSession', ...result };
    },
    refreshSession: async (_p, { refreshToken }, ctx) => {
      const result = await ctx.auth.refresh(refreshToken);
      if (result.kind === 'failure') return asFailure(result);
      ctx.session.openedFor = result.userId;
      return { __typename: 'AuthSession', ...result };
    },
    logout: async (_p, _a, ctx) => {
      const actor = ctx.actor;
      if (actor.kind === 'anonymous' || actor.kind === 'partner')
        throw unauthenticated('Partner tokens have no session to end.');
      await ctx.auth.logout(actor.sessionId, actor.userId, actor.kind === 'staff' ? null : actor.customerId);
      return { loggedOut: true };
    },
    registerCustomer: async (_p, { input }, ctx) => {
      if (input.idempotencyKey.length < 8 || input.idempotencyKey.length > 100)
        throw badInput('idempotencyKey must be 8 to 100 characters.', 'idempotencyKey');
      if (!EMAIL.test(input.email)) throw badInput('email is not an e-mail address.', 'email');
      if (!PHONE.test(input.phone))
        throw badInput('phone must be in E.164 format, e.g. +358401234567.', 'phone');
      if (!POSTCODE.test(input.postcode)) throw badInput('postcode must be five digits.', 'postcode');
      const actorId = input.actorId.trim().toLowerCase();
      if (!ACTOR_ID.test(actorId))
        throw badInput(
          'actorId must be 3 to 40 lower-case letters, digits, dots, dashes or underscores.',
          'actorId',
        );
      if (
        input.password.length < 10 ||
        input.password.length > 200 ||
        !/\d/.test(input.password) ||
        !/[a-zA-Z]/.test(input.password)
      ) {
        throw badInput('password must be 10 to 200 characters with letters and digits.', 'password');
      }
      try {
        const registration = await ctx.crm.createCustomer({
          requestId: input.idempotencyKey,
          kind: input.kind ?? 'PERSON',
          name: text(input.name, 'name', 120),
          email: input.email,
          phone: input.phone,
          street: text(input.street, 'street', 120),
          city: text(input.city, 'city', 80),
          postcode: input.postcode,
          userId: actorId,
          password: input.password,
        });
        ctx.logger.info(
          { event: 'customer.registered', customerId: registration.customerId },
          'customer registered',
        );
        return {
          __typename: 'Registration',
          customerId: registration.customerId,
          accountId: registration.accountId,
          actorId: registration.userId,
        };
      } catch (error) {
        if (error instanceof CrmFault && error.errorCode === 'USER_EXISTS')
          return {
            __typename: 'RegistrationRejected',
            reason: 'ACTOR_ID_TAKEN',
            message: 'That actor id is taken; choose another.',
          };
        if (error instanceof CrmFault) throw badInput(error.message);
        throw error;
      }
    },
    updateNotificationSettings: async (_p, { input }, ctx) => {
      const user = requireUser(ctx.actor);
      const events = new Set(input.map((s) => s.event));
      if (events.size !== input.length) throw badInput('Each event may appear once.', 'input');
      const current = await ctx.crm.getNotificationPreferences(user.userId);
      const merged = new Map(current.map((p) => [p.event, p.channels]));
      for (const s of input) merged.set(s.event, [...new Set(s.channels)]);
      const saved = await ctx.crm.setNotificationPreferences(
        user.userId,
        [...merged].map(([event, channels]) => ({ event, channels })),
      );
      return {
        settings: saved
          .filter((p) => (EVENTS as readonly string[]).includes(p.event))
          .map((p) => ({
            event: p.event as (typeof EVENTS)[number],
            channels: p.channels.filter((c): c is 'SMS' | 'EMAIL' => c === 'SMS' || c === 'EMAIL'),
          })),
      };
    },
  },
  Customer: {
    __resolveReference: async (ref, ctx) => {
      assertOwned(ctx.actor, ref.id);
      return ctx.loaders.customer.load(ref.id);
    },
    // S6: the full contact details for the manager; masked for everyone else.
    contact: (c, _a, ctx) => contactFor(ctx, c, false),
    // Non-managers see the accounts their grants cover (R2).
    accounts: async (c, _a, ctx) =>
      (await ctx.loaders.accountsOfCustomer.load(c.id)).filter((a) =>
        canSee(ctx.actor, { customerId: a.customerId, accountId: a.id }),
      ),
    users: (c, _a, ctx) => ctx.loaders.usersOfCustomer.load(c.id),
    customerSince: (c) => c.createdAt,
  },
  Account: {
    __resolveReference: async (ref, ctx) => {
      const account = await ctx.loaders.account.load(ref.id);
      assertOwned(ctx.actor, account?.customerId);
      return account;
    },
    customer: async (a, _x, ctx) => {
      const customer = await ctx.loaders.customer.load(a.customerId);
      if (!customer) throw notFound('Customer', a.customerId);
      return customer;
    },
  },
  User: {
    __resolveReference: async (ref, ctx) => {
      const actor = requireUser(ctx.actor);
      // Only users of the actor's own customer resolve; any other id is refused alike.
      const user = await findUser(ctx, actor.customerId, ref.id);
      if (!user) throw forbidden();
      return user;
    },
    customer: async (u, _a, ctx) => {
      const customer = await ctx.loaders.customer.load(u.customerId);
      if (!customer) throw notFound('Customer', u.customerId);
      return customer;
    },
    // S6: a user's own and the manager's view are full; colleagues see them masked.
    contact: (u, _a, ctx) =>
      contactFor(ctx, u, ctx.actor.kind === 'customerUser' && ctx.actor.userId === u.id),
    profile: async (u, _a, ctx) => {
      if (!(await ctx.profiles.exists(u.id))) return null;
      return { topics: await ctx.profiles.topics(u.id) };
    },
    notificationSettings: async (u, _a, ctx) => {
      const actor = requireUser(ctx.actor);
      if (actor.userId !== u.id) throw forbidden('Only the user can read their own notification settings.');
      const prefs = await ctx.crm.getNotificationPreferences(u.id);
      return prefs
        .filter((p) => (EVENTS as readonly string[]).includes(p.event))
        .map((p) => ({
          event: p.event as (typeof EVENTS)[number],
          channels: p.channels.filter((c): c is 'SMS' | 'EMAIL' => c === 'SMS' || c === 'EMAIL'),
        }));
    },
  },
  AuthSession: {
    user: async (s, _a, ctx) => {
      const user = await ctx.crm.getUser(s.userId);
      if (!user) throw notFound('User', s.userId);
      return user;
    },
  },
  Authorization: {
    capabilities: (g) => g.capabilities.map((c) => CAPABILITY_ENUM[c]),
    grantee: async (g, _a, ctx) => (await findUser(ctx, g.customerId, g.granteeId)) ?? null,
  },
};
