import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Actor } from '../lib/actor';
import { bumpTags, customerTag, partnerTag, tagVersions } from '../lib/cache/tags';
import type { KeyValueStore } from '../lib/kv';
import type { Logger } from '../lib/logger';
import { cacheErrors, responseCacheRequests } from '../lib/metrics';
import { browsesCatalogue } from './browsing-operations';
import type { GatewayContext } from './context';

/** Response header telling clients and tests what the full-response cache did. */
export const CACHE_STATUS_HEADER = 'x-ssm-cache';

/** Apollo's cache interface over our store; a store that is down is a miss, never an error. */
export class StoreKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly store: KeyValueStore,
    private readonly prefix: string,
    private readonly logger: Logger,
    /** Used when Apollo asks for no expiry: nothing lives in the cache forever. */
    private readonly defaultTtlSeconds = 86_400,
    private readonly maxTtlSeconds = Infinity,
  ) {}

  private failed(error: unknown): void {
    cacheErrors.inc({ cache: this.prefix });
    this.logger.warn({ err: error, cache: this.prefix }, 'cache unavailable; answering without it');
  }

  async get(key: string): Promise<string | undefined> {
    if (!this.store.available()) return undefined;
    try {
      return (await this.store.get(this.prefix + key)) ?? undefined;
    } catch (error) {
      this.failed(error);
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (!this.store.available()) return;
    try {
      await this.store.set(
        this.prefix + key,
        value,
        Math.min(options?.ttl ?? this.defaultTtlSeconds, this.maxTtlSeconds),
      );
    } catch (error) {
      this.failed(error);
    }
  }

  async delete(key: string): Promise<boolean | void> {
    try {
      await this.store.del(this.prefix + key);
    } catch (error) {
      this.failed(error);
    }
  }
}

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/**
 * The key under which an actor's PRIVATE responses are cached, or null (anonymous: nothing
 * private). It holds everything that decides what the actor may see, so a changed right is a
 * different key: role and live grants (a revoked or expired grant changes it on the very next
 * request, since grants are read per request), and the version of the customer's invalidation
 * tag, which every mutation of that customer's data bumps (order completion included), or of the
 * partner's tag, which every order event about the partner's products bumps.
 */
export function privateCacheKey(actor: Actor, version: string): string | null {
  switch (actor.kind) {
    case 'anonymous':
      return null;
    case 'staff':
      return sha(['staff', actor.userId]);
    case 'partner':
      return sha(['partner', actor.partnerId, actor.clientId, [...actor.scopes].sort(), version]);
    case 'customerUser': {
      const grants = [...actor.grants]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((g) => [g.id, [...g.capabilities].sort(), g.scopeKind, [...g.scopeIds].sort(), g.validUntil]);
      return sha([
        'customer',
        actor.userId,
        actor.customerId,
        actor.role,
        Boolean(actor.assistedBy),
        grants,
        version,
      ]);
    }
  }
}

/**
 * Whose invalidation tag versions a caller's PRIVATE entries: a customer's user (or staff acting
 * for the customer) the customer's, a partner its own (R4: a partner's views are retired by the
 * order events of its products, so partnerOrders and partnerSubscriptions change together). Null:
 * no tag (anonymous callers have nothing private; staff not acting for anyone key on themselves).
 */
export type CacheOwner =
  { kind: 'customer'; customerId: string } | { kind: 'partner'; partnerId: string } | null;

export function cacheOwnerOf(actor: Actor): CacheOwner {
  if (actor.kind === 'customerUser') return { kind: 'customer', customerId: actor.customerId };
  if (actor.kind === 'partner') return { kind: 'partner', partnerId: actor.partnerId };
  return null;
}

/**
 * The owner's tag version ('0' without an owner), or null when the store cannot tell: without the
 * version a stale private entry could be served, so private caching is then skipped. Never
 * rejects. The gateway starts it with the session check (one store round trip for both).
 */
export async function cacheVersion(store: KeyValueStore, owner: CacheOwner): Promise<string | null> {
  if (owner === null) return '0';
  if (!store.available()) return null;
  try {
    const tag = owner.kind === 'partner' ? partnerTag(owner.partnerId) : customerTag(owner.customerId);
    return (await tagVersions(store, [tag]))[0];
  } catch {
    return null;
  }
}

/**
 * Full-response caching at the gateway, driven by the subgraphs' cache hints (the response lives
 * for the smallest maxAge of every subgraph it touched; no hint = not cached). PUBLIC responses
 * are shared; PRIVATE ones are keyed by `privateCacheKey`. Mutations are never cached and a
 * response with errors never stored (Apollo's plugin). The gateway authorization plugin runs
 * before the cache is read (didResolveOperation), so a denied operation is denied on a hit too.
 */
export function responseCaching(
  store: KeyValueStore,
  logger: Logger,
  maxTtlSeconds?: number,
): ApolloServerPlugin<GatewayContext>[] {
  const cache = new StoreKeyValueCache(store, 'response:', logger, 86_400, maxTtlSeconds);
  // Read with the request's other store reads when the gateway started it (server.ts), else here.
  const versionOf = (context: GatewayContext): Promise<string | null> =>
    context.cacheVersion ?? cacheVersion(store, cacheOwnerOf(context.actor));
  return [
    responseCachePlugin<GatewayContext>({
      cache,
      // A subscription event is read fresh: a cached answer would be the state before the event.
      // R6: a signed-in user's catalogue browsing must reach the catalogue subgraph, which records
      // it in their profile; a shared cached answer would lose it (docs/caching.md, "Profiles").
      // Their answers are still stored for everyone else, and the subgraph's legacy cache still
      // spares the catalogue system.
      shouldReadFromCache: async ({ contextValue, document, operation }) =>
        !contextValue.internal &&
        !(
          contextValue.actor.kind === 'customerUser' &&
          // No parsed operation (never expected here): read fresh rather than lose browsing.
          (!document || !operation || browsesCatalogue(document, operation))
        ),
      shouldWriteToCache: async ({ contextValue }) => !contextValue.internal,
      // The same query in another language is another answer (issue 16 item 4).
      extraCacheKeyData: async ({ contextValue }) => contextValue.locale,
      sessionId: async ({ contextValue }) => {
        // Asked before shouldReadFromCache: an internal request (a subscription event) reads and
        // writes no entry, so it spares the store the version read.
        if (contextValue.internal) return null;
        const version = await versionOf(contextValue);
        // Without the version a stale private entry could be served: skip private caching.
        return version === null ? null : privateCacheKey(contextValue.actor, version);
      },
    }),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ operation, response, metrics, overallCachePolicy, contextValue }) {
            if (operation?.operation === 'mutation' && contextValue.actor.kind === 'customerUser') {
              // The customer's data may have changed: retire their cached responses (and the
              // subgraphs' tagged entries) before the client can ask again.
              try {
                await bumpTags(store, [customerTag(contextValue.actor.customerId)]);
              } catch (error) {
                cacheErrors.inc({ cache: 'response:' });
                logger.warn({ err: error }, 'could not invalidate cached responses');
              }
            }
            if (operation?.operation !== 'query') return;
            const hasErrors = response.body.kind === 'single' && Boolean(response.body.singleResult.errors);
            const status = metrics.responseCacheHit
              ? 'HIT'
              : !hasErrors && overallCachePolicy.policyIfCacheable()
                ? 'MISS'
                : 'PASS';
            responseCacheRequests.inc({ result: status.toLowerCase() });
            response.http.headers.set(CACHE_STATUS_HEADER, status);
          },
        };
      },
    },
  ];
}
