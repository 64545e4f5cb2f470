import { createHmac } from 'node:crypto';

/**
 * The signature on every webhook delivery (docs/partners.md, "Verifying a delivery"), in the form
 * payment providers use: `x-ssm-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
 * with the subscription's signing secret. The timestamp is signed too, so a receiver that refuses
 * old timestamps cannot be fed a captured delivery again later.
 */
export const SIGNATURE_HEADER = 'x-ssm-signature';

const hmac = (secret: string, timestamp: string, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** The header value for one attempt (signed anew at every attempt). */
export function signDelivery(secret: string, body: string, now = Date.now()): string {
  const timestamp = String(Math.floor(now / 1000));
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}
