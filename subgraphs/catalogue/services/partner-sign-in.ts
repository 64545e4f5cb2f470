import { signPartnerToken } from '../../../lib/actor';
import type { PartnerModel } from '../../../legacy/catalogue/models';
import type { CatalogueContext } from '../context';

/** What signing a partner system in needs from the request. */
export type PartnerSignInDeps = Pick<
  CatalogueContext,
  'catalogue' | 'audit' | 'logger' | 'tokenSecret' | 'loaders'
>;

const PARTNER_TOKEN_TTL_SECONDS = 900;

export type PartnerSignIn =
  | { kind: 'issued'; token: string; expiresAt: Date; partner: PartnerModel; scopes: string[] }
  | { kind: 'refused' };

/**
 * R4: exchanges a partner system's client credentials for a short-lived partner token. Sign-ins
 * and credentials the ISMP refused are security events (S4); a refusal does not say which half of
 * the credentials was wrong.
 */
export async function signInPartner(
  deps: PartnerSignInDeps,
  credentials: { clientId: string; clientSecret: string },
): Promise<PartnerSignIn> {
  const { clientId, clientSecret } = credentials;
  // Oversized credentials cannot be right: refused without asking the ISMP.
  if (clientId.length > 100 || clientSecret.length > 200) return { kind: 'refused' };
  const client = await deps.catalogue.verifyClient(clientId, clientSecret);
  if (!client) {
    await deps.audit.record({
      kind: 'LOGIN',
      outcome: 'FAILURE',
      customerId: null,
      actorId: clientId.slice(0, 100),
    });
    deps.logger.warn({ event: 'partner.auth.failure' }, 'partner client refused');
    return { kind: 'refused' };
  }
  // S4: stored before the token exists (fail closed), like every sign-in.
  await deps.audit.record({
    kind: 'LOGIN',
    outcome: 'SUCCESS',
    customerId: null,
    actorId: clientId,
    target: client.partnerId,
  });
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
