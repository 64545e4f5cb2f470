import {
  ANONYMOUS,
  type AccessClaims,
  InvalidTokenError,
  tokenAudience,
  verifyAccessToken,
  verifyPartnerToken,
  type Actor,
} from '../lib/actor';
import type { Grant, GrantRepository } from '../lib/authz/grants';
import type { SessionChecker } from '../lib/sessions';
import type { CacheOwner } from './response-cache';

export class AuthenticationError extends Error {}

const PARTNER_TOKEN_EXPIRED = 'The partner token has expired; request a new one.';
const ACCESS_TOKEN_EXPIRED = 'The access token has expired; refresh the session.';

/**
 * What a validly signed, unexpired credential names, before its session is checked: enough to
 * charge the caller's rate limit and read their language choice while the session check and the
 * grants read are under way (one store round trip for all of them; docs/performance.md, issue 17
 * lever 12). Not an actor: nothing is authorized on it.
 */
export type Credential =
  | { kind: 'anonymous' }
  | { kind: 'partner'; actor: Actor & { kind: 'partner' }; expiresAt: number }
  | { kind: 'user'; claims: AccessClaims };

/**
 * Who is calling, as far as the rate limit and the language choice need to know: a credential's
 * caller before its session is checked, or an actor (every Actor is one).
 */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'partner'; clientId: string }
  | { kind: 'customerUser' | 'staff'; userId: string };

export function callerOf(credential: Credential): Caller {
  if (credential.kind === 'user') return { kind: 'customerUser', userId: credential.claims.userId };
  if (credential.kind === 'partner') return { kind: 'partner', clientId: credential.actor.clientId };
  return credential;
}

/**
 * Whose cached answers a credential's caller would read (gateway/response-cache.ts), known before
 * the session is checked: staff acting for a customer read the customer's; staff not acting for
 * anyone have no tag.
 */
export function cacheOwnerOfCredential(credential: Credential): CacheOwner {
  if (credential.kind === 'partner') return { kind: 'partner', partnerId: credential.actor.partnerId };
  if (credential.kind === 'anonymous') return null;
  const { claims } = credential;
  if (claims.role === 'STAFF' && !claims.onBehalfReason) return null;
  return { kind: 'customer', customerId: claims.customerId };
}

/**
 * The Authorization header's credential, checked for signature, audience and expiry (CPU only, no
 * store). No header: anonymous. A header that is not a valid, unexpired token: an error (never
 * silently anonymous, so clients notice).
 */
export async function verifyCredential(header: string | undefined, tokenSecret: string): Promise<Credential> {
  if (!header) return { kind: 'anonymous' };
  const match = /^Bearer ([A-Za-z0-9._-]{10,4096})$/.exec(header);
  if (!match) throw new AuthenticationError('The Authorization header must be "Bearer <access token>".');
  if (tokenAudience(match[1]) === 'ssm-partner') {
    try {
      const partner = await verifyPartnerToken(match[1], tokenSecret);
      return {
        kind: 'partner',
        actor: {
          kind: 'partner',
          partnerId: partner.partnerId,
          clientId: partner.clientId,
          scopes: partner.scopes,
        },
        expiresAt: partner.expiresAt,
      };
    } catch (error) {
      throw new AuthenticationError(
        error instanceof InvalidTokenError && error.reason === 'expired'
          ? PARTNER_TOKEN_EXPIRED
          : 'The partner token is not valid.',
      );
    }
  }
  try {
    return { kind: 'user', claims: await verifyAccessToken(match[1], tokenSecret) };
  } catch (error) {
    throw new AuthenticationError(
      error instanceof InvalidTokenError && error.reason === 'expired'
        ? ACCESS_TOKEN_EXPIRED
        : 'The access token is not valid.',
    );
  }
}

/**
 * Whether a credential verified earlier has expired since (jose's rule: expired once `exp`, in
 * seconds, is not after now), with the message verifyCredential would give it now.
 */
export function expiredSince(credential: Credential): AuthenticationError | null {
  if (credential.kind === 'anonymous') return null;
  const expiresAt = credential.kind === 'user' ? credential.claims.expiresAt : credential.expiresAt;
  if (expiresAt > Math.floor(Date.now() / 1000)) return null;
  return new AuthenticationError(
    credential.kind === 'partner' ? PARTNER_TOKEN_EXPIRED : ACCESS_TOKEN_EXPIRED,
  );
}

/**
 * The actor a verified credential stands for: a user's session must still be open (logout takes
 * effect on the next request), and an authorized user's live grants are read. The two reads run
 * at once; a closed session wins over a failed grants read (401, not 503).
 */
export async function actorOf(
  credential: Credential,
  sessions: SessionChecker,
  grants: GrantRepository,
): Promise<Actor> {
  if (credential.kind === 'anonymous') return ANONYMOUS;
  if (credential.kind === 'partner') return credential.actor;
  const { claims } = credential;
  // Grants are read on every request, each judged with the grants it derives from, so a revocation
  // or expiry (of a grant or of its source) applies to the very next one (R2). Managers hold every
  // right over their own customer, staff act with a manager's: neither has grants to read.
  const reading: Promise<Grant[]> =
    claims.role === 'MANAGER' || claims.role === 'STAFF'
      ? Promise.resolve([])
      : grants.activeFor(claims.userId);
  // Settled either way: the session's answer decides first.
  reading.catch(() => undefined);
  if (!(await sessions.isOpen(claims.sessionId)))
    throw new AuthenticationError('The session has ended; sign in again.');
  if (claims.role === 'STAFF') {
    // R5: staff act for one customer with a stated reason, with the manager's rights there.
    if (!claims.onBehalfReason) return { kind: 'staff', userId: claims.userId, sessionId: claims.sessionId };
    return {
      kind: 'customerUser',
      userId: claims.userId,
      customerId: claims.customerId,
      role: 'MANAGER',
      sessionId: claims.sessionId,
      grants: [],
      assistedBy: { reason: claims.onBehalfReason },
    };
  }
  const live = await reading;
  return {
    kind: 'customerUser',
    userId: claims.userId,
    customerId: claims.customerId,
    role: claims.role,
    sessionId: claims.sessionId,
    grants: live
      .filter((g) => g.customerId === claims.customerId)
      .map((g) => ({
        id: g.id,
        capabilities: g.capabilities,
        scopeKind: g.scopeKind,
        scopeIds: g.scopeIds,
        validUntil: g.validUntil,
      })),
  };
}
