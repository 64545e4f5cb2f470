import type http from 'node:http';
import {
  ANONYMOUS,
  InvalidTokenError,
  tokenAudience,
  verifyAccessToken,
  verifyPartnerToken,
  type Actor,
} from '../lib/actor';
import type { GrantRepository } from '../lib/authz/grants';
import type { SessionChecker } from '../lib/sessions';

export class AuthenticationError extends Error {}

/**
 * Turns the Authorization header into an actor. No header: anonymous. A header that is not a valid,
 * unexpired token of an open session: an error (never silently anonymous, so clients notice).
 */
export async function authenticate(
  req: http.IncomingMessage,
  tokenSecret: string,
  sessions: SessionChecker,
  grants: GrantRepository,
): Promise<Actor> {
  return authenticateHeader(req.headers.authorization, tokenSecret, sessions, grants);
}

/**
 * `authenticate` for an Authorization value that came another way (a WebSocket's connection_init
 * payload) or again later (a subscription re-checks its subscriber on every event).
 */
export async function authenticateHeader(
  header: string | undefined,
  tokenSecret: string,
  sessions: SessionChecker,
  grants: GrantRepository,
): Promise<Actor> {
  if (!header) return ANONYMOUS;
  const match = /^Bearer ([A-Za-z0-9._-]{10,4096})$/.exec(header);
  if (!match) throw new AuthenticationError('The Authorization header must be "Bearer <access token>".');
  if (tokenAudience(match[1]) === 'ssm-partner') {
    try {
      const partner = await verifyPartnerToken(match[1], tokenSecret);
      return {
        kind: 'partner',
        partnerId: partner.partnerId,
        clientId: partner.clientId,
        scopes: partner.scopes,
      };
    } catch (error) {
      throw new AuthenticationError(
        error instanceof InvalidTokenError && error.reason === 'expired'
          ? 'The partner token has expired; request a new one.'
          : 'The partner token is not valid.',
      );
    }
  }
  let claims;
  try {
    claims = await verifyAccessToken(match[1], tokenSecret);
  } catch (error) {
    throw new AuthenticationError(
      error instanceof InvalidTokenError && error.reason === 'expired'
        ? 'The access token has expired; refresh the session.'
        : 'The access token is not valid.',
    );
  }
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
  // Grants are read on every request, each judged with the grants it derives from, so a revocation
  // or expiry (of a grant or of its source) applies to the very next one (R2).
  const live = claims.role === 'MANAGER' ? [] : await grants.activeFor(claims.userId);
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
