import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { BoundedMap } from './bounded';

/** Roles a customer's user can hold (M.3345 R1-R3). */
export type CustomerRole = 'MANAGER' | 'AUTHORIZED_USER' | 'SSM_USER';
/** Roles a sign-in can carry: a customer's user, or operator help-desk staff (R5). */
export type LoginRole = CustomerRole | 'STAFF';

/** A live grant as the gateway forwards it to subgraphs (see lib/authz/grants.ts). */
export interface GrantClaim {
  id: string;
  capabilities: string[];
  scopeKind: 'SERVICES' | 'ACCOUNT';
  scopeIds: string[];
  validUntil: string | null;
}

/** Who is calling, as the gateway forwards it; `source` only reaches subgraphs (see Sourced). */
export type Actor = Sourced &
  (
    | { kind: 'anonymous' }
    | {
        kind: 'customerUser';
        userId: string;
        customerId: string;
        role: CustomerRole;
        sessionId: string;
        /** Live grants; empty for managers, who hold every right over their own customer. */
        grants: GrantClaim[];
        /** R5: set when operator staff act for the customer (userId is then the staff id). */
        assistedBy?: { reason: string };
      }
    /** R5: operator staff signed in but not (yet) acting for a customer. */
    | { kind: 'staff'; userId: string; sessionId: string }
    /** R4: a partner (SP/CP) system, authenticated with client credentials. */
    | { kind: 'partner'; partnerId: string; clientId: string; scopes: string[] }
  );

interface Sourced {
  /**
   * The caller's network as a keyed hash (lib/client-source.ts). The gateway adds it to the actor
   * context of mutations only, for the sign-in lock-outs per actor and source (lib/lockouts.ts).
   */
  source?: string;
}

export const ANONYMOUS: Actor = { kind: 'anonymous' };

const ISSUER = 'ssm-gateway';

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/**
 * How long an actor context lives: the gateway signs one per subgraph fetch, so seconds are
 * enough, and subgraphs refuse any context meant to live longer (a leaked or forged long-lived
 * context must not work).
 */
export const ACTOR_CONTEXT_TTL_SECONDS = 60;

/**
 * The actor context the gateway forwards to one subgraph: signed, valid for seconds, and bound to
 * that subgraph (audience) so a token captured from one subgraph cannot be replayed on another.
 */
export async function signActorContext(
  actor: Actor,
  audience: string,
  secret: string,
  ttlSeconds = ACTOR_CONTEXT_TTL_SECONDS,
): Promise<string> {
  // One clock reading for both claims: jose reads the clock separately for `setIssuedAt()` and a
  // relative `setExpirationTime('60s')`, so across a second boundary exp - iat would be 61 and
  // the subgraph (which refuses contexts living longer than the gateway's) would answer 401.
  const issuedAt = Math.floor(Date.now() / 1000);
  return new SignJWT({ actor })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(keyOf(secret));
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'The token has expired.' : 'The token is not valid.');
  }
}

/** Clocks of the gateway and the subgraphs may differ this much. */
const CLOCK_SKEW_SECONDS = 5;

/**
 * Verifies an actor context for this subgraph (audience). Besides signature and expiry, its
 * whole lifetime (exp - iat) may not exceed the gateway's own (ACTOR_CONTEXT_TTL_SECONDS), and it
 * may not claim to be issued in the future: a context minted to live for a year is refused.
 */
export async function verifyActorContext(
  token: string,
  audience: string,
  secret: string,
  maxLifetimeSeconds = ACTOR_CONTEXT_TTL_SECONDS,
): Promise<Actor> {
  return (await verifiedContext(token, audience, secret, maxLifetimeSeconds)).actor;
}

async function verifiedContext(
  token: string,
  audience: string,
  secret: string,
  maxLifetimeSeconds: number,
): Promise<{ actor: Actor; exp: number }> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience,
      algorithms: ['HS256'],
      requiredClaims: ['iat', 'exp'],
    }));
  } catch (error) {
    throw new InvalidTokenError(error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid');
  }
  const { iat, exp } = payload as { iat: number; exp: number };
  if (exp - iat > maxLifetimeSeconds || iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS)
    throw new InvalidTokenError('invalid');
  return { actor: parseActor(payload.actor), exp };
}

/**
 * verifyActorContext for one subgraph, remembering each context it verified until that context
 * expires. The gateway reuses a signed context for half its life (gateway/subgraph-client.ts), so
 * most requests carry one already verified; its signature was checked once, and the key is the
 * whole token, signature included, so only those exact bytes are taken on trust. Expiry is still
 * checked on every use, as jose does (expired once `exp` is not after now, in seconds).
 */
export class ActorContextVerifier {
  private readonly verified: BoundedMap<string, { actor: Actor; exp: number }>;

  constructor(
    private readonly audience: string,
    private readonly secret: string,
    /** Contexts remembered at most (a few per signed-in actor active in the last minute). */
    limit = 10_000,
  ) {
    this.verified = new BoundedMap(limit);
  }

  async verify(token: string): Promise<Actor> {
    const known = this.verified.get(token);
    if (known) {
      if (known.exp > Math.floor(Date.now() / 1000)) return known.actor;
      this.verified.delete(token);
      throw new InvalidTokenError('expired');
    }
    const context = await verifiedContext(token, this.audience, this.secret, ACTOR_CONTEXT_TTL_SECONDS);
    return this.verified.remember(token, context).actor;
  }
}

function parseActor(value: unknown): Actor {
  if (typeof value !== 'object' || value === null) throw new InvalidTokenError('invalid');
  const v = value as Record<string, unknown>;
  const actor = parseIdentity(v);
  return typeof v.source === 'string' && v.source.length <= 64 ? { ...actor, source: v.source } : actor;
}

function parseIdentity(v: Record<string, unknown>): Actor {
  if (v.kind === 'anonymous') return ANONYMOUS;
  if (
    v.kind === 'customerUser' &&
    typeof v.userId === 'string' &&
    typeof v.customerId === 'string' &&
    typeof v.sessionId === 'string' &&
    (v.role === 'MANAGER' || v.role === 'AUTHORIZED_USER' || v.role === 'SSM_USER')
  ) {
    return {
      kind: 'customerUser',
      userId: v.userId,
      customerId: v.customerId,
      role: v.role,
      sessionId: v.sessionId,
      grants: parseGrants(v.grants),
      ...(isAssist(v.assistedBy) ? { assistedBy: { reason: v.assistedBy.reason } } : {}),
    };
  }
  if (
    v.kind === 'partner' &&
    typeof v.partnerId === 'string' &&
    typeof v.clientId === 'string' &&
    Array.isArray(v.scopes) &&
    v.scopes.every((x) => typeof x === 'string')
  ) {
    return { kind: 'partner', partnerId: v.partnerId, clientId: v.clientId, scopes: v.scopes as string[] };
  }
  if (v.kind === 'staff' && typeof v.userId === 'string' && typeof v.sessionId === 'string') {
    return { kind: 'staff', userId: v.userId, sessionId: v.sessionId };
  }
  throw new InvalidTokenError('invalid');
}

function isAssist(value: unknown): value is { reason: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { reason?: unknown }).reason === 'string'
  );
}

function parseGrants(value: unknown): GrantClaim[] {
  if (!Array.isArray(value)) throw new InvalidTokenError('invalid');
  const strings = (a: unknown): a is string[] => Array.isArray(a) && a.every((s) => typeof s === 'string');
  return value.map((g: unknown): GrantClaim => {
    const x = (typeof g === 'object' && g !== null ? g : {}) as Record<string, unknown>;
    if (
      typeof x.id !== 'string' ||
      !strings(x.capabilities) ||
      !strings(x.scopeIds) ||
      (x.scopeKind !== 'SERVICES' && x.scopeKind !== 'ACCOUNT') ||
      (x.validUntil !== null && typeof x.validUntil !== 'string')
    ) {
      throw new InvalidTokenError('invalid');
    }
    return {
      id: x.id,
      capabilities: x.capabilities,
      scopeKind: x.scopeKind,
      scopeIds: x.scopeIds,
      validUntil: x.validUntil,
    };
  });
}

export interface AccessClaims {
  userId: string;
  /** The customer the token is for; 'OPERATOR' for staff not acting for a customer. */
  customerId: string;
  role: LoginRole;
  /** R5: staff acting for customerId, with the reason they gave. */
  onBehalfReason?: string;
  sessionId: string;
  tokenId: string;
  expiresAt: number;
}

/** Access tokens are issued by the login flow (customer subgraph) and verified by the gateway. */
export async function signAccessToken(
  claims: Omit<AccessClaims, 'expiresAt'>,
  secret: string,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({
    cid: claims.customerId,
    role: claims.role,
    sid: claims.sessionId,
    ...(claims.onBehalfReason ? { obo: claims.onBehalfReason } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience('ssm-api')
    .setSubject(claims.userId)
    .setJti(claims.tokenId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(keyOf(secret));
  return { token, expiresAt };
}

export async function verifyAccessToken(token: string, secret: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: 'ssm-api',
      algorithms: ['HS256'],
    });
    const role = payload.role;
    if (
      typeof payload.sub !== 'string' ||
      typeof payload.cid !== 'string' ||
      typeof payload.sid !== 'string' ||
      typeof payload.jti !== 'string' ||
      typeof payload.exp !== 'number' ||
      (role !== 'MANAGER' && role !== 'AUTHORIZED_USER' && role !== 'SSM_USER' && role !== 'STAFF') ||
      (payload.obo !== undefined && (typeof payload.obo !== 'string' || role !== 'STAFF'))
    ) {
      throw new InvalidTokenError('invalid');
    }
    return {
      userId: payload.sub,
      customerId: payload.cid,
      role,
      sessionId: payload.sid,
      tokenId: payload.jti,
      expiresAt: payload.exp,
      ...(typeof payload.obo === 'string' ? { onBehalfReason: payload.obo } : {}),
    };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    throw new InvalidTokenError(error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid');
  }
}

export interface PartnerClaims {
  partnerId: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

/** R4: short-lived tokens for partner systems (client-credentials grant); audience ssm-partner. */
export async function signPartnerToken(
  claims: Omit<PartnerClaims, 'expiresAt'>,
  secret: string,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ cli: claims.clientId, scp: claims.scopes })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience('ssm-partner')
    .setSubject(claims.partnerId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(keyOf(secret));
  return { token, expiresAt };
}

export async function verifyPartnerToken(token: string, secret: string): Promise<PartnerClaims> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: 'ssm-partner',
      algorithms: ['HS256'],
    });
    const scopes = payload.scp;
    if (
      typeof payload.sub !== 'string' ||
      typeof payload.cli !== 'string' ||
      typeof payload.exp !== 'number' ||
      !Array.isArray(scopes) ||
      !scopes.every((x) => typeof x === 'string')
    ) {
      throw new InvalidTokenError('invalid');
    }
    return {
      partnerId: payload.sub,
      clientId: payload.cli,
      scopes: scopes as string[],
      expiresAt: payload.exp,
    };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    throw new InvalidTokenError(error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid');
  }
}

/** Which kind of API token this is (audience), without trusting it yet. */
export function tokenAudience(token: string): string | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      aud?: unknown;
    };
    return typeof payload.aud === 'string' ? payload.aud : null;
  } catch {
    return null;
  }
}
