/**
 * Our only contact with graphql-shield and graphql-middleware (both unreleased since 2024: keep
 * their use behind this module). Each subgraph lists its rules in one permissions.ts; every
 * field not listed is denied.
 */
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, and, deny, or, rule, shield, type IRules } from 'graphql-shield';
import type { Actor } from '../actor';
import { forbidden, unauthenticated } from '../errors';
import type { Capability } from './capabilities';
import { can, canSee, holdsAnywhere, type Target } from './decisions';
import { msg } from '../i18n/text';

export { allow, and, deny, or };
export type Rules = IRules;

interface WithActor {
  actor: Actor;
}

/**
 * Shield caches results by rule name and refuses two rules with one name, so each named rule is
 * built once: a name (type + capability) always means the same check.
 */
type NamedRule = ReturnType<ReturnType<typeof rule>>;
const built = new Map<string, NamedRule>();
function named(name: string, make: () => NamedRule): NamedRule {
  let r = built.get(name);
  if (!r) {
    r = make();
    built.set(name, r);
  }
  return r;
}

/** Anonymous callers must sign in; partners and idle staff are signed in but not allowed. */
function refuseOther(actor: Actor) {
  return actor.kind === 'anonymous' ? unauthenticated() : forbidden();
}

/** R4: a partner system holding the scope. */
export function isPartnerWith(scope: string) {
  return named(`isPartnerWith:${scope}`, () =>
    rule(`isPartnerWith:${scope}`, { cache: 'contextual' })((_p, _a, ctx: WithActor) =>
      ctx.actor.kind === 'partner' && ctx.actor.scopes.includes(scope) ? true : refuseOther(ctx.actor),
    ),
  );
}

/** Signed in as a customer's user. */
export const isSignedIn = rule('isSignedIn', { cache: 'contextual' })((_p, _a, ctx: WithActor) =>
  ctx.actor.kind === 'customerUser' ? true : refuseOther(ctx.actor),
);

/** The customer's SS manager (R1). */
export const isManager = rule('isManager', { cache: 'contextual' })((_p, _a, ctx: WithActor) => {
  if (ctx.actor.kind !== 'customerUser') return refuseOther(ctx.actor);
  return ctx.actor.role === 'MANAGER' ? true : forbidden('Only the self-service manager may do this.');
});

/** Holds the capability over at least something: the check that needs no data. */
export function holds(capability: Capability) {
  return named(`holds:${capability}`, () =>
    rule(`holds:${capability}`, { cache: 'contextual' })((_p, _a, ctx: WithActor) => {
      if (ctx.actor.kind !== 'customerUser') return refuseOther(ctx.actor);
      return holdsAnywhere(ctx.actor, capability)
        ? true
        : forbidden(msg`You have no ${capability} authorization.`);
    }),
  );
}

/**
 * Object-level rule on a parent object: the actor holds `capability` (or one of several) over the
 * target the parent names, or, with null, may see it at all. Parents are the subgraph's own models;
 * the target is found once however many capabilities would do.
 */
export function onParent<P, C extends WithActor = WithActor>(
  name: string,
  capability: Capability | readonly Capability[] | null,
  targetOf: (parent: P, ctx: C) => Target | null | Promise<Target | null>,
) {
  const any: readonly Capability[] | null = typeof capability === 'string' ? [capability] : capability;
  const id = `onParent:${name}:${any?.join('|') ?? 'see'}`;
  return named(id, () =>
    rule(id, { cache: 'no_cache' })(async (parent: P, _a, ctx: C) => {
      if (ctx.actor.kind !== 'customerUser') return refuseOther(ctx.actor);
      const actor = ctx.actor;
      const target = await targetOf(parent, ctx);
      if (!target) return forbidden();
      return (any ? any.some((c) => can(actor, c, target)) : canSee(actor, target)) ? true : forbidden();
    }),
  );
}

/** The parent belongs to the actor's own customer (any of its users may see it exists). */
export function ofOwnCustomer<P>(name: string, customerIdOf: (parent: P) => string | undefined) {
  return named(`ofOwnCustomer:${name}`, () =>
    rule(`ofOwnCustomer:${name}`, { cache: 'no_cache' })((parent: P, _a, ctx: WithActor) => {
      if (ctx.actor.kind !== 'customerUser') return refuseOther(ctx.actor);
      return customerIdOf(parent) === ctx.actor.customerId ? true : forbidden();
    }),
  );
}

/** Wraps a built subgraph schema with the rules; anything unlisted is denied with FORBIDDEN. */
export function protect(schema: GraphQLSchema, rules: IRules): GraphQLSchema {
  return applyMiddleware(
    schema,
    shield(rules, {
      fallbackRule: deny,
      // Errors resolvers throw (NOT_FOUND, BAD_USER_INPUT, UPSTREAM_*) pass through unchanged.
      allowExternalErrors: true,
      fallbackError: () => forbidden(),
    }),
  );
}
