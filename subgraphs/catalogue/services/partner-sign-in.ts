import { signPartnerToken } from '../../../lib/actor';
import { UNKNOWN_SOURCE } from '../../../lib/lockouts';
import type { PartnerModel } from '../../../legacy/catalogue/models';
import type { CatalogueContext } from '../context';

/** What signing a partner system in needs from the request. */
export type PartnerSignInDeps = Pick<
  CatalogueContext,
  'catalogue' | 'audit' | 'logger' | 'tokenSecret' | 'loaders' | 'lockouts' | 'actor'
>;

const PARTNER_TOKEN_TTL_SECONDS = 900;

export type PartnerSignIn =
  | { kind: 'issued'; token: string; expiresAt: Date; partner: PartnerModel; scopes: string[] }
  | { kind: 'refused' }
  /** Too many wrong secrets for this client from this source (R4, like users' S1 lock-out). */
  | { kind: 'locked'; retryAfterSeconds: number };

/**
 * R4: exchanges a partner system's client credentials for a short-lived partner token. Sign-ins
 * and credentials the ISMP refused are security events (S4); a refusal does not say which half of
 * the credentials was wrong. Wrong secrets count per client id and source (the caller's hashed
 * network): N of them lock that pair out, so a stranger guessing cannot lock the partner's own
 * systems out. Unknown client ids are counted alike, so a lock-out tells nothing either.
 */
export async function signInPartner(
  deps: PartnerSignInDeps,
  credentials: { clientId: string; clientSecret: string },
): Promise<PartnerSignIn> {
  const { clientId, clientSecret } = credentials;
  const subject = clientId.slice(0, 100);
  const source = deps.actor.source ?? UNKNOWN_SOURCE;
  const locked = await deps.lockouts.lockedFor(subject, [source]);
  if (locked) return { kind: 'locked', retryAfterSeconds: locked };
  // Oversized credentials cannot be right: refused without asking the ISMP.
  const client =
    clientId.length > 100 || clientSecret.length > 200
      ? null
      : await deps.catalogue.verifyClient(clientId, clientSecret);
  if (!client) {
    await deps.audit.record({ kind: 'LOGIN', outcome: 'FAILURE', customerId: null, actorId: subject });
    deps.logger.warn({ event: 'partner.auth.failure' }, 'partner client refused');
    const outcome = await deps.lockouts.fail(subject, { source }, deps.lockouts.settings.maxFailures);
    if (!outcome) return { kind: 'refused' };
    if (outcome.justLocked) {
      await deps.audit.record({ kind: 'LOCKOUT', outcome: 'SUCCESS', customerId: null, actorId: subject });
      deps.logger.warn({ event: 'partner.auth.lockout' }, 'partner client locked out at one source');
    }
    return { kind: 'locked', retryAfterSeconds: outcome.lockedForSeconds };
  }
  // S4: stored before the token exists (fail closed), like every sign-in.
  await deps.audit.record({
    kind: 'LOGIN',
    outcome: 'SUCCESS',
    customerId: null,
    actorId: clientId,
    target: client.partnerId,
  });
  await deps.lockouts.clear(subject, [{ source }]);
  const { token, expiresAt } = await signPartnerToken(
    { partnerId: client.partnerId, clientId, scopes: client.scopes },
    deps.tokenSecret,
    PARTNER_TOKEN_TTL_SECONDS,
  );
  const partner = await deps.loaders.partner.load(client.partnerId);
  if (!partner) return { kind: 'refused' };
  deps.logger.info({ event: 'partner.auth', partnerId: client.partnerId }, 'partner token issued');
  return { kind: 'issued', token, expiresAt, partner, scopes: client.scopes };
}
