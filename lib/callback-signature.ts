import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed legacy callbacks (F9): the IBSS signs every completion callback it posts, the way
 * order systems and payment providers sign webhooks, so the orders subgraph acts only on
 * callbacks from the IBSS. The signature is HMAC-SHA256, in hex, over `<timestamp>.<body>` with
 * a secret both sides know (SSM_IBSS_CALLBACK_SECRET); the timestamp is Unix seconds and must be
 * within the tolerance of the receiver's clock, so a captured callback cannot be replayed later.
 */
export const CALLBACK_TIMESTAMP_HEADER = 'x-ibss-timestamp';
export const CALLBACK_SIGNATURE_HEADER = 'x-ibss-signature';
/** How far a callback's timestamp may be from the receiver's clock, either way. */
export const CALLBACK_TOLERANCE_SECONDS = 300;

function signatureOf(secret: string, timestamp: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
}

/** The headers a sender adds to one callback; signed at sending time (every retry anew). */
export function signCallback(secret: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  return {
    [CALLBACK_TIMESTAMP_HEADER]: timestamp,
    [CALLBACK_SIGNATURE_HEADER]: signatureOf(secret, timestamp, body).toString('hex'),
  };
}

/** Why a callback is not to be trusted; `ok` when it is. */
export type CallbackVerdict = 'ok' | 'unsigned' | 'stale' | 'forged';

const single = (value: string | string[] | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;

/**
 * Checks one received callback: both headers present once, the timestamp within the tolerance,
 * and the signature equal to the one the secret gives (compared in constant time).
 */
export function verifyCallback(
  secret: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: string,
  now = Date.now(),
): CallbackVerdict {
  const timestamp = single(headers[CALLBACK_TIMESTAMP_HEADER]);
  const signature = single(headers[CALLBACK_SIGNATURE_HEADER]);
  if (!timestamp || !signature) return 'unsigned';
  if (!/^\d{1,12}$/.test(timestamp)) return 'forged';
  if (Math.abs(now / 1000 - Number(timestamp)) > CALLBACK_TOLERANCE_SECONDS) return 'stale';
  if (!/^[0-9a-f]{64}$/i.test(signature)) return 'forged';
  const expected = signatureOf(secret, timestamp, body);
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? 'ok' : 'forged';
}
